package cn.zhenggai.report.drafting;

/** A drafting command the report's rules refuse; nothing was applied. */
public class ReportRefused extends RuntimeException {

    public enum Reason { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND }

    private final Reason reason;
    private final String code;

    public ReportRefused(Reason reason, String code, String message) {
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
