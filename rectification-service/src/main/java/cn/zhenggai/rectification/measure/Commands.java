package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The commands an item takes (one file: they are small and read best together). */
public final class Commands {

    private Commands() {
    }

    /** Plan an item from a measure of an accepted report; planning it again changes nothing. */
    public record PlanMeasure(@TargetAggregateIdentifier String measureId, String reportId, String reportMeasureId,
                              String reportDepartment, String author, Integer year, int ordinal, String title,
                              String content, List<MeasurePlanned.Action> actions, String proposedDeadline,
                              String deadlineText, String proposedOwner, String proposedLeadDepartment,
                              List<String> cooperatingDepartments, List<String> rootCauseIds,
                              List<MeasurePlanned.Problem> problems) {
    }

    /**
     * Assign (or reassign) an item: a deadline, or long-term with a review period. {@code today} is the date in
     * China when the command was issued (deadlines are dates there). {@code backfill} (历史台账补录): the party
     * committee records the original assignment of an item migrated from a paper ledger, whose deadline may already
     * have passed (ADR 0033). {@code backdate}: the assignment happened earlier, or null (ADR 0090).
     */
    public record AssignMeasure(@TargetAggregateIdentifier String measureId, String leadDepartment,
                                List<String> cooperatingDepartments, String owner, LocalDate deadline,
                                boolean longTerm, Integer reviewPeriodMonths, LocalDate today, Actor actor,
                                boolean backfill, Backdate backdate) {

        /** Not backdated. */
        public AssignMeasure(String measureId, String leadDepartment, List<String> cooperatingDepartments,
                             String owner, LocalDate deadline, boolean longTerm, Integer reviewPeriodMonths,
                             LocalDate today, Actor actor, boolean backfill) {
            this(measureId, leadDepartment, cooperatingDepartments, owner, deadline, longTerm, reviewPeriodMonths,
                    today, actor, backfill, null);
        }

        /** An ordinary assignment (not backfilled). */
        public AssignMeasure(String measureId, String leadDepartment, List<String> cooperatingDepartments,
                             String owner, LocalDate deadline, boolean longTerm, Integer reviewPeriodMonths,
                             LocalDate today, Actor actor) {
            this(measureId, leadDepartment, cooperatingDepartments, owner, deadline, longTerm, reviewPeriodMonths,
                    today, actor, false);
        }
    }

    /**
     * Report progress, with the evidence files uploaded for it (already stored; see the evidence feature);
     * {@code backdate}: made earlier, or null (ADR 0090).
     */
    public record ReportProgress(@TargetAggregateIdentifier String measureId, String text,
                                 List<ProgressReported.Evidence> evidence, Actor actor, Backdate backdate) {

        /** Not backdated. */
        public ReportProgress(String measureId, String text, List<ProgressReported.Evidence> evidence,
                              Actor actor) {
            this(measureId, text, evidence, actor, null);
        }

        public ReportProgress(String measureId, String text, Actor actor) {
            this(measureId, text, List.of(), actor);
        }
    }

    /**
     * May {@code actor} attach evidence to the item (lead or cooperating department, item in progress)? Answers the
     * lead department; changes nothing.
     */
    public record CheckEvidenceUpload(@TargetAggregateIdentifier String measureId, Actor actor) {
    }

    /** Whether the actor may download the item's evidence now (sees the item, ADR 0073). Changes nothing. */
    public record CheckEvidenceDownload(@TargetAggregateIdentifier String measureId, Actor actor) {
    }

    /**
     * A supervision notice (督办) issued by hand by the party committee, to the owner ({@code OWNER}) or the lead
     * department's head ({@code DEPT_HEAD}).
     */
    public record SuperviseMeasure(@TargetAggregateIdentifier String measureId, String noticeId, String level,
                                   String reason, LocalDate today, Actor actor) {
    }

    /**
     * Plan an item from a 巡察/审计 finding (imported sheet), assigned at once to the lead department, owner and
     * deadline the sheet names; if the item exists (same finding), link the source instead. The importer's role
     * (party committee or organization department) is checked by the import.
     */
    public record PlanFinding(@TargetAggregateIdentifier String measureId, String source, String reference,
                              String findingId, String finding, String title, String content,
                              String leadDepartment, List<String> cooperatingDepartments, String owner,
                              LocalDate deadline, Integer reviewPeriodMonths, LocalDate today, String importedBy) {
    }

    /** Link a further source (巡察/审计 finding) to an existing item. */
    public record LinkSource(@TargetAggregateIdentifier String measureId, String source, String reference,
                             String finding) {
    }

    /** Declare the item complete; {@code backdate}: completed earlier (办结于…), or null (ADR 0090). */
    public record CompleteMeasure(@TargetAggregateIdentifier String measureId, String summary, Actor actor,
                                  Backdate backdate) {

        /** Not backdated. */
        public CompleteMeasure(String measureId, String summary, Actor actor) {
            this(measureId, summary, actor, null);
        }
    }

    /** Verify and close (销号); party committee only, never whoever completed it. */
    public record VerifyMeasure(@TargetAggregateIdentifier String measureId, String opinion, Actor actor,
                                Backdate backdate) {

        /** Not backdated. */
        public VerifyMeasure(String measureId, String opinion, Actor actor) {
            this(measureId, opinion, actor, null);
        }
    }

    /** Reject a completion with reasons; the item is reopened. */
    public record RejectMeasure(@TargetAggregateIdentifier String measureId, List<String> reasons, Actor actor,
                                Backdate backdate) {

        /** Not backdated. */
        public RejectMeasure(String measureId, List<String> reasons, Actor actor) {
            this(measureId, reasons, actor, null);
        }
    }

    /** Reopen a verified item (the party committee found it not rectified after all). */
    public record ReopenMeasure(@TargetAggregateIdentifier String measureId, String reason, Actor actor,
                                Backdate backdate) {

        /** Not backdated. */
        public ReopenMeasure(String measureId, String reason, Actor actor) {
            this(measureId, reason, actor, null);
        }
    }

    public record RequestDeadlineExtension(@TargetAggregateIdentifier String measureId, LocalDate deadline,
                                           String reason, LocalDate today, Actor actor) {
    }

    /** Approve the requested extension; {@code backdate}: approved earlier, or null (ADR 0090). */
    public record ApproveDeadlineExtension(@TargetAggregateIdentifier String measureId, Actor actor,
                                           Backdate backdate) {

        /** Not backdated. */
        public ApproveDeadlineExtension(String measureId, Actor actor) {
            this(measureId, actor, null);
        }
    }

    public record RefuseDeadlineExtension(@TargetAggregateIdentifier String measureId, String reason, Actor actor) {
    }
}
