package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One row of the ledger (整改台账) as {@code GET /api/ledger}, its lists and {@code GET /api/measures/{id}} show
 * it: a view of one {@link LedgerItem} (ADR 0091), nothing re-derived. Its JSON is the row's wire form: enums by
 * name, instants as {@code 2023-05-01T02:00:00.000Z} (UTC, milliseconds), dates as {@code 2023-06-30}; {@code role}
 * only when the row is seen from a department's ledger; {@code supervisionNotices} and {@code lastEvent} only in the
 * audit's rows ({@link #audited}).
 *
 * <p>{@code recurring} and {@code recurrences} (年年提, ADR 0040) are not part of the item's fold: they compare the
 * item with other items, so the ledger keeps them beside the item and passes them to
 * {@link #of(LedgerItem, String, LocalDate, List)}.
 *
 * @param measureId the item
 * @param source where it was planned from
 * @param sources every source it answers
 * @param reportId the accepted report it was planned from, or null
 * @param author the cadre whose report it is
 * @param year the meeting year, or null
 * @param problem the problems it answers, joined by ；
 * @param problems the problems it answers
 * @param themes the problems' themes
 * @param title the measure's title
 * @param content the measure's text
 * @param leadDepartment the lead department
 * @param cooperatingDepartments the cooperating departments
 * @param role how the viewing department stands to it, or null when no department views it
 * @param owner 责任人
 * @param deadline the deadline in force, or null
 * @param proposedDeadline the deadline the report proposed, as written
 * @param deadlineText the deadline as written
 * @param longTerm 长期坚持
 * @param reviewPeriodMonths the review period of a long-term item, or null
 * @param status where it stands
 * @param overdue its deadline passed before it was completed
 * @param colour warning colour (GREEN until a MeasureColourChanged)
 * @param daysToDeadline days from today to the deadline of an open item, or null
 * @param lastProgress the latest progress text
 * @param lastProgressAt when it was reported (effective time)
 * @param progressCount how many progress reports
 * @param evidenceCount how many evidence files
 * @param notices how many supervision notices
 * @param recurring one of its problems repeats an earlier year's
 * @param recurrences the earlier problems it repeats
 * @param completedBy who declared it complete
 * @param completedAt when (effective time)
 * @param completionSummary what was achieved
 * @param verifiedBy who verified it
 * @param verifiedAt when (effective time)
 * @param pendingExtension the extension asked for and not decided, or null
 * @param lastRejection the reasons of the latest rejected completion, or null
 * @param plannedAt when it was planned (effective time)
 * @param updatedAt effective time of its last change
 * @param supervisionNotices the audit's name of {@code notices}, only in the audit's rows
 * @param lastEvent the event that last changed it, only in the audit's rows
 * @param recordedAt when its last event was recorded, only in the audit's rows
 * @param backdatedEvents how many of its events state a past fact (补录, 迁移), only in the audit's rows
 * @param migrated whether it was migrated from a historical ledger, only in the audit's rows
 */
@JsonPropertyOrder({"measureId", "source", "sources", "reportId", "author", "year", "problem", "problems", "themes",
        "title", "content", "leadDepartment", "cooperatingDepartments", "role", "owner", "deadline",
        "proposedDeadline", "deadlineText", "longTerm", "reviewPeriodMonths", "status", "overdue", "colour",
        "daysToDeadline", "lastProgress", "lastProgressAt", "progressCount", "evidenceCount", "notices", "recurring",
        "recurrences", "completedBy", "completedAt", "completionSummary", "verifiedBy", "verifiedAt",
        "pendingExtension", "lastRejection", "plannedAt", "updatedAt", "supervisionNotices", "lastEvent", "recordedAt",
        "backdatedEvents", "migrated"})
public record LedgerRow(String measureId,
                        ItemSource source,
                        List<LedgerItem.SourceLink> sources,
                        String reportId,
                        String author,
                        Integer year,
                        String problem,
                        List<MeasurePlanned.Problem> problems,
                        List<String> themes,
                        String title,
                        String content,
                        String leadDepartment,
                        List<String> cooperatingDepartments,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Role role,
                        String owner,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate deadline,
                        String proposedDeadline,
                        String deadlineText,
                        boolean longTerm,
                        Integer reviewPeriodMonths,
                        ItemStatus status,
                        boolean overdue,
                        Colour colour,
                        Long daysToDeadline,
                        String lastProgress,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant lastProgressAt,
                        int progressCount,
                        int evidenceCount,
                        int notices,
                        boolean recurring,
                        List<Recurrence> recurrences,
                        String completedBy,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant completedAt,
                        String completionSummary,
                        String verifiedBy,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant verifiedAt,
                        Extension pendingExtension,
                        List<String> lastRejection,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant plannedAt,
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer supervisionNotices,
                        @JsonInclude(JsonInclude.Include.NON_NULL) LedgerItem.EventRef lastEvent,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                        Instant recordedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer backdatedEvents,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean migrated) {

    /** How instants are written: what the services' JSON wrote for the ledger's dates before this type. */
    public static final String INSTANT = "yyyy-MM-dd'T'HH:mm:ss.SSSX";

    public LedgerRow {
        sources = sources == null ? List.of() : List.copyOf(sources);
        problems = problems == null ? List.of() : List.copyOf(problems);
        themes = themes == null ? List.of() : List.copyOf(themes);
        cooperatingDepartments = cooperatingDepartments == null ? List.of() : List.copyOf(cooperatingDepartments);
        recurrences = recurrences == null ? List.of() : List.copyOf(recurrences);
        lastRejection = lastRejection == null ? null : List.copyOf(lastRejection);
        colour = colour == null ? Colour.GREEN : colour;
    }

    /** How the department whose ledger shows a row stands to its item. */
    public enum Role {
        /** 牵头单位. */
        LEAD,
        /** 配合单位. */
        COOPERATING
    }

    /** An extension asked for: the deadline wanted (YYYY-MM-DD), why, by whom. */
    public record Extension(String deadline, String reason, String requestedBy) {
    }

    /**
     * A problem of the item that repeats a problem of an earlier year's item of the same cadre or department
     * (年年提), as {@code RecurringProblems} decides it.
     */
    @JsonPropertyOrder({"problemId", "statement", "theme", "earlierMeasureId", "earlierProblemId", "earlierYear",
            "earlierStatement", "sameAuthor", "similarity"})
    public record Recurrence(String problemId, String statement, String theme, String earlierMeasureId,
                             String earlierProblemId, Integer earlierYear, String earlierStatement,
                             boolean sameAuthor, double similarity) {
    }

    /** The row of {@code item} seen from {@code viewerDepartment}'s ledger (null: no role), without a today. */
    public static LedgerRow of(LedgerItem item, String viewerDepartment) {
        return of(item, viewerDepartment, null);
    }

    /**
     * The row of {@code item} seen from {@code viewerDepartment}'s ledger (null: no role); {@code daysToDeadline}
     * counts from {@code today} (null: not counted). Not recurring.
     */
    public static LedgerRow of(LedgerItem item, String viewerDepartment, LocalDate today) {
        return row(item, viewerDepartment, today, List.of(), false);
    }

    /**
     * The row of {@code item} as {@link #of(LedgerItem, String, LocalDate)}, with the recurring-problem flags the
     * ledger keeps beside the item ({@code recurring} when {@code recurrences} is not empty).
     */
    public static LedgerRow of(LedgerItem item, String viewerDepartment, LocalDate today,
                               List<Recurrence> recurrences) {
        return row(item, viewerDepartment, today, recurrences == null ? List.of() : recurrences, false);
    }

    /**
     * The audit's row of {@code item}: the ledger's fields, then {@code supervisionNotices} (= {@code notices}),
     * {@code lastEvent} (the event that last changed it), {@code recordedAt}, {@code backdatedEvents} and
     * {@code migrated}.
     */
    public static LedgerRow audited(LedgerItem item, String viewerDepartment, LocalDate today) {
        return row(item, viewerDepartment, today, List.of(), true);
    }

    private static LedgerRow row(LedgerItem item, String viewerDepartment, LocalDate today,
                                 List<Recurrence> recurrences, boolean audited) {
        Role role = viewerDepartment == null ? null
                : viewerDepartment.equals(item.leadDepartment()) ? Role.LEAD : Role.COOPERATING;
        boolean closed = item.status() == ItemStatus.COMPLETED || item.status() == ItemStatus.VERIFIED;
        Long days = today == null || item.deadline() == null || closed ? null
                : ChronoUnit.DAYS.between(today, item.deadline());
        LedgerItem.PendingExtension pending = item.pendingExtension();
        Extension extension = pending == null ? null : new Extension(
                pending.deadline() == null ? null : pending.deadline().toString(), pending.reason(),
                pending.requestedBy());
        return new LedgerRow(item.measureId(), item.source(), item.sources(), item.reportId(), item.author(),
                item.year(), item.problem(), item.problems(), item.themes(), item.title(), item.content(),
                item.leadDepartment(), item.cooperatingDepartments(), role, item.owner(), item.deadline(),
                item.proposedDeadline(), item.deadlineText(), item.longTerm(), item.reviewPeriodMonths(),
                item.status(), item.overdue(), item.colour(), days, item.lastProgress(), item.lastProgressAt(),
                item.progressCount(), item.evidenceCount(), item.notices(), !recurrences.isEmpty(), recurrences,
                item.completedBy(), item.completedAt(), item.completionSummary(), item.verifiedBy(),
                item.verifiedAt(), extension, item.lastRejection(), item.plannedAt(), item.updatedAt(),
                audited ? item.notices() : null, audited ? item.lastEvent() : null,
                audited ? item.recordedAt() : null, audited ? item.backdatedEvents() : null,
                audited ? item.migratedFrom() != null : null);
    }

    /** Whether the item is completed or verified. */
    public boolean closed() {
        return status == ItemStatus.COMPLETED || status == ItemStatus.VERIFIED;
    }

    /**
     * One item as {@code GET /api/measures/{id}} shows it: its row (without a role), then its progress history,
     * its latest supervision notice, and the actions the caller may take now (absent when not computed).
     */
    @JsonPropertyOrder({"row", "progress", "lastNotice", "actions"})
    public record Detail(@JsonUnwrapped LedgerRow row, List<ProgressEntry> progress, NoticeEntry lastNotice,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<ItemAction> actions) {

        public Detail {
            progress = progress == null ? List.of() : List.copyOf(progress);
            actions = actions == null ? null : List.copyOf(actions);
        }

        /** The detail of {@code item} with its recurring flags, without actions. */
        public static Detail of(LedgerItem item, List<Recurrence> recurrences, LocalDate today) {
            LedgerItem.Notice n = item.lastNotice();
            return new Detail(LedgerRow.of(item, null, today, recurrences),
                    item.progress().stream().map(p -> new ProgressEntry(p.text(), p.at(), p.by(), p.department(),
                            p.evidence(), p.sequence())).toList(),
                    n == null ? null : new NoticeEntry(n.noticeId(), n.level(), n.reason(), n.daysOverdue(), n.at()),
                    null);
        }

        /** This detail with the actions the caller may take. */
        public Detail withActions(List<ItemAction> allowed) {
            return new Detail(row, progress, lastNotice, allowed);
        }
    }

    /** A progress report as the item shows it: text, effective time, reporter, department, evidence, sequence. */
    @JsonPropertyOrder({"text", "at", "by", "department", "evidence", "sequence"})
    public record ProgressEntry(String text,
                                @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                                Instant at,
                                String by, String department, List<ProgressReported.Evidence> evidence,
                                long sequence) {
    }

    /** A supervision notice (督办) as the item shows it. */
    @JsonPropertyOrder({"noticeId", "level", "reason", "daysOverdue", "at"})
    public record NoticeEntry(String noticeId, String level, String reason, int daysOverdue,
                              @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = INSTANT, timezone = "UTC")
                              Instant at) {
    }
}
