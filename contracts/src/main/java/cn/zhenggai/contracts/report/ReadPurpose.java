package cn.zhenggai.contracts.report;

/** What a read of a report's personal matters was for; stored and sent by name. */
public enum ReadPurpose {
    /** Shown on screen. */
    VIEW,
    /** Written into an exported document. */
    EXPORT
}
