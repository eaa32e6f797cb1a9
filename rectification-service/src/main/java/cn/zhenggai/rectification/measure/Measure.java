package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.rectification.measure.Commands.ApproveDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;
import cn.zhenggai.rectification.measure.Commands.RefuseDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.RequestDeadlineExtension;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import cn.zhenggai.rectification.measure.MeasureRefused.Reason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rectification item (整改事项): planned → assigned (in progress) → completed → verified (销号); a rejected
 * completion reopens it, and so can the party committee after verification. The deadline drives a persistent
 * timer that records MeasureOverdue when it passes with the item still open. Rules are checked here; state
 * changes only from events.
 */
@Aggregate
public class Measure {

    /** Name of the overdue deadline. */
    public static final String OVERDUE = "measure-overdue";
    /** Deadlines are dates in China: an item is overdue from the start of the day after its deadline there. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 50;

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

    @CommandHandler
    public void handle(AssignMeasure command, Departments departments, DeadlineManager deadlines) {
        Actor actor = command.actor();
        checkActsFor(actor);
        if (status == Status.COMPLETED || status == Status.VERIFIED) {
            throw closed("重新分派");
        }
        String lead = blankToNull(command.leadDepartment());
        if (lead == null) {
            throw new MeasureRefused(Reason.INVALID, "MISSING_LEAD_DEPARTMENT", "请指定牵头单位");
        }
        checkKnown(lead, departments);
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
            throw new MeasureRefused(Reason.INVALID, "TOO_MANY_DEPARTMENTS", "配合单位过多");
        }
        require(command.owner(), "owner", "请指定责任人");
        LocalDate newDeadline = command.deadline();
        Integer review = command.reviewPeriodMonths();
        if (command.longTerm()) {
            if (newDeadline != null) {
                throw new MeasureRefused(Reason.INVALID, "LONG_TERM_WITH_DEADLINE", "长期坚持的事项不设完成时限");
            }
            if (review == null || review < 1 || review > 12) {
                throw new MeasureRefused(Reason.INVALID, "INVALID_REVIEW_PERIOD", "长期坚持的事项须设定1至12个月的评估周期");
            }
        } else {
            if (newDeadline == null) {
                throw new MeasureRefused(Reason.INVALID, "MISSING_DEADLINE", "请指定完成时限，或标为长期坚持");
            }
            review = null;
        }
        boolean deadlineChanged = !Objects.equals(newDeadline, deadline) || command.longTerm() != longTerm;
        if (status != Status.PLANNED && deadlineChanged && !actor.partyCommittee()) {
            throw new MeasureRefused(Reason.CONFLICT, "DEADLINE_CHANGE_NEEDS_APPROVAL",
                    "已分派事项的完成时限须经党委批准延期后才能变更");
        }
        if (newDeadline != null && deadlineChanged && newDeadline.isBefore(command.today())) {
            throw new MeasureRefused(Reason.INVALID, "DEADLINE_IN_PAST", "完成时限不能早于今天：" + newDeadline);
        }
        if (status != Status.PLANNED && !deadlineChanged && lead.equals(department)
                && cooperating.equals(this.cooperating) && command.owner().strip().equals(owner)
                && Objects.equals(review, reviewPeriodMonths)) {
            return; // nothing changed: no event
        }
        apply(new MeasureAssigned(measureId, lead, lead, List.copyOf(cooperating), command.owner().strip(),
                newDeadline == null ? null : newDeadline.toString(), command.longTerm(), review, actor.username()));
        if (newDeadline != null && deadlineChanged) {
            deadlines.schedule(overdueAt(newDeadline), OVERDUE, new OverdueCheck(newDeadline.toString()));
        }
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        Actor actor = command.actor();
        if (!actor.actsFor(department) && cooperating.stream().noneMatch(actor::staffOf)) {
            throw otherDepartment();
        }
        checkInProgress("报告进展");
        require(command.text(), "text", "进展情况不能为空");
        apply(new ProgressReported(measureId, department, command.text().strip(), actor.username(),
                actor.department()));
    }

    @CommandHandler
    public void handle(CompleteMeasure command) {
        Actor actor = command.actor();
        checkActsFor(actor);
        if (status == Status.VERIFIED) {
            throw new MeasureRefused(Reason.CONFLICT, "MEASURE_VERIFIED", "该事项已销号，不能再次完成");
        }
        if (status == Status.COMPLETED) {
            throw new MeasureRefused(Reason.CONFLICT, "ALREADY_COMPLETED", "该事项已完成，等待党委验收");
        }
        checkInProgress("完成");
        require(command.summary(), "summary", "请填写整改完成情况");
        apply(new MeasureCompleted(measureId, department, command.summary().strip(), actor.username(),
                deadline == null ? null : deadline.toString(), overdue));
    }

    @CommandHandler
    public void handle(VerifyMeasure command) {
        Actor actor = command.actor();
        checkReviewer(actor);
        checkCompleted("验收销号");
        checkLength(command.opinion(), "opinion");
        apply(new MeasureVerified(measureId, department, actor.username(), blankToNull(command.opinion())));
    }

    @CommandHandler
    public void handle(RejectMeasure command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        checkReviewer(actor);
        checkCompleted("退回");
        List<String> reasons = listOf(command.reasons()).stream().filter(r -> r != null && !r.isBlank())
                .map(String::strip).toList();
        if (reasons.isEmpty()) {
            throw new MeasureRefused(Reason.INVALID, "MISSING_REASONS", "退回须写明理由");
        }
        if (reasons.size() > MAX_ITEMS) {
            throw new MeasureRefused(Reason.INVALID, "TOO_MANY_ITEMS", "退回理由过多");
        }
        reasons.forEach(r -> checkLength(r, "reason"));
        apply(new MeasureRejected(measureId, department, actor.username(), reasons));
        apply(new MeasureReopened(measureId, department, actor.username(), String.join("；", reasons)));
        watchDeadline(deadlines);
    }

    @CommandHandler
    public void handle(ReopenMeasure command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        if (!actor.partyCommittee()) {
            throw new MeasureRefused(Reason.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以重新打开已销号的事项");
        }
        if (status != Status.VERIFIED) {
            throw new MeasureRefused(Reason.CONFLICT, "NOT_VERIFIED", "只有已销号的事项可以重新打开");
        }
        require(command.reason(), "reason", "请写明重新打开的理由");
        apply(new MeasureReopened(measureId, department, actor.username(), command.reason().strip()));
        watchDeadline(deadlines);
    }

    @CommandHandler
    public void handle(RequestDeadlineExtension command) {
        Actor actor = command.actor();
        checkActsFor(actor);
        checkInProgress("申请延期");
        if (deadline == null) {
            throw new MeasureRefused(Reason.CONFLICT, "NO_DEADLINE", "长期坚持的事项没有完成时限，无需延期");
        }
        if (requestedDeadline != null) {
            throw new MeasureRefused(Reason.CONFLICT, "EXTENSION_PENDING", "已有延期申请等待党委审批");
        }
        LocalDate wanted = command.deadline();
        if (wanted == null) {
            throw new MeasureRefused(Reason.INVALID, "MISSING_DEADLINE", "请指定申请延至的日期");
        }
        if (wanted.isBefore(command.today())) {
            throw new MeasureRefused(Reason.INVALID, "DEADLINE_IN_PAST", "完成时限不能早于今天：" + wanted);
        }
        if (!wanted.isAfter(deadline)) {
            throw new MeasureRefused(Reason.INVALID, "EXTENSION_NOT_LATER", "延期后的时限须晚于现时限：" + deadline);
        }
        require(command.reason(), "reason", "请写明延期理由");
        apply(new DeadlineExtensionRequested(measureId, department, deadline.toString(), wanted.toString(),
                command.reason().strip(), actor.username()));
    }

    @CommandHandler
    public void handle(ApproveDeadlineExtension command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        checkExtensionDecision(actor);
        LocalDate extended = requestedDeadline;
        apply(new DeadlineExtended(measureId, department, deadline.toString(), extended.toString(), requestedBy,
                actor.username()));
        deadlines.schedule(overdueAt(extended), OVERDUE, new OverdueCheck(extended.toString()));
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

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(MeasurePlanned event) {
        measureId = event.measureId();
        department = event.department();
        cooperating = listOf(event.cooperatingDepartments());
        owner = event.proposedOwner();
        status = Status.PLANNED;
    }

    @EventSourcingHandler
    void on(MeasureAssigned event) {
        LocalDate assigned = event.deadline() == null ? null : LocalDate.parse(event.deadline());
        if (!Objects.equals(assigned, deadline) || event.longTerm() != longTerm) {
            overdue = false;
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
    void on(MeasureCompleted event) {
        status = Status.COMPLETED;
        completedBy = event.completedBy();
    }

    @EventSourcingHandler
    void on(MeasureVerified event) {
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(MeasureReopened event) {
        status = Status.IN_PROGRESS;
        completedBy = null;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRequested event) {
        requestedDeadline = LocalDate.parse(event.requestedDeadline());
        requestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        deadline = LocalDate.parse(event.deadline());
        overdue = false;
        requestedDeadline = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(DeadlineExtensionRefused event) {
        requestedDeadline = null;
        requestedBy = null;
    }

    @EventSourcingHandler
    void on(MeasureOverdue event) {
        overdue = true;
    }

    // ------------------------------------------------------------------ rules

    /** After a reopening: a deadline already passed without an overdue record is recorded at once. */
    private void watchDeadline(DeadlineManager deadlines) {
        if (deadline != null && !overdue) {
            deadlines.schedule(overdueAt(deadline), OVERDUE, new OverdueCheck(deadline.toString()));
        }
    }

