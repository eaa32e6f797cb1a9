package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.refusal.Refusal.Kind;
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
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import cn.zhenggai.report.drafting.Commands.AcceptReport;
import cn.zhenggai.report.drafting.Commands.AnalyzeRootCause;
import cn.zhenggai.report.drafting.Commands.DeclareCleanAreas;
import cn.zhenggai.report.drafting.Commands.DeclarePersonalMatters;
import cn.zhenggai.report.drafting.Commands.ProposeMeasure;
import cn.zhenggai.report.drafting.Commands.RecordPersonalMattersRead;
import cn.zhenggai.report.drafting.Commands.ReturnReport;
import cn.zhenggai.report.drafting.Commands.ReviseProblem;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import cn.zhenggai.report.drafting.Commands.WithdrawProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cadre's report (speech outline) for one meeting: draft → submitted → returned (with reasons) → resubmitted →
 * accepted. Rules are checked here; state changes only from events.
 */
@Aggregate
public class Report {

    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 200;
    static final String AES_GCM = "AES-256-GCM";

    enum Status { DRAFT, SUBMITTED, RETURNED, ACCEPTED }

    @AggregateIdentifier
    private String reportId;
    private String department;
    private String author;
    private Integer year;
    private String meetingId;
    private Status status;
    private int round;
    private boolean personalMattersDeclared;
    private final Map<String, ProblemState> problems = new LinkedHashMap<>();
    private final Map<String, String> examples = new HashMap<>();
    private final Map<String, RootCauseAnalyzed> rootCauses = new LinkedHashMap<>();
    private final Map<String, MeasureProposed> measures = new LinkedHashMap<>();
    /** theme#ordinal of every problem ever identified and not withdrawn, with its problem id */
    private final Map<String, String> themeOrdinals = new HashMap<>();
    /** every problem id ever used, withdrawn ones included */
    private final Set<String> usedProblemIds = new HashSet<>();
    /** colleagues the author let edit and submit the report */
    private final Set<String> delegates = new HashSet<>();

    private record ProblemState(String theme, int ordinal, String statement) {
    }

    protected Report() {
        // for Axon
    }

    @CommandHandler
    public Report(DraftReport command) {
        Editor editor = command.editor();
        checkDraft(command.title(), command.year(), editor);
        apply(new ReportDrafted(command.reportId(), command.title().strip(), command.year(), editor.username(),
                editor.department()));
        String notice = blankToNull(command.notice());
        if (command.meetingId() != null || notice != null) {
            apply(new MeetingReferenced(command.reportId(), editor.department(), blankToNull(command.meetingId()),
                    notice));
        }
    }

