package cn.zhenggai.contracts.reportview;

/** Where a report (发言提纲/对照检查材料) stands in its review. */
public enum ReportStatus {
    /** 起草中: drafted, not yet submitted. */
    DRAFT,
    /** 待审核: submitted to the organization department. */
    SUBMITTED,
    /** 已退回: returned for rework; can be edited and resubmitted. */
    RETURNED,
    /** 已通过: accepted; its measures go to rectification. */
    ACCEPTED;

    /** Whether the author (or a delegate) may still change the report's content. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The status named {@code name}, or null when absent or unknown. */
    public static ReportStatus of(String name) {
        if (name == null) {
            return null;
        }
        for (ReportStatus status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return null;
    }
}
