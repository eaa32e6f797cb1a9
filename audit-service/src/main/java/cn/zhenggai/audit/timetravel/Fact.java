package cn.zhenggai.audit.timetravel;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as the audit log holds it, generically: type name, its aggregate's sequence, time, actor and the payload
 * as a JSON-like map (maps, lists, strings, numbers, booleans). The folds read payload fields by name, so that a
 * field a newer revision adds is used when present and ignored when absent.
 *
 * @param eventId   the event id
 * @param position  its position on the global chain (0 when not known)
 * @param type      event type name, e.g. {@code MeasurePlanned}
 * @param aggregateId the aggregate it belongs to
 * @param sequence  its sequence within the aggregate
 * @param timestamp when the source service stored it
 * @param actor     who caused it
 * @param department department code of the envelope
 * @param payload   the payload, never null
 */
public record Fact(String eventId, long position, String type, String aggregateId, long sequence, Instant timestamp,
                   String actor, String department, Map<String, Object> payload) {

    /** Aggregate order: by sequence, then by position (the first one logged wins among equal sequences). */
    public static final Comparator<Fact> IN_SEQUENCE =
            Comparator.comparingLong(Fact::sequence).thenComparingLong(Fact::position);

    public Fact {
        payload = payload == null ? Map.of() : payload;
    }

    /** A fact from a stored audit record (a map with {@code _id} or {@code eventId}, {@code timestamp} as a Date). */
    @SuppressWarnings("unchecked")
    public static Fact of(Map<String, ?> record) {
        Object id = record.get("_id") != null ? record.get("_id") : record.get("eventId");
        Object time = record.get("timestamp");
        Instant at = time instanceof Date d ? d.toInstant() : time instanceof Instant i ? i : Instant.parse(String.valueOf(time));
        Object payload = record.get("payload");
        return new Fact(String.valueOf(id), record.get("position") instanceof Number n ? n.longValue() : 0L,
                (String) record.get("type"), (String) record.get("aggregateId"),
                ((Number) record.get("sequence")).longValue(), at, (String) record.get("actor"),
                (String) record.get("department"), payload instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /** The facts in aggregate order, one per sequence number (a redelivered or re-logged duplicate is dropped). */
    public static List<Fact> ordered(List<Fact> facts) {
        List<Fact> sorted = facts.stream().sorted(IN_SEQUENCE).toList();
        List<Fact> unique = new java.util.ArrayList<>(sorted.size());
        long last = Long.MIN_VALUE;
        for (Fact f : sorted) {
            if (f.sequence() != last) {
                unique.add(f);
                last = f.sequence();
            }
        }
        return unique;
    }

    /** Who changed what, when: the reference to this event that states and differences carry. */
    public Map<String, Object> reference() {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("eventId", eventId);
        ref.put("type", type);
        ref.put("sequence", sequence);
        ref.put("actor", actor);
        ref.put("time", timestamp.toString());
        return ref;
    }

    String text(String field) {
        Object value = payload.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
