package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.report.drafting.Commands.AcceptReport;
import cn.zhenggai.report.drafting.Commands.AnalyzeRootCause;
import cn.zhenggai.report.drafting.Commands.DeclareCleanAreas;
import cn.zhenggai.report.drafting.Commands.DeclarePersonalMatters;
import cn.zhenggai.report.drafting.Commands.GrantDelegation;
import cn.zhenggai.report.drafting.Commands.ProposeMeasure;
import cn.zhenggai.report.drafting.Commands.RecordPersonalMattersRead;
import cn.zhenggai.report.drafting.Commands.ReturnReport;
import cn.zhenggai.report.drafting.Commands.ReviseMeasure;
import cn.zhenggai.report.drafting.Commands.ReviseProblem;
import cn.zhenggai.report.drafting.Commands.ReviseRootCause;
import cn.zhenggai.report.drafting.Commands.RevokeDelegation;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import cn.zhenggai.report.drafting.Commands.WithdrawProblem;
import cn.zhenggai.report.drafting.Commands.WithdrawSubmission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cadre's report (speech outline) for one meeting: draft → submitted → returned (with reasons) → resubmitted →
 * accepted. The report checks who may change it and when; each part (problems, root causes, measures, personal
 * matters, the statements) keeps its own rules in its member, and an imported outline goes through the same member
 * methods as the single commands, part by part. State changes only from events (ADR 0098).
 */
@Aggregate
public class Report {

    /** Longest free text of a report (the HTTP requests are bounded by it too). */
    public static final int MAX_TEXT = Text.MAX;
    /** Most events one import may create. */
    static final int MAX_IMPORTED_EVENTS = 1000;
    /** Longest comment of a reviewer on one problem. */
    public static final int MAX_PROBLEM_COMMENT = 1000;

    @AggregateIdentifier
    private String reportId;
    private Integer year;
    private String meetingId;
    private Status status;
    private int round;
    @AggregateMember
    private final Authorship authorship = new Authorship();
    @AggregateMember
    private final Problems problems = new Problems();
    @AggregateMember
    private final RootCauses rootCauses = new RootCauses();
    @AggregateMember
    private final Measures measures = new Measures();
    @AggregateMember
    private final PersonalMatters personalMatters = new PersonalMatters();

    protected Report() {
        // for Axon
    }

    @CommandHandler
    public Report(DraftReport command) {
        draft(command.reportId(), command.title(), command.year(), command.meetingId(), command.notice(),
                command.editor());
    }

