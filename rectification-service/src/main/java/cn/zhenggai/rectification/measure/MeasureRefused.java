package cn.zhenggai.rectification.measure;

/** A command the item's rules refuse; nothing was applied. */
public class MeasureRefused extends RuntimeException {

    public enum Reason { INVALID, FORBIDDEN, CONFLICT }

    private final Reason reason;
    private final String code;

    public MeasureRefused(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
