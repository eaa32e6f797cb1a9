package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.reportview.ReportStatus;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A list document written before the list held the state is replaced when the list replays the report. */
class ReportListUpgradeTest {

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

    @Test
    void theReplayReplacesTheOldDocumentAndThenFoldsOnFromTheState() {
        Instant at = Instant.parse("2022-12-20T08:00:00Z");
        client.getDatabase("test").getCollection(ReportListProjection.COLLECTION).insertOne(new Document("_id", "r1")
                .append("title", "提纲").append("year", 2022).append("author", "demo-dept").append("department", "XZSPJ")
                .append("status", "SUBMITTED").append("round", 1).append("problems", 1)
                .append("rootCauseIds", List.of()).append("measureIds", List.of())
                .append("personalMattersDeclared", false).append("updatedAt", Date.from(at))
                .append("lastSequence", 2L));
        assertThat(projection.stateOf("r1")).isNull();

        projection.on(new ReportDrafted("r1", "提纲", 2022, "demo-dept", "XZSPJ"), 0, at);
        assertThat(projection.stateOf("r1").status()).isEqualTo(ReportStatus.DRAFT);
        projection.on(new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null), 1, at);
        projection.on(new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1), 2, at);
        projection.on(new ReportDrafted("r1", "提纲", 2022, "demo-dept", "XZSPJ"), 0, at); // redelivered

        Document report = projection.list("XZSPJ", null, 10).get(0);
        assertThat(report.getString("status")).isEqualTo("SUBMITTED");
        assertThat(report.getInteger("problems")).isEqualTo(1);
        assertThat(report.getLong("lastSequence")).isEqualTo(2L);
        assertThat(projection.stateOf("r1").problemIds()).containsExactly("p1");
        assertThat(projection.list(null, null, 10)).hasSize(1);
    }
}
