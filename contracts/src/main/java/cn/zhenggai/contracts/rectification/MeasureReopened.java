package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * An item is open again for rectification: after a rejected completion, or a verified item reopened by the
 * party committee.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param reopenedBy user name of whoever reopened it
 * @param reason     why (the rejection, or the reopening's reason)
 */
@Revision("1")
public record MeasureReopened(String measureId, String department, String reopenedBy, String reason) {
}
