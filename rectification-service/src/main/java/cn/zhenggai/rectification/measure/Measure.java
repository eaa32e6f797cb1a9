package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionLevel;
import cn.zhenggai.contracts.refusal.Refusal.Kind;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceDownload;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceUpload;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.LinkSource;
import cn.zhenggai.rectification.measure.Commands.PlanFinding;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;
import cn.zhenggai.rectification.measure.Commands.RefuseDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.RequestDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.SuperviseMeasure;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import cn.zhenggai.rectification.measure.SupervisionTimers.ReviewDue;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import cn.zhenggai.rectification.scope.ItemScope;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static cn.zhenggai.rectification.measure.Checks.blankToNull;
import static cn.zhenggai.rectification.measure.Checks.checkKnown;
import static cn.zhenggai.rectification.measure.Checks.checkLength;
import static cn.zhenggai.rectification.measure.Checks.listOf;
import static cn.zhenggai.rectification.measure.Checks.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rectification item (整改事项): planned → assigned (in progress) → completed → verified (销号); a rejected
 * completion reopens it, and so can the party committee after verification. The deadline drives persistent
 * timers: MeasureOverdue when it passes with the item still open, the three-colour warning (MeasureColourChanged)
 * and escalating supervision notices (SupervisionNoticeIssued) on the {@link SupervisionSchedule}; a long-term item
 * gets a review reminder every review period. Items also come from 巡察/审计 findings and may answer several
 * sources. Rules are checked here; state changes only from events. Every command of a caller first asks whether the
 * item exists for them ({@link cn.zhenggai.rectification.scope.ItemScope}, ADR 0072).
 */
@Aggregate
public class Measure {

    /** Name of the overdue deadline. */
    public static final String OVERDUE = "measure-overdue";
    /** Name of the supervision deadlines: colour, escalation and review checkpoints (SupervisionTimers). */
    public static final String SUPERVISION = "measure-supervision";
    /** Deadlines are dates in China: an item is overdue from the start of the day after its deadline there. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_TEXT = Checks.MAX_TEXT;
    static final int MAX_ITEMS = Checks.MAX_ITEMS;
    public static final int MAX_EVIDENCE = Checks.MAX_EVIDENCE;

    enum Status { PLANNED, IN_PROGRESS, COMPLETED, VERIFIED }

    @AggregateIdentifier
    private String measureId;
    private String department;
    private List<String> cooperating = List.of();
    private String owner;
    private Status status;
    private String completedBy;
    private LocalDate requestedDeadline;
    private String requestedBy;
    private String title;
    /** The sources the item answers ("SOURCE|reference"). */
    private Set<String> sources = new HashSet<>();
    /** When the item came to exist: the effective time of its MeasurePlanned (ADR 0090). */
    private Instant plannedAt;
    /** The latest effective time of the item's steps (its item events): no backdated step goes before it. */
    private Instant lastStepAt;
    /** When the pending extension was requested (recorded time). */
    private Instant requestedAt;
    /** The deadline and what it sets off: overdue, warning colours, timed notices, reviews (ADR 0097). */
    @AggregateMember
    private Supervision supervision = new Supervision();

    protected Measure() {
        // for Axon
    }

    /** When the overdue timer for {@code deadline} fires. */
    public static Instant overdueAt(LocalDate deadline) {
        return Supervision.overdueAt(deadline);
    }

