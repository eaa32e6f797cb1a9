package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStatus;
import cn.zhenggai.contracts.reportview.RoundOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
                           String updatedAt,
                           List<RoundView> rounds) {

    /**
     * One submission round as the review shows it: what became of it, why it was returned (overall and per problem),
     * and what changed since the round before.
     *
     * @param submittedAt     when (ISO-8601), or null
     * @param decidedAt       when it was returned or accepted (ISO-8601), or null while pending
     * @param problemComments the reviewer's comments on single problems when returning it, by problem id
     * @param changes         the problems and measures added, removed or changed since the round before; empty for
     *                        the first round, null when the rounds were recorded before they kept their content
     */
    public record RoundView(int round, String submittedBy, String submittedAt, RoundOutcome outcome,
                            String decidedBy, String decidedAt, List<String> reasons,
                            Map<String, String> problemComments, List<Change> changes) {
    }

    /**
     * A problem or measure that differs between two rounds.
     *
     * @param part   {@code PROBLEM} or {@code MEASURE}
     * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
     * @param id     the problem or measure
     * @param before how it read in the round before (null when added)
     * @param after  how it reads in this round (null when removed)
     */
    public record Change(String part, String change, String id, String before, String after) {
    }

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
                state.lastSequence(), state.updatedAt() == null ? null : state.updatedAt().toString(),
                rounds(state.rounds()));
    }

    static List<RoundView> rounds(List<ReportState.Round> rounds) {
        List<RoundView> views = new ArrayList<>();
        ReportState.Round previous = null;
        for (ReportState.Round r : rounds) {
            views.add(new RoundView(r.round(), r.submittedBy(), text(r.submittedAt()), r.outcome(), r.decidedBy(),
                    text(r.decidedAt()), r.reasons(), r.problemComments(), changes(previous, r)));
            previous = r;
        }
        return views;
    }

    /** What changed from {@code before} to {@code after}; null when either round did not keep its content. */
    static List<Change> changes(ReportState.Round before, ReportState.Round after) {
        if (before == null) {
            return List.of();
        }
        if (before.problems().isEmpty() || after.problems().isEmpty()) {
            return null; // a round is submitted with a problem at least: empty means not kept
        }
        List<Change> changes = new ArrayList<>();
        diff("PROBLEM", index(before.problems(), ReportState.Problem::problemId),
                index(after.problems(), ReportState.Problem::problemId), ReportDetail::problemText,
                ReportDetail::problemText, changes);
        diff("MEASURE", index(before.measures(), ReportState.ProposedMeasure::measureId),
                index(after.measures(), ReportState.ProposedMeasure::measureId), ReportDetail::measureText,
                m -> m, changes);
        return changes;
    }

    private static <T> void diff(String part, Map<String, T> before, Map<String, T> after, Function<T, String> text,
                                 Function<T, Object> compared, List<Change> changes) {
        after.forEach((id, now) -> {
            T was = before.get(id);
            if (was == null) {
                changes.add(new Change(part, "ADDED", id, null, text.apply(now)));
            } else if (!compared.apply(was).equals(compared.apply(now))) {
                changes.add(new Change(part, "CHANGED", id, text.apply(was), text.apply(now)));
            }
        });
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(part, "REMOVED", id, text.apply(was), null));
            }
        });
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return byId;
    }

    /** A problem as a line: its theme, place and statement (and example). */
    private static String problemText(ReportState.Problem p) {
        return p.theme() + " 第" + p.ordinal() + "个：" + p.statement()
                + (p.example() == null || p.example().isBlank() ? "" : "（比如：" + p.example() + "）");
    }

    /** A measure as a line: its title, deadline and owner. */
    private static String measureText(ReportState.ProposedMeasure m) {
        String deadline = m.deadline() != null ? m.deadline() : m.deadlineText();
        return m.title() + (m.content() != null && !m.content().isBlank() && !m.content().equals(m.title())
                ? "：" + m.content() : "") + (deadline == null ? "" : "（时限：" + deadline + "）")
                + (m.owner() == null ? "" : "（责任人：" + m.owner() + "）");
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
