package cn.zhenggai.report.drafting;

import java.util.List;

/**
 * Create a draft report with all its content at once (an imported outline): one command, so either the whole
 * outline is in the report or nothing is.
 */
public record ImportReport(String reportId,
                           String title,
                           Integer year,
                           String meetingId,
                           String notice,
                           List<Commands.CarryOverGroup> carryOver,
                           List<ProblemDraft> problems,
                           List<String> cleanAreas,
                           List<RootCauseDraft> rootCauses,
                           Commands.SealedMatters personalMatters,
                           List<MeasureWithId> measures,
                           Editor editor) {

    /** A problem with the id it gets. */
    public record ProblemDraft(String problemId, String theme, int ordinal, String statement, String example) {
    }

    /** A root cause with the id it gets and the ids (in this command) of the problems it explains. */
    public record RootCauseDraft(String rootCauseId, String title, String analysis, List<String> problemIds) {
    }

    /** A measure with the id it gets. */
    public record MeasureWithId(String measureId, Commands.MeasureDraft measure) {
    }
}
