package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A problem was taken out of a draft (or returned) report; it is no longer part of it.
 *
 * @param reportId   the report
 * @param problemId  the problem withdrawn
 * @param department code of the report's department
 * @param reason     why, or null
 */
@Revision("1")
public record ProblemWithdrawn(String reportId, String problemId, String department, String reason) {
}
