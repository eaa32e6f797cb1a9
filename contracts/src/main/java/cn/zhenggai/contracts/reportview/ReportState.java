package cn.zhenggai.contracts.reportview;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.MeasureProposed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One report (发言提纲/对照检查材料) as its views show it: the one model of those views (ADR 0095). Built only by
 * {@link ReportStates#apply}, which report-service's detail view and report list, and audit-service's aggregate state
 * all use, so that what the audit says a report was is what the report's screens showed. Immutable.
 *
 * <p>Confidential: a personal matters declaration (个人有关事项) appears only as declared (by whom, when, how often,
 * how often read), never its content: the state goes to Mongo and to auditors, the sealed declaration never does.
 *
 * <p>The Report aggregate keeps its own decision state (what a command may do next); this is what was said.
 *
 * @param reportId          the report
 * @param lastSequence      sequence of the last event applied
 * @param events            how many of its events were applied
 * @param title             the report's title
 * @param year              the meeting year, or null
 * @param author            user name of the cadre whose report it is
 * @param department        code of the report's department
 * @param meetingId         the meeting it is written for, or null
 * @param notice            the convening notice it cites, or null
 * @param status            where it stands in its review
 * @param round             the latest submission round, 0 before the first
 * @param rounds            every submission round, in order, with what became of it
 * @param delegates         colleagues the author let edit and submit it, in the order granted
 * @param carryOver         how last meeting's measures were implemented (整改措施落实情况)
 * @param problems          its live problems, in the order first identified (a revision keeps the place)
 * @param withdrawnProblems problems taken out, in the order withdrawn, with why
 * @param cleanAreas        areas checked without finding a problem
 * @param rootCauses        root causes (问题产生的根源), in the order first analyzed
 * @param measures          measures proposed (整改措施), in the order first proposed
 * @param personalMatters   whether and when personal matters were declared (never their content), or null
 * @param personalMattersReads how often the declaration was read
 * @param personalMattersLastReadAt when it was last read, or null
 * @param draftedAt         when it was drafted (effective time)
 * @param updatedAt         effective time of the last event applied
 * @param recordedAt        recorded time of the last event applied
 * @param lastEvent         the last event applied
 * @param changedBy         for each watched field ({@link ReportStates#WATCHED}), the event that last changed it
 */
public record ReportState(String reportId,
                          long lastSequence,
                          int events,
                          String title,
                          Integer year,
                          String author,
                          String department,
                          String meetingId,
                          String notice,
                          ReportStatus status,
                          int round,
                          List<Round> rounds,
                          List<String> delegates,
                          List<CarryOverStated.Group> carryOver,
                          List<Problem> problems,
                          List<WithdrawnProblem> withdrawnProblems,
                          List<String> cleanAreas,
                          List<RootCause> rootCauses,
                          List<ProposedMeasure> measures,
                          PersonalMatters personalMatters,
                          int personalMattersReads,
                          Instant personalMattersLastReadAt,
                          Instant draftedAt,
                          Instant updatedAt,
                          Instant recordedAt,
                          EventRef lastEvent,
                          Map<String, EventRef> changedBy) {

    public ReportState {
        rounds = list(rounds);
        delegates = list(delegates);
        carryOver = list(carryOver);
        problems = list(problems);
        withdrawnProblems = list(withdrawnProblems);
        cleanAreas = list(cleanAreas);
        rootCauses = list(rootCauses);
        measures = list(measures);
        changedBy = changedBy == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(changedBy));
    }

    /**
     * A problem as it now stands.
     *
     * @param problemId the problem
     * @param theme     the theme heading it stands under
     * @param ordinal   1-based position within the theme
     * @param statement the problem as stated
     * @param example   the example (比如…), or null
     * @param revised   whether it was reworded since it was identified
     */
    public record Problem(String problemId, String theme, int ordinal, String statement, String example,
                          boolean revised) {
    }

    /**
     * A problem taken out of the report.
     *
     * @param problem the problem as it stood when withdrawn
     * @param reason  why, or null
     */
    public record WithdrawnProblem(Problem problem, String reason) {
    }

    /**
     * A root cause, linked to the problems it explains.
     *
     * @param rootCauseId the root cause
     * @param ordinal     1-based position among the report's root causes
     * @param title       its first sentence
     * @param analysis    the analysis that follows, may be empty
     * @param problemIds  the problems it explains
     */
    public record RootCause(String rootCauseId, int ordinal, String title, String analysis, List<String> problemIds) {
        public RootCause {
            problemIds = list(problemIds);
        }
    }

    /**
     * A proposed measure (整改措施 of the report, not yet a rectification item), answering some root causes.
     * Deadlines are as the report proposes them (YYYY-MM-DD, or null): they carry no rule here;
     * rectification-service reads them when it plans the item.
     *
     * @param measureId              the measure
     * @param ordinal                1-based position among the report's measures
     * @param title                  its title
     * @param content                its text
     * @param actions                its concrete actions
     * @param deadline               its proposed deadline (YYYY-MM-DD), or null
     * @param deadlineText           the deadline as written, or null
     * @param owner                  责任人, or null
     * @param leadDepartment         牵头单位, or null
     * @param cooperatingDepartments 配合单位
     * @param rootCauseIds           the root causes it answers
     */
    public record ProposedMeasure(String measureId, int ordinal, String title, String content,
                                  List<MeasureProposed.Action> actions, String deadline, String deadlineText,
                                  String owner, String leadDepartment, List<String> cooperatingDepartments,
                                  List<String> rootCauseIds) {
        public ProposedMeasure {
            actions = list(actions);
            cooperatingDepartments = list(cooperatingDepartments);
            rootCauseIds = list(rootCauseIds);
        }
    }

    /**
     * One submission for review and what became of it.
     *
     * @param round       1 for the first submission
     * @param submittedBy who submitted it
     * @param submittedAt when (effective time)
     * @param outcome     what became of it
     * @param decidedBy   the reviewer who returned or accepted it, or null while pending
     * @param decidedAt   when (effective time), or null while pending
     * @param reasons     why it was returned (empty unless returned)
     * @param problemComments the reviewer's comments on single problems when returning it, by problem id (empty
     *                    unless returned with some)
     * @param problems    the live problems as submitted in this round (empty in a state folded before the rounds
     *                    kept them)
     * @param measures    the measures as submitted in this round (same)
     */
    public record Round(int round, String submittedBy, Instant submittedAt, RoundOutcome outcome, String decidedBy,
                        Instant decidedAt, List<String> reasons, Map<String, String> problemComments,
                        List<Problem> problems, List<ProposedMeasure> measures) {
        public Round {
            reasons = list(reasons);
            problemComments = problemComments == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problemComments));
            problems = list(problems);
            measures = list(measures);
        }

        /** A round without comments and without what was submitted in it. */
        public Round(int round, String submittedBy, Instant submittedAt, RoundOutcome outcome, String decidedBy,
                     Instant decidedAt, List<String> reasons) {
            this(round, submittedBy, submittedAt, outcome, decidedBy, decidedAt, reasons, Map.of(), List.of(),
                    List.of());
        }

        /** This round decided: {@code outcome} by {@code by} at {@code at}, with the reasons and comments. */
        public Round decided(RoundOutcome outcome, String by, Instant at, List<String> reasons,
                             Map<String, String> comments) {
            return new Round(round, submittedBy, submittedAt, outcome, by, at, reasons, comments, problems, measures);
        }
    }

    /**
     * That personal matters were declared: never what they say (the declaration stays sealed in its event).
     *
     * @param person       whose declaration it is (the report's author)
     * @param keyVersion   version of the person's key that sealed the latest declaration
     * @param declarations how many declarations were made (each replaces the previous one)
     * @param declaredAt   when the latest was made (effective time)
     */
    public record PersonalMatters(String person, int keyVersion, int declarations, Instant declaredAt) {
    }

    /**
     * Who changed what, when: one event as a state remembers it.
     *
     * @param eventId    the event
     * @param type       its type name, e.g. {@code ReportSubmitted}
     * @param sequence   its sequence within the report
     * @param actor      who caused it
     * @param at         when it took effect
     * @param recordedAt when it was recorded
     */
    public record EventRef(String eventId, String type, long sequence, String actor, Instant at, Instant recordedAt) {
    }

    /** Whether personal matters were declared. */
    public boolean personalMattersDeclared() {
        return personalMatters != null;
    }

    /** The latest submission round, or null before the first. */
    public Round latestRound() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** The latest round that was returned, or null when none was. */
    public Round lastReturn() {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (rounds.get(i).outcome() == RoundOutcome.RETURNED) {
                return rounds.get(i);
            }
        }
        return null;
    }

    /** The accepted round, or null. */
    public Round acceptance() {
        Round latest = latestRound();
        return latest != null && latest.outcome() == RoundOutcome.ACCEPTED ? latest : null;
    }

    /** The reasons of the latest return (kept after a resubmission), or null when it was never returned. */
    public List<String> returnReasons() {
        Round returned = lastReturn();
        return returned == null ? null : returned.reasons();
    }

    /** The ids of the live problems, in order. */
    public List<String> problemIds() {
        return problems.stream().map(Problem::problemId).toList();
    }

    /**
     * Effective time of the last event that changed any of {@code fields} (names of {@link ReportStates#WATCHED}),
     * or {@link #updatedAt} when none of them was ever set.
     */
    public Instant lastChangeOf(Collection<String> fields) {
        EventRef latest = null;
        for (String field : fields) {
            EventRef ref = changedBy.get(field);
            if (ref != null && (latest == null || ref.sequence() > latest.sequence())) {
                latest = ref;
            }
        }
        return latest == null ? updatedAt : latest.at();
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.reportId = reportId;
        b.lastSequence = lastSequence;
        b.events = events;
        b.title = title;
        b.year = year;
        b.author = author;
        b.department = department;
        b.meetingId = meetingId;
        b.notice = notice;
        b.status = status;
        b.round = round;
        b.rounds = rounds;
        b.delegates = delegates;
        b.carryOver = carryOver;
        b.problems = problems;
        b.withdrawnProblems = withdrawnProblems;
        b.cleanAreas = cleanAreas;
        b.rootCauses = rootCauses;
        b.measures = measures;
        b.personalMatters = personalMatters;
        b.personalMattersReads = personalMattersReads;
        b.personalMattersLastReadAt = personalMattersLastReadAt;
        b.draftedAt = draftedAt;
        b.updatedAt = updatedAt;
        b.recordedAt = recordedAt;
        b.lastEvent = lastEvent;
        b.changedBy = changedBy;
        return b;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** The mutable form of a {@link ReportState} inside one step of the fold; never escapes it. */
    static final class Builder {
        String reportId;
        long lastSequence;
        int events;
        String title;
        Integer year;
        String author;
        String department;
        String meetingId;
        String notice;
        ReportStatus status;
        int round;
        List<Round> rounds = List.of();
        List<String> delegates = List.of();
        List<CarryOverStated.Group> carryOver = List.of();
        List<Problem> problems = List.of();
        List<WithdrawnProblem> withdrawnProblems = List.of();
        List<String> cleanAreas = List.of();
        List<RootCause> rootCauses = List.of();
        List<ProposedMeasure> measures = List.of();
        PersonalMatters personalMatters;
        int personalMattersReads;
        Instant personalMattersLastReadAt;
        Instant draftedAt;
        Instant updatedAt;
        Instant recordedAt;
        EventRef lastEvent;
        Map<String, EventRef> changedBy = Map.of();

        ReportState build() {
            return new ReportState(reportId, lastSequence, events, title, year, author, department, meetingId, notice,
                    status, round, rounds, delegates, carryOver, problems, withdrawnProblems, cleanAreas, rootCauses,
                    measures, personalMatters, personalMattersReads, personalMattersLastReadAt, draftedAt, updatedAt,
                    recordedAt, lastEvent, changedBy);
        }
    }
}
