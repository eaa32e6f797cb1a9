package cn.zhenggai.contracts.rectification;

/**
 * What an in-app notification (站内通知) is about: its {@code kind} in {@code GET /api/notifications} and in the
 * notifications read model, written by name (the values the read model held as strings).
 */
public enum NotificationKind {
    /** An item was assigned (分派): to its owner and the liaisons of its departments. */
    ASSIGNED,
    /** A supervision notice (督办) of an overdue item. */
    SUPERVISION,
    /** A long-term item is due for review (定期复核). */
    REVIEW,
    /** An item was declared complete and awaits verification. */
    COMPLETED,
    /** A completion was rejected (验收退回). */
    REJECTED,
    /** A deadline extension was asked for. */
    EXTENSION_REQUESTED,
    /** A deadline extension was approved. */
    EXTENSION_APPROVED,
    /** A deadline extension was refused. */
    EXTENSION_REFUSED,
    /** The organization department returned a report (退回修改), with its reasons: to the report's author. */
    REPORT_RETURNED,
    /** The organization department accepted a report: to the report's author. */
    REPORT_ACCEPTED,
    /** New items arrived from an accepted report (收到新整改事项): to the liaisons of their lead department. */
    ITEMS_RECEIVED
}
