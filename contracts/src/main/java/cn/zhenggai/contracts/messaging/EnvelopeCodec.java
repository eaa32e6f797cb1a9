package cn.zhenggai.contracts.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes {@link EventEnvelope}s as JSON. Unknown envelope fields are ignored so that the envelope
 * may grow; a value that is not an envelope fails with {@link MalformedEnvelopeException}.
 */
public final class EnvelopeCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EnvelopeCodec() {
    }

    /** The mapper used for envelopes and payloads; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize envelope " + envelope.eventId(), e);
        }
    }

    public static EventEnvelope fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEnvelopeException("empty record value");
        }
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEnvelopeException("not an event envelope: " + firstLine(e.getMessage()), e);
        }
    }

    /** Converts the envelope's payload into the event record registered for its type. */
    public static Object payloadOf(EventEnvelope envelope) {
        Class<?> type = EventTypes.classOf(envelope.type())
                .orElseThrow(() -> new MalformedEnvelopeException("unknown event type " + envelope.type()));
        return payloadAs(envelope, type);
    }

    public static <T> T payloadAs(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEnvelopeException(
                    "payload of " + envelope.eventId() + " is not a valid " + type.getSimpleName() + ": "
                            + firstLine(e.getMessage()), e);
        }
    }

    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
