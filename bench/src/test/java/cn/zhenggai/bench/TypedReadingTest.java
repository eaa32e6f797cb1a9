package cn.zhenggai.bench;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench reads events by their contract classes (ADR 0106), and counts what it counted by type name before. */
class TypedReadingTest {

    @Test
    void theChaosBenchCountsDraftsAndProblemStatementsOfTheAuditLog() throws Exception {
        JsonNode log = EnvelopeCodec.mapper().readTree("{\"entries\":["
                + "{\"type\":\"ReportDrafted\",\"payload\":{\"reportId\":\"r1\",\"title\":\"提纲\"}},"
                + "{\"type\":\"ProblemIdentified\",\"payload\":{\"reportId\":\"r1\",\"statement\":\"学习不够\"}},"
                + "{\"type\":\"ProblemIdentified\",\"payload\":{\"reportId\":\"r1\",\"statement\":\"学习不够\"}},"
                + "{\"type\":\"ProblemIdentified\",\"payload\":null},"
                + "{\"type\":\"ReportSubmitted\",\"payload\":{\"reportId\":\"r1\"}},"
                + "{\"type\":\"SomethingNew\",\"payload\":{\"statement\":\"学习不够\"}}]}");
        ChaosBench.AuditTally tally = new ChaosBench.AuditTally();
        log.path("entries").forEach(tally::add);
        assertThat(tally.drafted).isEqualTo(1);
        assertThat(tally.statements).containsExactlyEntriesOf(java.util.Map.of("学习不够", 2));
    }

    @Test
    void theKafkaProbeFindsTheProblemIdOfAProblemIdentifiedOnly() {
        String problem = EnvelopeCodec.toJson(envelope("ProblemIdentified",
                new ProblemIdentified("r1", "p-7", "XZSPJ", "理论学习", 1, "学习不够", null)));
        String drafted = EnvelopeCodec.toJson(envelope("ReportDrafted",
                new ReportDrafted("r1", "提纲", 2026, "cadre", "XZSPJ")));
        assertThat(KafkaProbe.problemIdOf(problem)).contains("p-7");
        assertThat(KafkaProbe.problemIdOf(drafted)).isEmpty();
        assertThat(KafkaProbe.problemIdOf("not json")).isEmpty();
    }

    private static EventEnvelope envelope(String type, Object payload) {
        return new EventEnvelope("e-1", type, "2", "Report", "r1", 0, Instant.parse("2026-12-03T10:00:00Z"),
                "cadre", "XZSPJ", EnvelopeCodec.toTree(payload), null);
    }
}
