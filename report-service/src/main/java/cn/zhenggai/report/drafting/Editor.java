package cn.zhenggai.report.drafting;

/**
 * Who issues a drafting command, as far as the report's rules care.
 *
 * @param username        the user
 * @param department      the user's department code
 * @param crossDepartment whether the user's role reaches every department (party committee, org dept)
 */
public record Editor(String username, String department, boolean crossDepartment) {

    boolean mayEdit(String reportDepartment) {
        return crossDepartment || (department != null && department.equals(reportDepartment));
    }
}
