package cn.zhenggai.contracts.rectification;

import org.axonframework.serialization.Revision;

/**
 * A department reported progress on an item (进展情况).
 *
 * @param measureId  the item
 * @param department the item's lead department
 * @param text       what was done
 * @param reportedBy user name of the reporter
 * @param reporterDepartment the reporter's department (the lead or a cooperating one)
 */
@Revision("1")
public record ProgressReported(String measureId, String department, String text, String reportedBy,
                               String reporterDepartment) {
}
