package cn.zhenggai.report.meeting;

/** A meeting command the rules refuse; nothing was applied. {@code status} is the HTTP status it maps to. */
public class MeetingRefused extends RuntimeException {

    private final int status;
    private final String code;

    public MeetingRefused(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