    /** Plans the item once; returns whether it was planned now (false: it already was). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PlanMeasure command, Departments departments) {
        if (measureId != null) {
            return false;
        }
        require(command.title(), "title", "整改措施标题不能为空");
        require(command.reportDepartment(), "department", "整改措施所属部门不能为空");
        String proposedLead = blankToNull(command.proposedLeadDepartment());
        String home = proposedLead != null && departments.known(proposedLead) ? proposedLead
                : command.reportDepartment();
        apply(new MeasurePlanned(command.measureId(), home, MeasurePlanned.SOURCE_REPORT, command.reportId(),
                command.reportMeasureId(), command.reportDepartment(), command.author(), command.year(),
                command.ordinal(), command.title().strip(), command.content() == null ? "" : command.content(),
                listOf(command.actions()), command.proposedDeadline(), command.deadlineText(),
                command.proposedOwner(), proposedLead, listOf(command.cooperatingDepartments()),
                listOf(command.rootCauseIds()), listOf(command.problems())));
        return true;
    }

    /**
     * Assigns or reassigns the item. The lead department's staff set owner and cooperating departments; a lead other
     * than the item's department (where the report proposed it) is the party committee's decision, at the first
     * assignment as at any later one (ADR 0073).
     */
    @CommandHandler
    public void handle(AssignMeasure command, Departments departments, DeadlineManager deadlines,
                       SupervisionSchedule schedule) {
        Actor actor = command.actor();
        checkSees(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        AssignmentPolicy.backfillByPartyCommittee(command.backfill(), actor);
        checkActsFor(actor);
        if (status == Status.COMPLETED || status == Status.VERIFIED) {
            throw closed("重新分派");
        }
        AssignmentPolicy.backfillOnlyPlanned(command.backfill(), status == Status.PLANNED);
        String lead = Checks.lead(command.leadDepartment(), departments);
        AssignmentPolicy.leadChangeNeedsPartyCommittee(lead, department, actor);
        List<String> cooperating = Checks.cooperating(command.cooperatingDepartments(), lead, departments);
        require(command.owner(), "owner", "请指定责任人");
        AssignmentPolicy.ownerInLeadDepartment(command.owner().strip(), lead, departments);
        Term term = Term.of(command.deadline(), command.longTerm(), command.reviewPeriodMonths(), true);
        LocalDate newDeadline = term.deadline();
        Integer review = term.reviewPeriodMonths();
        boolean deadlineChanged = supervision.changes(newDeadline, term.longTerm());
        AssignmentPolicy.deadlineChange(deadlineChanged, status != Status.PLANNED, newDeadline, actor, command.today(),
                command.backfill(), backdating);
        if (status != Status.PLANNED && !deadlineChanged && lead.equals(department)
                && cooperating.equals(this.cooperating) && command.owner().strip().equals(owner)
                && Objects.equals(review, supervision.reviewPeriodMonths())) {
            return; // nothing changed: no event
        }
        boolean reviewChanged = !Objects.equals(review, supervision.reviewPeriodMonths());
        apply(new MeasureAssigned(measureId, lead, lead, List.copyOf(cooperating), command.owner().strip(),
                term.deadlineText(), term.longTerm(), review, actor.username(),
                command.backfill(), backdating));
        if (deadlineChanged) {
            supervision.newDeadline(item(), backdating, schedule, deadlines);
        }
        if (supervision.longTerm() && (deadlineChanged || reviewChanged)) {
            supervision.scheduleReview(deadlines);
        }
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        Actor actor = command.actor();
        checkSees(actor);
        if (!actor.actsFor(department) && cooperating.stream().noneMatch(actor::staffOf)) {
            throw otherDepartment();
        }
        Backdating backdating = backdating(command.backdate(), actor);
        checkInProgress("报告进展");
        require(command.text(), "text", "进展情况不能为空");
        List<ProgressReported.Evidence> evidence = listOf(command.evidence());
        if (evidence.size() > MAX_EVIDENCE) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_FILES", "一次进展报告最多附" + MAX_EVIDENCE + "个佐证材料");
        }
        if (evidence.stream().map(ProgressReported.Evidence::fileId).distinct().count() < evidence.size()) {
            throw new Refusal(Kind.INVALID, "DUPLICATE_EVIDENCE", "同一佐证材料不能重复引用");
        }
        apply(new ProgressReported(measureId, department, command.text().strip(), actor.username(),
                actor.department(), evidence, backdating));
    }

