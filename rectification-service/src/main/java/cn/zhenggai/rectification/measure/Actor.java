package cn.zhenggai.rectification.measure;

/**
 * Who issues a command to an item, as far as the item's rules care.
 *
 * @param username        the user
 * @param department      the user's department code
 * @param departmentStaff holds DEPT_LIAISON or DEPT_HEAD: keeps its department's ledger
 * @param partyCommittee  holds PARTY_COMMITTEE: verifies, rejects, reopens, decides extensions, acts for any department
 */
public record Actor(String username, String department, boolean departmentStaff, boolean partyCommittee) {

    /** May act on the ledger of {@code leadDepartment} (assign, report progress, complete, request an extension). */
    boolean actsFor(String leadDepartment) {
        return partyCommittee || (departmentStaff && department != null && department.equals(leadDepartment));
    }

    boolean staffOf(String departmentCode) {
        return departmentStaff && department != null && department.equals(departmentCode);
    }
}
