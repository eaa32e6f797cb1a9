package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the wire form of every published event: consumers in other services (and outside tools) read exactly
 * these JSON envelopes. A change here is a breaking change: add a revision and an upcaster instead.
 */
class WireFormTest {

    @Test
    void reportDraftedHasItsPinnedWireForm() throws IOException {
        EventEnvelope envelope = new EventEnvelope("0b7f3c1e-5a2d-4c8e-9f10-2a6b7c8d9e01", "ReportDrafted", "1",
                "Report", "rpt-2022-xzspj-001", 0, Instant.parse("2022-12-20T08:00:00Z"), "demo-dept", "XZSPJ",
                EnvelopeCodec.toTree(new ReportDrafted("rpt-2022-xzspj-001", "2022年度民主生活会个人发言提纲", 2022,
                        "demo-dept", "XZSPJ")));
        assertPinned(envelope, "ReportDrafted");
    }

    @Test
    void problemIdentifiedHasItsPinnedWireForm() throws IOException {
        ProblemIdentified payload = new ProblemIdentified("rpt-2022-xzspj-001", "prb-0001", "XZSPJ",
                "带头深刻领悟“两个确立”的决定性意义", 1, "理论学习的系统性不够。", "学习新思想停留在读原文、记笔记。");
        EventEnvelope envelope = new EventEnvelope("5c2e8d4a-1b3f-4e6a-8c7d-9e0f1a2b3c4d", "ProblemIdentified",
                "2", "Report", "rpt-2022-xzspj-001", 1, Instant.parse("2022-12-20T08:05:00Z"), "demo-dept",
                "XZSPJ", EnvelopeCodec.toTree(payload));
        assertPinned(envelope, "ProblemIdentified");
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture("ProblemIdentified")))).isEqualTo(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ReportDrafted", "ProblemIdentified"})
    void everyPublishedTypeIsRegisteredWithTheRevisionOfItsFixture(String type) throws IOException {
        Class<?> eventClass = EventTypes.classOf(type).orElseThrow();
        assertThat(eventClass.isRecord()).isTrue();
        assertThat(eventClass.getAnnotation(Revision.class)).as("@Revision on " + type).isNotNull();
        JsonNode fixture = EnvelopeCodec.mapper().readTree(fixture(type));
        assertThat(EventTypes.revisionOf(eventClass)).isEqualTo(fixture.get("revision").asText());
    }

    @Test
    void everyRegisteredTypeHasAFixture() {
        for (Class<?> type : EventTypes.all()) {
            assertThat(getClass().getResource("/wire/" + EventTypes.nameOf(type) + ".json"))
                    .as("wire fixture for " + type.getSimpleName()).isNotNull();
        }
    }

    @Test
    void anEnvelopeWrittenBeforeEffectiveTimesReadsAsEffectiveWhenRecordedAndItsRevisionOnePayloadAsNotBackdated()
            throws IOException {
        String before;
        try (InputStream in = getClass().getResourceAsStream("/wire-v1/MeasureVerified.json")) {
            before = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        EventEnvelope envelope = EnvelopeCodec.fromJson(before);
        assertThat(envelope.revision()).isEqualTo("1");
        assertThat(envelope.effectiveAt()).isEqualTo(envelope.recordedAt())
                .isEqualTo(Instant.parse("2023-05-10T02:00:00Z"));
        MeasureVerified payload = EnvelopeCodec.payloadAs(envelope, MeasureVerified.class);
        assertThat(payload.backdating()).isNull();
        assertThat(payload.verifiedBy()).isEqualTo("demo-party");
    }

    @Test
    void whatIsNotAnEnvelopeIsRefusedAsMalformed() {
        assertThatThrownBy(() -> EnvelopeCodec.fromJson("")).isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> EnvelopeCodec.fromJson("{not json")).isInstanceOf(MalformedEnvelopeException.class);
        assertThatThrownBy(() -> EnvelopeCodec.fromJson("{\"type\":\"ProblemIdentified\"}"))
                .isInstanceOf(MalformedEnvelopeException.class).hasMessageContaining("eventId");
        EventEnvelope unknown = new EventEnvelope("e", "MeetingCancelled", "1", "Meeting", "m1", 0, Instant.now(),
                "x", null, EnvelopeCodec.mapper().createObjectNode());
        assertThatThrownBy(() -> EnvelopeCodec.payloadOf(unknown))
                .isInstanceOf(MalformedEnvelopeException.class).hasMessageContaining("unknown event type");
        EventEnvelope badPayload = new EventEnvelope("e", "ProblemIdentified", "2", "Report", "r1", 0, Instant.now(),
                "x", null, EnvelopeCodec.mapper().createObjectNode().put("ordinal", "not a number"));
        assertThatThrownBy(() -> EnvelopeCodec.payloadOf(badPayload)).isInstanceOf(MalformedEnvelopeException.class);
    }

    private void assertPinned(EventEnvelope envelope, String type) throws IOException {
        JsonNode written = EnvelopeCodec.mapper().readTree(EnvelopeCodec.toJson(envelope));
        assertThat(written).isEqualTo(EnvelopeCodec.mapper().readTree(fixture(type)));
        assertThat(EnvelopeCodec.fromJson(fixture(type))).isEqualTo(envelope);
    }

    private String fixture(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/wire/" + type + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
