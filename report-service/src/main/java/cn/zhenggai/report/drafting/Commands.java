package cn.zhenggai.report.drafting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The commands a report takes after it was drafted (one file: they are small and read best together). */
public final class Commands {

    private Commands() {
    }

    /** Reword a problem of a draft or returned report. */
    public record ReviseProblem(@TargetAggregateIdentifier String reportId, String problemId, String theme,
                                int ordinal, String statement, String example, Editor editor) {
    }

    /** Take a problem out of a draft or returned report. */
    public record WithdrawProblem(@TargetAggregateIdentifier String reportId, String problemId, String reason,
                                  Editor editor) {
    }

    /** Write a root cause, linked to the problems it explains. */
    public record AnalyzeRootCause(@TargetAggregateIdentifier String reportId, String rootCauseId, String title,
                                   String analysis, List<String> problemIds, Editor editor) {
    }

    /** Rework a root cause (title, analysis, the problems it explains); keeps its position. */
    public record ReviseRootCause(@TargetAggregateIdentifier String reportId, String rootCauseId, String title,
                                  String analysis, List<String> problemIds, Editor editor) {
    }

    /** Rework a measure (any of its fields, the root causes it answers); keeps its position. */
    public record ReviseMeasure(@TargetAggregateIdentifier String reportId, String measureId, MeasureDraft measure,
                                Editor editor) {
    }

    /** Declare the areas checked without finding a problem (replaces the previous declaration). */
    public record DeclareCleanAreas(@TargetAggregateIdentifier String reportId, List<String> areas, Editor editor) {
    }

    /** State how last meeting's measures were implemented (replaces the previous statement). */
    public record StateCarryOver(@TargetAggregateIdentifier String reportId, List<CarryOverGroup> groups,
                                 Editor editor) {
    }

    /** Propose a measure answering some root causes. */
    public record ProposeMeasure(@TargetAggregateIdentifier String reportId, String measureId, MeasureDraft measure,
                                 Editor editor) {
    }

    /** Declare personal matters, already sealed with the author's key (the report never sees the plain text). */
    public record DeclarePersonalMatters(@TargetAggregateIdentifier String reportId, SealedMatters sealed,
                                         Editor editor) {
    }

    /** Record that someone is reading the personal matters declaration; refused unless they may. */
    public record RecordPersonalMattersRead(@TargetAggregateIdentifier String reportId, Reader reader,
                                            String purpose) {
    }

    /** The author lets a colleague of the same department edit and submit the report (ADR 0083). */
    public record GrantDelegation(@TargetAggregateIdentifier String reportId, String delegate, Editor editor) {
    }

    /** The author ends a colleague's delegation. */
    public record RevokeDelegation(@TargetAggregateIdentifier String reportId, String delegate, Editor editor) {
    }

    /** Submit (or resubmit after a return) for review. */
    public record SubmitReport(@TargetAggregateIdentifier String reportId, Editor editor) {
    }

    /**
     * Return a submitted report for rework, with reasons (组织部) and, optionally, a comment on single problems
     * (by problem id; null or empty: none).
     */
    public record ReturnReport(@TargetAggregateIdentifier String reportId, List<String> reasons,
                               java.util.Map<String, String> problemComments, Editor editor) {

        public ReturnReport(String reportId, List<String> reasons, Editor editor) {
            this(reportId, reasons, null, editor);
        }
    }

    /** The author takes back a submitted report not yet decided on: it is a draft again. */
    public record WithdrawSubmission(@TargetAggregateIdentifier String reportId, Editor editor) {
    }

    /** Accept a submitted report (组织部); its measures go to rectification. */
    public record AcceptReport(@TargetAggregateIdentifier String reportId, Editor editor) {
    }

    /** A carry-over group as written: heading, last meeting's theme (or null), items. */
    public record CarryOverGroup(String heading, String theme, List<String> items) {
    }

    /** An action of a measure; deadline is YYYY-MM-DD or null. */
    public record ActionDraft(String text, String deadline, String deadlineText) {
    }

    /** A measure as proposed; deadlines are YYYY-MM-DD or null; rootCauseIds may be empty. */
    public record MeasureDraft(String title, String content, List<ActionDraft> actions, String deadline,
                               String deadlineText, String owner, String leadDepartment,
                               List<String> cooperatingDepartments, List<String> rootCauseIds) {
    }

    /** A personal matters declaration sealed with the person's key (AES-256-GCM), Base64 parts. */
    public record SealedMatters(String person, int keyVersion, String algorithm, String nonce, String ciphertext) {
    }

    /**
     * Who wants to read personal matters.
     *
     * @param username   the reader
     * @param orgDept    holds ORG_DEPT (组织部)
     * @param discipline holds DISCIPLINE (纪检)
     */
    public record Reader(String username, boolean orgDept, boolean discipline) {
    }
}
