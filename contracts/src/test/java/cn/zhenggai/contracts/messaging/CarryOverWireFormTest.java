package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire form of CarryOverPrepared (rectification → report-service). */
class CarryOverWireFormTest {

    @Test
    void carryOverPreparedHasItsPinnedWireForm() throws IOException {
        CarryOverPrepared payload = new CarryOverPrepared("rpt-2023-xzspj-001", "XZSPJ", "demo-dept", 2023, 2022,
                List.of(new CarryOverPrepared.Group("针对带头深刻领悟“两个确立”的决定性意义方面查摆出的3个突出问题",
                        "带头深刻领悟“两个确立”的决定性意义", List.of(
                        "强化理论武装建设，增强学习意识。2023年3月15日，已开展三次集中学习（佐证材料：学习记录.pdf）。已完成整改，经验收销号。",
                        "强化党性修养锤炼，增强服务意识。长期坚持。"))),
                List.of("mea-5b0c2d8e-7f41-3a69-9e2b-1c4d5e6f7a80"));
        String type = EventTypes.nameOf(CarryOverPrepared.class);
        assertThat(EventTypes.classOf(type)).contains(CarryOverPrepared.class);
        assertThat(CarryOverPrepared.class.getAnnotation(Revision.class)).isNotNull();
        EventEnvelope envelope = new EventEnvelope("7d2c9e4a-1b3f-4e6a-8c7d-9e0f1a2b3c5e", type, "1", "CarryOver",
                "cov-rpt-2023-xzspj-001", 0, Instant.parse("2023-12-20T02:00:00Z"), "system", "XZSPJ",
                EnvelopeCodec.toTree(payload));
        if (Boolean.getBoolean("wire.write")) {
            Files.writeString(Path.of("src/test/resources/wire/" + type + ".json"),
                    EnvelopeCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n");
        }
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/wire/" + type + ".json")) {
            assertThat(in).as("wire fixture for " + type).isNotNull();
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode written = EnvelopeCodec.mapper().readTree(EnvelopeCodec.toJson(envelope));
        assertThat(written).isEqualTo(EnvelopeCodec.mapper().readTree(fixture));
        assertThat(EnvelopeCodec.fromJson(fixture)).isEqualTo(envelope);
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture))).isEqualTo(payload);
    }
}
