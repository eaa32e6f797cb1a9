package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStatus;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/**
 * One report of the list query (GET /api/reports): the components are the answer's keys in their order (ADR 0104).
 * The numbers and flags are boxed because a list document written before the list kept the state may lack them, and
 * such a document was served with {@code null} there.
 *
 * @param problems   how many live problems
 * @param rootCauses how many root causes
 * @param measures   how many proposed measures
 * @param updatedAt  when the report last changed as the list orders it (ISO-8601), or null
 */
public record ReportSummary(String reportId,
                            String title,
                            Integer year,
                            String author,
                            String department,
                            String meetingId,
                            String notice,
                            ReportStatus status,
                            Integer round,
                            Integer problems,
                            Boolean personalMattersDeclared,
                            List<String> returnReasons,
                            int rootCauses,
                            int measures,
                            String updatedAt) {

    /** The summary of {@code state}. */
    static ReportSummary of(ReportState state) {
        return new ReportSummary(state.reportId(), state.title(), state.year(), state.author(), state.department(),
                state.meetingId(), state.notice(), state.status(), state.round(), state.problems().size(),
                state.personalMattersDeclared(), state.returnReasons(), state.rootCauses().size(),
                state.measures().size(), ReportListProjection.listedAt(state).toInstant().toString());
    }

    /** A document the list wrote before it held the state, served as it was until the list's replay replaces it. */
    static ReportSummary writtenBeforeTheState(Document doc) {
        return new ReportSummary(doc.getString("_id"), doc.getString("title"), number(doc.get("year")),
                doc.getString("author"), doc.getString("department"), doc.getString("meetingId"),
                doc.getString("notice"), ReportStatus.of(doc.getString("status")), number(doc.get("round")),
                number(doc.get("problems")), doc.getBoolean("personalMattersDeclared"),
                doc.getList("returnReasons", String.class), sizeOf(doc.get("rootCauseIds")),
                sizeOf(doc.get("measureIds")), doc.get("updatedAt") instanceof Date d ? d.toInstant().toString() : null);
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static int sizeOf(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }
}
