package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rectification item (整改事项) as the ledger shows it: the one model of that view (ADR 0091). Built only by
 * {@link LedgerItems#apply}, which rectification-service's ledger projection, audit-service's time travel and its
 * replay all use, so that what the audit says the ledger was on a day is what the ledger showed. Immutable; times are
 * effective times (when the fact happened, ADR 0090) unless named {@code recordedAt}.
 *
 * <p>The record and its {@link Builder} are long because the view is: every field is one a screen, an export or a
 * difference between two dates reads.
 *
 * @param measureId the item
 * @param lastSequence sequence of the last event applied, -1 before the first
 * @param events how many of its events changed it
 * @param source where it was planned from
 * @param sources every source it answers: the planning one, then those linked later
 * @param reportId the accepted report it was planned from, or null for a finding
 * @param reportMeasureId the measure's id in the report
 * @param reportDepartment the report's department
 * @param author the cadre whose report it is
 * @param year the meeting year, or null
 * @param ordinal 1-based position among the report's measures
 * @param title the measure's title
 * @param content the measure's text
 * @param problem the problems it answers, joined by ；
 * @param problems the problems it answers
 * @param themes the problems' themes (方面), each once
 * @param leadDepartment the lead department (牵头单位), whose ledger holds it
 * @param cooperatingDepartments cooperating departments (配合单位)
 * @param owner 责任人
 * @param deadline the deadline in force, or null (planned, or long-term)
 * @param proposedDeadline the deadline the report proposed (YYYY-MM-DD as written), or null
 * @param deadlineText the deadline as written (2024年6月底前, 长期坚持), or null
 * @param longTerm 长期坚持
 * @param reviewPeriodMonths the review period of a long-term item, or null
 * @param status where it stands
 * @param overdue its deadline passed before it was completed
 * @param overdueDeadline the deadline that passed, or null
 * @param overdueAt when it became overdue (effective time)
 * @param colour warning colour
 * @param colourChangedAt when the colour last changed (effective time)
 * @param assignedBy who assigned it last
 * @param assignedAt when it was assigned last (effective time)
 * @param backfilled its assignment was backfilled from a paper ledger (ADR 0033)
 * @param progress every progress report, in order
 * @param progressCount how many progress reports
 * @param evidenceCount how many evidence files over all progress reports
 * @param lastProgress the latest progress text
 * @param lastProgressBy who reported it
 * @param lastProgressAt when (effective time)
 * @param completedBy who declared it complete, or null
 * @param completedAt when (effective time), or null
 * @param completionSummary what was achieved
 * @param completedLate completed after an overdue notice
 * @param verifiedBy who verified it, or null
 * @param verifiedAt when (effective time), or null
 * @param verificationOpinion the verification opinion
 * @param lastRejection the reasons of the latest rejected completion
 * @param lastRejectedBy who rejected it
 * @param rejections how many completions were rejected
 * @param reopenedReason why it was last reopened
 * @param pendingExtension the extension asked for and not yet decided, or null
 * @param extensions how many extensions were granted
 * @param notices how many supervision notices (督办) were issued
 * @param lastNotice the latest supervision notice, or null
 * @param plannedAt when it was planned (effective time)
 * @param updatedAt effective time of the last event that changed it
 * @param recordedAt recorded time of the last event that changed it
 * @param migratedFrom the historical ledger it was migrated from, or null
 * @param backdatedEvents how many of its events were recorded after they took effect
 * @param plannedBy the event that planned it
 * @param lastEvent the last event that changed it
 * @param changedBy for each watched field, the event that last changed it
 */
public record LedgerItem(String measureId,
                         long lastSequence,
                         int events,
                         ItemSource source,
                         List<SourceLink> sources,
                         String reportId,
                         String reportMeasureId,
                         String reportDepartment,
                         String author,
                         Integer year,
                         int ordinal,
                         String title,
                         String content,
                         String problem,
                         List<MeasurePlanned.Problem> problems,
                         List<String> themes,
                         String leadDepartment,
                         List<String> cooperatingDepartments,
                         String owner,
                         LocalDate deadline,
                         String proposedDeadline,
                         String deadlineText,
                         boolean longTerm,
                         Integer reviewPeriodMonths,
                         ItemStatus status,
                         boolean overdue,
                         LocalDate overdueDeadline,
                         Instant overdueAt,
                         Colour colour,
                         Instant colourChangedAt,
                         String assignedBy,
                         Instant assignedAt,
                         boolean backfilled,
                         List<Progress> progress,
                         int progressCount,
                         int evidenceCount,
                         String lastProgress,
                         String lastProgressBy,
                         Instant lastProgressAt,
                         String completedBy,
                         Instant completedAt,
                         String completionSummary,
                         boolean completedLate,
                         String verifiedBy,
                         Instant verifiedAt,
                         String verificationOpinion,
                         List<String> lastRejection,
                         String lastRejectedBy,
                         int rejections,
                         String reopenedReason,
                         PendingExtension pendingExtension,
                         int extensions,
                         int notices,
                         Notice lastNotice,
                         Instant plannedAt,
                         Instant updatedAt,
                         Instant recordedAt,
                         Backdating.Migration migratedFrom,
                         int backdatedEvents,
                         EventRef plannedBy,
                         EventRef lastEvent,
                         Map<String, EventRef> changedBy) {

    public LedgerItem {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
        themes = List.copyOf(themes);
        cooperatingDepartments = List.copyOf(cooperatingDepartments);
        progress = List.copyOf(progress);
        lastRejection = lastRejection == null ? null : List.copyOf(lastRejection);
        changedBy = Map.copyOf(changedBy);
    }

    /** Whether it is on {@code department}'s ledger (as lead or cooperating department). */
    public boolean concerns(String department) {
        return department.equals(leadDepartment) || cooperatingDepartments.contains(department);
    }

    /** A source it answers: {@code source} with its reference (文号, report id) and the finding as stated. */
    public record SourceLink(ItemSource source, String reference, String finding) {
    }

    /** A progress report: text, effective time, reporter and their department, evidence, the event's sequence. */
    public record Progress(String text, Instant at, String by, String department,
                           List<ProgressReported.Evidence> evidence, long sequence, boolean backdated) {
        public Progress {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** An extension asked for: the deadline wanted, why, by whom. */
    public record PendingExtension(LocalDate deadline, String reason, String requestedBy) {
    }

    /** A supervision notice (督办): its id, level, reason, days overdue when issued, effective time. */
    public record Notice(String noticeId, String level, String reason, int daysOverdue, Instant at) {
    }

    /**
     * Who changed what, when: the event a state or a difference names as the cause. {@code time} is when it took
     * effect, {@code recordedAt} when it was recorded; {@code backdating} is set when they differ.
     */
    @JsonIgnoreProperties(value = "backdated", allowGetters = true)
    public record EventRef(String eventId, String type, long sequence, String actor, Instant time,
                           Instant recordedAt, Backdating backdating) {

        /** Whether the event states a past fact (补录 or 迁移); written in the JSON as {@code backdated}. */
        @JsonProperty("backdated")
        public boolean backdated() {
            return backdating != null;
        }
    }

    /** A builder holding this item's fields, for the fold. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.measureId = measureId;
        b.lastSequence = lastSequence;
        b.events = events;
        b.source = source;
        b.sources = sources;
        b.reportId = reportId;
        b.reportMeasureId = reportMeasureId;
        b.reportDepartment = reportDepartment;
        b.author = author;
        b.year = year;
        b.ordinal = ordinal;
        b.title = title;
        b.content = content;
        b.problem = problem;
        b.problems = problems;
        b.themes = themes;
        b.leadDepartment = leadDepartment;
        b.cooperatingDepartments = cooperatingDepartments;
        b.owner = owner;
        b.deadline = deadline;
        b.proposedDeadline = proposedDeadline;
        b.deadlineText = deadlineText;
        b.longTerm = longTerm;
        b.reviewPeriodMonths = reviewPeriodMonths;
        b.status = status;
        b.overdue = overdue;
        b.overdueDeadline = overdueDeadline;
        b.overdueAt = overdueAt;
        b.colour = colour;
        b.colourChangedAt = colourChangedAt;
        b.assignedBy = assignedBy;
        b.assignedAt = assignedAt;
        b.backfilled = backfilled;
        b.progress = progress;
        b.progressCount = progressCount;
        b.evidenceCount = evidenceCount;
        b.lastProgress = lastProgress;
        b.lastProgressBy = lastProgressBy;
        b.lastProgressAt = lastProgressAt;
        b.completedBy = completedBy;
        b.completedAt = completedAt;
        b.completionSummary = completionSummary;
        b.completedLate = completedLate;
        b.verifiedBy = verifiedBy;
        b.verifiedAt = verifiedAt;
        b.verificationOpinion = verificationOpinion;
        b.lastRejection = lastRejection;
        b.lastRejectedBy = lastRejectedBy;
        b.rejections = rejections;
        b.reopenedReason = reopenedReason;
        b.pendingExtension = pendingExtension;
        b.extensions = extensions;
        b.notices = notices;
        b.lastNotice = lastNotice;
        b.plannedAt = plannedAt;
        b.updatedAt = updatedAt;
        b.recordedAt = recordedAt;
        b.migratedFrom = migratedFrom;
        b.backdatedEvents = backdatedEvents;
        b.plannedBy = plannedBy;
        b.lastEvent = lastEvent;
        b.changedBy = changedBy;
        return b;
    }

    /** The mutable form of a {@link LedgerItem} inside one step of the fold; never escapes it. */
    static final class Builder {
        String measureId;
        long lastSequence;
        int events;
        ItemSource source;
        List<SourceLink> sources;
        String reportId;
        String reportMeasureId;
        String reportDepartment;
        String author;
        Integer year;
        int ordinal;
        String title;
        String content;
        String problem;
        List<MeasurePlanned.Problem> problems;
        List<String> themes;
        String leadDepartment;
        List<String> cooperatingDepartments;
        String owner;
        LocalDate deadline;
        String proposedDeadline;
        String deadlineText;
        boolean longTerm;
        Integer reviewPeriodMonths;
        ItemStatus status;
        boolean overdue;
        LocalDate overdueDeadline;
        Instant overdueAt;
        Colour colour;
        Instant colourChangedAt;
        String assignedBy;
        Instant assignedAt;
        boolean backfilled;
        List<Progress> progress;
        int progressCount;
        int evidenceCount;
        String lastProgress;
        String lastProgressBy;
        Instant lastProgressAt;
        String completedBy;
        Instant completedAt;
        String completionSummary;
        boolean completedLate;
        String verifiedBy;
        Instant verifiedAt;
        String verificationOpinion;
        List<String> lastRejection;
        String lastRejectedBy;
        int rejections;
        String reopenedReason;
        PendingExtension pendingExtension;
        int extensions;
        int notices;
        Notice lastNotice;
        Instant plannedAt;
        Instant updatedAt;
        Instant recordedAt;
        Backdating.Migration migratedFrom;
        int backdatedEvents;
        EventRef plannedBy;
        EventRef lastEvent;
        Map<String, EventRef> changedBy;

        LedgerItem build() {
            return new LedgerItem(measureId, lastSequence, events, source, sources, reportId, reportMeasureId,
                    reportDepartment, author, year, ordinal, title, content, problem, problems, themes,
                    leadDepartment, cooperatingDepartments, owner, deadline, proposedDeadline, deadlineText, longTerm,
                    reviewPeriodMonths, status, overdue, overdueDeadline, overdueAt, colour, colourChangedAt,
                    assignedBy, assignedAt, backfilled, progress, progressCount, evidenceCount, lastProgress,
                    lastProgressBy, lastProgressAt, completedBy, completedAt, completionSummary, completedLate,
                    verifiedBy, verifiedAt, verificationOpinion, lastRejection, lastRejectedBy, rejections,
                    reopenedReason, pendingExtension, extensions, notices, lastNotice, plannedAt, updatedAt,
                    recordedAt, migratedFrom, backdatedEvents, plannedBy, lastEvent, changedBy);
        }
    }
}
