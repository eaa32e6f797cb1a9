package cn.zhenggai.report.viewing;

import java.util.List;

/**
 * The list query's answer (GET /api/reports).
 *
 * @param department the department the list is scoped to, or null for every department
 * @param count      how many reports are listed
 */
public record ReportList(String department, int count, List<ReportSummary> reports) {

    static ReportList of(String department, List<ReportSummary> reports) {
        return new ReportList(department, reports.size(), reports);
    }
}