    private void checkActsFor(Actor actor) {
        if (!actor.actsFor(department)) {
            throw otherDepartment();
        }
    }

    private static MeasureRefused otherDepartment() {
        return new MeasureRefused(Reason.FORBIDDEN, "FORBIDDEN_DEPARTMENT", "不能办理其他部门牵头的整改事项");
    }

    private void checkReviewer(Actor actor) {
        if (!actor.partyCommittee()) {
            throw new MeasureRefused(Reason.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以验收整改事项");
        }
        if (actor.username().equals(completedBy)) {
            throw new MeasureRefused(Reason.FORBIDDEN, "SEPARATION_OF_DUTIES", "不能验收本人完成的整改事项");
        }
    }

    private void checkExtensionDecision(Actor actor) {
        if (!actor.partyCommittee()) {
            throw new MeasureRefused(Reason.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以审批延期");
        }
        if (requestedDeadline == null) {
            throw new MeasureRefused(Reason.CONFLICT, "NO_EXTENSION_REQUESTED", "没有待审批的延期申请");
        }
        if (actor.username().equals(requestedBy)) {
            throw new MeasureRefused(Reason.FORBIDDEN, "SEPARATION_OF_DUTIES", "不能审批本人提出的延期申请");
        }
        if (status == Status.VERIFIED) {
            throw closed("审批延期");
        }
    }

    private void checkInProgress(String action) {
        if (status == Status.PLANNED) {
            throw new MeasureRefused(Reason.CONFLICT, "NOT_ASSIGNED", "事项尚未分派，不能" + action);
        }
        if (status != Status.IN_PROGRESS) {
            throw closed(action);
        }
    }

    private void checkCompleted(String action) {
        if (status != Status.COMPLETED) {
            throw new MeasureRefused(Reason.CONFLICT, "NOT_COMPLETED",
                    "事项当前状态为“" + label(status) + "”，不能" + action);
        }
    }

    private MeasureRefused closed(String action) {
        return new MeasureRefused(Reason.CONFLICT, status == Status.VERIFIED ? "MEASURE_VERIFIED" : "INVALID_STATUS",
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
            throw new MeasureRefused(Reason.INVALID, "UNKNOWN_DEPARTMENT", "部门不存在：" + code);
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
            throw new MeasureRefused(Reason.INVALID, "MISSING_" + field.toUpperCase(), message);
        }
        checkLength(value, field);
    }

    private static void checkLength(String value, String field) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new MeasureRefused(Reason.INVALID, "TOO_LONG_" + field.toUpperCase(),
                    "内容过长（最多" + MAX_TEXT + "字）");
        }
    }
}
