package cn.zhenggai.rectification.measure;

import cn.zhenggai.rectification.scope.ItemScope;

import java.util.Collection;

/**
 * Who issues a command to an item, as far as the item's rules care.
 *
 * @param username        the user
 * @param department      the user's department code
 * @param departmentStaff holds DEPT_LIAISON or DEPT_HEAD: keeps its department's ledger
 * @param partyCommittee  holds PARTY_COMMITTEE: verifies, rejects, reopens, decides extensions, acts for any
 *                        department, changes an assigned item's lead department
 * @param crossDepartment holds a role that reads every department (party committee, organization department,
 *                        discipline inspection)
 */
public record Actor(String username, String department, boolean departmentStaff, boolean partyCommittee,
                    boolean crossDepartment) {

    /** An actor whose only cross-department role, if any, is the party committee's. */
    public Actor(String username, String department, boolean departmentStaff, boolean partyCommittee) {
        this(username, department, departmentStaff, partyCommittee, partyCommittee);
    }

    /** Whether the item led by {@code lead} exists for this actor ({@link ItemScope}, ADR 0072). */
    boolean sees(String lead, Collection<String> cooperating) {
        return ItemScope.sees(department, crossDepartment || partyCommittee, lead, cooperating);
    }

    /** May act on the ledger of {@code leadDepartment} (assign, report progress, complete, request an extension). */
    boolean actsFor(String leadDepartment) {
        return partyCommittee || (departmentStaff && department != null && department.equals(leadDepartment));
    }

    boolean staffOf(String departmentCode) {
        return departmentStaff && department != null && department.equals(departmentCode);
    }
}
