package cn.zhenggai.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's answer: the HTTP status and the body parsed as JSON (an empty object if there was no body). The
 * fields are public so that assertions read {@code answer.status} and {@code answer.json}.
 */
public final class Answer {

    public final int status;
    public final JsonNode json;

    public Answer(int status, JsonNode json) {
        this.status = status;
        this.json = json;
    }

    public int status() {
        return status;
    }

    public JsonNode json() {
        return json;
    }

    @Override
    public String toString() {
        return status + " " + json;
    }
}
