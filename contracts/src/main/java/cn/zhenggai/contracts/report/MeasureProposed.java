package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A rectification measure (整改措施) was proposed in a report, answering some of its root causes.
 * Dates are ISO strings (YYYY-MM-DD).
 *
 * @param reportId               the report
 * @param measureId              the measure's id, kept by rectification-service when the report is accepted
 * @param department             code of the report's department
 * @param ordinal                1-based position among the report's measures
 * @param title                  e.g. 强化理论武装建设，增强学习意识
 * @param content                the measure's text
 * @param actions                its concrete actions
 * @param deadline               its deadline, or null
 * @param deadlineText           the deadline as written (2024年6月底前, 长期坚持), or null
 * @param owner                  责任人, or null
 * @param leadDepartment         牵头单位, or null
 * @param cooperatingDepartments 配合单位
 * @param rootCauseIds           the root causes it answers (empty: not yet linked)
 */
@Revision("1")
public record MeasureProposed(String reportId,
                              String measureId,
                              String department,
                              int ordinal,
                              String title,
                              String content,
                              List<Action> actions,
                              String deadline,
                              String deadlineText,
                              String owner,
                              String leadDepartment,
                              List<String> cooperatingDepartments,
                              List<String> rootCauseIds) {

    /**
     * @param text         the action
     * @param deadline     its deadline (YYYY-MM-DD), or null
     * @param deadlineText the deadline as written, or null
     */
    public record Action(String text, String deadline, String deadlineText) {
    }
}
