package cn.zhenggai.contracts.refusal;

import java.util.Objects;

/**
 * A request the rules refuse, and nothing was changed: what kind of refusal it is, a machine-readable {@code code}
 * and the Chinese message a user reads. Thrown by aggregates, import readers and stores alike; it knows nothing of
 * HTTP (platform maps each {@link Kind} to one status, ADR 0096).
 */
public class Refusal extends RuntimeException {

    /** What kind of refusal: the only thing the answer's status depends on. */
    public enum Kind {
        /** The request itself is wrong (400). */
        INVALID,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** What the request names does not exist, or not for this caller (404). */
        NOT_FOUND,
        /** The request contradicts the current state (409). */
        CONFLICT,
        /** What was asked for existed but is irrecoverably gone (410). */
        GONE,
        /** The content is larger than allowed (413). */
        TOO_LARGE,
        /** The content is of a type not accepted (415). */
        UNSUPPORTED_TYPE,
        /** The content is understood but cannot be processed now (422). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
