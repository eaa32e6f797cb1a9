package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * The party committee refused a requested extension; the deadline stays.
 *
 * @param measureId         the item
 * @param department        the item's lead department
 * @param requestedDeadline the deadline that was asked for
 * @param refusedBy         user name of the party committee member
 * @param reason            why, or null
 */
@Revision("1")
public record DeadlineExtensionRefused(String measureId, String department, String requestedDeadline,
                                       String refusedBy, String reason) {
}
