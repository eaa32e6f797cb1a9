package cn.zhenggai.platform.web;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of every 4xx/5xx answer: a machine-readable {@code code} and a human {@code message} (Chinese,
 * shown in the UI), plus per-field details for validation errors.
 */
public record ApiError(String code, String message, List<FieldProblem> fields) {

    public record FieldProblem(String field, String message) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }

    public static String json(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        try {
            return EnvelopeCodec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
