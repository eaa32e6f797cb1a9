package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * The author took back a submitted report before the organization department decided on it: it is a draft again,
 * and the withdrawn submission does not count as a round (the next submission has the same round number).
 *
 * @param reportId    the report
 * @param department  code of the report's department
 * @param withdrawnBy user name of the author
 * @param round       the submission round withdrawn
 */
@Revision("1")
public record ReportSubmissionWithdrawn(String reportId, String department, String withdrawnBy, int round) {
}
