package cn.zhenggai.rectification.measure;

import cn.zhenggai.rectification.scope.ItemScope;

/** A command the item's rules refuse; nothing was applied. */
public class MeasureRefused extends RuntimeException {

    public enum Reason { INVALID, FORBIDDEN, CONFLICT, NOT_FOUND }

    private final Reason reason;
    private final String code;

    public MeasureRefused(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    /** Item {@code measureId} does not exist, or not for this caller: the same words either way. */
    public static MeasureRefused notFound(String measureId) {
        return new MeasureRefused(Reason.NOT_FOUND, ItemScope.NOT_FOUND_CODE, ItemScope.NOT_FOUND_MESSAGE + measureId);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
