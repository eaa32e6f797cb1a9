package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log's records of item events read as the contract records they were published as, with the
 * {@link EventMeta} the fold needs: event id, sequence, recorded time (the envelope's timestamp, as the log stores it),
 * effective time (the event's {@code backdating}, else the recorded time; ADR 0090) and actor. The payload is decoded
 * with the envelopes' own mapper ({@link EnvelopeCodec#mapper()}), so a field a newer revision adds is read when
 * present and absent fields read as their defaults, exactly as the services read them.
 */
public final class AuditEvents {

    private static final Logger logger = LoggerFactory.getLogger(AuditEvents.class);

    private AuditEvents() {
    }

    /**
     * One item event of the log: its aggregate, its global position (0 when the record has none) and the step to
     * fold.
     */
    public record ItemEvent(String aggregateId, long position, LedgerItems.Step step) {

        public long sequence() {
            return step.meta().sequence();
        }

        public Instant recordedAt() {
            return step.meta().recordedAt();
        }

        public Instant effectiveAt() {
            return step.meta().effectiveAt();
        }
    }

    /**
     * The item event of a stored record ({@code _id}, {@code type}, {@code aggregateId}, {@code sequence},
     * {@code timestamp}, {@code actor}, {@code payload}), or empty when the record is not an item event (a report's,
     * a user's) or its payload cannot be read as its type (logged: the log keeps it, the fold cannot use it).
     */
    public static Optional<ItemEvent> itemEvent(Map<String, ?> record) {
        Object typeName = record.get("type");
        Class<?> type = typeName instanceof String name ? EventTypes.classOf(name).orElse(null) : null;
        if (type == null || !LedgerItems.isItemEvent(type)) {
            return Optional.empty();
        }
        Object id = record.get("_id") != null ? record.get("_id") : record.get("eventId");
        Object event = decode(type, record.get("payload")).orElse(null);
        if (event == null) {
            logger.warn("Audit record {} is not a readable {}", id, typeName);
            return Optional.empty();
        }
        Instant recordedAt = instant(record.get("timestamp"));
        Instant effectiveAt = EffectiveDated.effectiveAt(event, recordedAt);
        EventMeta meta = new EventMeta(String.valueOf(id), ((Number) record.get("sequence")).longValue(), recordedAt,
                effectiveAt, (String) record.get("actor"));
        long position = record.get("position") instanceof Number n ? n.longValue() : 0L;
        return Optional.of(new ItemEvent((String) record.get("aggregateId"), position,
                new LedgerItems.Step(event, meta)));
    }

    /**
     * A stored payload read as the contract record {@code type} (absent payload: every field at its default), or
     * empty when it does not read as one.
     */
    static Optional<Object> decode(Class<?> type, Object payload) {
        try {
            return Optional.of(EnvelopeCodec.mapper().convertValue(payload == null ? Map.of() : payload, type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Instant instant(Object time) {
        if (time instanceof Date d) {
            return d.toInstant();
        }
        if (time instanceof Instant i) {
            return i;
        }
        return Instant.parse(String.valueOf(time));
    }
}
