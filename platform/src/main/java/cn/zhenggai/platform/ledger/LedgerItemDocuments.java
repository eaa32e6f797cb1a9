package cn.zhenggai.platform.ledger;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.ledger.Colour;
import cn.zhenggai.contracts.ledger.ItemSource;
import cn.zhenggai.contracts.ledger.ItemStatus;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The MongoDB form of a {@link LedgerItem} (ADR 0091): one document per item, {@code _id} = measure id, every field
 * of the item under its own name except the lead department, stored as {@code department} (what the ledger's
 * queries and indexes name), and {@code changedBy}, which names each event once (see {@link #CHANGED_BY_EVENTS}).
 * Instants and dates are BSON dates, so ranges and sorts work in the store: an instant at millisecond precision
 * (BSON's), a date as midnight UTC of that day. Enums are stored by name. Rectification's ledger and audit's live
 * and shadow ledgers store items in this one form (ADR 0108).
 *
 * <p>{@code fromDocument(toDocument(item))} equals {@code item} for an item whose instants are whole milliseconds
 * ({@link #millis}); fields a document holds besides the item's (the ledger's recurring-problem flags) are ignored.
 */
public final class LedgerItemDocuments {

    /** The document field of {@link LedgerItem#leadDepartment()}. */
    public static final String LEAD_DEPARTMENT = "department";
    /** The events {@code changedBy} names other than {@code plannedBy} and {@code lastEvent}, each once. */
    public static final String CHANGED_BY_EVENTS = "changedByEvents";

    private LedgerItemDocuments() {
    }

    /** The document of {@code item}. */
    public static Document toDocument(LedgerItem item) {
        Document d = new Document("_id", item.measureId());
        d.append("lastSequence", item.lastSequence());
        d.append("events", item.events());
        d.append("source", name(item.source()));
        d.append("sources", list(item.sources(), s -> new Document("source", name(s.source()))
                .append("reference", s.reference()).append("finding", s.finding())));
        d.append("reportId", item.reportId());
        d.append("reportMeasureId", item.reportMeasureId());
        d.append("reportDepartment", item.reportDepartment());
        d.append("author", item.author());
        d.append("year", item.year());
        d.append("ordinal", item.ordinal());
        d.append("title", item.title());
        d.append("content", item.content());
        d.append("problem", item.problem());
        d.append("problems", list(item.problems(), p -> new Document("problemId", p.problemId())
                .append("theme", p.theme()).append("ordinal", p.ordinal()).append("statement", p.statement())));
        d.append("themes", item.themes());
        d.append(LEAD_DEPARTMENT, item.leadDepartment());
        d.append("cooperatingDepartments", item.cooperatingDepartments());
        d.append("owner", item.owner());
        d.append("deadline", date(item.deadline()));
        d.append("proposedDeadline", item.proposedDeadline());
        d.append("deadlineText", item.deadlineText());
        d.append("longTerm", item.longTerm());
        d.append("reviewPeriodMonths", item.reviewPeriodMonths());
        d.append("status", name(item.status()));
        d.append("overdue", item.overdue());
        d.append("overdueDeadline", date(item.overdueDeadline()));
        d.append("overdueAt", date(item.overdueAt()));
        d.append("colour", name(item.colour()));
        d.append("colourChangedAt", date(item.colourChangedAt()));
        d.append("assignedBy", item.assignedBy());
        d.append("assignedAt", date(item.assignedAt()));
        d.append("backfilled", item.backfilled());
        d.append("progress", list(item.progress(), p -> new Document("text", p.text()).append("at", date(p.at()))
                .append("by", p.by()).append("department", p.department())
                .append("evidence", list(p.evidence(), f -> new Document("fileId", f.fileId())
                        .append("fileName", f.fileName()).append("contentType", f.contentType())
                        .append("size", f.size()).append("sha256", f.sha256())))
                .append("sequence", p.sequence()).append("backdated", p.backdated())));
        d.append("progressCount", item.progressCount());
        d.append("evidenceCount", item.evidenceCount());
        d.append("lastProgress", item.lastProgress());
        d.append("lastProgressBy", item.lastProgressBy());
        d.append("lastProgressAt", date(item.lastProgressAt()));
        d.append("completedBy", item.completedBy());
        d.append("completedAt", date(item.completedAt()));
        d.append("completionSummary", item.completionSummary());
        d.append("completedLate", item.completedLate());
        d.append("verifiedBy", item.verifiedBy());
        d.append("verifiedAt", date(item.verifiedAt()));
        d.append("verificationOpinion", item.verificationOpinion());
        d.append("lastRejection", item.lastRejection());
        d.append("lastRejectedBy", item.lastRejectedBy());
        d.append("rejections", item.rejections());
        d.append("reopenedReason", item.reopenedReason());
        LedgerItem.PendingExtension pending = item.pendingExtension();
        d.append("pendingExtension", pending == null ? null : new Document("deadline", date(pending.deadline()))
                .append("reason", pending.reason()).append("requestedBy", pending.requestedBy()));
        d.append("extensions", item.extensions());
        d.append("notices", item.notices());
        LedgerItem.Notice notice = item.lastNotice();
        d.append("lastNotice", notice == null ? null : new Document("noticeId", notice.noticeId())
                .append("level", notice.level()).append("reason", notice.reason())
                .append("daysOverdue", notice.daysOverdue()).append("at", date(notice.at())));
        d.append("plannedAt", date(item.plannedAt()));
        d.append("updatedAt", date(item.updatedAt()));
        d.append("recordedAt", date(item.recordedAt()));
        d.append("migratedFrom", migration(item.migratedFrom()));
        d.append("backdatedEvents", item.backdatedEvents());
        d.append("plannedBy", reference(item.plannedBy()));
        d.append("lastEvent", reference(item.lastEvent()));
        changedBy(d, item);
        return d;
    }

    /**
     * {@code changedBy} names, for each watched field, the event that last changed it. Most of these events are
     * the same few ({@code plannedBy}, {@code lastEvent}, a completion…), so each is written once: {@code changedBy}
     * maps a field to the event's sequence, and an event that is neither {@code plannedBy} nor {@code lastEvent} is
     * in {@link #CHANGED_BY_EVENTS}. Two different events with one sequence (which no fold makes) are written whole,
     * as documents of {@code changedBy} were before (ADR 0108); {@link #fromDocument} reads both forms.
     */
    private static void changedBy(Document d, LedgerItem item) {
        Map<Long, LedgerItem.EventRef> bySequence = new LinkedHashMap<>();
        boolean unique = known(bySequence, item.plannedBy()) && known(bySequence, item.lastEvent());
        List<Document> others = new ArrayList<>();
        Document sequences = new Document();
        Document whole = new Document();
        for (Map.Entry<String, LedgerItem.EventRef> e : item.changedBy().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            LedgerItem.EventRef ref = e.getValue();
            whole.append(e.getKey(), reference(ref));
            if (ref == null) {
                unique = false;
                continue;
            }
            LedgerItem.EventRef same = bySequence.get(ref.sequence());
            if (same == null) {
                bySequence.put(ref.sequence(), ref);
                others.add(reference(ref));
            } else if (!same.equals(ref)) {
                unique = false;
            }
            sequences.append(e.getKey(), ref.sequence());
        }
        if (unique) {
            d.append("changedBy", sequences);
            d.append(CHANGED_BY_EVENTS, others);
        } else {
            d.append("changedBy", whole);
        }
    }

    private static boolean known(Map<Long, LedgerItem.EventRef> bySequence, LedgerItem.EventRef ref) {
        if (ref == null) {
            return true;
        }
        LedgerItem.EventRef same = bySequence.putIfAbsent(ref.sequence(), ref);
        return same == null || same.equals(ref);
    }

    private static Map<String, LedgerItem.EventRef> changedBy(Document d) {
        Map<String, LedgerItem.EventRef> changedBy = new LinkedHashMap<>();
        Document changes = d.get("changedBy", Document.class);
        if (changes == null) {
            return changedBy;
        }
        Map<Long, Document> bySequence = new LinkedHashMap<>();
        List<Object> events = new ArrayList<>();
        events.add(d.get("plannedBy"));
        events.add(d.get("lastEvent"));
        if (d.get(CHANGED_BY_EVENTS) instanceof List<?> list) {
            events.addAll(list);
        }
        for (Object event : events) {
            if (event instanceof Document ref && ref.get("sequence") instanceof Number n) {
                bySequence.putIfAbsent(n.longValue(), ref);
            }
        }
        changes.forEach((field, ref) -> {
            Document whole = ref instanceof Number n ? bySequence.get(n.longValue()) : (Document) ref;
            changedBy.put(field, whole == null ? null : reference(whole));
        });
        return changedBy;
    }

    /** The item a document of {@link #toDocument} holds. */
    public static LedgerItem fromDocument(Document d) {
        LedgerItem.PendingExtension pending = sub(d, "pendingExtension", p -> new LedgerItem.PendingExtension(
                localDate(p, "deadline"), p.getString("reason"), p.getString("requestedBy")));
        LedgerItem.Notice notice = sub(d, "lastNotice", n -> new LedgerItem.Notice(n.getString("noticeId"),
                n.getString("level"), n.getString("reason"), integer(n, "daysOverdue"), instant(n, "at")));
        Map<String, LedgerItem.EventRef> changedBy = changedBy(d);
        return new LedgerItem(d.getString("_id"),
                longValue(d, "lastSequence"),
                integer(d, "events"),
                ItemSource.of(d.getString("source")),
                documents(d, "sources", s -> new LedgerItem.SourceLink(ItemSource.of(s.getString("source")),
                        s.getString("reference"), s.getString("finding"))),
                d.getString("reportId"),
                d.getString("reportMeasureId"),
                d.getString("reportDepartment"),
                d.getString("author"),
                d.getInteger("year"),
                integer(d, "ordinal"),
                d.getString("title"),
                d.getString("content"),
                d.getString("problem"),
                documents(d, "problems", p -> new MeasurePlanned.Problem(p.getString("problemId"),
                        p.getString("theme"), integer(p, "ordinal"), p.getString("statement"))),
                strings(d, "themes"),
                d.getString(LEAD_DEPARTMENT),
                strings(d, "cooperatingDepartments"),
                d.getString("owner"),
                localDate(d, "deadline"),
                d.getString("proposedDeadline"),
                d.getString("deadlineText"),
                bool(d, "longTerm"),
                d.getInteger("reviewPeriodMonths"),
                d.getString("status") == null ? null : ItemStatus.valueOf(d.getString("status")),
                bool(d, "overdue"),
                localDate(d, "overdueDeadline"),
                instant(d, "overdueAt"),
                d.getString("colour") == null ? null : Colour.valueOf(d.getString("colour")),
                instant(d, "colourChangedAt"),
                d.getString("assignedBy"),
                instant(d, "assignedAt"),
                bool(d, "backfilled"),
                documents(d, "progress", p -> new LedgerItem.Progress(p.getString("text"), instant(p, "at"),
                        p.getString("by"), p.getString("department"),
                        documents(p, "evidence", f -> new ProgressReported.Evidence(f.getString("fileId"),
                                f.getString("fileName"), f.getString("contentType"), longValue(f, "size"),
                                f.getString("sha256"))),
                        longValue(p, "sequence"), bool(p, "backdated"))),
                integer(d, "progressCount"),
                integer(d, "evidenceCount"),
                d.getString("lastProgress"),
                d.getString("lastProgressBy"),
                instant(d, "lastProgressAt"),
                d.getString("completedBy"),
                instant(d, "completedAt"),
                d.getString("completionSummary"),
                bool(d, "completedLate"),
                d.getString("verifiedBy"),
                instant(d, "verifiedAt"),
                d.getString("verificationOpinion"),
                d.get("lastRejection") == null ? null : strings(d, "lastRejection"),
                d.getString("lastRejectedBy"),
                integer(d, "rejections"),
                d.getString("reopenedReason"),
                pending,
                integer(d, "extensions"),
                integer(d, "notices"),
                notice,
                instant(d, "plannedAt"),
                instant(d, "updatedAt"),
                instant(d, "recordedAt"),
                sub(d, "migratedFrom", LedgerItemDocuments::migration),
                integer(d, "backdatedEvents"),
                sub(d, "plannedBy", LedgerItemDocuments::reference),
                sub(d, "lastEvent", LedgerItemDocuments::reference),
                changedBy);
    }

    /** {@code at} at the store's precision (milliseconds), or null. */
    public static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The BSON date of midnight UTC on {@code day}, as {@code deadline} and {@code overdueDeadline} are stored. */
    public static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Document reference(LedgerItem.EventRef ref) {
        if (ref == null) {
            return null;
        }
        Backdating b = ref.backdating();
        return new Document("eventId", ref.eventId()).append("type", ref.type()).append("sequence", ref.sequence())
                .append("actor", ref.actor()).append("time", date(ref.time()))
                .append("recordedAt", date(ref.recordedAt()))
                .append("backdating", b == null ? null : new Document("effectiveAt", date(b.effectiveAt()))
                        .append("by", b.by()).append("reason", b.reason())
                        .append("migratedFrom", migration(b.migratedFrom())));
    }

    private static LedgerItem.EventRef reference(Document d) {
        return new LedgerItem.EventRef(d.getString("eventId"), d.getString("type"), longValue(d, "sequence"),
                d.getString("actor"), instant(d, "time"), instant(d, "recordedAt"),
                sub(d, "backdating", b -> new Backdating(instant(b, "effectiveAt"), b.getString("by"),
                        b.getString("reason"), sub(b, "migratedFrom", LedgerItemDocuments::migration))));
    }

    private static Document migration(Backdating.Migration m) {
        return m == null ? null : new Document("fileName", m.fileName()).append("sha256", m.sha256())
                .append("row", m.row());
    }

    private static Backdating.Migration migration(Document d) {
        return new Backdating.Migration(d.getString("fileName"), d.getString("sha256"), integer(d, "row"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> List<Document> list(List<T> values, Function<T, Document> encode) {
        List<Document> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(encode.apply(v)));
        return out;
    }

    private static <T> T sub(Document d, String field, Function<Document, T> decode) {
        Object value = d.get(field);
        return value instanceof Document sub ? decode.apply(sub) : null;
    }

    private static <T> List<T> documents(Document d, String field, Function<Document, T> decode) {
        List<T> out = new ArrayList<>();
        if (d.get(field) instanceof List<?> list) {
            for (Object o : list) {
                out.add(decode.apply((Document) o));
            }
        }
        return out;
    }

    private static List<String> strings(Document d, String field) {
        List<String> out = new ArrayList<>();
        if (d.get(field) instanceof List<?> list) {
            list.forEach(o -> out.add(o == null ? null : String.valueOf(o)));
        }
        return out;
    }

    private static Instant instant(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static LocalDate localDate(Document d, String field) {
        Object value = d.get(field);
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        return value instanceof String text && !text.isBlank() ? LocalDate.parse(text.strip()) : null;
    }

    private static boolean bool(Document d, String field) {
        return Boolean.TRUE.equals(d.get(field));
    }

    private static int integer(Document d, String field) {
        return d.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static long longValue(Document d, String field) {
        return d.get(field) instanceof Number n ? n.longValue() : 0L;
    }
}
