package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The state of a report (发言提纲/对照检查材料) as of the facts given: each fact decoded into its contract record and
 * folded by {@link ReportStates}, the one fold of a report that report-service's views use too (ADR 0095); this class
 * only writes the resulting {@link ReportState} as the aggregate-state document. A personal matters declaration is
 * shown only as declared (when, how often read), never its content: the state never holds it.
 */
public final class ReportFold {

    /** Type names of the events of a report's history. */
    public static final Set<String> TYPES = StreamSupport.stream(EventTypes.all().spliterator(), false)
            .filter(ReportStates::isReportEvent).map(EventTypes::nameOf).collect(Collectors.toUnmodifiableSet());

    /** Writes the fields an event class brings into the state document. */
    @FunctionalInterface
    private interface Fields {
        void write(Map<String, Object> doc, ReportState s, Fact last);
    }

    /** The fields each event class brings, beyond the fixed ones, by event class. */
    private static final Map<Class<?>, Fields> FIELDS_BY_TYPE = Map.of(
            ReportDrafted.class, (doc, s, last) -> {
                doc.put("title", s.title());
                doc.put("year", s.year());
                doc.put("author", s.author());
                doc.put("department", s.department());
                doc.put("round", s.round());
                doc.put("draftedAt", s.draftedAt().toString());
                doc.put("lastSequence", s.lastSequence());
                doc.put("updatedAt", s.updatedAt().toString());
                doc.put("lastEvent", last.reference());
            },
            MeetingReferenced.class, (doc, s, last) -> {
                doc.put("meetingId", s.meetingId());
                doc.put("notice", s.notice());
            },
            PersonalMattersDeclared.class, (doc, s, last) ->
                    doc.put("personalMattersDeclaredAt", s.personalMatters().declaredAt().toString()),
            PersonalMattersRead.class, (doc, s, last) -> doc.put("personalMattersReads", s.personalMattersReads()),
            ReportSubmitted.class, (doc, s, last) -> {
                ReportState.Round latest = s.latestRound(); // null: the only submission was withdrawn
                doc.put("submittedAt", latest == null ? null : text(latest.submittedAt()));
                doc.put("submittedBy", latest == null ? null : latest.submittedBy());
            },
            ReportReturned.class, (doc, s, last) -> {
                doc.put("returnReasons", s.returnReasons());
                doc.put("returnedBy", s.lastReturn().decidedBy());
            },
            ReportAccepted.class, (doc, s, last) -> {
                doc.put("acceptedBy", s.acceptance() == null ? null : s.acceptance().decidedBy());
                doc.put("acceptedAt", s.acceptance() == null ? null : text(s.acceptance().decidedAt()));
            });

    private ReportFold() {
    }

    public static boolean isReportFact(Fact fact) {
        return TYPES.contains(fact.type());
    }

    /** The state document of the report the facts describe (in any order, duplicates dropped). */
    public static Map<String, Object> fold(List<Fact> facts) {
        ReportState state = null;
        Fact last = null;
        Set<Class<?>> appliedTypes = new LinkedHashSet<>();
        for (Fact fact : Fact.ordered(facts)) {
            Optional<Object> event = decode(fact);
            if (event.isEmpty()) {
                continue;
            }
            ReportState next = ReportStates.apply(state, event.get(), meta(fact));
            if (next != state) {
                state = next;
                last = fact;
                appliedTypes.add(event.get().getClass());
            }
        }
        return document(facts.isEmpty() ? null : facts.get(0).aggregateId(), state, last, appliedTypes);
    }

    /** The contract record of a report fact, or empty when it is not one or its payload does not read as one. */
    static Optional<Object> decode(Fact fact) {
        if (!isReportFact(fact)) {
            return Optional.empty();
        }
        return AuditEvents.decode(EventTypes.classOf(fact.type()).orElseThrow(), fact.payload());
    }

    private static EventMeta meta(Fact fact) {
        return new EventMeta(fact.eventId(), fact.sequence(), fact.timestamp(), null, fact.actor());
    }

    /**
     * The document, keys in the order the state endpoint has always written them: the fixed ones first, then those an
     * event type brings, in the order the types first occurred.
     */
    private static Map<String, Object> document(String reportId, ReportState s, Fact last, Set<Class<?>> types) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reportId", reportId);
        doc.put("exists", s != null);
        doc.put("status", s == null ? null : s.status().name());
        doc.put("problems", s == null ? new ArrayList<>() : s.problems().stream().map(ReportFold::problem).toList());
        doc.put("withdrawnProblems", s == null ? new ArrayList<>() : s.withdrawnProblems().stream().map(w -> {
            Map<String, Object> withdrawn = problem(w.problem());
            withdrawn.put("reason", w.reason());
            return withdrawn;
        }).toList());
        doc.put("rootCauses", s == null ? new ArrayList<>() : s.rootCauses().stream().map(ReportFold::rootCause)
                .toList());
        doc.put("measures", s == null ? new ArrayList<>() : s.measures().stream().map(ReportFold::measure).toList());
        doc.put("cleanAreas", s == null ? new ArrayList<>() : s.cleanAreas());
        doc.put("carryOver", s == null ? new ArrayList<>() : s.carryOver().stream().map(ReportFold::group).toList());
        doc.put("personalMattersDeclared", s != null && s.personalMattersDeclared());
        doc.put("delegates", s == null ? new ArrayList<>() : s.delegates());
        doc.put("events", s == null ? 0 : s.events());
        if (s == null) {
            return doc;
        }
        for (Class<?> type : types) {
            FIELDS_BY_TYPE.getOrDefault(type, (d, state, fact) -> {
                // the type's fields are among the fixed ones
            }).write(doc, s, last);
        }
        return doc;
    }

    private static Map<String, Object> problem(ReportState.Problem p) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("problemId", p.problemId());
        problem.put("theme", p.theme());
        problem.put("ordinal", p.ordinal());
        problem.put("statement", p.statement());
        problem.put("example", p.example());
        problem.put("revised", p.revised());
        return problem;
    }

    private static Map<String, Object> rootCause(ReportState.RootCause r) {
        Map<String, Object> cause = new LinkedHashMap<>();
        cause.put("rootCauseId", r.rootCauseId());
        cause.put("ordinal", r.ordinal());
        cause.put("title", r.title());
        cause.put("analysis", r.analysis());
        cause.put("problemIds", r.problemIds());
        return cause;
    }

    private static Map<String, Object> measure(ReportState.ProposedMeasure m) {
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("measureId", m.measureId());
        measure.put("ordinal", m.ordinal());
        measure.put("title", m.title());
        measure.put("content", m.content());
        measure.put("deadline", m.deadline());
        measure.put("deadlineText", m.deadlineText());
        measure.put("owner", m.owner());
        measure.put("leadDepartment", m.leadDepartment());
        measure.put("cooperatingDepartments", m.cooperatingDepartments());
        return measure;
    }

    private static Map<String, Object> group(CarryOverStated.Group g) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("heading", g.heading());
        group.put("theme", g.theme());
        group.put("items", g.items());
        return group;
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
