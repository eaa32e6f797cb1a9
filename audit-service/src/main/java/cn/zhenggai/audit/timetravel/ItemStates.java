package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-like form of a {@link LedgerItem} that the audit service shows as an item's state
 * ({@code /api/audit/aggregates/{id}/state}), and the smaller form it stores in its ledger read models
 * ({@link #document}). The state: every field of the record under its own name (times ISO-8601, dates YYYY-MM-DD,
 * enums by name), plus the names the state had before the one fold (ADR 0091), so that readers of the old shape keep
 * working: {@code exists}, {@code supervisionNotices}, {@code lastSupervisionNotice}, {@code lastSupervisionAt},
 * {@code lastEvidence}, {@code recurring}. Pure.
 */
public final class ItemStates {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ItemStates() {
    }

    /** The state of an item, or of an item of which nothing is known yet ({@code exists} false) when null. */
    public static Map<String, Object> state(String measureId, LedgerItem item) {
        if (item == null) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("measureId", measureId);
            none.put("exists", false);
            none.put("lastSequence", -1L);
            none.put("events", 0);
            none.put("changedBy", new LinkedHashMap<String, Object>());
            return none;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("measureId", item.measureId());
        state.put("exists", true);
        state.putAll(EnvelopeCodec.mapper().convertValue(item, MAP));
        state.put("supervisionNotices", item.notices());
        state.put("lastSupervisionNotice", state.get("lastNotice"));
        state.put("lastSupervisionAt", text(item.lastNotice() == null ? null : item.lastNotice().at()));
        List<LedgerItem.Progress> progress = item.progress();
        state.put("lastEvidence", progress.isEmpty() ? null
                : EnvelopeCodec.mapper().convertValue(progress.get(progress.size() - 1).evidence(), List.class));
        state.put("recurring", false);
        state.put("plannedBy", reference(item.plannedBy()));
        state.put("lastEvent", reference(item.lastEvent()));
        Map<String, Object> changedBy = new LinkedHashMap<>();
        LedgerItems.WATCHED.keySet().forEach(field -> {
            if (item.changedBy().containsKey(field)) {
                changedBy.put(field, reference(item.changedBy().get(field)));
            }
        });
        state.put("changedBy", changedBy);
        return state;
    }

    /** The names of {@link #state} that only repeat another field for readers of the old shape. */
    private static final List<String> ALIASES = List.of("supervisionNotices", "lastSupervisionNotice",
            "lastSupervisionAt", "lastEvidence", "recurring");
    /** In a stored document: the references of {@code changedBy} that are neither {@code plannedBy} nor
     * {@code lastEvent}, each once. */
    private static final String CHANGED_BY_EVENTS = "changedByEvents";

    /**
     * The stored form of an item (the documents of the ledger projection's live and shadow collections): the
     * {@link #state} without the names that only repeat another field ({@link #ALIASES}), and with each event that
     * changed watched fields written once: {@code changedBy} maps a field to the sequence of the event that last
     * changed it, and that event's reference is {@code plannedBy}, {@code lastEvent} or one of
     * {@code changedByEvents}. {@link #item} reads it back into the same item. (If two references of the item had
     * the same sequence, which no fold makes, {@code changedBy} keeps the references as in the state.)
     */
    public static Map<String, Object> document(String measureId, LedgerItem item) {
        Map<String, Object> state = state(measureId, item);
        if (item == null) {
            return state;
        }
        ALIASES.forEach(state::remove);
        Map<Long, LedgerItem.EventRef> bySequence = new LinkedHashMap<>();
        List<Map<String, Object>> others = new ArrayList<>();
        boolean unique = known(bySequence, item.plannedBy()) && known(bySequence, item.lastEvent());
        Map<String, Object> changedBy = new LinkedHashMap<>();
        for (String field : LedgerItems.WATCHED.keySet()) {
            LedgerItem.EventRef ref = item.changedBy().get(field);
            if (ref == null) {
                continue;
            }
            LedgerItem.EventRef same = bySequence.get(ref.sequence());
            if (same == null) {
                bySequence.put(ref.sequence(), ref);
                others.add(reference(ref));
            } else if (!same.equals(ref)) {
                unique = false;
            }
            changedBy.put(field, ref.sequence());
        }
        if (unique) {
            state.put("changedBy", changedBy);
            state.put(CHANGED_BY_EVENTS, others);
        }
        return state;
    }

    private static boolean known(Map<Long, LedgerItem.EventRef> bySequence, LedgerItem.EventRef ref) {
        if (ref == null) {
            return true;
        }
        LedgerItem.EventRef same = bySequence.putIfAbsent(ref.sequence(), ref);
        return same == null || same.equals(ref);
    }

    /**
     * The item a state or stored document holds (the inverse of {@link #state} and {@link #document}), for a fold
     * that continues from a stored document; null when the document holds an item of which nothing is known yet.
     */
    public static LedgerItem item(Map<String, ?> state) {
        if (state == null || !Boolean.TRUE.equals(state.get("exists"))) {
            return null;
        }
        if (state.get(CHANGED_BY_EVENTS) instanceof List<?> events && state.get("changedBy") instanceof Map<?, ?> by) {
            Map<Long, Object> bySequence = new LinkedHashMap<>();
            for (Object ref : java.util.stream.Stream.concat(java.util.stream.Stream.of(state.get("plannedBy"),
                    state.get("lastEvent")), events.stream()).toList()) {
                if (ref instanceof Map<?, ?> map && map.get("sequence") instanceof Number n) {
                    bySequence.putIfAbsent(n.longValue(), ref);
                }
            }
            Map<String, Object> changedBy = new LinkedHashMap<>();
            by.forEach((field, sequence) -> changedBy.put(String.valueOf(field),
                    sequence instanceof Number n ? bySequence.get(n.longValue()) : sequence));
            Map<String, Object> full = new LinkedHashMap<>(state);
            full.remove(CHANGED_BY_EVENTS);
            full.put("changedBy", changedBy);
            return EnvelopeCodec.mapper().convertValue(full, LedgerItem.class);
        }
        return EnvelopeCodec.mapper().convertValue(state, LedgerItem.class);
    }

    /** Who changed what, when ({@link LedgerItem.EventRef}) as the rows and differences name it. */
    public static Map<String, Object> reference(LedgerItem.EventRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("eventId", ref.eventId());
        map.put("type", ref.type());
        map.put("sequence", ref.sequence());
        map.put("actor", ref.actor());
        map.put("time", text(ref.time()));
        map.put("recordedAt", text(ref.recordedAt()));
        map.put("backdated", ref.backdating() != null);
        if (ref.backdating() != null) {
            Map<String, Object> backdating = new LinkedHashMap<>();
            backdating.put("effectiveAt", text(ref.backdating().effectiveAt()));
            backdating.put("by", ref.backdating().by());
            backdating.put("reason", ref.backdating().reason());
            backdating.put("migratedFrom", ref.backdating().migratedFrom() == null ? null
                    : EnvelopeCodec.mapper().convertValue(ref.backdating().migratedFrom(), MAP));
            map.put("backdating", backdating);
        }
        return map;
    }

    /** A value as the JSON of the state writes it: enums by name, times and dates ISO-8601, others as they are. */
    public static Object json(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LedgerItem.PendingExtension p) {
            return pending(p);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(v instanceof LedgerItem.SourceLink s ? source(s) : json(v)));
            return out;
        }
        return value;
    }

    static Map<String, Object> pending(LedgerItem.PendingExtension p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("deadline", text(p.deadline()));
        map.put("reason", p.reason());
        map.put("requestedBy", p.requestedBy());
        return map;
    }

    static Map<String, Object> source(LedgerItem.SourceLink s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", s.source() == null ? null : s.source().name());
        map.put("reference", s.reference());
        map.put("finding", s.finding());
        return map;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
