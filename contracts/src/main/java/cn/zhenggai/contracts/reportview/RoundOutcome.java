package cn.zhenggai.contracts.reportview;

/** What became of one submission round of a report. */
public enum RoundOutcome {
    /** submitted, not yet decided */
    PENDING,
    /** returned for rework (退回) */
    RETURNED,
    /** accepted (审核通过) */
    ACCEPTED
}
