package cn.zhenggai.contracts.reportview;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fold of a report (ADR 0095): {@code state = apply(…apply(apply(null, e0), e1)…, en)} over its events in
 * sequence order. Pure: no clock, no store. An event at or below the state's {@code lastSequence} changes nothing (a
 * redelivery); an event before ReportDrafted changes nothing (there is no report yet); an event of another kind
 * changes nothing.
 */
public final class ReportStates {

    /** The fields whose last change {@link ReportState#changedBy()} remembers, with how to read each. */
    public static final Map<String, Function<ReportState, Object>> WATCHED = watched();

    /**
     * The fields the report list summarises: its {@code updatedAt} is the last change of one of them
     * ({@link ReportState#lastChangeOf}), so that a reworded problem, a read of the personal matters or a delegation
     * does not move a report in the list.
     */
    public static final List<String> LISTED = List.of("title", "year", "author", "department", "meetingId", "notice",
            "status", "round", "returnReasons", "problemIds", "rootCauses", "measures", "personalMatters");

    private static final TypedHandlers<ReportState.Builder, EventMeta> HANDLERS =
            TypedHandlers.<ReportState.Builder, EventMeta>builder()
                    .on(MeetingReferenced.class, (b, e, m) -> {
                        b.meetingId = e.meetingId();
                        b.notice = e.notice();
                        return b;
                    })
                    .on(CarryOverStated.class, (b, e, m) -> {
                        b.carryOver = e.groups();
                        return b;
                    })
                    .on(ProblemIdentified.class, (b, e, m) -> {
                        b.problems = replaceOrAdd(b.problems, new ReportState.Problem(e.problemId(), e.theme(),
                                e.ordinal(), e.statement(), e.example(), false),
                                p -> Objects.equals(p.problemId(), e.problemId()));
                        return b;
                    })
                    .on(ProblemRevised.class, (b, e, m) -> {
                        b.problems = replaceOrAdd(b.problems, new ReportState.Problem(e.problemId(), e.theme(),
                                e.ordinal(), e.statement(), e.example(), true),
                                p -> Objects.equals(p.problemId(), e.problemId()));
                        return b;
                    })
                    .on(ProblemWithdrawn.class, ReportStates::withdrawn)
                    .on(CleanAreasDeclared.class, (b, e, m) -> {
                        b.cleanAreas = e.areas();
                        return b;
                    })
                    .on(RootCauseAnalyzed.class, (b, e, m) -> {
                        b.rootCauses = replaceOrAdd(b.rootCauses, new ReportState.RootCause(e.rootCauseId(),
                                e.ordinal(), e.title(), e.analysis(), e.problemIds()),
                                r -> Objects.equals(r.rootCauseId(), e.rootCauseId()));
                        return b;
                    })
                    .on(MeasureProposed.class, (b, e, m) -> {
                        b.measures = replaceOrAdd(b.measures, new ReportState.ProposedMeasure(e.measureId(),
                                e.ordinal(), e.title(), e.content(), e.actions(), e.deadline(), e.deadlineText(), e.owner(),
                                e.leadDepartment(), e.cooperatingDepartments(), e.rootCauseIds()),
                                x -> Objects.equals(x.measureId(), e.measureId()));
                        return b;
                    })
                    .on(PersonalMattersDeclared.class, (b, e, m) -> {
                        int before = b.personalMatters == null ? 0 : b.personalMatters.declarations();
                        b.personalMatters = new ReportState.PersonalMatters(e.person(), e.keyVersion(), before + 1,
                                m.effectiveAt());
                        return b;
                    })
                    .on(PersonalMattersRead.class, (b, e, m) -> {
                        b.personalMattersReads++;
                        b.personalMattersLastReadAt = m.effectiveAt();
                        return b;
                    })
                    .on(ReportDelegationGranted.class, (b, e, m) -> {
                        if (!b.delegates.contains(e.delegate())) {
                            List<String> delegates = new ArrayList<>(b.delegates);
                            delegates.add(e.delegate());
                            b.delegates = delegates;
                        }
                        return b;
                    })
                    .on(ReportDelegationRevoked.class, (b, e, m) -> {
                        List<String> delegates = new ArrayList<>(b.delegates);
                        delegates.remove(e.delegate());
                        b.delegates = delegates;
                        return b;
                    })
                    .on(ReportSubmitted.class, (b, e, m) -> {
                        b.status = ReportStatus.SUBMITTED;
                        b.round = e.round();
                        List<ReportState.Round> rounds = new ArrayList<>(b.rounds);
                        rounds.removeIf(r -> r.round() == e.round()); // a round withdrawn and submitted again
                        rounds.add(new ReportState.Round(e.round(), e.submittedBy(), m.effectiveAt(),
                                RoundOutcome.PENDING, null, null, List.of(), Map.of(), b.problems, b.measures));
                        b.rounds = rounds;
                        return b;
                    })
                    .on(ReportReturned.class, (b, e, m) -> {
                        b.status = ReportStatus.RETURNED;
                        b.rounds = decided(b.rounds, e.round(), RoundOutcome.RETURNED, e.returnedBy(), m, e.reasons(),
                                e.problemComments());
                        return b;
                    })
                    .on(ReportSubmissionWithdrawn.class, (b, e, m) -> {
                        // back to a draft; the withdrawn round is no round of the review
                        b.status = ReportStatus.DRAFT;
                        List<ReportState.Round> rounds = new ArrayList<>(b.rounds);
                        rounds.removeIf(r -> r.round() == e.round() && r.outcome() == RoundOutcome.PENDING);
                        b.rounds = rounds;
                        b.round = rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).round();
                        return b;
                    })
                    .on(ReportAccepted.class, (b, e, m) -> {
                        b.status = ReportStatus.ACCEPTED;
                        b.rounds = decided(b.rounds, e.round(), RoundOutcome.ACCEPTED, e.acceptedBy(), m, List.of(),
                                Map.of());
                        return b;
                    })
                    .build();

    /** The report id each report event carries. */
    private static final TypedHandlers<String, Void> IDS = TypedHandlers.<String, Void>builder()
            .on(ReportDrafted.class, (s, e, m) -> e.reportId())
            .on(MeetingReferenced.class, (s, e, m) -> e.reportId())
            .on(CarryOverStated.class, (s, e, m) -> e.reportId())
            .on(ProblemIdentified.class, (s, e, m) -> e.reportId())
            .on(ProblemRevised.class, (s, e, m) -> e.reportId())
            .on(ProblemWithdrawn.class, (s, e, m) -> e.reportId())
            .on(CleanAreasDeclared.class, (s, e, m) -> e.reportId())
            .on(RootCauseAnalyzed.class, (s, e, m) -> e.reportId())
            .on(MeasureProposed.class, (s, e, m) -> e.reportId())
            .on(PersonalMattersDeclared.class, (s, e, m) -> e.reportId())
            .on(PersonalMattersRead.class, (s, e, m) -> e.reportId())
            .on(ReportDelegationGranted.class, (s, e, m) -> e.reportId())
            .on(ReportDelegationRevoked.class, (s, e, m) -> e.reportId())
            .on(ReportSubmitted.class, (s, e, m) -> e.reportId())
            .on(ReportReturned.class, (s, e, m) -> e.reportId())
            .on(ReportAccepted.class, (s, e, m) -> e.reportId())
            .on(ReportSubmissionWithdrawn.class, (s, e, m) -> e.reportId())
            .build();

    private ReportStates() {
    }

    /** Whether {@code type} is an event of a report's history (ReportDrafted or one the fold applies). */
    public static boolean isReportEvent(Class<?> type) {
        return type == ReportDrafted.class || HANDLERS.handles(type);
    }

    /** Whether the event named {@code typeName} (envelope type) belongs to a report's history. */
    public static boolean isReportEvent(String typeName) {
        return EventTypes.classOf(typeName).map(ReportStates::isReportEvent).orElse(false);
    }

    /** The report a report event belongs to; empty for any other event. */
    public static Optional<String> reportIdOf(Object event) {
        return event == null ? Optional.empty() : IDS.apply(null, event, null);
    }

    /**
     * The report after {@code event}; {@code state} is null before ReportDrafted. Returns {@code state} unchanged
     * when the event is a redelivery, precedes the drafting, or is not a report event.
     */
    public static ReportState apply(ReportState state, Object event, EventMeta meta) {
        if (state == null) {
            return event instanceof ReportDrafted drafted ? drafted(drafted, meta) : null;
        }
        if (meta.sequence() <= state.lastSequence() || event instanceof ReportDrafted) {
            return state;
        }
        ReportState.Builder b = state.toBuilder();
        if (HANDLERS.apply(b, event, meta).isEmpty()) {
            return state;
        }
        return stamped(state, b, event, meta);
    }

    /** One event with its meta, for {@link #fold}. */
    public record Step(Object event, EventMeta meta) {
    }

    /** The report after {@code steps} in sequence order (duplicates by sequence dropped, the first kept). */
    public static ReportState fold(List<Step> steps) {
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort((x, y) -> Long.compare(x.meta().sequence(), y.meta().sequence()));
        ReportState state = null;
        for (Step step : ordered) {
            state = apply(state, step.event(), step.meta());
        }
        return state;
    }

    private static ReportState drafted(ReportDrafted e, EventMeta m) {
        ReportState.Builder b = new ReportState.Builder();
        b.reportId = e.reportId();
        b.title = e.title();
        b.year = e.year();
        b.author = e.author();
        b.department = e.department();
        b.status = ReportStatus.DRAFT;
        b.round = 0;
        b.draftedAt = m.effectiveAt();
        return stamped(null, b, e, m);
    }

    private static ReportState.Builder withdrawn(ReportState.Builder b, ProblemWithdrawn e, EventMeta m) {
        List<ReportState.Problem> problems = new ArrayList<>(b.problems);
        for (int i = 0; i < problems.size(); i++) {
            if (Objects.equals(problems.get(i).problemId(), e.problemId())) {
                ReportState.Problem problem = problems.remove(i);
                List<ReportState.WithdrawnProblem> withdrawn = new ArrayList<>(b.withdrawnProblems);
                withdrawn.add(new ReportState.WithdrawnProblem(problem, e.reason()));
                b.problems = problems;
                b.withdrawnProblems = withdrawn;
                return b;
            }
        }
        return b; // not a live problem: nothing to take out, but the event is still the report's
    }

    private static List<ReportState.Round> decided(List<ReportState.Round> rounds, int round, RoundOutcome outcome,
                                                   String by, EventMeta m, List<String> reasons,
                                                   Map<String, String> comments) {
        List<ReportState.Round> next = new ArrayList<>(rounds);
        for (int i = next.size() - 1; i >= 0; i--) {
            ReportState.Round r = next.get(i);
            if (r.round() == round) {
                next.set(i, r.decided(outcome, by, m.effectiveAt(), reasons, comments));
                return next;
            }
        }
        // a decision on a round this state never saw submitted (an incomplete history): keep the decision
        next.add(new ReportState.Round(round, null, null, outcome, by, m.effectiveAt(), reasons, comments, List.of(),
                List.of()));
        return next;
    }

    /** The bookkeeping of every applied event: sequence, count, times, the last event, what it changed. */
    private static ReportState stamped(ReportState before, ReportState.Builder b, Object event, EventMeta m) {
        ReportState.EventRef ref = new ReportState.EventRef(m.eventId(), EventTypes.nameOf(event.getClass()),
                m.sequence(), m.actor(), m.effectiveAt(), m.recordedAt());
        b.lastSequence = m.sequence();
        b.events++;
        b.updatedAt = m.effectiveAt();
        b.recordedAt = m.recordedAt();
        b.lastEvent = ref;
        ReportState after = b.build();
        Map<String, ReportState.EventRef> changedBy = new LinkedHashMap<>(after.changedBy());
        WATCHED.forEach((field, read) -> {
            Object old = before == null ? null : read.apply(before);
            Object now = read.apply(after);
            if (!Objects.equals(old, now)) {
                changedBy.put(field, ref);
            }
        });
        if (changedBy.equals(after.changedBy())) {
            return after;
        }
        b.changedBy = changedBy;
        return b.build();
    }

    private static <T> List<T> replaceOrAdd(List<T> list, T item, Predicate<T> same) {
        List<T> next = new ArrayList<>(list);
        for (int i = 0; i < next.size(); i++) {
            if (same.test(next.get(i))) {
                next.set(i, item);
                return next;
            }
        }
        next.add(item);
        return next;
    }

    private static Map<String, Function<ReportState, Object>> watched() {
        Map<String, Function<ReportState, Object>> fields = new LinkedHashMap<>();
        fields.put("title", ReportState::title);
        fields.put("year", ReportState::year);
        fields.put("author", ReportState::author);
        fields.put("department", ReportState::department);
        fields.put("meetingId", ReportState::meetingId);
        fields.put("notice", ReportState::notice);
        fields.put("status", ReportState::status);
        fields.put("round", s -> s.round() == 0 ? null : s.round());
        fields.put("returnReasons", ReportState::returnReasons);
        fields.put("delegates", s -> s.delegates().isEmpty() ? null : s.delegates());
        fields.put("carryOver", s -> s.carryOver().isEmpty() ? null : s.carryOver());
        fields.put("problemIds", s -> s.problems().isEmpty() ? null : s.problemIds());
        fields.put("problems", s -> s.problems().isEmpty() ? null : s.problems());
        fields.put("cleanAreas", s -> s.cleanAreas().isEmpty() ? null : s.cleanAreas());
        fields.put("rootCauses", s -> s.rootCauses().isEmpty() ? null : s.rootCauses());
        fields.put("measures", s -> s.measures().isEmpty() ? null : s.measures());
        fields.put("personalMatters", ReportState::personalMatters);
        return Collections.unmodifiableMap(fields);
    }
}
