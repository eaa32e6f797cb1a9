package cn.zhenggai.contracts.report;

/**
 * The right by which someone read a report's personal matters (ADR 0104); stored and sent by name. Not a
 * {@link cn.zhenggai.contracts.security.Role}: the author reads as the author whatever their roles.
 */
public enum ReaderRole {
    /** The report's author, reading their own declaration. */
    AUTHOR,
    /** The organization department (组织部). */
    ORG_DEPT,
    /** Discipline inspection (纪检监察). */
    DISCIPLINE
}
