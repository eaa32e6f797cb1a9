package cn.zhenggai.contracts.ledger;

import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fold of a rectification item (ADR 0091): {@code item = apply(…apply(apply(null, e0), e1)…, en)} over its
 * events in sequence order. Pure: no clock, no store. An event at or below the item's {@code lastSequence} changes
 * nothing (a redelivery); an event before the item was planned changes nothing (there is no item yet).
 */
public final class LedgerItems {

    /** The fields whose last change {@link LedgerItem#changedBy()} remembers, with how to read each. */
    public static final Map<String, Function<LedgerItem, Object>> WATCHED = watched();

    private static final TypedHandlers<LedgerItem.Builder, EventMeta> HANDLERS =
            TypedHandlers.<LedgerItem.Builder, EventMeta>builder()
                    .on(MeasureAssigned.class, LedgerItems::assigned)
                    .on(ProgressReported.class, LedgerItems::progress)
                    .on(MeasureCompleted.class, LedgerItems::completed)
                    .on(MeasureVerified.class, LedgerItems::verified)
                    .on(MeasureRejected.class, LedgerItems::rejected)
                    .on(MeasureReopened.class, LedgerItems::reopened)
                    .on(DeadlineExtensionRequested.class, LedgerItems::extensionRequested)
                    .on(DeadlineExtended.class, LedgerItems::extended)
                    .on(DeadlineExtensionRefused.class, (b, e, m) -> {
                        b.pendingExtension = null;
                        return b;
                    })
                    .on(MeasureOverdue.class, LedgerItems::overdue)
                    .on(MeasureColourChanged.class, (b, e, m) -> {
                        b.colour = Colour.of(e.colour());
                        b.colourChangedAt = m.effectiveAt();
                        return b;
                    })
                    .on(SupervisionNoticeIssued.class, (b, e, m) -> {
                        b.notices++;
                        b.lastNotice = new LedgerItem.Notice(e.noticeId(), e.level(), e.reason(), e.daysOverdue(),
                                m.effectiveAt());
                        return b;
                    })
                    .on(MeasureSourceLinked.class, LedgerItems::sourceLinked)
                    .build();

    /** The item each item event belongs to, by event class (the events of {@link #HANDLERS} and MeasurePlanned). */
    private static final TypedHandlers<String, Void> IDS = TypedHandlers.<String, Void>builder()
            .on(MeasurePlanned.class, (s, e, m) -> e.measureId())
            .on(MeasureAssigned.class, (s, e, m) -> e.measureId())
            .on(ProgressReported.class, (s, e, m) -> e.measureId())
            .on(MeasureCompleted.class, (s, e, m) -> e.measureId())
            .on(MeasureVerified.class, (s, e, m) -> e.measureId())
            .on(MeasureRejected.class, (s, e, m) -> e.measureId())
            .on(MeasureReopened.class, (s, e, m) -> e.measureId())
            .on(DeadlineExtensionRequested.class, (s, e, m) -> e.measureId())
            .on(DeadlineExtended.class, (s, e, m) -> e.measureId())
            .on(DeadlineExtensionRefused.class, (s, e, m) -> e.measureId())
            .on(MeasureOverdue.class, (s, e, m) -> e.measureId())
            .on(MeasureColourChanged.class, (s, e, m) -> e.measureId())
            .on(SupervisionNoticeIssued.class, (s, e, m) -> e.measureId())
            .on(MeasureSourceLinked.class, (s, e, m) -> e.measureId())
            .build();

    private LedgerItems() {
    }

    /** Whether {@code type} is an event of an item's history (MeasurePlanned or one the fold applies). */
    public static boolean isItemEvent(Class<?> type) {
        return type == MeasurePlanned.class || HANDLERS.handles(type);
    }

    /** The item an item event belongs to; empty for any other event. */
    public static Optional<String> measureIdOf(Object event) {
        return event == null ? Optional.empty() : IDS.apply(null, event, null);
    }

    /** Whether the event named {@code typeName} (envelope type) belongs to an item's history. */
    public static boolean isItemEvent(String typeName) {
        return EventTypes.classOf(typeName).map(LedgerItems::isItemEvent).orElse(false);
    }

    /** The item after {@code event}; {@code item} is null before MeasurePlanned. Returns {@code item} unchanged
     * when the event is a redelivery, precedes the planning, or is not an item event. */
    public static LedgerItem apply(LedgerItem item, Object event, EventMeta meta) {
        if (item == null) {
            return event instanceof MeasurePlanned planned ? planned(planned, meta) : null;
        }
        if (meta.sequence() <= item.lastSequence() || event instanceof MeasurePlanned) {
            return item;
        }
        LedgerItem.Builder b = item.toBuilder();
        if (HANDLERS.apply(b, event, meta).isEmpty()) {
            return item;
        }
        return stamped(item, b, event, meta);
    }

