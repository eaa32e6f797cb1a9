package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;

/** A report's status in its review: draft → submitted → returned → submitted … → accepted. */
enum Status {
    DRAFT("草稿"), SUBMITTED("已提交"), RETURNED("已退回"), ACCEPTED("已通过");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** Refuses changes to the content while the report is under review or accepted. */
    void checkEditable() {
        if (this == SUBMITTED || this == ACCEPTED) {
            throw Refusal.conflict("REPORT_NOT_EDITABLE",
                    this == SUBMITTED ? "报告已提交审核，退回后才能修改" : "报告已审核通过，不能再修改");
        }
    }

    /** The refusal of an action the report's status does not allow. */
    Refusal refuse(String action) {
        return Refusal.conflict("INVALID_STATUS", "报告当前状态为“" + label + "”，不能" + action);
    }
}
