package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.refusal.Refusal;

import java.time.LocalDate;

import static cn.zhenggai.rectification.measure.Measure.ZONE;

/**
 * The rules of (re)assigning an item (ADR 0033, 0073, 0090), each named, in the order the item asks them: who may
 * backfill a paper ledger's assignment, that a change of lead department is the party committee's decision, that
 * an owner with an account belongs to the lead department, and when a deadline may change. The form of the term
 * (a deadline, or long-term with a review period) is the {@link Term} value's own rule.
 */
final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    /** Only the party committee backfills an assignment from a historical ledger (历史台账补录). */
    static void backfillByPartyCommittee(boolean backfill, Actor actor) {
        if (backfill && !actor.partyCommittee()) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有党委可以补录历史台账的分派");
        }
    }

    /** A backfilled assignment is an item's first one. */
    static void backfillOnlyPlanned(boolean backfill, boolean planned) {
        if (backfill && !planned) {
            throw Refusal.conflict("BACKFILL_NOT_PLANNED", "只有待分派的事项可以补录历史分派");
        }
    }

    /** A lead other than the item's department is the party committee's decision (ADR 0073). */
    static void leadChangeNeedsPartyCommittee(String lead, String currentLead, Actor actor) {
        if (!lead.equals(currentLead) && !actor.partyCommittee()) {
            throw Refusal.forbidden("LEAD_CHANGE_NEEDS_PARTY_COMMITTEE", "变更牵头单位须由党委决定，部门不能自行移交给其他单位");
        }
    }

    /**
     * An owner who is a user of the directory is one of the lead department's users (issue 11 item 2); any other
     * text is a label for someone without an account.
     */
    static void ownerInLeadDepartment(String owner, String lead, Departments departments) {
        String ownersDepartment = departments.departmentOfUser(owner);
        if (ownersDepartment != null && !ownersDepartment.equals(lead)) {
            throw Refusal.invalid("OWNER_NOT_IN_LEAD_DEPARTMENT", "责任人须是牵头单位的人员：" + owner);
        }
    }

    /**
     * A changed deadline of an assigned item needs the party committee (otherwise an extension); it is not before
     * today, except backfilled (the paper ledger's deadline, passed or not: overdue follows at once) or backdated,
     * where it is not before the day the assignment took effect (ADR 0090).
     */
    static void deadlineChange(boolean changed, boolean assigned, LocalDate deadline, Actor actor, LocalDate today,
                               boolean backfill, Backdating backdating) {
        if (assigned && changed && !actor.partyCommittee()) {
            throw Refusal.conflict("DEADLINE_CHANGE_NEEDS_APPROVAL", "已分派事项的完成时限须经党委批准延期后才能变更");
        }
        if (deadline != null && changed && !backfill && backdating == null && deadline.isBefore(today)) {
            throw Refusal.invalid("DEADLINE_IN_PAST", "完成时限不能早于今天：" + deadline);
        }
        if (deadline != null && changed && backdating != null
                && deadline.isBefore(LocalDate.ofInstant(backdating.effectiveAt(), ZONE))) {
            throw Refusal.invalid("DEADLINE_IN_PAST", "完成时限不能早于分派的生效日期：" + deadline);
        }
    }
}
