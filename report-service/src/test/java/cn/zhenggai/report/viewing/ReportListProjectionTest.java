package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report list projection, by calling its handlers against a Mongo-wire store: redelivery changes nothing. */
class ReportListProjectionTest {

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
    void everyEventCountsOnceEvenWhenDeliveredTwice() {
        Instant at = Instant.parse("2022-12-20T08:00:00Z");
        ReportDrafted drafted = new ReportDrafted("r1", "提纲", 2022, "demo-dept", "XZSPJ");
        ProblemIdentified p1 = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null);
        ProblemIdentified p2 = new ProblemIdentified("r1", "p2", "XZSPJ", "主题", 2, "问题。", null);
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(drafted, 0, at);
            projection.on(p1, 1, at);
            projection.on(p2, 2, at);
            projection.on(new ProblemWithdrawn("r1", "p1", "XZSPJ", null), 3, at);
            projection.on(new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "根源", "", List.of()), 4, at);
            projection.on(new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "根源", "", List.of("p2")), 5, at);
            projection.on(new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1), 6, at);
        }
        projection.on(p1, 1, at); // a late redelivery of an early event
        Document report = projection.list("XZSPJ", null, 10).get(0);
        assertThat(report.getInteger("problems")).isEqualTo(1);
        assertThat(report.getString("status")).isEqualTo("SUBMITTED");
        assertThat(report.getLong("lastSequence")).isEqualTo(6L);
        assertThat(report.getList("rootCauseIds", String.class)).containsExactly("rc1");
        assertThat(projection.list("CZJ", null, 10)).isEmpty();
        assertThat(projection.list(null, 2022, 10)).hasSize(1);
    }
}
