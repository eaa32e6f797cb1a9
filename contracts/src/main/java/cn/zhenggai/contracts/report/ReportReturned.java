package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The organization department returned a submitted report for rework; it can be edited and resubmitted.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param returnedBy user name of the reviewer
 * @param round      the submission round that was returned
 * @param reasons    what must be reworked, at least one
 */
@Revision("1")
public record ReportReturned(String reportId, String department, String returnedBy, int round, List<String> reasons) {
}
