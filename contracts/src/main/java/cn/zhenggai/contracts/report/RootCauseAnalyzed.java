package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A root cause (问题产生的根源) was written into a report, linked to the problems it explains.
 *
 * @param reportId    the report
 * @param rootCauseId the root cause's id
 * @param department  code of the report's department
 * @param ordinal     1-based position among the report's root causes
 * @param title       its first sentence, e.g. 学习意识还不够强，理论武装建设的还不够
 * @param analysis    the analysis that follows, may be empty
 * @param problemIds  the problems it explains (empty: not yet linked)
 */
@Revision("1")
public record RootCauseAnalyzed(String reportId,
                                String rootCauseId,
                                String department,
                                int ordinal,
                                String title,
                                String analysis,
                                List<String> problemIds) {
}