    /** The whole outline in one command; every part is checked before anything is applied. */
    @CommandHandler
    public Report(ImportReport command) {
        Editor editor = command.editor();
        checkDraft(command.title(), command.year(), editor);
        String id = command.reportId();
        String dept = editor.department();
        List<Object> events = new ArrayList<>();
        events.add(new ReportDrafted(id, command.title().strip(), command.year(), editor.username(), dept));
        String notice = blankToNull(command.notice());
        if (command.meetingId() != null || notice != null) {
            events.add(new MeetingReferenced(id, dept, blankToNull(command.meetingId()), notice));
        }
        if (!command.carryOver().isEmpty()) {
            events.add(carryOverStated(id, dept, command.carryOver()));
        }
        Set<String> themeOrdinals = new HashSet<>();
        Set<String> problemIds = new HashSet<>();
        for (ImportReport.ProblemDraft p : command.problems()) {
            checkProblem(p.theme(), p.ordinal(), p.statement(), p.example());
            if (!problemIds.add(p.problemId())) {
                throw new Refusal(Kind.CONFLICT, "DUPLICATE_PROBLEM", "该问题已存在");
            }
            if (!themeOrdinals.add(themeOrdinal(p.theme().strip(), p.ordinal()))) {
                throw duplicateOrdinal(p.theme(), p.ordinal());
            }
            events.add(new ProblemIdentified(id, p.problemId(), dept, p.theme().strip(), p.ordinal(),
                    p.statement().strip(), blankToNull(p.example())));
        }
        if (!command.cleanAreas().isEmpty()) {
            events.add(new CleanAreasDeclared(id, dept, cleanAreas(command.cleanAreas())));
        }
        Set<String> rootCauseIds = new HashSet<>();
        int ordinal = 0;
        for (ImportReport.RootCauseDraft r : command.rootCauses()) {
            checkRootCause(r.title(), r.analysis());
            checkLinks(r.problemIds(), problemIds, "UNKNOWN_PROBLEM", "根源关联的问题不存在：");
            if (!rootCauseIds.add(r.rootCauseId())) {
                throw new Refusal(Kind.CONFLICT, "DUPLICATE_ROOT_CAUSE", "该根源已存在");
            }
            events.add(new RootCauseAnalyzed(id, r.rootCauseId(), dept, ++ordinal, r.title().strip(),
                    r.analysis() == null ? "" : r.analysis().strip(), List.copyOf(r.problemIds())));
        }
        if (command.personalMatters() != null) {
            events.add(personalMattersDeclared(id, dept, editor.username(), command.personalMatters()));
        }
        Set<String> measureIds = new HashSet<>();
        ordinal = 0;
        for (ImportReport.MeasureWithId m : command.measures()) {
            if (!measureIds.add(m.measureId())) {
                throw new Refusal(Kind.CONFLICT, "DUPLICATE_MEASURE", "该措施已存在");
            }
            events.add(measureProposed(id, dept, m.measureId(), ++ordinal, m.measure(), rootCauseIds));
        }
        if (events.size() > 1000) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_ITEMS", "报告内容条目过多");
        }
        events.forEach(org.axonframework.modelling.command.AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(IdentifyProblem command) {
        checkEditable(command.editor());
        checkProblem(command.theme(), command.ordinal(), command.statement(), command.example());
        if (usedProblemIds.contains(command.problemId())) {
            throw new Refusal(Kind.CONFLICT, "DUPLICATE_PROBLEM", "该问题已存在");
        }
        if (themeOrdinals.containsKey(themeOrdinal(command.theme().strip(), command.ordinal()))) {
            throw duplicateOrdinal(command.theme(), command.ordinal());
        }
        apply(new ProblemIdentified(reportId, command.problemId(), department, command.theme().strip(),
                command.ordinal(), command.statement().strip(), blankToNull(command.example())));
    }

    @CommandHandler
    public void handle(ReviseProblem command) {
        checkEditable(command.editor());
        ProblemState problem = liveProblem(command.problemId());
        checkProblem(command.theme(), command.ordinal(), command.statement(), command.example());
        String holder = themeOrdinals.get(themeOrdinal(command.theme().strip(), command.ordinal()));
        if (holder != null && !holder.equals(command.problemId())) {
            throw duplicateOrdinal(command.theme(), command.ordinal());
        }
        String example = blankToNull(command.example());
        if (problem.theme().equals(command.theme().strip()) && problem.ordinal() == command.ordinal()
                && problem.statement().equals(command.statement().strip())
                && Objects.equals(example, exampleOf(command.problemId()))) {
            return; // nothing changed: no event
        }
        apply(new ProblemRevised(reportId, command.problemId(), department, command.theme().strip(),
                command.ordinal(), command.statement().strip(), example));
    }

    @CommandHandler
    public void handle(WithdrawProblem command) {
        checkEditable(command.editor());
        liveProblem(command.problemId());
        checkLength(command.reason(), "reason");
        apply(new ProblemWithdrawn(reportId, command.problemId(), department, blankToNull(command.reason())));
    }

    @CommandHandler
    public void handle(AnalyzeRootCause command) {
        checkEditable(command.editor());
        checkRootCause(command.title(), command.analysis());
        if (rootCauses.containsKey(command.rootCauseId())) {
            throw new Refusal(Kind.CONFLICT, "DUPLICATE_ROOT_CAUSE", "该根源已存在");
        }
        List<String> links = command.problemIds() == null ? List.of() : List.copyOf(command.problemIds());
        checkLinks(links, problems.keySet(), "UNKNOWN_PROBLEM", "根源关联的问题不存在：");
        apply(new RootCauseAnalyzed(reportId, command.rootCauseId(), department, rootCauses.size() + 1,
                command.title().strip(), command.analysis() == null ? "" : command.analysis().strip(), links));
    }

    /** A RootCauseAnalyzed with the id of an existing root cause replaces it (same ordinal). */
    @CommandHandler
    public void handle(Commands.ReviseRootCause command) {
        checkEditable(command.editor());
        RootCauseAnalyzed before = rootCauses.get(command.rootCauseId());
        if (before == null) {
            throw new Refusal(Kind.NOT_FOUND, "ROOT_CAUSE_NOT_FOUND", "根源不存在：" + command.rootCauseId());
        }
        checkRootCause(command.title(), command.analysis());
        List<String> links = command.problemIds() == null ? List.of() : List.copyOf(command.problemIds());
        checkLinks(links, problems.keySet(), "UNKNOWN_PROBLEM", "根源关联的问题不存在：");
        RootCauseAnalyzed revised = new RootCauseAnalyzed(reportId, command.rootCauseId(), department,
                before.ordinal(), command.title().strip(), command.analysis() == null ? "" : command.analysis().strip(),
                links);
        if (!revised.equals(before)) {
            apply(revised);
        }
    }

    /** A MeasureProposed with the id of an existing measure replaces it (same ordinal). */
    @CommandHandler
    public void handle(Commands.ReviseMeasure command) {
        checkEditable(command.editor());
        MeasureProposed before = measures.get(command.measureId());
        if (before == null) {
            throw new Refusal(Kind.NOT_FOUND, "MEASURE_NOT_FOUND", "整改措施不存在：" + command.measureId());
        }
        MeasureProposed revised = measureProposed(reportId, department, command.measureId(), before.ordinal(),
                command.measure(), rootCauses.keySet());
        if (!revised.equals(before)) {
            apply(revised);
        }
    }

    @CommandHandler
    public void handle(DeclareCleanAreas command) {
        checkEditable(command.editor());
        apply(new CleanAreasDeclared(reportId, department, cleanAreas(command.areas())));
    }

    @CommandHandler
    public void handle(StateCarryOver command) {
        checkEditable(command.editor());
        apply(carryOverStated(reportId, department, command.groups()));
    }

    @CommandHandler
    public void handle(ProposeMeasure command) {
        checkEditable(command.editor());
        if (measures.containsKey(command.measureId())) {
            throw new Refusal(Kind.CONFLICT, "DUPLICATE_MEASURE", "该措施已存在");
        }
        apply(measureProposed(reportId, department, command.measureId(), measures.size() + 1, command.measure(),
                rootCauses.keySet()));
    }

    @CommandHandler
    public void handle(DeclarePersonalMatters command) {
        // a declaration is the author's own statement: a colleague, a delegate or a reviewer cannot replace it
        if (command.editor().belongsTo(department) && !author.equals(command.editor().username())) {
            throw new Refusal(Kind.FORBIDDEN, "PERSONAL_MATTERS_FORBIDDEN", "个人有关事项只能由报告作者本人申报");
        }
        checkEditable(command.editor());
        apply(personalMattersDeclared(reportId, department, author, command.sealed()));
    }

    /** Returns the role that entitles the reader; refuses (and records nothing) when none does. */
    @CommandHandler
    public String handle(RecordPersonalMattersRead command) {
        Commands.Reader reader = command.reader();
        String role = author.equals(reader.username()) ? "AUTHOR"
                : reader.orgDept() ? "ORG_DEPT" : reader.discipline() ? "DISCIPLINE" : null;
        if (role == null) {
            throw new Refusal(Kind.FORBIDDEN, "PERSONAL_MATTERS_FORBIDDEN",
                    "个人有关事项仅限本人、组织部和纪检监察查阅");
        }
        if (!personalMattersDeclared) {
            throw new Refusal(Kind.NOT_FOUND, "NO_PERSONAL_MATTERS", "该报告没有个人有关事项说明");
        }
        String purpose = "EXPORT".equals(command.purpose()) ? "EXPORT" : "VIEW";
        apply(new PersonalMattersRead(reportId, department, author, reader.username(), role, purpose));
        return role;
    }

    @CommandHandler
    public void handle(SubmitReport command) {
        Editor editor = command.editor();
        checkAuthorOrDelegate(editor, "只能提交本部门的报告");
        if (status != Status.DRAFT && status != Status.RETURNED) {
            throw wrongStatus("提交");
        }
        if (problems.isEmpty() || measures.isEmpty()) {
            throw new Refusal(Kind.INVALID, "INCOMPLETE_REPORT", "报告至少需要一个问题和一项整改措施才能提交");
        }
        apply(new ReportSubmitted(reportId, department, editor.username(), round + 1));
    }

    @CommandHandler
    public void handle(Commands.GrantDelegation command) {
        checkAuthor(command.editor());
        String delegate = command.delegate() == null ? "" : command.delegate().strip();
        if (delegate.isEmpty() || delegate.length() > 64) {
            throw new Refusal(Kind.INVALID, "INVALID_DELEGATE", "请填写被授权同事的用户名");
        }
        if (delegate.equals(author)) {
            throw new Refusal(Kind.INVALID, "INVALID_DELEGATE", "不能授权给报告作者本人");
        }
        if (status == Status.ACCEPTED) {
            throw wrongStatus("授权他人修改");
        }
        if (!delegates.contains(delegate)) { // granted already: nothing new to record
            apply(new ReportDelegationGranted(reportId, department, author, delegate));
        }
    }

    @CommandHandler
    public void handle(Commands.RevokeDelegation command) {
        checkAuthor(command.editor());
        if (!delegates.contains(command.delegate())) {
            throw new Refusal(Kind.NOT_FOUND, "DELEGATION_NOT_FOUND", "没有授权该同事：" + command.delegate());
        }
        apply(new ReportDelegationRevoked(reportId, department, author, command.delegate()));
    }

    @CommandHandler
    public void handle(ReturnReport command) {
        checkReviewer(command.editor());
        if (status != Status.SUBMITTED) {
            throw wrongStatus("退回");
        }
        List<String> reasons = command.reasons() == null ? List.of() : command.reasons().stream()
                .filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw new Refusal(Kind.INVALID, "MISSING_REASONS", "退回报告须说明理由");
        }
        reasons.forEach(r -> checkLength(r, "reasons"));
        apply(new ReportReturned(reportId, department, command.editor().username(), round, reasons));
    }

