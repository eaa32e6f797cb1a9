package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStatus;

import java.util.List;

/**
 * The detail query's answer (GET /api/reports/{id}): a report as it stands, read from its {@link ReportState}. The
 * components are the answer's keys in their order; absent values are written as {@code null} (ADR 0104). No personal
 * matters, only whether they were declared. The nested records are named {@code ...View} so that their OpenAPI
 * schemas do not share a name with the outline's {@code RootCause} and {@code Measure}.
 *
 * @param version   the sequence of the last event applied
 * @param updatedAt when the report last changed (ISO-8601), or null
 */
public record ReportDetail(String reportId,
                           String title,
                           Integer year,
                           String author,
                           String department,
                           String meetingId,
                           String notice,
                           ReportStatus status,
                           int round,
                           List<String> returnReasons,
                           List<String> delegates,
                           List<CarryOverStated.Group> carryOver,
                           List<ReportView.ProblemView> problems,
                           List<String> cleanAreas,
                           List<RootCauseView> rootCauses,
                           List<MeasureView> measures,
                           boolean personalMattersDeclared,
                           long version,
                           String updatedAt) {

    /** A root cause as the detail query shows it. */
    public record RootCauseView(String rootCauseId, int ordinal, String title, String analysis, List<String> problemIds) {

        static RootCauseView of(ReportState.RootCause r) {
            return new RootCauseView(r.rootCauseId(), r.ordinal(), r.title(), r.analysis(), r.problemIds());
        }
    }

    /** A proposed measure as the detail query shows it. */
    public record MeasureView(String measureId,
                          int ordinal,
                          String title,
                          String content,
                          List<MeasureProposed.Action> actions,
                          String deadline,
                          String deadlineText,
                          String owner,
                          String leadDepartment,
                          List<String> cooperatingDepartments,
                          List<String> rootCauseIds) {

        static MeasureView of(ReportState.ProposedMeasure m) {
            return new MeasureView(m.measureId(), m.ordinal(), m.title(), m.content(), m.actions(), m.deadline(),
                    m.deadlineText(), m.owner(), m.leadDepartment(), m.cooperatingDepartments(), m.rootCauseIds());
        }
    }

    /** The answer of {@code state}. */
    static ReportDetail of(ReportState state) {
        return new ReportDetail(state.reportId(), state.title(), state.year(), state.author(), state.department(),
                state.meetingId(), state.notice(), state.status(), state.round(),
                state.returnReasons() == null ? List.of() : state.returnReasons(), state.delegates(),
                state.carryOver(), state.problems().stream().map(ReportView.ProblemView::of).toList(),
                state.cleanAreas(), state.rootCauses().stream().map(RootCauseView::of).toList(),
                state.measures().stream().map(MeasureView::of).toList(), state.personalMattersDeclared(),
                state.lastSequence(), state.updatedAt() == null ? null : state.updatedAt().toString());
    }
}
