package cn.zhenggai.gateway;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.gateway.directory.DirectoryOutbox;
import cn.zhenggai.gateway.directory.DirectoryPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write of the directory leaves its event in the outbox, in the same transaction, without a password or hash
 * (ADR 0078); a refused write leaves none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "zhenggai.database.schema=gw_events")
class DirectoryEventsTest extends GatewayHttpTest {

    private static final String STRONG = "Zhengg@i-2026";

    @Autowired
    private DirectoryOutbox outbox;
    @Autowired
    private JdbcTemplate jdbc;
    private String org;

    @BeforeEach
    void signIn() throws Exception {
        org = accessToken("demo-org", "demo");
    }

    @Test
    void theDemoSeedIsRecordedBySystem() {
        List<EventEnvelope> all = outbox.all();
        assertThat(all).filteredOn(e -> e.type().equals("DepartmentRegistered")).extracting(EventEnvelope::aggregateId)
                .contains("DW", "ZZB", "JW", "XZSPJ", "CZJ");
        EventEnvelope party = all.stream().filter(e -> e.type().equals("UserRegistered")
                && e.aggregateId().equals("demo-party")).findFirst().orElseThrow();
        assertThat(party.actor()).isEqualTo("system");
        assertThat(party.payload().get("roles").toString()).contains("PARTY_COMMITTEE");
    }