    @CommandHandler
    public void handle(AcceptReport command) {
        checkReviewer(command.editor());
        if (status != Status.SUBMITTED) {
            throw wrongStatus("审核通过");
        }
        List<ReportAccepted.Problem> live = new ArrayList<>();
        problems.forEach((id, p) -> live.add(new ReportAccepted.Problem(id, p.theme(), p.ordinal(), p.statement())));
        List<ReportAccepted.Measure> planned = new ArrayList<>();
        for (MeasureProposed m : measures.values()) {
            Set<String> answered = new LinkedHashSet<>();
            m.rootCauseIds().stream().map(rootCauses::get).filter(Objects::nonNull)
                    .forEach(rc -> rc.problemIds().stream().filter(problems::containsKey).forEach(answered::add));
            planned.add(new ReportAccepted.Measure(m.measureId(), m.ordinal(), m.title(), m.content(), m.actions(),
                    m.deadline(), m.deadlineText(), m.owner(), m.leadDepartment(), m.cooperatingDepartments(),
                    m.rootCauseIds(), List.copyOf(answered)));
        }
        apply(new ReportAccepted(reportId, department, author, year, meetingId, command.editor().username(), round,
                live, planned));
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(ReportDrafted event) {
        reportId = event.reportId();
        department = event.department();
        author = event.author();
        year = event.year();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(MeetingReferenced event) {
        meetingId = event.meetingId();
    }

    @EventSourcingHandler
    void on(ProblemIdentified event) {
        usedProblemIds.add(event.problemId());
        problems.put(event.problemId(), new ProblemState(event.theme(), event.ordinal(), event.statement()));
        examples.put(event.problemId(), event.example());
        themeOrdinals.put(themeOrdinal(event.theme(), event.ordinal()), event.problemId());
    }

    @EventSourcingHandler
    void on(ProblemRevised event) {
        ProblemState before = problems.get(event.problemId());
        if (before != null) {
            themeOrdinals.remove(themeOrdinal(before.theme(), before.ordinal()));
        }
        problems.put(event.problemId(), new ProblemState(event.theme(), event.ordinal(), event.statement()));
        examples.put(event.problemId(), event.example());
        themeOrdinals.put(themeOrdinal(event.theme(), event.ordinal()), event.problemId());
    }

    @EventSourcingHandler
    void on(ProblemWithdrawn event) {
        ProblemState before = problems.remove(event.problemId());
        if (before != null) {
            themeOrdinals.remove(themeOrdinal(before.theme(), before.ordinal()));
        }
        examples.remove(event.problemId());
    }

    @EventSourcingHandler
    void on(RootCauseAnalyzed event) {
        rootCauses.put(event.rootCauseId(), event);
    }

    @EventSourcingHandler
    void on(MeasureProposed event) {
        measures.put(event.measureId(), event);
    }

    @EventSourcingHandler
    void on(PersonalMattersDeclared event) {
        personalMattersDeclared = true;
    }

    @EventSourcingHandler
    void on(ReportDelegationGranted event) {
        delegates.add(event.delegate());
    }

    @EventSourcingHandler
    void on(ReportDelegationRevoked event) {
        delegates.remove(event.delegate());
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        status = Status.SUBMITTED;
        round = event.round();
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

    private static void checkDraft(String title, Integer year, Editor editor) {
        require(title, "title", "报告标题不能为空");
        if (editor.department() == null || editor.department().isBlank()) {
            throw new Refusal(Kind.INVALID, "DEPARTMENT_REQUIRED", "起草人未归属任何部门");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new Refusal(Kind.INVALID, "INVALID_YEAR", "年度不合理：" + year);
        }
    }

    private void checkEditable(Editor editor) {
        checkAuthorOrDelegate(editor, "不能修改其他部门的报告");
        if (status == Status.SUBMITTED || status == Status.ACCEPTED) {
            throw new Refusal(Kind.CONFLICT, "REPORT_NOT_EDITABLE",
                    status == Status.SUBMITTED ? "报告已提交审核，退回后才能修改" : "报告已审核通过，不能再修改");
        }
    }

    /** Only the author, or a colleague of the same department the author delegated to, edits and submits. */
    private void checkAuthorOrDelegate(Editor editor, String otherDepartment) {
        if (editor.system()) {
            return;
        }
        if (!editor.belongsTo(department)) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_DEPARTMENT", otherDepartment);
        }
        if (!author.equals(editor.username()) && !delegates.contains(editor.username())) {
            throw new Refusal(Kind.FORBIDDEN, "NOT_AUTHOR_OR_DELEGATE",
                    "只有报告作者本人或经作者授权的同事可以修改、提交报告");
        }
    }

    private void checkAuthor(Editor editor) {
        if (!editor.belongsTo(department)) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_DEPARTMENT", "不能修改其他部门的报告");
        }
        if (!author.equals(editor.username())) {
            throw new Refusal(Kind.FORBIDDEN, "NOT_AUTHOR", "只有报告作者本人可以授权或撤销授权");
        }
    }

    private static void checkReviewer(Editor editor) {
        if (!editor.reviewer()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有组织部可以审核报告");
        }
    }

    private Refusal wrongStatus(String action) {
        String now = switch (status) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "已提交";
            case RETURNED -> "已退回";
            case ACCEPTED -> "已通过";
        };
        return new Refusal(Kind.CONFLICT, "INVALID_STATUS", "报告当前状态为“" + now + "”，不能" + action);
    }

