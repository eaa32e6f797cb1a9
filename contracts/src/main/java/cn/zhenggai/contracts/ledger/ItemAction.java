package cn.zhenggai.contracts.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What a caller may do now to a rectification item: the rules of rectification-service's {@code Measure} aggregate
 * read off the ledger item (ADR 0091), so that a screen offers exactly what the server would accept. Each action
 * is one command of {@code /api/measures/{id}/…}; its rule names the role, the department and the state it needs.
 * An item the caller does not see offers nothing. Bad input (a blank text, a date in the past) can still be refused.
 */
public enum ItemAction {
    /** 分派 / 重新分派 (POST …/assignment): the lead department's staff or the party committee, while not closed. */
    ASSIGN,
    /** 报告进展 (POST …/progress): staff of the lead or a cooperating department, or the party committee, in progress. */
    REPORT_PROGRESS,
    /** 上传佐证材料 (POST …/evidence): as {@link #REPORT_PROGRESS}. */
    ATTACH_EVIDENCE,
    /** 申报完成 (POST …/completion): the lead department's staff or the party committee, in progress. */
    COMPLETE,
    /** 申请延期 (POST …/extension-request): as {@link #COMPLETE}, with a deadline and no extension waiting. */
    REQUEST_EXTENSION,
    /**
     * 审批延期 (POST …/extension-approval or …/extension-refusal): the party committee, not the requester, not
     * verified.
     */
    DECIDE_EXTENSION,
    /** 督办 (POST …/supervision): the party committee, in progress. */
    SUPERVISE,
    /** 验收销号 (POST …/verification): the party committee, not whoever completed it, when completed. */
    VERIFY,
    /** 退回 (POST …/rejection): as {@link #VERIFY}. */
    REJECT,
    /** 重新打开 (POST …/reopening): the party committee, when verified. */
    REOPEN;

    /**
     * Who asks, as far as the rules care.
     *
     * @param username        the user
     * @param department      the user's department, or null
     * @param departmentStaff holds DEPT_LIAISON or DEPT_HEAD
     * @param partyCommittee  holds PARTY_COMMITTEE
     * @param crossDepartment holds a role that reads every department
     */
    public record Caller(String username, String department, boolean departmentStaff, boolean partyCommittee,
                         boolean crossDepartment) {

        boolean sees(LedgerItem item) {
            return crossDepartment || partyCommittee || (department != null && item.concerns(department));
        }

        boolean actsFor(String lead) {
            return partyCommittee || (departmentStaff && department != null && department.equals(lead));
        }

        boolean staffOfAny(List<String> departments) {
            return departmentStaff && department != null && departments.contains(department);
        }
    }

    /** Whether {@code caller} may take this action on {@code item} now. */
    public boolean allows(LedgerItem item, Caller caller) {
        if (item == null || !caller.sees(item)) {
            return false;
        }
        ItemStatus status = item.status();
        boolean inProgress = status == ItemStatus.IN_PROGRESS;
        boolean lead = caller.actsFor(item.leadDepartment());
        return switch (this) {
            case ASSIGN -> lead && (status == ItemStatus.PLANNED || inProgress);
            case REPORT_PROGRESS, ATTACH_EVIDENCE ->
                    inProgress && (lead || caller.staffOfAny(item.cooperatingDepartments()));
            case COMPLETE -> inProgress && lead;
            case REQUEST_EXTENSION -> inProgress && lead && item.deadline() != null && item.pendingExtension() == null;
            case DECIDE_EXTENSION -> caller.partyCommittee() && item.pendingExtension() != null
                    && status != ItemStatus.VERIFIED
                    && !caller.username().equals(item.pendingExtension().requestedBy());
            case SUPERVISE -> caller.partyCommittee() && inProgress;
            case VERIFY, REJECT -> caller.partyCommittee() && status == ItemStatus.COMPLETED
                    && !caller.username().equals(item.completedBy());
            case REOPEN -> caller.partyCommittee() && status == ItemStatus.VERIFIED;
        };
    }

    /** Every action {@code caller} may take on {@code item} now, in declaration order. */
    public static List<ItemAction> allowed(LedgerItem item, Caller caller) {
        List<ItemAction> actions = new ArrayList<>();
        for (ItemAction action : values()) {
            if (action.allows(item, caller)) {
                actions.add(action);
            }
        }
        return List.copyOf(actions);
    }
}
