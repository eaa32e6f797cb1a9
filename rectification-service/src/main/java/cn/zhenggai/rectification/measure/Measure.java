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
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.refusal.Refusal.Kind;
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
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 50;
    static final int MAX_EVIDENCE = 20;

    enum Status { PLANNED, IN_PROGRESS, COMPLETED, VERIFIED }

    @AggregateIdentifier
    private String measureId;
    private String department;
    private List<String> cooperating = List.of();
    private String owner;
    private LocalDate deadline;
    private boolean longTerm;
    private Integer reviewPeriodMonths;
    private Status status;
    private String completedBy;
    private boolean overdue;
    private LocalDate requestedDeadline;
    private String requestedBy;
    private String title;
    private String colour = MeasureColourChanged.GREEN;
    /** Timed notices already issued for the current deadline (their derived ids). */
    private Set<String> noticesIssued = new HashSet<>();
    /** The next review date of a long-term item. */
    private LocalDate nextReview;
    /** The sources the item answers ("SOURCE|reference"). */
    private Set<String> sources = new HashSet<>();
    /** When the item came to exist: the effective time of its MeasurePlanned (ADR 0090). */
    private Instant plannedAt;
    /** The latest effective time of the item's steps (its item events): no backdated step goes before it. */
    private Instant lastStepAt;
    /** When the pending extension was requested (recorded time). */
    private Instant requestedAt;

    protected Measure() {
        // for Axon
    }

    /** When the overdue timer for {@code deadline} fires. */
    public static Instant overdueAt(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
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
        if (command.backfill() && !actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以补录历史台账的分派");
        }
        checkActsFor(actor);
        if (status == Status.COMPLETED || status == Status.VERIFIED) {
            throw closed("重新分派");
        }
        if (command.backfill() && status != Status.PLANNED) {
            throw new Refusal(Kind.CONFLICT, "BACKFILL_NOT_PLANNED", "只有待分派的事项可以补录历史分派");
        }
        String lead = blankToNull(command.leadDepartment());
        if (lead == null) {
            throw new Refusal(Kind.INVALID, "MISSING_LEAD_DEPARTMENT", "请指定牵头单位");
        }
        checkKnown(lead, departments);
        if (!lead.equals(department) && !actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE",
                    "变更牵头单位须由党委决定，部门不能自行移交给其他单位");
        }
        List<String> cooperating = new ArrayList<>();
        for (String code : listOf(command.cooperatingDepartments())) {
            String c = blankToNull(code);
            if (c == null) {
                continue;
            }
            checkKnown(c, departments);
            if (!c.equals(lead) && !cooperating.contains(c)) {
                cooperating.add(c);
            }
        }
        if (cooperating.size() > MAX_ITEMS) {
            throw new Refusal(Kind.INVALID, "TOO_MANY_DEPARTMENTS", "配合单位过多");
        }
        require(command.owner(), "owner", "请指定责任人");
        // an owner who is a user of the directory is one of the lead department's users (issue 11 item 2); any
        // other text is a label for someone without an account
        String ownersDepartment = departments.departmentOfUser(command.owner().strip());
        if (ownersDepartment != null && !ownersDepartment.equals(lead)) {
            throw new Refusal(Kind.INVALID, "OWNER_NOT_IN_LEAD_DEPARTMENT",
                    "责任人须是牵头单位的人员：" + command.owner().strip());
        }
        LocalDate newDeadline = command.deadline();
        Integer review = command.reviewPeriodMonths();
        if (command.longTerm()) {
            if (newDeadline != null) {
                throw new Refusal(Kind.INVALID, "LONG_TERM_WITH_DEADLINE", "长期坚持的事项不设完成时限");
            }
            if (review == null || review < 1 || review > 12) {
                throw new Refusal(Kind.INVALID, "INVALID_REVIEW_PERIOD", "长期坚持的事项须设定1至12个月的评估周期");
            }
        } else {
            if (newDeadline == null) {
                throw new Refusal(Kind.INVALID, "MISSING_DEADLINE", "请指定完成时限，或标为长期坚持");
            }
            review = null;
        }
        boolean deadlineChanged = !Objects.equals(newDeadline, deadline) || command.longTerm() != longTerm;
        if (status != Status.PLANNED && deadlineChanged && !actor.partyCommittee()) {
            throw new Refusal(Kind.CONFLICT, "DEADLINE_CHANGE_NEEDS_APPROVAL",
                    "已分派事项的完成时限须经党委批准延期后才能变更");
        }
        // a backfilled assignment (历史台账补录) keeps the paper ledger's deadline, passed or not: overdue follows at once;
        // a backdated one (ADR 0090) too, but not a deadline before the day it was assigned
        if (newDeadline != null && deadlineChanged && !command.backfill() && backdating == null
                && newDeadline.isBefore(command.today())) {
            throw new Refusal(Kind.INVALID, "DEADLINE_IN_PAST", "完成时限不能早于今天：" + newDeadline);
        }
        if (newDeadline != null && deadlineChanged && backdating != null
                && newDeadline.isBefore(LocalDate.ofInstant(backdating.effectiveAt(), ZONE))) {
            throw new Refusal(Kind.INVALID, "DEADLINE_IN_PAST",
                    "完成时限不能早于分派的生效日期：" + newDeadline);
        }
        if (status != Status.PLANNED && !deadlineChanged && lead.equals(department)
                && cooperating.equals(this.cooperating) && command.owner().strip().equals(owner)
                && Objects.equals(review, reviewPeriodMonths)) {
            return; // nothing changed: no event
        }
        boolean reviewChanged = !Objects.equals(review, reviewPeriodMonths);
        apply(new MeasureAssigned(measureId, lead, lead, List.copyOf(cooperating), command.owner().strip(),
                newDeadline == null ? null : newDeadline.toString(), command.longTerm(), review, actor.username(),
                command.backfill(), backdating));
        if (deadlineChanged) {
            backToGreen();
            if (newDeadline != null && backdating != null) {
                watchBackdated(backdating, schedule, deadlines);
            } else if (newDeadline != null) {
                deadlines.schedule(overdueAt(newDeadline), OVERDUE, new OverdueCheck(newDeadline.toString()));
                superviseFromStart(schedule, deadlines);
            }
        }
        if (longTerm && (deadlineChanged || reviewChanged)) {
            scheduleReview(deadlines);
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
        String level = command.level() == null ? SupervisionNoticeIssued.DEPT_HEAD : command.level();
        if (!SupervisionNoticeIssued.OWNER.equals(level) && !SupervisionNoticeIssued.DEPT_HEAD.equals(level)) {
            throw new Refusal(Kind.INVALID, "INVALID_LEVEL", "督办对象只能是责任人（OWNER）或部门负责人（DEPT_HEAD）");
        }
        require(command.reason(), "reason", "请写明督办事由");
        int daysOverdue = deadline != null && command.today().isAfter(deadline)
                ? (int) ChronoUnit.DAYS.between(deadline, command.today()) : 0;
        apply(notice(command.noticeId(), level, command.reason().strip(), daysOverdue));
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
        // late follows effective time: a completion backdated before its deadline passed is not late (ADR 0090)
        boolean late = backdating == null ? overdue
                : deadline != null && !backdating.effectiveAt().isBefore(overdueAt(deadline));
        apply(new MeasureCompleted(measureId, department, command.summary().strip(), actor.username(),
                deadline == null ? null : deadline.toString(), late, backdating));
        backToGreen(); // pending supervision timers find the item completed and end their chain
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
        watchAfterReopening(backdating, deadlines, schedule);
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
        watchAfterReopening(backdating, deadlines, schedule);
    }

    @CommandHandler
    public void handle(RequestDeadlineExtension command) {
        Actor actor = command.actor();
        checkActsFor(actor);
        checkInProgress("申请延期");
        if (deadline == null) {
            throw new Refusal(Kind.CONFLICT, "NO_DEADLINE", "长期坚持的事项没有完成时限，无需延期");
        }
        if (requestedDeadline != null) {
            throw new Refusal(Kind.CONFLICT, "EXTENSION_PENDING", "已有延期申请等待党委审批");
        }
        LocalDate wanted = command.deadline();
        if (wanted == null) {
            throw new Refusal(Kind.INVALID, "MISSING_DEADLINE", "请指定申请延至的日期");
        }
        if (wanted.isBefore(command.today())) {
            throw new Refusal(Kind.INVALID, "DEADLINE_IN_PAST", "完成时限不能早于今天：" + wanted);
        }
        if (!wanted.isAfter(deadline)) {
            throw new Refusal(Kind.INVALID, "EXTENSION_NOT_LATER", "延期后的时限须晚于现时限：" + deadline);
        }
        require(command.reason(), "reason", "请写明延期理由");
        apply(new DeadlineExtensionRequested(measureId, department, deadline.toString(), wanted.toString(),
                command.reason().strip(), actor.username()));
    }

    @CommandHandler
    public void handle(ApproveDeadlineExtension command, DeadlineManager deadlines, SupervisionSchedule schedule) {
        Actor actor = command.actor();
        checkExtensionDecision(actor);
        Backdating backdating = backdating(command.backdate(), actor);
        if (backdating != null && requestedAt != null && backdating.effectiveAt().isBefore(requestedAt)) {
            throw new Refusal(Kind.CONFLICT, "BACKDATE_BEFORE_LAST_STEP",
                    "批准延期的生效时间不能早于延期申请的时间（" + format(requestedAt) + "）");
        }
        LocalDate extended = requestedDeadline;
        apply(new DeadlineExtended(measureId, department, deadline.toString(), extended.toString(), requestedBy,
                actor.username(), backdating));
        if (backdating != null) {
            if (status == Status.IN_PROGRESS) {
                backToGreen();
                watchBackdated(backdating, schedule, deadlines);
            }
            return;
        }
        deadlines.schedule(overdueAt(extended), OVERDUE, new OverdueCheck(extended.toString()));
        if (status == Status.IN_PROGRESS) {
            backToGreen();
            superviseFromStart(schedule, deadlines);
        }
    }

    @CommandHandler
    public void handle(RefuseDeadlineExtension command) {
        Actor actor = command.actor();
        checkExtensionDecision(actor);
        checkLength(command.reason(), "reason");
        apply(new DeadlineExtensionRefused(measureId, department, requestedDeadline.toString(), actor.username(),
                blankToNull(command.reason())));
    }

    /** The overdue timer: records MeasureOverdue if the deadline it was set for is still due and the item open. */
    @DeadlineHandler(deadlineName = OVERDUE)
    public void on(OverdueCheck check) {
        if (status == Status.IN_PROGRESS && !overdue && deadline != null
                && deadline.toString().equals(check.deadline())) {
            apply(new MeasureOverdue(measureId, department, deadline.toString(), owner));
        }
    }

    /**
     * A supervision checkpoint of the current deadline: turns the warning yellow or red, or issues the timed notice
     * of its level (once per deadline), then schedules the next checkpoint. Stale checkpoints (another deadline, item
     * no longer in progress) change nothing and end their chain.
     */
    @DeadlineHandler(deadlineName = SUPERVISION)
    public void on(SupervisionCheck check, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (status != Status.IN_PROGRESS || deadline == null || !deadline.toString().equals(check.deadline())) {
            return;
        }
        switch (check.checkpoint()) {
            case MeasureColourChanged.YELLOW -> {
                if (MeasureColourChanged.GREEN.equals(colour)) {
                    applyColour(MeasureColourChanged.YELLOW);
                }
            }
            case MeasureColourChanged.RED -> {
                if (!MeasureColourChanged.RED.equals(colour)) {
                    applyColour(MeasureColourChanged.RED);
                }
            }
            default -> {
                String level = check.checkpoint();
                if (!SupervisionSchedule.LEVELS.contains(level)) {
                    return;
                }
                String id = MeasureIds.timedNotice(measureId, deadline.toString(), level);
                if (!noticesIssued.contains(id)) {
                    apply(notice(id, level, escalationReason(level, schedule.daysOverdueAt(level)),
                            schedule.daysOverdueAt(level)));
                }
            }
        }
        schedule.after(deadline, check.checkpoint()).ifPresent(next ->
                deadlines.schedule(next.at(), SUPERVISION, new SupervisionCheck(deadline.toString(), next.name())));
    }

    /** The review reminder of a long-term item: a notice to the lead department, then the next one. */
    @DeadlineHandler(deadlineName = SUPERVISION)
    public void on(ReviewDue due, DeadlineManager deadlines) {
        if (status != Status.IN_PROGRESS || !longTerm || nextReview == null
                || !nextReview.toString().equals(due.reviewDate())
                || !Objects.equals(reviewPeriodMonths, due.periodMonths())) {
            return;
        }
        apply(new SupervisionNoticeIssued(MeasureIds.timedNotice(measureId, due.reviewDate(),
                SupervisionNoticeIssued.REVIEW), measureId, department, SupervisionNoticeIssued.REVIEW,
                "DEPT_LIAISON", department, null,
                "长期坚持事项“" + title + "”已到" + due.reviewDate() + "评估节点（每" + reviewPeriodMonths
                        + "个月评估一次），请报告落实情况。", due.reviewDate(), 0));
        scheduleReview(deadlines);
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
        String lead = blankToNull(command.leadDepartment());
        if (lead == null) {
            throw new Refusal(Kind.INVALID, "MISSING_LEAD_DEPARTMENT", "请指定牵头单位");
        }
        checkKnown(lead, departments);
        List<String> cooperating = new ArrayList<>();
        for (String code : listOf(command.cooperatingDepartments())) {
            checkKnown(code, departments);
            if (!code.equals(lead) && !cooperating.contains(code)) {
                cooperating.add(code);
            }
        }
        require(command.owner(), "owner", "请指定责任人");
        LocalDate due = command.deadline();
        Integer review = command.reviewPeriodMonths();
        if (due == null && (review == null || review < 1 || review > 12)) {
            throw new Refusal(Kind.INVALID, "MISSING_DEADLINE", "请指定完成时限，或标为长期坚持并设定1至12个月的评估周期");
        }
        if (due != null && due.isBefore(command.today())) {
            throw new Refusal(Kind.INVALID, "DEADLINE_IN_PAST", "完成时限不能早于今天：" + due);
        }
        String reference = blankToNull(command.reference());
        String findingId = command.findingId() == null ? "fnd-" + measureIdOf(command) : command.findingId();
        apply(new MeasurePlanned(command.measureId(), lead, command.source(), null, null, lead, null, null, 1,
                command.title().strip(), command.content() == null ? command.title().strip() : command.content(),
                List.of(), due == null ? null : due.toString(), due == null ? "长期坚持" : null,
                command.owner().strip(), lead, List.copyOf(cooperating), List.of(),
                List.of(new MeasurePlanned.Problem(findingId, reference, 1, command.finding().strip()))));
        apply(new MeasureAssigned(measureId, lead, lead, List.copyOf(cooperating), command.owner().strip(),
                due == null ? null : due.toString(), due == null, due == null ? review : null,
                command.importedBy()));
        if (due != null) {
            deadlines.schedule(overdueAt(due), OVERDUE, new OverdueCheck(due.toString()));
            superviseFromStart(schedule, deadlines);
        } else {
            scheduleReview(deadlines);
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
            watchBackdated(last.backdating(), schedule, deadlines);
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
    void on(MeasureColourChanged event) {
        colour = event.colour();
    }

    @EventSourcingHandler
    void on(SupervisionNoticeIssued event) {
        if (SupervisionNoticeIssued.REVIEW.equals(event.level())) {
            if (reviewPeriodMonths != null && event.deadline() != null) {
                nextReview = LocalDate.parse(event.deadline()).plusMonths(reviewPeriodMonths);
            }
        } else {
            noticesIssued.add(event.noticeId());
        }
    }

    @EventSourcingHandler
    void on(MeasureAssigned event, @Timestamp Instant at) {
        step(event, at);
        LocalDate assigned = event.deadline() == null ? null : LocalDate.parse(event.deadline());
        if (!Objects.equals(assigned, deadline) || event.longTerm() != longTerm) {
            overdue = false;
            noticesIssued = new HashSet<>();
        }
        if (event.longTerm() && (!longTerm || !Objects.equals(event.reviewPeriodMonths(), reviewPeriodMonths))
                && event.reviewPeriodMonths() != null) {
            nextReview = LocalDate.ofInstant(EffectiveDated.effectiveAt(event, at), ZONE)
                    .plusMonths(event.reviewPeriodMonths());
            // a backdated assignment: the reviews already past when it was recorded are over, not due (ADR 0090)
            while (!nextReview.isAfter(LocalDate.ofInstant(at, ZONE))) {
                nextReview = nextReview.plusMonths(event.reviewPeriodMonths());
            }
        } else if (!event.longTerm()) {
            nextReview = null;
        }
        department = event.leadDepartment();
        cooperating = listOf(event.cooperatingDepartments());
        owner = event.owner();
        deadline = assigned;
        longTerm = event.longTerm();
        reviewPeriodMonths = event.reviewPeriodMonths();
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
        deadline = LocalDate.parse(event.deadline());
        overdue = false;
        noticesIssued = new HashSet<>();
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
        overdue = true;
    }

    // ------------------------------------------------------------------ rules

    private void step(Object event, Instant recordedAt) {
        Instant effective = EffectiveDated.effectiveAt(event, recordedAt);
        if (lastStepAt == null || effective.isAfter(lastStepAt)) {
            lastStepAt = effective;
        }
    }

    /** Now, as the events are stamped (the fixture's clock in tests). */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE).format(instant);
    }

    /**
     * The backdating a command asks for, checked (ADR 0090), or null when it is not backdated: only the party
     * committee records history; with a reason; never in the future; never before the item existed nor before its
     * latest step (so per item the effective times never decrease in sequence). A day is that day in China; on the
     * day of the latest step it falls right at that step.
     */
    private Backdating backdating(Backdate backdate, Actor actor) {
        if (backdate == null) {
            return null;
        }
        if (!actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "BACKDATE_FORBIDDEN", "只有党委可以补录已发生的事项（指定生效时间）");
        }
        String reason = blankToNull(backdate.reason());
        if (reason == null) {
            throw new Refusal(Kind.INVALID, "BACKDATE_REASON_REQUIRED", "补录已发生的事项须写明补录理由");
        }
        checkLength(reason, "backdate_reason");
        if ((backdate.day() == null) == (backdate.at() == null)) {
            throw new Refusal(Kind.INVALID, "BACKDATE_INVALID", "请指定生效日期或生效时间（二者取其一）");
        }
        Instant now = now();
        Instant at;
        if (backdate.day() != null) {
            if (backdate.day().isAfter(LocalDate.ofInstant(now, ZONE))) {
                throw new Refusal(Kind.INVALID, "BACKDATE_IN_FUTURE", "生效日期不能晚于今天：" + backdate.day());
            }
            at = backdate.day().atStartOfDay(ZONE).toInstant();
            for (Instant floor : new Instant[] {plannedAt, lastStepAt}) {
                if (floor != null && at.isBefore(floor) && LocalDate.ofInstant(floor, ZONE).equals(backdate.day())) {
                    at = floor;
                }
            }
        } else {
            at = backdate.at();
            if (at.isAfter(now)) {
                throw new Refusal(Kind.INVALID, "BACKDATE_IN_FUTURE", "生效时间不能晚于现在：" + format(at));
            }
        }
        if (plannedAt != null && at.isBefore(plannedAt)) {
            throw new Refusal(Kind.INVALID, "BACKDATE_BEFORE_ITEM",
                    "生效时间不能早于该事项产生的时间（" + format(plannedAt) + "）");
        }
        if (lastStepAt != null && at.isBefore(lastStepAt)) {
            throw new Refusal(Kind.CONFLICT, "BACKDATE_BEFORE_LAST_STEP",
                    "生效时间不能早于该事项最近一步的生效时间（" + format(lastStepAt) + "）");
        }
        return new Backdating(at, actor.username(), reason, null);
    }

    /**
     * After a backdated step that leaves the item in progress under {@code deadline}: what of the deadline lies in
     * the future is watched as usual; what is already past is recorded, never notified (ADR 0090). A passed deadline
     * is recorded as MeasureOverdue effective the day after it (or at the step, if later) without a timer; colours
     * already due are taken at once; supervision notices (督办) whose time has passed are not issued, the chain goes
     * on from the first checkpoint still ahead.
     */
    private void watchBackdated(Backdating step, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (status != Status.IN_PROGRESS || deadline == null) {
            return;
        }
        Instant now = now();
        Instant due = overdueAt(deadline);
        if (due.isAfter(now)) {
            deadlines.schedule(due, OVERDUE, new OverdueCheck(deadline.toString()));
        }
        // what is already past is recorded in time order, each effective when it fell due (never before the step)
        List<SupervisionSchedule.Checkpoint> past = new ArrayList<>();
        if (!due.isAfter(now) && !overdue) {
            past.add(new SupervisionSchedule.Checkpoint(OVERDUE, due));
        }
        for (SupervisionSchedule.Checkpoint checkpoint : schedule.checkpoints(deadline)) {
            if (checkpoint.at().isAfter(now)) {
                deadlines.schedule(checkpoint.at(), SUPERVISION,
                        new SupervisionCheck(deadline.toString(), checkpoint.name()));
                break;
            }
            if (MeasureColourChanged.YELLOW.equals(checkpoint.name())
                    || MeasureColourChanged.RED.equals(checkpoint.name())) {
                past.add(checkpoint);
            }
        }
        past.sort(java.util.Comparator.comparing(SupervisionSchedule.Checkpoint::at));
        Instant floor = step.effectiveAt();
        for (SupervisionSchedule.Checkpoint checkpoint : past) {
            Instant at = checkpoint.at().isBefore(floor) ? floor : checkpoint.at();
            floor = at;
            if (OVERDUE.equals(checkpoint.name())) {
                apply(new MeasureOverdue(measureId, department, deadline.toString(), owner, new Backdating(at,
                        step.by(), "补录时完成时限（" + deadline + "）已过，逾期自" + deadline.plusDays(1) + "起", null)));
            } else if (MeasureColourChanged.YELLOW.equals(checkpoint.name())
                    && MeasureColourChanged.GREEN.equals(colour)) {
                applyColour(MeasureColourChanged.YELLOW, new Backdating(at, step.by(),
                        "补录时预警时点已过（完成时限" + deadline + "），黄灯自" + dayOf(checkpoint.at()) + "起", null));
            } else if (MeasureColourChanged.RED.equals(checkpoint.name())
                    && !MeasureColourChanged.RED.equals(colour)) {
                applyColour(MeasureColourChanged.RED, new Backdating(at, step.by(),
                        "补录时完成时限（" + deadline + "）已过，红灯自" + dayOf(checkpoint.at()) + "起", null));
            }
        }
    }

    private void watchAfterReopening(Backdating backdating, DeadlineManager deadlines,
                                     SupervisionSchedule schedule) {
        if (backdating == null) {
            watchDeadline(deadlines, schedule);
            return;
        }
        watchBackdated(backdating, schedule, deadlines);
        if (longTerm) {
            scheduleReview(deadlines);
        }
    }

    /**
     * After a reopening: a deadline already passed without an overdue record is recorded at once; supervision goes
     * on from its first checkpoint not yet reached (a checkpoint in the past fires at once); a long-term item's
     * reviews resume.
     */
    private void watchDeadline(DeadlineManager deadlines, SupervisionSchedule schedule) {
        if (deadline != null && !overdue) {
            deadlines.schedule(overdueAt(deadline), OVERDUE, new OverdueCheck(deadline.toString()));
        }
        if (deadline != null) {
            for (SupervisionSchedule.Checkpoint checkpoint : schedule.checkpoints(deadline)) {
                if (!reached(checkpoint.name())) {
                    deadlines.schedule(checkpoint.at(), SUPERVISION,
                            new SupervisionCheck(deadline.toString(), checkpoint.name()));
                    break;
                }
            }
        }
        if (longTerm) {
            scheduleReview(deadlines);
        }
    }

    private boolean reached(String checkpoint) {
        return switch (checkpoint) {
            case MeasureColourChanged.YELLOW -> !MeasureColourChanged.GREEN.equals(colour);
            case MeasureColourChanged.RED -> MeasureColourChanged.RED.equals(colour);
            default -> noticesIssued.contains(MeasureIds.timedNotice(measureId, deadline.toString(), checkpoint));
        };
    }

    /** A new deadline: supervision starts from its first checkpoint (at once if that is already due). */
    private void superviseFromStart(SupervisionSchedule schedule, DeadlineManager deadlines) {
        SupervisionSchedule.Checkpoint first = schedule.checkpoints(deadline).get(0);
        deadlines.schedule(first.at(), SUPERVISION, new SupervisionCheck(deadline.toString(), first.name()));
    }

    private void scheduleReview(DeadlineManager deadlines) {
        if (nextReview != null && reviewPeriodMonths != null) {
            deadlines.schedule(nextReview.atStartOfDay(ZONE).toInstant(), SUPERVISION,
                    new ReviewDue(nextReview.toString(), reviewPeriodMonths));
        }
    }

    private void backToGreen() {
        if (!MeasureColourChanged.GREEN.equals(colour)) {
            applyColour(MeasureColourChanged.GREEN);
        }
    }

    private static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    private void applyColour(String next) {
        applyColour(next, null);
    }

    private void applyColour(String next, Backdating backdating) {
        apply(new MeasureColourChanged(measureId, department, next, colour,
                deadline == null ? null : deadline.toString(), owner, backdating));
    }

    private SupervisionNoticeIssued notice(String noticeId, String level, String reason, int daysOverdue) {
        String d = deadline == null ? null : deadline.toString();
        return switch (level) {
            case SupervisionNoticeIssued.OWNER -> new SupervisionNoticeIssued(noticeId, measureId, department, level,
                    null, department, owner, reason, d, daysOverdue);
            case SupervisionNoticeIssued.DEPT_HEAD -> new SupervisionNoticeIssued(noticeId, measureId, department,
                    level, "DEPT_HEAD", department, null, reason, d, daysOverdue);
            default -> new SupervisionNoticeIssued(noticeId, measureId, department, level, "PARTY_COMMITTEE", null,
                    null, reason, d, daysOverdue);
        };
    }

    private String escalationReason(String level, int daysOverdue) {
        String item = "整改事项“" + title + "”（完成时限" + deadline + "）已逾期" + daysOverdue + "天";
        return switch (level) {
            case SupervisionNoticeIssued.OWNER -> item + "，请责任人尽快完成整改并报告进展。";
            case SupervisionNoticeIssued.DEPT_HEAD -> item + "，责任人" + owner + "尚未完成，请部门负责人督促落实。";
            default -> item + "，经责任人、部门负责人督办仍未完成，提请党委督办。";
        };
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
        if (!actor.partyCommittee()) {
            throw new Refusal(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以审批延期");
        }
        if (requestedDeadline == null) {
            throw new Refusal(Kind.CONFLICT, "NO_EXTENSION_REQUESTED", "没有待审批的延期申请");
        }
        if (actor.username().equals(requestedBy)) {
            throw new Refusal(Kind.FORBIDDEN, "SEPARATION_OF_DUTIES", "不能审批本人提出的延期申请");
        }
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

    private static void checkKnown(String code, Departments departments) {
        if (!departments.known(code)) {
            throw new Refusal(Kind.INVALID, "UNKNOWN_DEPARTMENT", "部门不存在：" + code);
        }
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
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