    private ProblemState liveProblem(String problemId) {
        ProblemState problem = problems.get(problemId);
        if (problem == null) {
            throw new Refusal(Kind.NOT_FOUND, "PROBLEM_NOT_FOUND", "问题不存在或已撤回：" + problemId);
        }
        return problem;
    }

    private String exampleOf(String problemId) {
        return examples.get(problemId);
    }

    private static void checkProblem(String theme, int ordinal, String statement, String example) {
        require(theme, "theme", "问题所属方面不能为空");
        require(statement, "statement", "问题表述不能为空");
        checkLength(example, "example");
        if (ordinal < 1) {
            throw new Refusal(Kind.INVALID, "INVALID_ORDINAL", "问题序号必须从1开始");
        }
    }

    private static void checkRootCause(String title, String analysis) {
        require(title, "title", "根源标题不能为空");
        checkLength(analysis, "analysis");
    }

    private static void checkLinks(List<String> links, Set<String> known, String code, String message) {
        if (links == null) {
            return;
        }
        if (links.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_ITEMS", "关联条目过多");
        }
        for (String link : links) {
            if (!known.contains(link)) {
                throw new Refusal(Kind.INVALID, code, message + link);
            }
        }
    }

    private static Refusal duplicateOrdinal(String theme, int ordinal) {
        return new Refusal(Kind.CONFLICT, "DUPLICATE_ORDINAL",
                "“" + theme.strip() + "”方面已有第" + ordinal + "个问题");
    }

