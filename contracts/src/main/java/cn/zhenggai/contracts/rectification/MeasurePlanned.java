package cn.zhenggai.contracts.rectification;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A measure became a rectification item (整改事项) of the ledger. Planned from an accepted report, its id is derived
 * from the report's and the measure's ids, so a redelivered ReportAccepted plans nothing twice. What the report
 * proposed (deadline, owner, lead department) is kept as proposed; MeasureAssigned decides. Dates are ISO strings.
 *
 * @param measureId              the item
 * @param department             code of the department whose ledger holds it (the proposed lead department when
 *                               it is a known department, else the report's department)
 * @param source                 where it comes from: {@code REPORT} (民主生活会), {@code INSPECTION} (巡察反馈) or
 *                               {@code AUDIT} (审计发现); further sources are linked by MeasureSourceLinked
 * @param reportId               the accepted report; null for an item imported from a finding (as are
 *                               {@code reportMeasureId}, {@code author} and {@code year}; {@code reportDepartment}
 *                               is then the lead department and {@code content} the finding's measure text)
 * @param reportMeasureId        the measure's id in the report
 * @param reportDepartment       code of the report's department
 * @param author                 the cadre whose report it is
 * @param year                   the meeting year, or null
 * @param ordinal                1-based position among the report's measures
 * @param title                  the measure's title
 * @param content                the measure's text
 * @param actions                its concrete actions
 * @param proposedDeadline       the deadline the report proposed, or null
 * @param deadlineText           the deadline as written (2024年6月底前, 长期坚持), or null
 * @param proposedOwner          责任人 as proposed, or null
 * @param proposedLeadDepartment 牵头单位 as proposed, or null
 * @param cooperatingDepartments 配合单位 as proposed
 * @param rootCauseIds           the root causes it answers
 * @param problems               the problems it answers
 * @param backdating when it happened, if recorded later (ADR 0090); null when it happened as recorded
 */
@Revision("2")
public record MeasurePlanned(String measureId,
                             String department,
                             String source,
                             String reportId,
                             String reportMeasureId,
                             String reportDepartment,
                             String author,
                             Integer year,
                             int ordinal,
                             String title,
                             String content,
                             List<Action> actions,
                             String proposedDeadline,
                             String deadlineText,
                             String proposedOwner,
                             String proposedLeadDepartment,
                             List<String> cooperatingDepartments,
                             List<String> rootCauseIds,
                             List<Problem> problems,
                             Backdating backdating) implements EffectiveDated {

    /** As it happened, when it was recorded (not backdated). */
    public MeasurePlanned(String measureId, String department, String source, String reportId, String reportMeasureId,
                          String reportDepartment, String author, Integer year, int ordinal, String title,
                          String content, List<Action> actions, String proposedDeadline, String deadlineText,
                          String proposedOwner, String proposedLeadDepartment, List<String> cooperatingDepartments,
                          List<String> rootCauseIds, List<Problem> problems) {
        this(measureId, department, source, reportId, reportMeasureId, reportDepartment, author, year, ordinal, title,
                content, actions, proposedDeadline, deadlineText, proposedOwner, proposedLeadDepartment,
                cooperatingDepartments, rootCauseIds, problems, null);
    }


    /** Source of an item planned from an accepted report. */
    public static final String SOURCE_REPORT = "REPORT";
    /** Source of an item imported from a 巡察 feedback (巡察反馈). */
    public static final String SOURCE_INSPECTION = "INSPECTION";
    /** Source of an item imported from an audit finding (审计发现). */
    public static final String SOURCE_AUDIT = "AUDIT";

    /** A concrete action of the measure; deadline YYYY-MM-DD or null. */
    public record Action(String text, String deadline, String deadlineText) {
    }

    /** A problem the measure answers, as the report stated it. */
    public record Problem(String problemId, String theme, int ordinal, String statement) {
    }
}
