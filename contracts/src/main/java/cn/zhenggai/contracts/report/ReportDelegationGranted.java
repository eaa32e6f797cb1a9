package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * The author of a report let a colleague of the same department edit and submit it on their behalf (for example
 * the department's liaison, 联络员, who types in a cadre's handwritten outline). Personal matters stay the author's.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param author     user name of the report's author, who granted the delegation
 * @param delegate   user name of the colleague who may now edit and submit the report
 */
@Revision("1")
public record ReportDelegationGranted(String reportId, String department, String author, String delegate) {
}