    /** Whether the actor may attach evidence now; answers the lead department. Changes nothing. */
    @CommandHandler
    public String handle(CheckEvidenceUpload command) {
        Actor actor = command.actor();
        checkSees(actor);
        if (!actor.actsFor(department) && cooperating.stream().noneMatch(actor::staffOf)) {
            throw otherDepartment();
        }
        checkInProgress("上传佐证材料");
        return department;
    }

    /** Whether the actor may download the item's evidence: whoever sees the item, in any state. Changes nothing. */
    @CommandHandler
    public boolean handle(CheckEvidenceDownload command) {
        checkSees(command.actor());
        return true;
    }

    /** A supervision notice (督办) by hand: party committee only, to the owner or the department head. */
    @CommandHandler
    public void handle(SuperviseMeasure command) {
        Actor actor = command.actor();
        checkSees(actor);
        if (!actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以督办");
        }
        checkInProgress("督办");
        String level = command.level() == null ? SupervisionLevel.DEPT_HEAD.name() : command.level();
        if (!SupervisionLevel.OWNER.is(level) && !SupervisionLevel.DEPT_HEAD.is(level)) {
            throw new Refusal(Kind.INVALID, "INVALID_LEVEL", "督办对象只能是责任人（OWNER）或部门负责人（DEPT_HEAD）");
        }
        require(command.reason(), "reason", "请写明督办事由");
        supervision.noticeByHand(item(), command.noticeId(), level, command.reason().strip(), command.today());
    }

