package cn.zhenggai.rectification.intake;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake projection against the MongoDB-wire-compatible store, through the official driver. */
class ProblemIntakeTest {

    private MongoServer server;
    private MongoClient client;
    private ProblemIntake intake;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
        database = client.getDatabase("intake-test");
        intake = new ProblemIntake(database);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aProblemIsProjectedOnceEvenWhenDeliveredTwice() {
        ProblemIdentified problem = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", "比如……");
        EventEnvelope envelope = envelope("r1", 1, problem);

        assertThat(intake.on(problem, envelope)).isTrue();
        assertThat(intake.on(problem, envelope)).as("duplicate").isFalse();

        List<ProblemIntake.Problem> problems = intake.problems("XZSPJ", null, 10);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).problemId()).isEqualTo("p1");
        assertThat(problems.get(0).statement()).isEqualTo("问题。");
        assertThat(problems.get(0).eventId()).isEqualTo(envelope.eventId());
        assertThat(problems.get(0).projectedAt()).isNotNull();
    }

    @Test
    void aRedeliveryWithOtherContentDoesNotOverwriteWhatWasProjected() {
        ProblemIdentified first = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null);
        intake.on(first, envelope("r1", 1, first));
        ProblemIdentified tampered = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "改过的问题。", null);
        assertThat(intake.on(tampered, envelope("r1", 1, tampered))).isFalse();
        assertThat(intake.problems(null, "r1", 10).get(0).statement()).isEqualTo("问题。");
    }

    @Test
    void theReportsAuthorAndLastSubmitterAreKnownForItsNotices() {
        assertThat(intake.drafted("r1").author()).as("not read yet").isNull();
        ReportDrafted report = new ReportDrafted("r1", "提纲", 2022, "demo-cadre", "XZSPJ");
        intake.on(report, envelope("r1", 0, report));
        ReportSubmitted byDelegate = new ReportSubmitted("r1", "XZSPJ", "demo-head", 1);
        assertThat(intake.on(byDelegate, envelope("r1", 3, byDelegate))).isTrue();
        assertThat(intake.on(byDelegate, envelope("r1", 3, byDelegate))).as("duplicate").isFalse();
        assertThat(intake.drafted("r1")).isEqualTo(new ProblemIntake.Drafted("提纲", "demo-cadre", "XZSPJ",
                "demo-head"));
        ReportSubmitted again = new ReportSubmitted("r1", "XZSPJ", "demo-cadre", 2);
        assertThat(intake.on(again, envelope("r1", 5, again))).isTrue();
        assertThat(intake.drafted("r1").submittedBy()).isEqualTo("demo-cadre");
    }

    @Test
    void problemsAreScopedByDepartmentAndReport() {
        ReportDrafted report = new ReportDrafted("r1", "提纲", 2022, "demo-dept", "XZSPJ");
        assertThat(intake.on(report, envelope("r1", 0, report))).isTrue();
        assertThat(intake.on(report, envelope("r1", 0, report))).isFalse();
        intake.on(new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题一。", null),
                envelope("r1", 1, "x"));
        intake.on(new ProblemIdentified("r2", "p2", "CZJ", "主题", 1, "问题二。", null),
                envelope("r2", 1, "x"));

        assertThat(intake.problems("XZSPJ", null, 10)).extracting(ProblemIntake.Problem::problemId).containsExactly("p1");
        assertThat(intake.problems("CZJ", null, 10)).extracting(ProblemIntake.Problem::problemId).containsExactly("p2");
        assertThat(intake.problems(null, null, 10)).hasSize(2);
        assertThat(intake.problems(null, "r2", 10)).extracting(ProblemIntake.Problem::problemId).containsExactly("p2");
        assertThat(database.getCollection(ProblemIntake.REPORTS).countDocuments()).isEqualTo(1);
    }

    private static EventEnvelope envelope(String aggregateId, long sequence, Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), "1", "Report",
                aggregateId, sequence, Instant.parse("2022-12-20T08:00:00Z"), "demo-dept", "XZSPJ",
                EnvelopeCodec.toTree(payload));
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void aListedProblemWritesTheJsonTheStoredDocumentWrote() throws Exception {
        ProblemIdentified problem = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 3, "问题。", null);
        intake.on(problem, envelope("r1", 1, problem));
        Document stored = database.getCollection(ProblemIntake.PROBLEMS).find().first();
        stored.put("problemId", stored.remove("_id")); // the answer before it was typed: the document, id last

        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(json.writeValueAsString(intake.problems(null, "r1", 10).get(0)))
                .isEqualTo(json.writeValueAsString(stored));
    }
}
