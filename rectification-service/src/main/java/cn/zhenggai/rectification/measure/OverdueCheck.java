package cn.zhenggai.rectification.measure;

/**
 * Payload of the persistent {@value Measure#OVERDUE} deadline: the deadline (YYYY-MM-DD) it was scheduled for.
 * A timer whose deadline is no longer the item's (extended, reassigned) fires and changes nothing.
 */
public record OverdueCheck(String deadline) {
}
