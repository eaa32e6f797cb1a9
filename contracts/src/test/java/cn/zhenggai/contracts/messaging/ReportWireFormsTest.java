package cn.zhenggai.contracts.messaging;

import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.PersonalMattersShredded;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
 * Pins the wire form of report-service's meeting, content, confidentiality and review events, one fixture each in
 * {@code /wire/<Type>.json}. (Run with {@code -Dwire.write=true} once to write the fixture of a new event.)
 */
class ReportWireFormsTest {

    private static final String REPORT = "rpt-2022-xzspj-001";
    private static final MeasureProposed.Action ACTION =
            new MeasureProposed.Action("每月开展一次理论学习。", "2023-06-30", "2023年6月底前");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("Meeting", "mtg-2022-xzspj", new MeetingConvened("mtg-2022-xzspj", "行政审批局党组",
                        "XZSPJ", 2022, "ANNUAL", "2022年度民主生活会", "*发〔2022〕12号",
                        List.of(new MeetingConvened.Theme("带头深刻领悟“两个确立”的决定性意义",
                                List.of(new MeetingConvened.EarlierTheme(2021, "带头深刻感悟“两个确立”的决定性意义"))),
                                new MeetingConvened.Theme("其他方面", List.of())))),
                Arguments.of("Report", REPORT, new MeetingReferenced(REPORT, "XZSPJ", "mtg-2022-xzspj", "*发〔2022〕12号")),
                Arguments.of("Report", REPORT, new ProblemRevised(REPORT, "prb-0001", "XZSPJ", "带头深刻领悟“两个确立”的决定性意义",
                        1, "理论学习的系统性还不够。", "学习新思想停留在读原文、记笔记。")),
                Arguments.of("Report", REPORT, new ProblemWithdrawn(REPORT, "prb-0002", "XZSPJ", "与第一个问题重复")),
                Arguments.of("Report", REPORT, new RootCauseAnalyzed(REPORT, "rc-0001", "XZSPJ", 1,
                        "学习意识还不够强，理论武装建设的还不够", "缺乏主动学习的意识。", List.of("prb-0001"))),
                Arguments.of("Report", REPORT, new CleanAreasDeclared(REPORT, "XZSPJ",
                        List.of("厉行节约反对浪费工作", "履行保密工作责任制"))),
                Arguments.of("Report", REPORT, new CarryOverStated(REPORT, "XZSPJ", List.of(new CarryOverStated.Group(
                        "针对其他方面查摆出的2个突出问题", "其他", List.of("认真调查研究。", "厉行节约反对浪费。"))))),
                Arguments.of("Report", REPORT, new MeasureProposed(REPORT, "msr-0001", "XZSPJ", 1,
                        "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。", List.of(ACTION), "2023-06-30",
                        "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc-0001"))),
                Arguments.of("Report", REPORT, new PersonalMattersDeclared(REPORT, "XZSPJ", "demo-dept", 1,
                        "AES-256-GCM", "AAECAwQFBgcICQoL", "q83vEjRWeJCrze8SNFZ4kA==")),
                Arguments.of("Report", REPORT, new PersonalMattersRead(REPORT, "XZSPJ", "demo-dept", "demo-org",
                        "ORG_DEPT", "VIEW")),
                Arguments.of(null, "7d1e2f3a-4b5c-4d6e-8f70-81920a1b2c3d", new PersonalMattersShredded("demo-dept",
                        "ZZB", "demo-org", 1)),
                Arguments.of("Report", REPORT, new ReportDelegationGranted(REPORT, "XZSPJ", "demo-cadre", "demo-dept")),
                Arguments.of("Report", REPORT, new ReportDelegationRevoked(REPORT, "XZSPJ", "demo-cadre", "demo-dept")),
                Arguments.of("Report", REPORT, new ReportSubmitted(REPORT, "XZSPJ", "demo-dept", 1)),
                Arguments.of("Report", REPORT, new ReportSubmissionWithdrawn(REPORT, "XZSPJ", "demo-dept", 1)),
                Arguments.of("Report", REPORT, new ReportReturned(REPORT, "XZSPJ", "demo-org", 1,
                        List.of("问题查摆不够具体，请补充事例。"))),
                Arguments.of("Report", REPORT, new ReportAccepted(REPORT, "XZSPJ", "demo-dept", 2022, "mtg-2022-xzspj",
                        "demo-org", 2, List.of(new ReportAccepted.Problem("prb-0001", "带头深刻领悟“两个确立”的决定性意义",
                        1, "理论学习的系统性还不够。")), List.of(new ReportAccepted.Measure("msr-0001", 1,
                        "强化理论武装建设，增强学习意识", "认认真真读原著、学原文、悟原理。", List.of(ACTION), "2023-06-30",
                        "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc-0001"), List.of("prb-0001"))))));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyReportEventHasItsPinnedWireForm(String aggregateType, String aggregateId, Object payload)
            throws IOException {
        String type = EventTypes.nameOf(payload.getClass());
        assertThat(EventTypes.classOf(type)).as("registered " + type).contains(payload.getClass());
        assertThat(payload.getClass().getAnnotation(Revision.class)).as("@Revision on " + type).isNotNull();
        EventEnvelope envelope = new EventEnvelope("7d1e2f3a-4b5c-4d6e-8f70-81920a1b2c3d", type,
                EventTypes.revisionOf(payload.getClass()), aggregateType, aggregateId, 5,
                Instant.parse("2022-12-21T09:00:00Z"), "demo-dept", "XZSPJ", EnvelopeCodec.toTree(payload));
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
