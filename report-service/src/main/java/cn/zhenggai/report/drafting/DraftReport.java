package cn.zhenggai.report.drafting;

/**
 * Start a new report for a cadre.
 *
 * @param meetingId the meeting it is written for, or null
 * @param notice    the convening notice it cites, or null
 */
public record DraftReport(String reportId, String title, Integer year, String meetingId, String notice,
                          Editor editor) {

    public DraftReport(String reportId, String title, Integer year, Editor editor) {
        this(reportId, title, year, null, null, editor);
    }
}
