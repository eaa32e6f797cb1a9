package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A problem of a draft (or returned) report was reworded; the fields are the problem as it now stands.
 *
 * @param reportId   the report
 * @param problemId  the problem revised
 * @param department code of the report's department
 * @param theme      theme it now stands under
 * @param ordinal    1-based position within the theme
 * @param statement  the problem as now stated
 * @param example    the example (比如…), or null
 */
@Revision("1")
public record ProblemRevised(String reportId,
                             String problemId,
                             String department,
                             String theme,
                             int ordinal,
                             String statement,
                             String example) {
}
