package cn.zhenggai.rectification.measure;

/**
 * Payloads of the persistent {@value Measure#SUPERVISION} deadlines. Each carries what it was scheduled for, so a
 * timer that no longer fits the item (deadline moved, item completed) fires and changes nothing. An item has at most
 * one pending supervision checkpoint per deadline: each firing schedules the next (ADR 0031).
 */
public final class SupervisionTimers {

    private SupervisionTimers() {
    }

    /**
     * Checkpoint {@code checkpoint} of {@code deadline} (YYYY-MM-DD): {@code YELLOW} or {@code RED} (warning colour),
     * or a notice level {@code OWNER}, {@code DEPT_HEAD}, {@code PARTY_COMMITTEE} (督办 escalation).
     */
    public record SupervisionCheck(String deadline, String checkpoint) {
    }

    /** Remind the department of the review of a long-term item due on {@code reviewDate} (YYYY-MM-DD). */
    public record ReviewDue(String reviewDate, int periodMonths) {
    }
}
