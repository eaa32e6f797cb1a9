package cn.zhenggai.report.drafting;

import cn.zhenggai.report.drafting.ReportRefused.Reason;

/** The report's refusals by kind: every rule of the report and its parts refuses through these. */
final class Refuse {

    private Refuse() {
    }

    static ReportRefused invalid(String code, String message) {
        return new ReportRefused(Reason.INVALID, code, message);
    }

    static ReportRefused forbidden(String code, String message) {
        return new ReportRefused(Reason.FORBIDDEN, code, message);
    }

    static ReportRefused conflict(String code, String message) {
        return new ReportRefused(Reason.CONFLICT, code, message);
    }

    static ReportRefused notFound(String code, String message) {
        return new ReportRefused(Reason.NOT_FOUND, code, message);
    }
}
