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
 * ({@code /api/audit/aggregates/{id}/state}); its ledger read models store items as rectification's ledger does
 * ({@code platform.ledger.LedgerItemDocuments}, ADR 0108). The state: every field of the record under its own name (times ISO-8601, dates YYYY-MM-DD,
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

    /** Every field of {@code item} under its record name, as {@link #state} writes them (without the old names). */
    public static Map<String, Object> fields(LedgerItem item) {
        return EnvelopeCodec.mapper().convertValue(item, MAP);
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
