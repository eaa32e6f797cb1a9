package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * An item's deadline passed before it was completed (逾期). Raised by a persistent timer, so it is recorded even
 * when nobody looks at the ledger that day.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param deadline   the deadline that passed (YYYY-MM-DD)
 * @param owner      the owner at that time, or null
 */
@Revision("1")
public record MeasureOverdue(String measureId, String department, String deadline, String owner) {
}
