package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The party committee rejected a completion (验收不通过), with reasons; MeasureReopened follows.
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param rejectedBy user name of the party committee member
 * @param reasons    what is still missing, at least one
 */
@Revision("1")
public record MeasureRejected(String measureId, String department, String rejectedBy, List<String> reasons) {
}
