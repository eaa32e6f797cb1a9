package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.UserDisabled;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A listener's typed handlers given envelopes: decoded by type, skipped unread when not handled. */
class TypedHandlersTest {

    private final TypedHandlers<String, EventEnvelope> handlers = TypedHandlers.<String, EventEnvelope>builder()
            .on(DepartmentRegistered.class, (s, e, envelope) -> s + e.code() + "/" + e.name())
            .build();

    @Test
    void anEnvelopeOfAHandledTypeIsDecodedIntoItsRecord() {
        EventEnvelope envelope = envelope("DepartmentRegistered",
                EnvelopeCodec.toTree(new DepartmentRegistered("D01", "办公室", "admin")));

        assertThat(handlers.applyEnvelope("got ", envelope, envelope)).contains("got D01/办公室");
    }

    @Test
    void aPublishedTypeWithoutHandlerIsSkippedAndItsPayloadNotRead() {
        // a payload that could not be read as UserDisabled: skipped, not refused
        EventEnvelope envelope = envelope("UserDisabled", JsonNodeFactory.instance.textNode("not an object"));

        assertThat(handlers.handles(UserDisabled.class)).isFalse();
        assertThat(handlers.applyEnvelope("got ", envelope, envelope)).isEmpty();
    }

    @Test
    void anUnknownTypeIsSkipped() {
        EventEnvelope envelope = envelope("SomethingNew", JsonNodeFactory.instance.objectNode());

        assertThat(handlers.applyEnvelope("got ", envelope, envelope)).isEmpty();
    }

    @Test
    void aHandledTypeWhosePayloadDoesNotReadIsMalformed() {
        EventEnvelope envelope = envelope("DepartmentRegistered", JsonNodeFactory.instance.textNode("not an object"));

        assertThatThrownBy(() -> handlers.applyEnvelope("got ", envelope, envelope))
                .isInstanceOf(MalformedEnvelopeException.class);
    }

    @Test
    void twoHandlersForOneClassAreRefused() {
        TypedHandlers.Builder<String, Void> builder = TypedHandlers.<String, Void>builder()
                .on(UserDisabled.class, (s, e, m) -> s);

        assertThatThrownBy(() -> builder.on(UserDisabled.class, (s, e, m) -> s))
                .isInstanceOf(IllegalStateException.class);
    }

    private static EventEnvelope envelope(String type, com.fasterxml.jackson.databind.JsonNode payload) {
        return new EventEnvelope("e-1", type, "1", "Department", "D01", 0, Instant.parse("2026-12-03T08:00:00Z"),
                "admin", null, payload);
    }
}