    /**
     * The whole outline in one command: each part through the same rules as its single command, in the order of
     * the outline. A refused part refuses the command, and nothing of it is stored.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(ImportReport command) {
        int events = draft(command.reportId(), command.title(), command.year(), command.meetingId(),
                command.notice(), command.editor());
        String dept = department();
        if (!command.carryOver().isEmpty()) {
            events += apply(Statements.carryOver(reportId, dept, command.carryOver()));
        }
        for (ImportReport.ProblemDraft p : command.problems()) {
            events += apply(problems.identify(reportId, dept, p.problemId(), p.theme(), p.ordinal(), p.statement(),
                    p.example()));
        }
        if (!command.cleanAreas().isEmpty()) {
            events += apply(Statements.cleanAreas(reportId, dept, command.cleanAreas()));
        }
        for (ImportReport.RootCauseDraft r : command.rootCauses()) {
            events += apply(rootCauses.analyze(reportId, dept, r.rootCauseId(), r.title(), r.analysis(),
                    r.problemIds(), problems.ids()));
        }
        if (command.personalMatters() != null) {
            events += apply(PersonalMatters.declare(reportId, dept, author(), command.personalMatters()));
        }
        for (ImportReport.MeasureWithId m : command.measures()) {
            events += apply(measures.propose(reportId, dept, m.measureId(), m.measure(), rootCauses.ids()));
        }
        if (events > MAX_IMPORTED_EVENTS) {
            throw Refusal.invalid("TOO_MANY_ITEMS", "报告内容条目过多");
        }
    }

    @CommandHandler
    public void handle(IdentifyProblem c) {
        checkEditable(c.editor());
        apply(problems.identify(reportId, department(), c.problemId(), c.theme(), c.ordinal(), c.statement(),
                c.example()));
    }

    @CommandHandler
    public void handle(ReviseProblem c) {
        checkEditable(c.editor());
        apply(problems.revise(reportId, department(), c.problemId(), c.theme(), c.ordinal(), c.statement(),
                c.example()));
    }

    @CommandHandler
    public void handle(WithdrawProblem c) {
        checkEditable(c.editor());
        apply(problems.withdraw(reportId, department(), c.problemId(), c.reason()));
    }

    @CommandHandler
    public void handle(AnalyzeRootCause c) {
        checkEditable(c.editor());
        apply(rootCauses.analyze(reportId, department(), c.rootCauseId(), c.title(), c.analysis(), c.problemIds(),
                problems.ids()));
    }

    @CommandHandler
    public void handle(ReviseRootCause c) {
        checkEditable(c.editor());
        apply(rootCauses.revise(reportId, department(), c.rootCauseId(), c.title(), c.analysis(), c.problemIds(),
                problems.ids()));
    }

    @CommandHandler
    public void handle(ProposeMeasure c) {
        checkEditable(c.editor());
        apply(measures.propose(reportId, department(), c.measureId(), c.measure(), rootCauses.ids()));
    }

    @CommandHandler
    public void handle(ReviseMeasure c) {
        checkEditable(c.editor());
        apply(measures.revise(reportId, department(), c.measureId(), c.measure(), rootCauses.ids()));
    }

    @CommandHandler
    public void handle(DeclareCleanAreas c) {
        checkEditable(c.editor());
        apply(Statements.cleanAreas(reportId, department(), c.areas()));
    }

    @CommandHandler
    public void handle(StateCarryOver c) {
        checkEditable(c.editor());
        apply(Statements.carryOver(reportId, department(), c.groups()));
    }

    @CommandHandler
    public void handle(DeclarePersonalMatters c) {
        authorship.checkDeclaresOwnMatters(c.editor());
        checkEditable(c.editor());
        apply(PersonalMatters.declare(reportId, department(), author(), c.sealed()));
    }

    /** Returns the role that entitles the reader; refuses (and records nothing) when none does. */
    @CommandHandler
    public String handle(RecordPersonalMattersRead c) {
        var read = personalMatters.read(reportId, department(), author(), c.reader(), c.purpose());
        apply(read);
        return read.readerRole().name();
    }

    @CommandHandler
    public void handle(GrantDelegation c) {
        authorship.checkIsAuthor(c.editor());
        String delegate = authorship.delegate(c.delegate());
        if (status == Status.ACCEPTED) {
            throw status.refuse("授权他人修改");
        }
        apply(authorship.grant(reportId, delegate));
    }

    @CommandHandler
    public void handle(RevokeDelegation c) {
        authorship.checkIsAuthor(c.editor());
        apply(authorship.revoke(reportId, c.delegate()));
    }