    private static List<String> cleanAreas(List<String> areas) {
        List<String> clean = new ArrayList<>();
        for (String area : areas == null ? List.<String>of() : areas) {
            require(area, "area", "方面名称不能为空");
            if (!clean.contains(area.strip())) {
                clean.add(area.strip());
            }
        }
        if (clean.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_ITEMS", "条目过多");
        }
        return List.copyOf(clean);
    }

    private static CarryOverStated carryOverStated(String id, String dept, List<Commands.CarryOverGroup> groups) {
        if (groups == null || groups.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "INVALID_CARRY_OVER", "整改落实情况内容有误");
        }
        List<CarryOverStated.Group> stated = new ArrayList<>();
        for (Commands.CarryOverGroup group : groups) {
            require(group.heading(), "heading", "整改落实情况的标题不能为空");
            checkLength(group.theme(), "theme");
            List<String> items = group.items() == null ? List.of() : group.items();
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                throw new Refusal(Kind.INVALID, "MISSING_ITEMS", "“" + group.heading().strip() + "”下没有落实情况");
            }
            items.forEach(item -> require(item, "item", "落实情况不能为空"));
            stated.add(new CarryOverStated.Group(group.heading().strip(), blankToNull(group.theme()),
                    items.stream().map(String::strip).toList()));
        }
        return new CarryOverStated(id, dept, List.copyOf(stated));
    }

    private static MeasureProposed measureProposed(String id, String dept, String measureId, int ordinal,
                                                   Commands.MeasureDraft m, Set<String> knownRootCauses) {
        if (m == null) {
            throw new Refusal(Kind.INVALID, "MISSING_MEASURE", "整改措施内容不能为空");
        }
        require(m.title(), "title", "整改措施标题不能为空");
        checkLength(m.content(), "content");
        checkLength(m.owner(), "owner");
        checkLength(m.leadDepartment(), "leadDepartment");
        List<Commands.ActionDraft> actions = m.actions() == null ? List.of() : m.actions();
        if (actions.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_ITEMS", "具体举措过多");
        }
        List<MeasureProposed.Action> proposed = new ArrayList<>();
        for (Commands.ActionDraft action : actions) {
            require(action.text(), "action", "具体举措不能为空");
            proposed.add(new MeasureProposed.Action(action.text().strip(), date(action.deadline()),
                    blankToNull(action.deadlineText())));
        }
        List<String> cooperating = m.cooperatingDepartments() == null ? List.of()
                : m.cooperatingDepartments().stream().filter(d -> d != null && !d.isBlank()).map(String::strip)
                .distinct().toList();
        List<String> links = m.rootCauseIds() == null ? List.of() : List.copyOf(m.rootCauseIds());
        checkLinks(links, knownRootCauses, "UNKNOWN_ROOT_CAUSE", "措施关联的根源不存在：");
        return new MeasureProposed(id, measureId, dept, ordinal, m.title().strip(),
                m.content() == null ? "" : m.content().strip(), List.copyOf(proposed), date(m.deadline()),
                blankToNull(m.deadlineText()), blankToNull(m.owner()), blankToNull(m.leadDepartment()), cooperating,
                links);
    }

    private static PersonalMattersDeclared personalMattersDeclared(String id, String dept, String author,
                                                                   Commands.SealedMatters sealed) {
        if (sealed == null || !AES_GCM.equals(sealed.algorithm()) || blankToNull(sealed.nonce()) == null
                || blankToNull(sealed.ciphertext()) == null) {
            throw new Refusal(Kind.INVALID, "NOT_SEALED", "个人有关事项必须加密保存");
        }
        if (!author.equals(sealed.person())) {
            throw new Refusal(Kind.INVALID, "WRONG_KEY", "个人有关事项须以报告本人的密钥加密");
        }
        return new PersonalMattersDeclared(id, dept, author, sealed.keyVersion(), sealed.algorithm(),
                sealed.nonce(), sealed.ciphertext());
    }

    private static String date(String value) {
        String date = blankToNull(value);
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            throw new Refusal(Kind.INVALID, "INVALID_DEADLINE", "完成时限格式应为YYYY-MM-DD：" + date);
        }
    }

    private static String themeOrdinal(String theme, int ordinal) {
        return theme + '#' + ordinal;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new Refusal(Kind.INVALID, "MISSING_" + field.toUpperCase(), message);
        }
        checkLength(value, field);
    }

    private static void checkLength(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new Refusal(Kind.INVALID, "TOO_LONG_" + field.toUpperCase(),
                    "内容过长（最多" + MAX_TEXT + "字）");
        }
    }
}