    /** One event with its meta, for {@link #fold}. */
    public record Step(Object event, EventMeta meta) {
    }

    /** The item after {@code steps} in sequence order (duplicates by sequence dropped, the first kept). */
    public static LedgerItem fold(List<Step> steps) {
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort((x, y) -> Long.compare(x.meta().sequence(), y.meta().sequence()));
        LedgerItem item = null;
        for (Step step : ordered) {
            item = apply(item, step.event(), step.meta());
        }
        return item;
    }

    private static LedgerItem planned(MeasurePlanned e, EventMeta m) {
        LedgerItem.Builder b = new LedgerItem.Builder();
        List<MeasurePlanned.Problem> problems = e.problems() == null ? List.of() : e.problems();
        b.measureId = e.measureId();
        b.source = ItemSource.of(e.source());
        b.sources = List.of(new LedgerItem.SourceLink(b.source, e.reportId(), null));
        b.reportId = e.reportId();
        b.reportMeasureId = e.reportMeasureId();
        b.reportDepartment = e.reportDepartment();
        b.author = e.author();
        b.year = e.year();
        b.ordinal = e.ordinal();
        b.title = e.title();
        b.content = e.content();
        b.problem = String.join("；", problems.stream().map(MeasurePlanned.Problem::statement)
                .filter(Objects::nonNull).toList());
        b.problems = problems;
        Set<String> themes = new LinkedHashSet<>();
        problems.stream().map(MeasurePlanned.Problem::theme).filter(t -> t != null && !t.isBlank())
                .forEach(themes::add);
        b.themes = List.copyOf(themes);
        b.leadDepartment = e.department();
        b.cooperatingDepartments = texts(e.cooperatingDepartments());
        b.owner = e.proposedOwner();
        b.proposedDeadline = e.proposedDeadline();
        b.deadlineText = e.deadlineText();
        b.status = ItemStatus.PLANNED;
        b.colour = Colour.GREEN;
        b.progress = List.of();
        b.plannedAt = m.effectiveAt();
        b.migratedFrom = e.backdating() == null ? null : e.backdating().migratedFrom();
        b.changedBy = Map.of();
        b.plannedBy = reference(e, m);
        return stamped(null, b, e, m);
    }

    private static LedgerItem.Builder assigned(LedgerItem.Builder b, MeasureAssigned e, EventMeta m) {
        LocalDate deadline = date(e.deadline());
        b.leadDepartment = e.leadDepartment() != null ? e.leadDepartment() : e.department();
        b.cooperatingDepartments = texts(e.cooperatingDepartments());
        b.owner = e.owner();
        b.deadline = deadline;
        b.longTerm = e.longTerm();
        b.reviewPeriodMonths = e.reviewPeriodMonths();
        b.status = ItemStatus.IN_PROGRESS;
        b.assignedBy = e.assignedBy();
        b.assignedAt = m.effectiveAt();
        b.backfilled = b.backfilled || e.backfilled();
        // a new deadline clears an earlier overdue notice (the aggregate does the same)
        if (!Objects.equals(b.overdueDeadline, deadline)) {
            b.overdue = false;
        }
        return b;
    }

    private static LedgerItem.Builder progress(LedgerItem.Builder b, ProgressReported e, EventMeta m) {
        List<LedgerItem.Progress> progress = new ArrayList<>(b.progress);
        progress.add(new LedgerItem.Progress(e.text(), m.effectiveAt(), e.reportedBy(), e.reporterDepartment(),
                e.evidence(), m.sequence(), m.backdated()));
        b.progress = progress;
        b.progressCount++;
        b.evidenceCount += e.evidence().size();
        b.lastProgress = e.text();
        b.lastProgressBy = e.reportedBy();
        b.lastProgressAt = m.effectiveAt();
        return b;
    }

    private static LedgerItem.Builder completed(LedgerItem.Builder b, MeasureCompleted e, EventMeta m) {
        b.status = ItemStatus.COMPLETED;
        b.completedBy = e.completedBy();
        b.completedAt = m.effectiveAt();
        b.completionSummary = e.summary();
        b.completedLate = e.late();
        return b;
    }

