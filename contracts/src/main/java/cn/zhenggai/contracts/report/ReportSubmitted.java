package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A report was submitted for review to the organization department (组织部).
 *
 * @param reportId    the report
 * @param department  code of the report's department
 * @param submittedBy user name of who submitted it
 * @param round       1 for the first submission, 2 and more when resubmitted after being returned
 */
@Revision("1")
public record ReportSubmitted(String reportId, String department, String submittedBy, int round) {
}
