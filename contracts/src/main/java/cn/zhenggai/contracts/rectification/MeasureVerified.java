package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * The party committee verified a completed item and closed it (销号).
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param verifiedBy user name of the verifier (never whoever completed it)
 * @param opinion    the verification opinion, or null
 */
@Revision("1")
public record MeasureVerified(String measureId, String department, String verifiedBy, String opinion) {
}
