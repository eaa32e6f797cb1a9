package cn.zhenggai.audit;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * An audit log in the MongoDB-wire-compatible memory store, reached through the official driver; or, for a Spring
 * Boot test, on the service's own database (emptied first, left running).
 */
public final class TestLog implements AutoCloseable {

    public final MongoServer server;
    public final MongoClient client;
    public final MongoDatabase database;
    public final AuditLog log;

    public TestLog() {
        this(java.time.Clock.systemUTC());
    }

    /** A log whose records are logged at the clock's time. */
    public TestLog(java.time.Clock clock) {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("audit-test");
        log = new AuditLog(database, clock);
        log.recover();
    }

    /**
     * An empty audit log on the service's database (a Spring Boot test's, whose store {@code ServiceInfrastructure}
     * owns): the log's collections are dropped first, so each test starts from position 0.
     */
    public TestLog(MongoDatabase database) {
        server = null;
        client = null;
        this.database = database;
        for (String collection : new String[] {AuditLog.COLLECTION, AuditLog.CHAIN, AuditLog.DIGESTS,
                AuditLog.AGGREGATE_HEADS}) {
            database.getCollection(collection).drop();
        }
        log = new AuditLog(database);
        log.recover();
    }

    /** The raw audit_log collection, for tampering. */
    public MongoCollection<Document> records() {
        return database.getCollection(AuditLog.COLLECTION);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            server.shutdownNow();
        }
    }

    public static EventEnvelope problem(String eventId, String aggregateId, long sequence, String at) {
        return problem(eventId, aggregateId, sequence, at, "XZSPJ", "问题。");
    }

    public static EventEnvelope problem(String eventId, String aggregateId, long sequence, String at, String department,
                                        String statement) {
        ProblemIdentified payload = new ProblemIdentified(aggregateId, "p-" + eventId, department, "主题", 1, statement, null);
        return new EventEnvelope(eventId, "ProblemIdentified", "2", "Report", aggregateId, sequence,
                Instant.parse(at), "demo-dept", department, EnvelopeCodec.toTree(payload));
    }

    public static EventEnvelope drafted(String eventId, String aggregateId, String at, String department) {
        ReportDrafted payload = new ReportDrafted(aggregateId, "2022年度民主生活会个人发言提纲", 2022, "cadre-1", department);
        return new EventEnvelope(eventId, "ReportDrafted", "1", "Report", aggregateId, 0,
                Instant.parse(at), "cadre-1", department, EnvelopeCodec.toTree(payload));
    }

    public static EventEnvelope of(String eventId, String type, String aggregateId, long sequence, String at,
                                   String department, String payloadJson) {
        try {
            return new EventEnvelope(eventId, type, "1", "Report", aggregateId, sequence, Instant.parse(at), "someone",
                    department, EnvelopeCodec.mapper().readTree(payloadJson));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Appends n problems to aggregate r1 (department XZSPJ) and some to r2 (CZJ), interleaved. */
    public void appendSample(int n) {
        log.append(drafted("d1", "r1", "2022-12-20T08:00:00Z", "XZSPJ"), "zhenggai.report.events", 0, 0);
        log.append(drafted("d2", "r2", "2022-12-20T08:00:00.5Z", "CZJ"), "zhenggai.report.events", 1, 0);
        for (int i = 1; i <= n; i++) {
            String aggregate = i % 3 == 0 ? "r2" : "r1";
            String department = aggregate.equals("r1") ? "XZSPJ" : "CZJ";
            log.append(problem("e" + i, aggregate, i, "2022-12-20T08:00:%02dZ".formatted(i), department,
                    "第" + i + "个问题：理论学习不够深入。"), "zhenggai.report.events", 0, i);
        }
    }
}
