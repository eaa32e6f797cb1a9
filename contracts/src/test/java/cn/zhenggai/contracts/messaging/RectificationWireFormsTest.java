package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
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
                new ProgressReported(MEASURE, "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ",
                        List.of(new ProgressReported.Evidence("evd-7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
                                "学习记录.pdf", "application/pdf", 48213L,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))),
                new MeasureCompleted(MEASURE, "XZSPJ", "全年开展理论学习12次。", "demo-dept", "2023-06-30", false),
                new MeasureVerified(MEASURE, "XZSPJ", "demo-party", "整改到位，同意销号。"),
                new MeasureRejected(MEASURE, "XZSPJ", "demo-party", List.of("缺少学习记录佐证材料。")),
                new MeasureReopened(MEASURE, "XZSPJ", "demo-party", "缺少学习记录佐证材料。"),
                new DeadlineExtensionRequested(MEASURE, "XZSPJ", "2023-06-30", "2023-09-30", "需配合组织部统一安排。",
                        "demo-dept"),
                new DeadlineExtended(MEASURE, "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept", "demo-party"),
                new DeadlineExtensionRefused(MEASURE, "XZSPJ", "2023-09-30", "demo-party", "理由不充分。"),
                new MeasureOverdue(MEASURE, "XZSPJ", "2023-06-30", "张*"),
                new MeasureColourChanged(MEASURE, "XZSPJ", MeasureColourChanged.YELLOW, MeasureColourChanged.GREEN,
                        "2023-06-30", "张*"),
                new SupervisionNoticeIssued("ntc-1c4d5e6f-7a80-4b7a-a5e0-6c1d2b3e4f50", MEASURE, "XZSPJ",
                        SupervisionNoticeIssued.DEPT_HEAD, "DEPT_HEAD", "XZSPJ", null,
                        "整改事项已逾期7天，请督促责任人尽快完成整改。", "2023-06-30", 7),
                new MeasureSourceLinked(MEASURE, "XZSPJ", MeasurePlanned.SOURCE_INSPECTION, "区委第二巡察组〔2023〕3号",
                        "理论学习制度执行不严格。"));
    }

    /** A ProgressReported stored before evidence existed has no {@code evidence} field: it reads as no evidence. */
    @Test
    void aProgressReportWithoutEvidenceFieldReadsAsNoEvidence() throws IOException {
        String old = "{\"measureId\":\"m1\",\"department\":\"XZSPJ\",\"text\":\"t\",\"reportedBy\":\"u\","
                + "\"reporterDepartment\":\"XZSPJ\"}";
        ProgressReported read = EnvelopeCodec.mapper().readValue(old, ProgressReported.class);
        assertThat(read.evidence()).isEmpty();
        assertThat(read).isEqualTo(new ProgressReported("m1", "XZSPJ", "t", "u", "XZSPJ"));
    }

    /** A MeasureAssigned stored before backfill existed has no {@code backfilled} field: it reads as not backfilled. */
    @Test
    void anAssignmentWithoutBackfilledFieldReadsAsNotBackfilled() throws IOException {
        String old = "{\"measureId\":\"m1\",\"department\":\"XZSPJ\",\"leadDepartment\":\"XZSPJ\","
                + "\"cooperatingDepartments\":[],\"owner\":\"张*\",\"deadline\":\"2023-06-30\",\"longTerm\":false,"
                + "\"reviewPeriodMonths\":null,\"assignedBy\":\"demo-dept\"}";
        MeasureAssigned read = EnvelopeCodec.mapper().readValue(old, MeasureAssigned.class);
        assertThat(read.backfilled()).isFalse();
        assertThat(read).isEqualTo(new MeasureAssigned("m1", "XZSPJ", "XZSPJ", List.of(), "张*", "2023-06-30", false,
                null, "demo-dept"));
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
        // compared as read back from text: a long field (evidence size) is an IntNode when read, a LongNode when built
        assertThat(EnvelopeCodec.fromJson(fixture)).isEqualTo(EnvelopeCodec.fromJson(EnvelopeCodec.toJson(envelope)));
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture))).isEqualTo(payload);
    }

    /** An item imported from an audit finding: no report, the finding as its problem. */
    @Test
    void anItemImportedFromAFindingHasItsPinnedWireForm() throws IOException {
        MeasurePlanned payload = new MeasurePlanned("mea-0a1b2c3d-4e5f-3a69-9e2b-1c4d5e6f7a81", "XZSPJ",
                MeasurePlanned.SOURCE_AUDIT, null, null, "XZSPJ", null, null, 1, "规范政府采购程序",
                "建立采购台账，逐笔核对合同与验收记录。", List.of(), "2023-12-31", null, "李*", "XZSPJ",
                List.of("CZJ"), List.of(),
                List.of(new MeasurePlanned.Problem("fnd-3e1f0c2a", "区审计局〔2023〕5号", 1, "部分采购项目验收记录不全。")));
        EventEnvelope envelope = new EventEnvelope("4a7b0d3f-9e25-4c8b-b6f1-7d2e3c4f5a61", "MeasurePlanned", "1",
                "Measure", payload.measureId(), 0, Instant.parse("2023-05-10T02:00:00Z"), "demo-party", "XZSPJ",
                EnvelopeCodec.toTree(payload));
        Path file = Path.of("src/test/resources/wire/MeasurePlanned.audit.json");
        if (Boolean.getBoolean("wire.write")) {
            Files.writeString(file, EnvelopeCodec.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(envelope) + "\n");
        }
        String fixture = fixture("MeasurePlanned.audit");
        assertThat(EnvelopeCodec.mapper().readTree(EnvelopeCodec.toJson(envelope)))
                .isEqualTo(EnvelopeCodec.mapper().readTree(fixture));
        assertThat(EnvelopeCodec.payloadOf(EnvelopeCodec.fromJson(fixture))).isEqualTo(payload);
    }

    private String fixture(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/wire/" + type + ".json")) {
            assertThat(in).as("wire fixture for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
