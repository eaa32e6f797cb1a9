package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The organization department accepted a report. It carries everything rectification-service needs to plan the
 * measures without reading the report's other events: the report's owner and year, its live problems and its
 * measures with the problems each answers (through its root causes). Dates are ISO strings (YYYY-MM-DD).
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param author     the cadre whose report it is
 * @param year       the meeting year, or null
 * @param meetingId  the meeting, or null
 * @param acceptedBy user name of the reviewer
 * @param round      the submission round accepted
 * @param problems   the report's problems (withdrawn ones left out)
 * @param measures   the measures to plan
 */
@Revision("1")
public record ReportAccepted(String reportId,
                             String department,
                             String author,
                             Integer year,
                             String meetingId,
                             String acceptedBy,
                             int round,
                             List<Problem> problems,
                             List<Measure> measures) {

    public record Problem(String problemId, String theme, int ordinal, String statement) {
    }

    public record Measure(String measureId,
                          int ordinal,
                          String title,
                          String content,
                          List<MeasureProposed.Action> actions,
                          String deadline,
                          String deadlineText,
                          String owner,
                          String leadDepartment,
                          List<String> cooperatingDepartments,
                          List<String> rootCauseIds,
                          List<String> problemIds) {
    }
}