    @CommandHandler
    public void handle(CompleteMeasure command) {
        Actor actor = command.actor();
        checkActsFor(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        if (status == Status.VERIFIED) {
            throw new Refusal(Kind.CONFLICT, "MEASURE_VERIFIED", "该事项已销号，不能再次完成");
        }
        if (status == Status.COMPLETED) {
            throw new Refusal(Kind.CONFLICT, "ALREADY_COMPLETED", "该事项已完成，等待党委验收");
        }
        checkInProgress("完成");
        require(command.summary(), "summary", "请填写整改完成情况");
        apply(new MeasureCompleted(measureId, department, command.summary().strip(), actor.username(),
                supervision.deadlineText(), supervision.late(backdating), backdating));
        supervision.backToGreen(item()); // pending supervision timers find the item completed and end their chain
    }

    @CommandHandler
    public void handle(VerifyMeasure command) {
        Actor actor = command.actor();
        checkReviewer(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        checkCompleted("验收销号");
        checkLength(command.opinion(), "opinion");
        apply(new MeasureVerified(measureId, department, actor.username(), blankToNull(command.opinion()),
                backdating));
    }

    @CommandHandler
    public void handle(RejectMeasure command, DeadlineManager deadlines, SupervisionSchedule schedule) {
        Actor actor = command.actor();
        checkReviewer(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        checkCompleted("退回");
        List<String> reasons = listOf(command.reasons()).stream().filter(r -> r != null && !r.isBlank())
                .map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw new Refusal(Kind.INVALID, "MISSING_REASONS", "退回须写明理由");
        }
        if (reasons.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_ITEMS", "退回理由过多");
        }
        reasons.forEach(r -> checkLength(r, "reason"));
        apply(new MeasureRejected(measureId, department, actor.username(), reasons, backdating));
        apply(new MeasureReopened(measureId, department, actor.username(), String.join("；", reasons), backdating));
        supervision.reopened(item(), backdating, schedule, deadlines);
    }

    @CommandHandler
    public void handle(ReopenMeasure command, DeadlineManager deadlines, SupervisionSchedule schedule) {
        Actor actor = command.actor();
        checkSees(actor);
        if (!actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以重新打开已销号的事项");
        }
        Backdating backdating = backdating(command.backdate(), actor);
        if (status != Status.VERIFIED) {
            throw new Refusal(Kind.CONFLICT, "NOT_VERIFIED", "只有已销号的事项可以重新打开");
        }
        require(command.reason(), "reason", "请写明重新打开的理由");
        apply(new MeasureReopened(measureId, department, actor.username(), command.reason().strip(), backdating));
        supervision.reopened(item(), backdating, schedule, deadlines);
    }

    @CommandHandler
    public void handle(RequestDeadlineExtension command) {
        Actor actor = command.actor();
        checkActsFor(actor);
        checkInProgress("申请延期");
        LocalDate deadline = supervision.deadline();
        LocalDate wanted = command.deadline();
        ExtensionPolicy.request(deadline, requestedDeadline, wanted, command.today());
        require(command.reason(), "reason", "请写明延期理由");
        apply(new DeadlineExtensionRequested(measureId, department, deadline.toString(), wanted.toString(),
                command.reason().strip(), actor.username()));
    }

    @CommandHandler
    public void handle(ApproveDeadlineExtension command, DeadlineManager deadlines, SupervisionSchedule schedule) {
        Actor actor = command.actor();
        checkExtensionDecision(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        BackdatingPolicy.approvalAfterRequest(backdating, requestedAt);
        apply(new DeadlineExtended(measureId, department, supervision.deadlineText(), requestedDeadline.toString(),
                requestedBy, actor.username(), backdating));
        supervision.extended(item(), backdating, schedule, deadlines);
    }

    @CommandHandler
    public void handle(RefuseDeadlineExtension command) {
        Actor actor = command.actor();
        checkExtensionDecision(actor);
        checkLength(command.reason(), "reason");
        apply(new DeadlineExtensionRefused(measureId, department, requestedDeadline.toString(), actor.username(),
                blankToNull(command.reason())));
    }

    /** The overdue timer ({@link Supervision#overdueTimer}). */
    @DeadlineHandler(deadlineName = OVERDUE)
    public void on(OverdueCheck check) {
        supervision.overdueTimer(item(), check);
    }

    /** A supervision checkpoint: warning colour or timed notice ({@link Supervision#checkpointTimer}). */
    @DeadlineHandler(deadlineName = SUPERVISION)
    public void on(SupervisionCheck check, SupervisionSchedule schedule, DeadlineManager deadlines,
                   NoticeWording wording) {
        supervision.checkpointTimer(item(), check, schedule, deadlines, wording);
    }

    /** The review reminder of a long-term item ({@link Supervision#reviewTimer}). */
    @DeadlineHandler(deadlineName = SUPERVISION)
    public void on(ReviewDue due, DeadlineManager deadlines, NoticeWording wording) {
        supervision.reviewTimer(item(), due, deadlines, wording);
    }

    /**
     * Plans an item from a 巡察/审计 finding, assigned at once as the sheet says; an existing item (the same finding)
     * gets the source linked instead, unless it already answers it. Answers PLANNED, LINKED or UNCHANGED.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(PlanFinding command, Departments departments, DeadlineManager deadlines,
                         SupervisionSchedule schedule) {
        checkFindingSource(command.source());
        require(command.finding(), "finding", "问题描述不能为空");
        if (measureId != null) {
            return link(command.source(), command.reference(), command.finding());
        }
        require(command.title(), "title", "整改措施不能为空");
        String lead = Checks.lead(command.leadDepartment(), departments);
        List<String> cooperating = new ArrayList<>();
        for (String code : listOf(command.cooperatingDepartments())) {
            checkKnown(code, departments);
            if (!code.equals(lead) && !cooperating.contains(code)) {
                cooperating.add(code);
            }
        }
        require(command.owner(), "owner", "请指定责任人");
        Term term = Term.ofFinding(command.deadline(), command.reviewPeriodMonths(), command.today());
        String reference = blankToNull(command.reference());
        String findingId = command.findingId() == null ? "fnd-" + measureIdOf(command) : command.findingId();
        apply(new MeasurePlanned(command.measureId(), lead, command.source(), null, null, lead, null, null, 1,
                command.title().strip(), command.content() == null ? command.title().strip() : command.content(),
                List.of(), term.deadlineText(), term.longTerm() ? "长期坚持" : null,
                command.owner().strip(), lead, List.copyOf(cooperating), List.of(),
                List.of(new MeasurePlanned.Problem(findingId, reference, 1, command.finding().strip()))));
        apply(new MeasureAssigned(measureId, lead, lead, List.copyOf(cooperating), command.owner().strip(),
                term.deadlineText(), term.longTerm(), term.reviewPeriodMonths(), command.importedBy()));
        if (!term.longTerm()) {
            supervision.watchFromStart(schedule, deadlines);
        } else {
            supervision.scheduleReview(deadlines);
        }
        return "PLANNED";
    }

    @CommandHandler
    public String handle(LinkSource command) {
        checkFindingSource(command.source());
        require(command.finding(), "finding", "问题描述不能为空");
        return link(command.source(), command.reference(), command.finding());
    }

    /**
     * Creates the item with its whole history migrated from a historical ledger (ADR 0093): {@link Migration} checks
     * the steps and builds the backdated events; an item still open has its deadline watched from now on. An item
     * that exists already changes nothing (the same sheet imported again). Answers MIGRATED or UNCHANGED.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(Migration.MigrateItem command, Departments departments, DeadlineManager deadlines,
                         SupervisionSchedule schedule) {
        if (measureId != null) {
            return Migration.UNCHANGED;
        }
        List<Object> events = Migration.events(command, departments);
        events.forEach(event -> apply(event));
        if (events.get(events.size() - 1) instanceof EffectiveDated last && last.backdating() != null) {
            // what of the deadline is still ahead is watched; a past already over is on record, never notified
            supervision.watchBackdated(item(), last.backdating(), schedule, deadlines);
        }
        return Migration.MIGRATED;
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(MeasurePlanned event, @Timestamp Instant at) {
        plannedAt = EffectiveDated.effectiveAt(event, at);
        step(event, at);
        measureId = event.measureId();
        department = event.department();
        cooperating = listOf(event.cooperatingDepartments());
        owner = event.proposedOwner();
        title = event.title();
        status = Status.PLANNED;
        if (MeasurePlanned.SOURCE_REPORT.equals(event.source()) || event.source() == null) {
            sources.add(sourceKey(MeasurePlanned.SOURCE_REPORT, event.reportId()));
        } else {
            List<MeasurePlanned.Problem> problems = listOf(event.problems());
            sources.add(sourceKey(event.source(), problems.isEmpty() ? null : problems.get(0).theme()));
        }
    }

    @EventSourcingHandler
    void on(MeasureSourceLinked event) {
        sources.add(sourceKey(event.source(), event.reference()));
    }

    @EventSourcingHandler
    void on(MeasureAssigned event, @Timestamp Instant at) {
        step(event, at);
        department = event.leadDepartment();
        cooperating = listOf(event.cooperatingDepartments());
        owner = event.owner();
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ProgressReported event, @Timestamp Instant at) {
        step(event, at);
    }

    @EventSourcingHandler
    void on(MeasureCompleted event, @Timestamp Instant at) {
        step(event, at);
        status = Status.COMPLETED;
        completedBy = event.completedBy();
    }

    @EventSourcingHandler
    void on(MeasureVerified event, @Timestamp Instant at) {
        step(event, at);
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(MeasureRejected event, @Timestamp Instant at) {
        step(event, at);
    }

    @EventSourcingHandler
    void on(MeasureReopened event, @Timestamp Instant at) {
        step(event, at);
        status = Status.IN_PROGRESS;
        completedBy = null;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested event, @Timestamp Instant at) {
        requestedAt = at;
        requestedDeadline = LocalDate.parse(event.requestedDeadline());
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event, @Timestamp Instant at) {
        step(event, at);
        requestedAt = null;
        requestedDeadline = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRefused event) {
        requestedAt = null;
        requestedDeadline = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(MeasureOverdue event, @Timestamp Instant at) {
        step(event, at);
    }

    // ------------------------------------------------------------------ rules

    private void step(Object event, Instant recordedAt) {
        Instant effective = EffectiveDated.effectiveAt(event, recordedAt);
        if (lastStepAt == null || effective.isAfter(lastStepAt)) {
            lastStepAt = effective;
        }
    }

    /** The backdating a command asks for, checked by the {@link BackdatingPolicy}; null when not backdated. */
    private Backdating backdating(Backdate backdate, Actor actor) {
        return new BackdatingPolicy(plannedAt, lastStepAt).check(backdate, actor);
    }

    /** The item as its supervision needs to know it, now. */
    private Supervision.Item item() {
        return new Supervision.Item(measureId, department, owner, title, status == Status.IN_PROGRESS);
    }

    private String link(String source, String reference, String finding) {
        String ref = blankToNull(reference);
        if (sources.contains(sourceKey(source, ref))) {
            return "UNCHANGED";
        }
        checkLength(finding, "finding");
        apply(new MeasureSourceLinked(measureId, department, source, ref, finding.strip()));
        return "LINKED";
    }

    private static void checkFindingSource(String source) {
        if (!MeasurePlanned.SOURCE_INSPECTION.equals(source) && !MeasurePlanned.SOURCE_AUDIT.equals(source)) {
            throw new Refusal(Kind.INVALID, "INVALID_SOURCE", "来源只能是巡察或审计：" + source);
        }
    }

    private static String measureIdOf(PlanFinding command) {
        return command.measureId().startsWith("mea-") ? command.measureId().substring(4) : command.measureId();
    }

    private static String sourceKey(String source, String reference) {
        return source + "|" + (reference == null ? "" : reference);
    }

    /** Every command of a caller starts here: an item the actor does not see answers as an unknown id. */
    private void checkSees(Actor actor) {
        if (!actor.sees(department, cooperating)) {
            throw ItemScope.notFound(measureId);
        }
    }

    private void checkActsFor(Actor actor) {
        checkSees(actor);
        if (!actor.actsFor(department)) {
            throw otherDepartment();
        }
    }

    private static Refusal otherDepartment() {
        return new Refusal(Kind.FORBIDDEN, "FORBIDDEN_DEPARTMENT", "不能办理其他部门牵头的整改事项");
    }

    private void checkReviewer(Actor actor) {
        checkSees(actor);
        if (!actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以验收整改事项");
        }
        if (actor.username().equals(completedBy)) {
            throw new Refusal(Kind.FORBIDDEN, "SEPARATION_OF_DUTIES", "不能验收本人完成的整改事项");
        }
    }

    private void checkExtensionDecision(Actor actor) {
        checkSees(actor);
        ExtensionPolicy.decision(actor, requestedDeadline, requestedBy);
        if (status == Status.VERIFIED) {
            throw closed("审批延期");
        }
    }

    private void checkInProgress(String action) {
        if (status == Status.PLANNED) {
            throw new Refusal(Kind.CONFLICT, "NOT_ASSIGNED", "事项尚未分派，不能" + action);
        }
        if (status != Status.IN_PROGRESS) {
            throw closed(action);
        }
    }

    private void checkCompleted(String action) {
        if (status != Status.COMPLETED) {
            throw new Refusal(Kind.CONFLICT, "NOT_COMPLETED",
                    "事项当前状态为“" + label(status) + "”，不能" + action);
        }
    }

    private Refusal closed(String action) {
        return new Refusal(Kind.CONFLICT, status == Status.VERIFIED ? "MEASURE_VERIFIED" : "INVALID_STATUS",
                "事项当前状态为“" + label(status) + "”，不能" + action);
    }

    private static String label(Status status) {
        return switch (status) {
            case PLANNED -> "待分派";
            case IN_PROGRESS -> "整改中";
            case COMPLETED -> "已完成待验收";
            case VERIFIED -> "已销号";
        };
    }
}
