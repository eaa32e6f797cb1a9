package cn.zhenggai.audit.log;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
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

/** The audit log against the MongoDB-wire-compatible store, through the official driver. */
class AuditLogTest {

    private MongoServer server;
    private MongoClient client;
    private AuditLog log;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        log = new AuditLog(client.getDatabase("audit-test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventIsAppendedOnceWhateverTheNumberOfDeliveries() {
        EventEnvelope event = envelope("e1", "r1", 1, "2022-12-20T08:00:01Z");
        assertThat(log.append(event, "zhenggai.report.events", 0, 10)).isTrue();
        assertThat(log.append(event, "zhenggai.report.events", 0, 10)).isFalse();
        assertThat(log.append(event, "zhenggai.report.events", 1, 99)).as("same event, other offset").isFalse();
        assertThat(log.size()).isEqualTo(1);

        Document entry = log.entries("r1", null, 10).get(0);
        assertThat(entry.getString("eventId")).isEqualTo("e1");
        assertThat(entry.getString("type")).isEqualTo("ProblemIdentified");
        assertThat(entry.getString("actor")).isEqualTo("demo-dept");
        assertThat(entry.get("payload", Document.class).getString("statement")).isEqualTo("问题。");
        assertThat(entry.get("source", Document.class).getLong("offset")).isEqualTo(10L);
    }

    @Test
    void entriesArrivingOutOfOrderAreListedInEventOrder() {
        log.append(envelope("e2", "r1", 2, "2022-12-20T08:00:02Z"), "t", 0, 2);
        log.append(envelope("e1", "r1", 1, "2022-12-20T08:00:01Z"), "t", 0, 1);
        log.append(envelope("e3", "r2", 1, "2022-12-20T08:00:03Z"), "t", 0, 3);
        List<String> ids = log.entries("r1", null, 10).stream().map(d -> d.getString("eventId")).toList();
        assertThat(ids).containsExactly("e1", "e2");
        assertThat(log.entries(null, "XZSPJ", 10)).hasSize(3);
        assertThat(log.entries(null, "CZJ", 10)).isEmpty();
    }

    private static EventEnvelope envelope(String eventId, String aggregateId, long sequence, String at) {
        ProblemIdentified payload = new ProblemIdentified(aggregateId, "p-" + eventId, "XZSPJ", "主题", 1, "问题。", null);
        return new EventEnvelope(eventId, "ProblemIdentified", "2", "Report", aggregateId, sequence,
                Instant.parse(at), "demo-dept", "XZSPJ", EnvelopeCodec.toTree(payload));
    }
}
