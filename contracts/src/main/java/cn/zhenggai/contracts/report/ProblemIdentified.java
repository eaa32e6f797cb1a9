package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A problem found in self-examination was written into a report.
 * <p>
 * Revision 2 split revision 1's single {@code text} into {@code statement} and {@code example} (the part after
 * 比如) and added the ordinal within the theme; stored revision-1 events are read through report-service's
 * upcaster.
 *
 * @param reportId   the report it belongs to
 * @param problemId  the problem's id, unique within the platform
 * @param department code of the department of the report
 * @param theme      the theme heading it was found under (data, not an enum: themes change every year)
 * @param ordinal    1-based position within the theme
 * @param statement  the problem as stated
 * @param example    the concrete example given (比如…), or null
 */
@Revision("2")
public record ProblemIdentified(String reportId,
                                String problemId,
                                String department,
                                String theme,
                                int ordinal,
                                String statement,
                                String example) {
}
