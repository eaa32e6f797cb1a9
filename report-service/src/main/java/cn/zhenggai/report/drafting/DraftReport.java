package cn.zhenggai.report.drafting;

/** Start a new report for a cadre. */
public record DraftReport(String reportId, String title, Integer year, Editor editor) {
}
