package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * The party committee approved a requested extension: the item's deadline is now {@code deadline}.
 *
 * @param measureId        the item
 * @param department       the item's lead department
 * @param previousDeadline the deadline before (YYYY-MM-DD)
 * @param deadline         the new deadline (YYYY-MM-DD)
 * @param requestedBy      user name of whoever requested it
 * @param approvedBy       user name of the party committee member
 */
@Revision("1")
public record DeadlineExtended(String measureId, String department, String previousDeadline, String deadline,
                               String requestedBy, String approvedBy) {
}