    @Test
    void everyWriteOfTheDirectoryIsAnEventAndNoneCarriesAPassword() throws Exception {
        int before = outbox.all().size();
        assertThat(post("/api/directory/departments", Map.of("code", "TJJ", "name", "统计局"), org).status())
                .isEqualTo(201);
        assertThat(put("/api/directory/departments/TJJ", Map.of("name", "区统计局"), org).status()).isEqualTo(200);
        assertThat(post("/api/directory/users", Map.of("username", "tj.cadre", "displayName", "统计局干部",
                "department", "TJJ", "roles", List.of("CADRE", "DEPT_HEAD"), "password", STRONG), org).status())
                .isEqualTo(201);
        assertThat(put("/api/directory/users/tj.cadre", Map.of("displayName", "统计局科长", "department", "CZJ",
                "roles", List.of("CADRE", "DEPT_LIAISON")), org).status()).isEqualTo(200);
        assertThat(post("/api/directory/users/tj.cadre/disable", Map.of(), org).status()).isEqualTo(200);
        assertThat(post("/api/directory/users/tj.cadre/enable", Map.of(), org).status()).isEqualTo(200);
        assertThat(post("/api/directory/users/tj.cadre/password", Map.of("password", "Neues-Passwort-7"), org)
                .status()).isEqualTo(200);

        List<EventEnvelope> events = outbox.all().subList(before, outbox.all().size());
        assertThat(events).extracting(EventEnvelope::type).containsExactly("DepartmentRegistered",
                "DepartmentRenamed", "UserRegistered", "UserMovedDepartment", "UserRenamed", "RolesRevoked",
                "RolesGranted", "UserDisabled", "UserEnabled", "PasswordReset");
        assertThat(events).allSatisfy(e -> assertThat(e.actor()).isEqualTo("demo-org"));
        EventEnvelope renamed = events.get(1);
        assertThat(renamed.aggregateType()).isEqualTo("Department");
        assertThat(renamed.sequence()).isEqualTo(1);
        assertThat(renamed.payload().get("oldName").asText()).isEqualTo("统计局");
        assertThat(renamed.payload().get("name").asText()).isEqualTo("区统计局");
        EventEnvelope moved = events.get(3);
        assertThat(moved.aggregateId()).isEqualTo("tj.cadre");
        assertThat(moved.payload().get("fromDepartment").asText()).isEqualTo("TJJ");
        assertThat(moved.payload().get("department").asText()).isEqualTo("CZJ");
        assertThat(moved.department()).isEqualTo("CZJ");
        assertThat(events.get(5).payload().get("roles").toString()).isEqualTo("[\"DEPT_HEAD\"]");
        assertThat(events.get(6).payload().get("roles").toString()).isEqualTo("[\"DEPT_LIAISON\"]");
        assertThat(events).filteredOn(e -> e.aggregateId().equals("tj.cadre")).extracting(EventEnvelope::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        String stored = jdbc.queryForList("SELECT payload FROM gw_events.directory_outbox", String.class).toString();
        assertThat(stored).doesNotContain(STRONG).doesNotContain("Neues-Passwort-7").doesNotContain("bcrypt")
                .doesNotContain("$2").doesNotContainIgnoringCase("password\"");
    }

    @Test
    void thePublisherSendsTheOutboxInOrderAndMarksOnlyWhatKafkaAcknowledged() throws Exception {
        post("/api/directory/departments", Map.of("code", "SJJ", "name", "审计局"), org);
        List<EventEnvelope> waiting = outbox.unpublished(10_000).stream().map(DirectoryOutbox.Entry::envelope).toList();
        assertThat(waiting).isNotEmpty();

        MockProducer<String, String> down = new MockProducer<>(false, null, new StringSerializer(),
                new StringSerializer());
        assertThat(new DirectoryPublisher(outbox, down, Duration.ofMillis(100), clock).publishPending()).isZero();
        assertThat(outbox.unpublished(10_000)).as("not acknowledged: still waiting").hasSize(waiting.size());

        MockProducer<String, String> up = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        assertThat(new DirectoryPublisher(outbox, up, Duration.ofSeconds(5), clock).publishPending())
                .isEqualTo(waiting.size());
        assertThat(outbox.unpublished(10_000)).isEmpty();
        assertThat(up.history()).extracting(ProducerRecord::topic).containsOnly(Topics.DIRECTORY_EVENTS);
        assertThat(up.history()).extracting(ProducerRecord::key)
                .containsExactlyElementsOf(waiting.stream().map(EventEnvelope::aggregateId).toList());
        assertThat(up.history().stream().map(r -> EnvelopeCodec.fromJson(r.value()).eventId()).toList())
                .containsExactlyElementsOf(waiting.stream().map(EventEnvelope::eventId).toList());
    }

    @Test
    void aRefusedWriteLeavesNoEvent() throws Exception {
        int before = outbox.all().size();
        assertThat(post("/api/directory/departments", Map.of("code", "CZJ", "name", "财政局"), org).code())
                .isEqualTo("DEPARTMENT_TAKEN");
        assertThat(post("/api/directory/users", Map.of("username", "demo-head", "displayName", "x",
                "department", "CZJ", "roles", List.of("CADRE"), "password", STRONG), org).code())
                .isEqualTo("USERNAME_TAKEN");
        assertThat(put("/api/directory/departments/NOPE", Map.of("name", "x"), org).status()).isEqualTo(404);
        assertThat(outbox.all()).hasSize(before);
    }

    @Test
    void anAccountLockedByFailedLoginsIsAnEventButAnUnknownNameIsNot() throws Exception {
        assertThat(post("/api/directory/users", Map.of("username", "locked.one", "displayName", "被锁定",
                "department", "CZJ", "roles", List.of("CADRE"), "password", STRONG), org).status()).isEqualTo(201);
        int before = outbox.all().size();
        for (int i = 0; i < 5; i++) {
            login("locked.one", "Not-The-Password-" + i);
            login("nobody.at.all", "Not-The-Password-" + i);
        }
        List<EventEnvelope> events = outbox.all().subList(before, outbox.all().size());
        assertThat(events).extracting(EventEnvelope::type).containsExactly("UserLocked");
        assertThat(events.get(0).aggregateId()).isEqualTo("locked.one");
        assertThat(events.get(0).actor()).isEqualTo("system");
        assertThat(events.get(0).payload().get("failures").asInt()).isEqualTo(5);
    }
}
