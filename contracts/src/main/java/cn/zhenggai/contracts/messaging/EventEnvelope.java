package cn.zhenggai.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * The wire form of every event on Kafka: the record key is {@link #aggregateId()}, the record value is
 * this envelope as JSON. Consumers are idempotent by {@link #eventId()}.
 *
 * @param eventId       globally unique id of the event (Axon's message identifier)
 * @param type          event type name, e.g. {@code ProblemIdentified} (see {@link EventTypes})
 * @param revision      payload schema revision, as in the event class' {@code @Revision}
 * @param aggregateType type of the aggregate that published it, e.g. {@code Report}
 * @param aggregateId   aggregate identifier, also the Kafka record key
 * @param sequence      sequence number of the event within its aggregate, from 0
 * @param timestamp     when the event was stored
 * @param actor         user name of whoever caused it, or {@code system}
 * @param department    department code the event belongs to (scope), may be null for platform events
 * @param payload       the event itself as JSON
 * @param effectiveAt   when the event took effect: {@code timestamp} unless it states a past fact
 *                      ({@link cn.zhenggai.contracts.history.Backdating}, ADR 0090); an envelope without it reads as
 *                      {@code timestamp}
 */
public record EventEnvelope(String eventId,
                            String type,
                            String revision,
                            String aggregateType,
                            String aggregateId,
                            long sequence,
                            Instant timestamp,
                            String actor,
                            String department,
                            JsonNode payload,
                            Instant effectiveAt) {

    public EventEnvelope {
        effectiveAt = effectiveAt == null ? timestamp : effectiveAt;
        requireText(eventId, "eventId");
        requireText(type, "type");
        requireText(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp is required");
        Objects.requireNonNull(payload, "payload is required");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    /** An envelope of an event that took effect when it was recorded. */
    public EventEnvelope(String eventId, String type, String revision, String aggregateType, String aggregateId,
                         long sequence, Instant timestamp, String actor, String department, JsonNode payload) {
        this(eventId, type, revision, aggregateType, aggregateId, sequence, timestamp, actor, department, payload,
                null);
    }

    /** When the event was recorded (stored by its service): {@link #timestamp()}. */
    public Instant recordedAt() {
        return timestamp;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
