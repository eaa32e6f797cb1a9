package cn.zhenggai.rectification.measure;

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

    /**
     * Whether an item led by {@code lead} with these cooperating departments exists for a caller of
     * {@code callerDepartment} (ADR 0072): its lead and cooperating departments and the cross-department roles see
     * it; to everyone else it answers as an unknown id would. The one statement of that rule: the item's commands,
     * its evidence and {@code GET /api/measures/{id}} all ask it.
     */
    public static boolean sees(String callerDepartment, boolean crossDepartment, String lead,
                               Collection<String> cooperating) {
        return crossDepartment || (callerDepartment != null
                && (callerDepartment.equals(lead) || cooperating != null && cooperating.contains(callerDepartment)));
    }

    boolean sees(String lead, Collection<String> cooperating) {
        return sees(department, crossDepartment || partyCommittee, lead, cooperating);
    }

    /** May act on the ledger of {@code leadDepartment} (assign, report progress, complete, request an extension). */
    boolean actsFor(String leadDepartment) {
        return partyCommittee || (departmentStaff && department != null && department.equals(leadDepartment));
    }

    boolean staffOf(String departmentCode) {
        return departmentStaff && department != null && department.equals(departmentCode);
    }
}
