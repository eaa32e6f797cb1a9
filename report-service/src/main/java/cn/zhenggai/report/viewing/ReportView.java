package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStates;
import cn.zhenggai.contracts.reportview.ReportStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report as it stands, for the detail query and the export: the typed {@link ReportState} folded by
 * {@link ReportStates} (ADR 0095), nothing folded here. No personal matters: only whether they were declared; the
 * sealed declaration is kept aside for the confidential read and never serialized. Not thread-safe; build one per
 * request.
 *
 * <p>The public fields are the view's long-standing reading for the exporter and the carry-over: {@link #apply} sets
 * them from the state after every event, and nothing else derives them.
 */
public final class ReportView {

    public String reportId;
    public String title;
    public Integer year;
    public String author;
    public String department;
    public String meetingId;
    public String notice;
    /** the {@link ReportStatus} name */
    public String status = ReportStatus.DRAFT.name();
    public int round;
    public List<String> returnReasons = List.of();
    /** colleagues the author let edit and submit the report, in the order granted */
    public final Set<String> delegates = new LinkedHashSet<>();
    public List<CarryOverStated.Group> carryOver = List.of();
    public final Map<String, ProblemView> problems = new LinkedHashMap<>();
    public List<String> cleanAreas = List.of();
    public final List<ReportState.RootCause> rootCauses = new ArrayList<>();
    public final List<ReportState.ProposedMeasure> measures = new ArrayList<>();
    public boolean personalMattersDeclared;
    public int personalMattersReads;
    public long version = -1;
    public Instant updatedAt;
    private ReportState state;
    /** the latest declaration (sealed), for the confidential read; never serialized to callers */
    private transient PersonalMattersDeclared sealedPersonalMatters;

    /** A problem as the detail query shows it. */
    public record ProblemView(String problemId, String theme, int ordinal, String statement, String example) {
        static ProblemView of(ReportState.Problem p) {
            return new ProblemView(p.problemId(), p.theme(), p.ordinal(), p.statement(), p.example());
        }
    }

    /** Applies one event recorded at {@code timestamp} (not backdated, no id or actor known). */
    public ReportView apply(Object event, long sequence, Instant timestamp) {
        return apply(event, new EventMeta(null, sequence, timestamp, null, null));
    }

    /** Applies one event through the report fold; a redelivery or an event of another kind changes nothing. */
    public ReportView apply(Object event, EventMeta meta) {
        ReportState next = ReportStates.apply(state, event, meta);
        if (next == state) {
            return this;
        }
        state = next;
        if (event instanceof PersonalMattersDeclared declared) {
            sealedPersonalMatters = declared;
        }
        mirror();
        return this;
    }

    /** The typed state, or null before the report was drafted. */
    public ReportState state() {
        return state;
    }

    private void mirror() {
        reportId = state.reportId();
        title = state.title();
        year = state.year();
        author = state.author();
        department = state.department();
        meetingId = state.meetingId();
        notice = state.notice();
        status = state.status().name();
        round = state.round();
        returnReasons = state.returnReasons() == null ? List.of() : state.returnReasons();
        delegates.clear();
        delegates.addAll(state.delegates());
        carryOver = state.carryOver();
        problems.clear();
        state.problems().forEach(p -> problems.put(p.problemId(), ProblemView.of(p)));
        cleanAreas = state.cleanAreas();
        rootCauses.clear();
        rootCauses.addAll(state.rootCauses());
        measures.clear();
        measures.addAll(state.measures());
        personalMattersDeclared = state.personalMattersDeclared();
        personalMattersReads = state.personalMattersReads();
        version = state.lastSequence();
        updatedAt = state.updatedAt();
    }

    public PersonalMattersDeclared sealedPersonalMatters() {
        return sealedPersonalMatters;
    }

    /** Problems grouped by theme, in the order themes first appear, each group ordered by ordinal. */
    public Map<String, List<ProblemView>> problemsByTheme() {
        Map<String, List<ProblemView>> byTheme = new LinkedHashMap<>();
        problems.values().forEach(p -> byTheme.computeIfAbsent(p.theme(), t -> new ArrayList<>()).add(p));
        byTheme.values().forEach(list -> list.sort(Comparator.comparingInt(ProblemView::ordinal)));
        return byTheme;
    }

    /** The detail query's answer (GET /api/reports/{id}). */
    public ReportDetail toMap() {
        return detail(state);
    }

    /** The detail query's answer of {@code state}. */
    public static ReportDetail detail(ReportState state) {
        return ReportDetail.of(state);
    }
}
