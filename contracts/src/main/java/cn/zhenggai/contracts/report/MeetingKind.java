package cn.zhenggai.contracts.report;

/** What kind of democratic life meeting (民主生活会) was convened; stored and sent by name. */
public enum MeetingKind {
    /** 年度民主生活会: the yearly meeting. */
    ANNUAL,
    /** 专题民主生活会: a meeting on one subject. */
    SPECIAL;

    /** The kind named {@code name}, or null when absent or unknown. */
    public static MeetingKind of(String name) {
        for (MeetingKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
