package cn.zhenggai.contracts.ledger;

/** Where an item comes from. The names are those of {@code MeasurePlanned.source}. */
public enum ItemSource {
    /** 民主生活会: a measure of an accepted report. */
    REPORT,
    /** 巡察反馈: a finding of an inspection. */
    INSPECTION,
    /** 审计发现: a finding of an audit. */
    AUDIT;

    /** The source named {@code name}, or null when null. */
    public static ItemSource of(String name) {
        return name == null ? null : valueOf(name);
    }
}
