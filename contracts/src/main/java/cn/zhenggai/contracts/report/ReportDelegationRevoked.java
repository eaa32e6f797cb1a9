package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * The author of a report withdrew a colleague's delegation: from now on the colleague can no longer edit or submit
 * the report.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param author     user name of the report's author, who revoked the delegation
 * @param delegate   user name of the colleague whose delegation ended
 */
@Revision("1")
public record ReportDelegationRevoked(String reportId, String department, String author, String delegate) {
}
