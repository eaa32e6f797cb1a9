package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStatus;
import cn.zhenggai.contracts.reportview.RoundOutcome;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounds of a report's review in the list's read model, against a Mongo-wire store: each round keeps what was
 * submitted, the reasons and per-problem comments of its return; a withdrawn submission is no round; a replay
 * changes nothing.
 */
class ReviewRoundsProjectionTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ReportListProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        projection = new ReportListProjection(client.getDatabase("test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static List<Object> history() {
        MeasureProposed m1 = new MeasureProposed("r1", "m1", "CZJ", 1, "强化学习", "内容。", List.of(), "2027-06-30", null,
                "张*", null, List.of(), List.of());
        MeasureProposed m2 = new MeasureProposed("r1", "m2", "CZJ", 2, "完善制度", "", List.of(), null, "长期坚持", null,
                null, List.of(), List.of());
        return List.of(
                new ReportDrafted("r1", "提纲", 2026, "demo-cz", "CZJ"),
                new ProblemIdentified("r1", "p1", "CZJ", "主题", 1, "问题一。", null),
                new ProblemIdentified("r1", "p2", "CZJ", "主题", 2, "问题二。", null),
                m1,
                new ReportSubmitted("r1", "CZJ", "demo-cz", 1),
                new ReportSubmissionWithdrawn("r1", "CZJ", "demo-cz", 1),
                new ReportSubmitted("r1", "CZJ", "demo-cz", 1),
                new ReportReturned("r1", "CZJ", "demo-org", 1, List.of("不够具体。"), Map.of("p1", "请补充事例。")),
                new ProblemRevised("r1", "p1", "CZJ", "主题", 1, "问题一（补充）。", "事例。"),
                new ProblemWithdrawn("r1", "p2", "CZJ", "重复"),
                new ProblemIdentified("r1", "p3", "CZJ", "主题", 3, "问题三。", null),
                m2,
                new ReportSubmitted("r1", "CZJ", "demo-cz", 2));
    }

    @Test
    void eachRoundKeepsWhatWasSubmittedAndWhyItWasReturned() {
        for (int delivery = 0; delivery < 2; delivery++) { // a replay of the whole history changes nothing
            List<Object> events = history();
            for (int seq = 0; seq < events.size(); seq++) {
                projection.on(events.get(seq), seq, AT.plusSeconds(seq));
            }
        }
        ReportState state = projection.stateOf("r1");
        assertThat(state.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(state.round()).isEqualTo(2);
        assertThat(state.rounds()).extracting(ReportState.Round::round).containsExactly(1, 2);
        ReportState.Round first = state.rounds().get(0);
        assertThat(first.outcome()).isEqualTo(RoundOutcome.RETURNED);
        assertThat(first.reasons()).containsExactly("不够具体。");
        assertThat(first.problemComments()).containsExactly(Map.entry("p1", "请补充事例。"));
        assertThat(first.problems()).extracting(ReportState.Problem::problemId).containsExactly("p1", "p2");
        assertThat(state.rounds().get(1).outcome()).isEqualTo(RoundOutcome.PENDING);

        List<ReportDetail.RoundView> rounds = ReportDetail.rounds(state.rounds());
        assertThat(rounds.get(0).changes()).isEmpty();
        assertThat(rounds.get(1).changes()).extracting(c -> c.part() + " " + c.change() + " " + c.id())
                .containsExactly("PROBLEM CHANGED p1", "PROBLEM ADDED p3", "PROBLEM REMOVED p2", "MEASURE ADDED m2");
        assertThat(rounds.get(1).changes().get(0).before()).isEqualTo("主题 第1个：问题一。");
        assertThat(rounds.get(1).changes().get(0).after()).isEqualTo("主题 第1个：问题一（补充）。（比如：事例。）");
        assertThat(projection.list("CZJ", null, 10)).hasSize(1);
    }

    @Test
    void aWithdrawnSubmissionLeavesADraft() {
        List<Object> events = history().subList(0, 6);
        for (int seq = 0; seq < events.size(); seq++) {
            projection.on(events.get(seq), seq, AT);
        }
        ReportState state = projection.stateOf("r1");
        assertThat(state.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(state.round()).isZero();
        assertThat(state.rounds()).isEmpty();
        Document listed = projection.list(null, null, 10).get(0);
        assertThat(listed.getString("status")).isEqualTo("DRAFT");
        // someone else's draft is left out of a list beyond the author's department; the author's own is not
        assertThat(projection.list(null, null, "demo-org", 10)).isEmpty();
        assertThat(projection.list(null, null, "demo-cz", 10)).hasSize(1);
    }

    @Test
    void aStateStoredBeforeTheRoundsKeptTheirContentStillReads() throws Exception {
        List<Object> events = history();
        for (int seq = 0; seq < events.size(); seq++) {
            projection.on(events.get(seq), seq, AT);
        }
        com.fasterxml.jackson.databind.node.ObjectNode json = EnvelopeCodec.mapper().valueToTree(projection.stateOf("r1"));
        json.withArray("rounds").forEach(round -> ((com.fasterxml.jackson.databind.node.ObjectNode) round)
                .remove(List.of("problemComments", "problems", "measures")));
        ReportState old = EnvelopeCodec.mapper().treeToValue(json, ReportState.class);
        assertThat(old.rounds()).hasSize(2);
        assertThat(ReportDetail.rounds(old.rounds()).get(1).changes()).isNull();
    }

    @Test
    void aReturnRecordedBeforeTheCommentsWereKeptStillLoads() {
        String stored = "{\"reportId\":\"r1\",\"department\":\"CZJ\",\"returnedBy\":\"demo-org\",\"round\":1,"
                + "\"reasons\":[\"不够具体。\"]}";
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        ReportReturned read = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(), byte[].class,
                new SimpleSerializedType(ReportReturned.class.getName(), "1")));
        assertThat(read).isEqualTo(new ReportReturned("r1", "CZJ", "demo-org", 1, List.of("不够具体。")));
        assertThat(read.problemComments()).isEmpty();
        ReportReturned fromEnvelope = EnvelopeCodec.payloadAs(
                new cn.zhenggai.contracts.messaging.EventEnvelope("e1", "ReportReturned", "1", "Report", "r1", 4, AT,
                        "demo-org", "CZJ", EnvelopeCodec.mapper().valueToTree(Map.of("reportId", "r1", "round", 1,
                        "reasons", List.of("理由"))), AT), ReportReturned.class);
        assertThat(fromEnvelope.problemComments()).isEmpty();
    }
}
