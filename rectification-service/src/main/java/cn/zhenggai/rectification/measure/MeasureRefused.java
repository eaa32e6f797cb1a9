package cn.zhenggai.rectification.measure;

/** A command the item's rules refuse; nothing was applied. */
public class MeasureRefused extends RuntimeException {

    public enum Reason { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND }

    /** The answer to an unknown item id, and to an item the caller does not see (ADR 0072). */
    public static final String NOT_FOUND_CODE = "MEASURE_NOT_FOUND";
    /** Followed by the id asked for. */
    public static final String NOT_FOUND_MESSAGE = "整改事项不存在：";

    private final Reason reason;
    private final String code;

    public MeasureRefused(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    /** Item {@code measureId} does not exist, or not for this caller: the same words either way. */
    public static MeasureRefused notFound(String measureId) {
        return new MeasureRefused(Reason.NOT_FOUND, NOT_FOUND_CODE, NOT_FOUND_MESSAGE + measureId);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