    private static LedgerItem.Builder verified(LedgerItem.Builder b, MeasureVerified e, EventMeta m) {
        b.status = ItemStatus.VERIFIED;
        b.verifiedBy = e.verifiedBy();
        b.verifiedAt = m.effectiveAt();
        b.verificationOpinion = e.opinion();
        return b;
    }

    private static LedgerItem.Builder rejected(LedgerItem.Builder b, MeasureRejected e, EventMeta m) {
        b.lastRejection = e.reasons() == null ? List.of() : e.reasons();
        b.lastRejectedBy = e.rejectedBy();
        b.rejections++;
        return b;
    }

    private static LedgerItem.Builder reopened(LedgerItem.Builder b, MeasureReopened e, EventMeta m) {
        b.status = ItemStatus.IN_PROGRESS;
        b.completedBy = null;
        b.completedAt = null;
        b.verifiedBy = null;
        b.verifiedAt = null;
        b.reopenedReason = e.reason();
        return b;
    }

    private static LedgerItem.Builder extensionRequested(LedgerItem.Builder b, DeadlineExtensionRequested e,
                                                         EventMeta m) {
        b.pendingExtension = new LedgerItem.PendingExtension(date(e.requestedDeadline()), e.reason(),
                e.requestedBy());
        return b;
    }

    private static LedgerItem.Builder extended(LedgerItem.Builder b, DeadlineExtended e, EventMeta m) {
        b.deadline = date(e.deadline());
        b.pendingExtension = null;
        b.overdue = false;
        b.extensions++;
        return b;
    }

    private static LedgerItem.Builder overdue(LedgerItem.Builder b, MeasureOverdue e, EventMeta m) {
        b.overdue = true;
        b.overdueDeadline = date(e.deadline());
        b.overdueAt = m.effectiveAt();
        return b;
    }

    private static LedgerItem.Builder sourceLinked(LedgerItem.Builder b, MeasureSourceLinked e, EventMeta m) {
        LedgerItem.SourceLink link = new LedgerItem.SourceLink(ItemSource.of(e.source()), e.reference(), e.finding());
        if (!b.sources.contains(link)) {
            List<LedgerItem.SourceLink> sources = new ArrayList<>(b.sources);
            sources.add(link);
            b.sources = sources;
        }
        return b;
    }

    /** The bookkeeping of every applied event: sequence, count, times, the last event, what it changed. */
    private static LedgerItem stamped(LedgerItem before, LedgerItem.Builder b, Object event, EventMeta m) {
        LedgerItem.EventRef ref = reference(event, m);
        b.lastSequence = m.sequence();
        b.events++;
        b.updatedAt = m.effectiveAt();
        b.recordedAt = m.recordedAt();
        b.lastEvent = ref;
        if (m.backdated()) {
            b.backdatedEvents++;
        }
        LedgerItem after = b.build();
        Map<String, LedgerItem.EventRef> changedBy = new LinkedHashMap<>(after.changedBy());
        WATCHED.forEach((field, read) -> {
            Object old = before == null ? null : read.apply(before);
            Object now = read.apply(after);
            if (!Objects.equals(old, now) && (before != null || now != null)) {
                changedBy.put(field, ref);
            }
        });
        if (changedBy.equals(after.changedBy())) {
            return after;
        }
        b.changedBy = changedBy;
        return b.build();
    }

    private static LedgerItem.EventRef reference(Object event, EventMeta m) {
        return new LedgerItem.EventRef(m.eventId(), EventTypes.nameOf(event.getClass()), m.sequence(), m.actor(),
                m.effectiveAt(), m.recordedAt(),
                event instanceof EffectiveDated dated ? dated.backdating() : null);
    }

    private static Map<String, Function<LedgerItem, Object>> watched() {
        Map<String, Function<LedgerItem, Object>> fields = new LinkedHashMap<>();
        fields.put("title", LedgerItem::title);
        fields.put("leadDepartment", LedgerItem::leadDepartment);
        fields.put("cooperatingDepartments", LedgerItem::cooperatingDepartments);
        fields.put("owner", LedgerItem::owner);
        fields.put("deadline", LedgerItem::deadline);
        fields.put("status", LedgerItem::status);
        fields.put("overdue", LedgerItem::overdue);
        fields.put("colour", LedgerItem::colour);
        fields.put("lastProgress", LedgerItem::lastProgress);
        fields.put("pendingExtension", LedgerItem::pendingExtension);
        fields.put("sources", LedgerItem::sources);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** A YYYY-MM-DD date, or null when absent or not a date. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> texts(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
