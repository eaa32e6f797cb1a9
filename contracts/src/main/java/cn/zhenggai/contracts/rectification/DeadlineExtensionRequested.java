package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * The lead department asked the party committee to extend an item's deadline (申请延期).
 *
 * @param measureId         the item
 * @param department        the item's lead department
 * @param currentDeadline   the deadline in force (YYYY-MM-DD)
 * @param requestedDeadline the deadline asked for (YYYY-MM-DD), later than the current one
 * @param reason            why
 * @param requestedBy       user name of the requester
 */
@Revision("1")
public record DeadlineExtensionRequested(String measureId, String department, String currentDeadline,
                                         String requestedDeadline, String reason, String requestedBy) {
}
