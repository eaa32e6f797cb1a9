package cn.zhenggai.report.drafting;

/**
 * Who issues a command to a report, as far as the report's rules care.
 *
 * @param username        the user
 * @param department      the user's department code
 * @param crossDepartment whether the user's role reaches every department (party committee, org dept)
 * @param reviewer        whether the user reviews reports (组织部, role ORG_DEPT): returns and accepts them
 */
public record Editor(String username, String department, boolean crossDepartment, boolean reviewer) {

    public Editor(String username, String department, boolean crossDepartment) {
        this(username, department, crossDepartment, false);
    }

    boolean mayEdit(String reportDepartment) {
        return crossDepartment || (department != null && department.equals(reportDepartment));
    }

    boolean belongsTo(String reportDepartment) {
        return department != null && department.equals(reportDepartment);
    }
}
