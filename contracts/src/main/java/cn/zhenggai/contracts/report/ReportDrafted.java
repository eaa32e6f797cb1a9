package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A cadre started a report (speech outline) for a meeting.
 *
 * @param reportId   the report's id
 * @param title      the report's title, e.g. 2022年度民主生活会个人发言提纲
 * @param year       the meeting year, if known
 * @param author     user name of the cadre whose report it is
 * @param department code of the department the report belongs to
 */
@Revision("1")
public record ReportDrafted(String reportId, String title, Integer year, String author, String department) {
}
