package cn.zhenggai.audit.log;

import cn.zhenggai.audit.integrity.ChainVerifier;
import cn.zhenggai.audit.timeline.Summaries;
import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.PasswordReset;
import cn.zhenggai.contracts.directory.RoleGrantApproved;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.platform.kafka.DeadLetterStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's events reach the hash-chained audit log like every service's, and none carries a password. */
class DirectoryEventsAuditTest {

    private MongoServer server;
    private MongoClient client;
    private AuditLog log;
    private AllEventsListener listener;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        log = new AuditLog(client.getDatabase("audit-directory"));
        listener = new AllEventsListener(log, new SimpleMeterRegistry(),
                new DeadLetterStore(client.getDatabase("audit-directory")),
                new StaticListableBeanFactory().getBeanProvider(AppendObserver.class), "audit-service");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theListenerSubscribesTheDirectoryTopic() throws Exception {
        KafkaListener subscription = AllEventsListener.class.getDeclaredMethod("on", List.class)
                .getAnnotation(KafkaListener.class);
        assertThat(Topics.DIRECTORY_EVENTS).matches(subscription.topicPattern());
    }

    @Test
    void directoryEventsAreAppendedToTheChainWithoutPasswords() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.add(record("e1", "DepartmentRegistered", "Department", "TJJ", 0, "TJJ",
                new DepartmentRegistered("TJJ", "统计局", "demo-org"), 0));
        records.add(record("e2", "UserRegistered", "User", "tj.cadre", 0, "TJJ",
                new UserRegistered("tj.cadre", "统计局干部", "TJJ", List.of("CADRE"), "demo-org"), 1));
        records.add(record("e3", "PasswordReset", "User", "tj.cadre", 1, "TJJ",
                new PasswordReset("tj.cadre", "TJJ", "demo-org"), 2));
        records.add(record("e4", "RoleGrantApproved", "RoleGrant", "grt-1", 1, "TJJ",
                new RoleGrantApproved("grt-1", "tj.cadre", "TJJ", List.of("DISCIPLINE"), "demo-org", "demo-party"), 3));
        records.add(record("e5", "UserDisabled", "User", "tj.cadre", 2, "TJJ",
                new UserDisabled("tj.cadre", "TJJ", "demo-org"), 4));
        listener.on(records);
        listener.on(records.subList(1, 2));

        assertThat(log.size()).as("appended once each").isEqualTo(5);
        List<Document> user = log.entries("tj.cadre", null, 10);
        assertThat(user).extracting(d -> d.getString("type"))
                .containsExactly("UserRegistered", "PasswordReset", "UserDisabled");
        assertThat(user.get(0).getString("aggregateType")).isEqualTo("User");
        assertThat(user.get(1).getString("actor")).isEqualTo("demo-org");
        for (Document entry : user) {
            assertThat(entry.get("payload", Document.class).keySet())
                    .noneMatch(k -> k.toLowerCase().contains("password") || k.toLowerCase().contains("hash"));
        }
        assertThat(new ChainVerifier(log).verify().ok()).isTrue();
        assertThat(Summaries.of("UserDisabled", Map.of("username", "tj.cadre"))).contains("停用").contains("tj.cadre");
        assertThat(Summaries.of("RoleGrantApproved", Map.of("username", "tj.cadre", "roles", List.of("DISCIPLINE"),
                "approvedBy", "demo-party"))).contains("批准").contains("DISCIPLINE");
    }

    private static ConsumerRecord<String, String> record(String id, String type, String aggregateType,
                                                         String aggregateId, long sequence, String department,
                                                         Object payload, long offset) {
        EventEnvelope envelope = new EventEnvelope(id, type, "1", aggregateType, aggregateId, sequence,
                Instant.parse("2026-12-02T08:00:00Z").plusSeconds(offset), "demo-org", department,
                EnvelopeCodec.toTree(payload));
        return new ConsumerRecord<>(Topics.DIRECTORY_EVENTS, 0, offset, aggregateId, EnvelopeCodec.toJson(envelope));
    }
}
