package cn.zhenggai.report.drafting;

/**
 * Who issues a command to a report, as far as the report's rules care. Who may change a report's content is the
 * report's rule (its author, or a colleague the author delegated to: ADR 0083), not the editor's.
 *
 * @param username   the user
 * @param department the user's department code
 * @param reviewer   whether the user reviews reports (组织部, role ORG_DEPT): returns and accepts them
 * @param system     a step of the platform itself (the carry-over prepared by rectification), not a person
 */
public record Editor(String username, String department, boolean reviewer, boolean system) {

    /** A person who does not review reports. */
    public static Editor member(String username, String department) {
        return new Editor(username, department, false, false);
    }

    /** A reviewer of the organization department (组织部). */
    public static Editor reviewer(String username, String department) {
        return new Editor(username, department, true, false);
    }

    /** The platform itself, acting in the report's department. */
    public static Editor system(String actor, String department) {
        return new Editor(actor, department, false, true);
    }

    boolean belongsTo(String reportDepartment) {
        return department != null && department.equals(reportDepartment);
    }
}