    @CommandHandler
    public void handle(SubmitReport c) {
        authorship.checkMayEdit(c.editor(), "只能提交本部门的报告");
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw status.refuse("提交");
        }
        if (problems.isEmpty() || measures.isEmpty()) {
            throw Refusal.invalid("INCOMPLETE_REPORT", "报告至少需要一个问题和一项整改措施才能提交");
        }
        apply(new ReportSubmitted(reportId, department(), c.editor().username(), round + 1));
    }

    @CommandHandler
    public void handle(ReturnReport c) {
        checkReviewing(c.editor(), "退回");
        List<String> reasons = c.reasons() == null ? List.of() : c.reasons().stream()
                .filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw Refusal.invalid("MISSING_REASONS", "退回报告须说明理由");
        }
        reasons.forEach(r -> Text.checkLength(r, "reasons"));
        apply(new ReportReturned(reportId, department(), c.editor().username(), round, reasons,
                problemComments(c.problemComments())));
    }

    @CommandHandler
    public void handle(WithdrawSubmission c) {
        authorship.checkWithdraws(c.editor());
        if (status == Status.ACCEPTED) {
            throw Refusal.conflict("INVALID_STATUS", "报告已审核通过，不能撤回提交");
        }
        if (status != Status.SUBMITTED) {
            throw status.refuse("撤回提交");
        }
        apply(new ReportSubmissionWithdrawn(reportId, department(), c.editor().username(), round));
    }

    @CommandHandler
    public void handle(AcceptReport c) {
        checkReviewing(c.editor(), "审核通过");
        apply(new ReportAccepted(reportId, department(), author(), year, meetingId, c.editor().username(), round,
                problems.accepted(), measures.accepted(rootCauses, problems.ids())));
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(ReportDrafted event) {
        reportId = event.reportId();
        year = event.year();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(MeetingReferenced event) {
        meetingId = event.meetingId();
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        status = Status.SUBMITTED;
        round = event.round();
    }

    @EventSourcingHandler
    void on(ReportSubmissionWithdrawn event) {
        status = Status.DRAFT;
        round = event.round() - 1;
    }

    @EventSourcingHandler
    void on(ReportReturned event) {
        status = Status.RETURNED;
    }

    @EventSourcingHandler
    void on(ReportAccepted event) {
        status = Status.ACCEPTED;
    }

    // ------------------------------------------------------------------ rules

    /** Starts the report (and references its meeting); returns the number of events applied. */
    private int draft(String id, String title, Integer year, String meeting, String notice, Editor editor) {
        Text.require(title, "title", "报告标题不能为空");
        if (editor.department() == null || editor.department().isBlank()) {
            throw Refusal.invalid("DEPARTMENT_REQUIRED", "起草人未归属任何部门");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw Refusal.invalid("INVALID_YEAR", "年度不合理：" + year);
        }
        apply(new ReportDrafted(id, title.strip(), year, editor.username(), editor.department()));
        String cited = Text.blankToNull(notice);
        if (meeting == null && cited == null) {
            return 1;
        }
        return 1 + apply(new MeetingReferenced(id, editor.department(), Text.blankToNull(meeting), cited));
    }

    private void checkEditable(Editor editor) {
        authorship.checkMayEdit(editor, "不能修改其他部门的报告");
        status.checkEditable();
    }

    private void checkReviewing(Editor editor, String action) {
        if (!editor.reviewer()) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有组织部可以审核报告");
        }
        if (status != Status.SUBMITTED) {
            throw status.refuse(action);
        }
    }

    /**
     * The reviewer's comments on single problems, stripped, blank ones left out, in the order given; refused when one
     * concerns a problem not (or no longer) in the report, or is too long.
     */
    private Map<String, String> problemComments(Map<String, String> given) {
        Map<String, String> comments = new LinkedHashMap<>();
        if (given == null) {
            return comments;
        }
        if (given.size() > Text.MAX_ITEMS) {
            throw Refusal.invalid("TOO_MANY_PROBLEM_COMMENTS", "对问题的意见过多（最多" + Text.MAX_ITEMS + "条）");
        }
        Set<String> known = problems.ids();
        given.forEach((problemId, comment) -> {
            if (problemId == null || !known.contains(problemId)) {
                throw Refusal.invalid("UNKNOWN_PROBLEM", "意见针对的问题不在本报告中：" + problemId);
            }
            if (comment != null && comment.strip().length() > MAX_PROBLEM_COMMENT) {
                throw Refusal.invalid("TOO_LONG_PROBLEM_COMMENT",
                        "对单个问题的意见过长（最多" + MAX_PROBLEM_COMMENT + "字）");
            }
            if (comment != null && !comment.isBlank()) {
                comments.put(problemId, comment.strip());
            }
        });
        return comments;
    }

    private String author() {
        return authorship.author();
    }

    private String department() {
        return authorship.department();
    }

    /** Applies the event a rule decided; a rule decides null when nothing changed. Returns the number applied. */
    private static int apply(Object event) {
        if (event == null) {
            return 0;
        }
        AggregateLifecycle.apply(event);
        return 1;
    }
}
