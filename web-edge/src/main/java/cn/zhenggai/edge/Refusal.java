package cn.zhenggai.edge;

/** The codes the edge answers with, each with its HTTP status. */
public enum Refusal {
    /** A JSON string, field name, query parameter or path holds a control character or an unpaired surrogate. */
    INVALID_TEXT(400),
    /** The body is not UTF-8, or the URL's percent-encoding is broken. */
    MALFORMED_REQUEST(400),
    /** The body is over its endpoint's cap (by Content-Length, or counted while it streams in). */
    PAYLOAD_TOO_LARGE(413);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
