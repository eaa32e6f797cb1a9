package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire form of rectification-service's measure events, one fixture each in {@code /wire/<Type>.json}.
 * (Run with {@code -Dwire.write=true} once to write the fixture of a new event.)
 */
class RectificationWireFormsTest {

    private static final String MEASURE = "mea-5b0c2d8e-7f41-3a69-9e2b-1c4d5e6f7a80";

    static Stream<Object> events() {
        return Stream.of(
                new MeasurePlanned(MEASURE, "XZSPJ", MeasurePlanned.SOURCE_REPORT, "rpt-2022-xzspj-001", "msr-0001",
                        "XZSPJ", "demo-dept", 2022, 1, "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。",
                        List.of(new MeasurePlanned.Action("每月开展一次理论学习。", "2023-06-30", "2023年6月底前")),
                        "2023-06-30", "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc-0001"),
                        List.of(new MeasurePlanned.Problem("prb-0001", "带头深刻领悟“两个确立”的决定性意义", 1,
                                "理论学习的系统性还不够。"))),
                new MeasureAssigned(MEASURE, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2023-06-30", false, null,
                        "demo-dept"),
                new ProgressReported(MEASURE, "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ"),
                new MeasureCompleted(MEASURE, "XZSPJ", "全年开展理论学习12次。", "demo-dept", "2023-06-30", false),
                new MeasureVerified(MEASURE, "XZSPJ", "demo-party", "整改到位，同意销号。"),
                new MeasureRejected(MEASURE, "XZSPJ", "demo-party", List.of("缺少学习记录佐证材料。")),
                new MeasureReopened(MEASURE, "XZSPJ", "demo-party", "缺少学习记录佐证材料。"),
                new DeadlineExtensionRequested(MEASURE, "XZSPJ", "2023-06-30", "2023-09-30", "需配合组织部统一安排。",
                        "demo-dept"),
                new DeadlineExtended(MEASURE, "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept", "demo-party"),
                new DeadlineExtensionRefused(MEASURE, "XZSPJ", "2023-09-30", "demo-party", "理由不充分。"),
                new MeasureOverdue(MEASURE, "XZSPJ", "2023-06-30", "张*"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyMeasureEventHasItsPinnedWireForm(Object payload) throws IOException {
        String type = EventTypes.nameOf(payload.getClass());
        assertThat(EventTypes.classOf(type)).as("registered " + type).contains(payload.getClass());
        assertThat(payload.getClass().getAnnotation(Revision.class)).as("@Revision on " + type).isNotNull();
        EventEnvelope envelope = new EventEnvelope("3f6a9c2e-8d14-4b7a-a5e0-6c1d2b3e4f50", type,
                EventTypes.revisionOf(payload.getClass()), "Measure", MEASURE, 3,
                Instant.parse("2023-05-10T02:00:00Z"), "demo-dept", "XZSPJ", EnvelopeCodec.toTree(payload));
        if (Boolean.getBoolean("wire.write")) {
            Files.writeString(Path.of("src/test/resources/wire/" + type + ".json"),
                    EnvelopeCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n");
        }
        String fixture = fixture(type);
        JsonNode written = EnvelopeCodec.mapper().readTree(EnvelopeCodec.toJson(envelope));
        assertThat(written).isEqualTo(EnvelopeCodec.mapper().readTree(fixture));
        assertThat(EnvelopeCodec.fromJson(fixture)).isEqualTo(envelope);
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture))).isEqualTo(payload);
    }

    private String fixture(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/wire/" + type + ".json")) {
            assertThat(in).as("wire fixture for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
