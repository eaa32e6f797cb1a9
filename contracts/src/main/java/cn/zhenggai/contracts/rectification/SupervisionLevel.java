package cn.zhenggai.contracts.rectification;

import java.util.List;

/**
 * To whom a supervision notice (督办) goes: {@link SupervisionNoticeIssued#level()} holds its name (the event keeps
 * the string, so stored events read as before). Overdue items escalate {@link #OWNER} → {@link #DEPT_HEAD} →
 * {@link #PARTY_COMMITTEE}; {@link #REVIEW} is the periodic review reminder of a long-term item.
 */
public enum SupervisionLevel {
    /** The item's owner (责任人). */
    OWNER,
    /** The head of the lead department (部门负责人). */
    DEPT_HEAD,
    /** The party committee (党委). */
    PARTY_COMMITTEE,
    /** The review reminder of a long-term item (定期评估). */
    REVIEW;

    /** The levels of an overdue item's timed notices, in escalation order. */
    public static final List<SupervisionLevel> ESCALATION = List.of(OWNER, DEPT_HEAD, PARTY_COMMITTEE);

    /** The level named {@code name}, or null when it names none. */
    public static SupervisionLevel of(String name) {
        for (SupervisionLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }

    /** Whether {@code level} (an event's string) names this level. */
    public boolean is(String level) {
        return name().equals(level);
    }
}
