package cn.zhenggai.audit;

import cn.zhenggai.audit.export.BundleVerifier;
import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit endpoints over HTTP, the service running with tokens signed like the gateway's (test-support): roles,
 * department scope, bad parameters, answers. Each test starts from an empty audit log in the service's store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false",
        "zhenggai.deadlines.polling-interval=PT10S"})
class AuditEndpointsTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("audit");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MongoDatabase database;

    private final ApiClient api = INFRASTRUCTURE.client();
    private TestLog store;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @BeforeEach
    void setUp() {
        store = new TestLog(database);
        store.appendSample(4); // r1 (XZSPJ): d1, e1, e2, e4; r2 (CZJ): d2, e3
        store.log.append(TestLog.of("pm1", "PersonalMattersDeclared", "r1", 9, "2022-12-20T09:00:00Z", "XZSPJ",
                "{\"reportId\":\"r1\",\"text\":\"本人住房一套，面积*平方米\"}"), "t", 0, 20);
        store.log.append(TestLog.of("x1", "SomethingNew", "r1", 10, "2022-12-20T09:00:01Z", "XZSPJ",
                "{\"title\":\"新事件\"}"), "t", 0, 21);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit/log", "/api/audit/verify", "/api/audit/digests",
            "/api/audit/aggregates/r1/timeline", "/api/audit/export?aggregateId=r1", "/api/audit/export?department=XZSPJ"})
    void onlyDisciplineAndThePartyCommitteeMayUseTheAuditEndpoints(String path) throws Exception {
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE", "ORG_DEPT"}) {
            Call refused = call(path, role, "XZSPJ");
            assertThat(refused.status()).as(role + " " + path).isEqualTo(403);
            assertThat(body(refused).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        }
        assertThat(call(path, "DISCIPLINE", "JW").status()).isEqualTo(200);
        assertThat(call(path, "PARTY_COMMITTEE", "DW").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit/aggregates/r2/timeline", "/api/audit/export?aggregateId=r2",
            "/api/audit/export?department=CZJ", "/api/audit/log?department=CZJ", "/api/audit/log?aggregateId=r2"})
    void aDepartmentUserIsRefusedForItsRoleBeforeAnythingIsLookedUp(String path) throws Exception {
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE"}) {
            Call refused = call(path, role, "XZSPJ");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(body(refused).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        }
    }

    /** ADR 0072: another department's aggregate, the own department's and an unknown id all answer alike. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/audit/aggregates/{id}/timeline", "/api/audit/export?aggregateId={id}",
            "/api/audit/export?aggregateId={id}&format=csv", "/api/audit/log?aggregateId={id}",
            "/api/audit/aggregates/{id}/timeline?asOf=yesterday"})
    void anAggregateIdTellsANonAuditorNothing(String path) throws Exception {
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE", "ORG_DEPT"}) {
            Call foreign = call(path.replace("{id}", "r2"), role, "XZSPJ");
            Call own = call(path.replace("{id}", "r1"), role, "XZSPJ");
            Call unknown = call(path.replace("{id}", "nope"), role, "XZSPJ");
            for (Call answer : new Call[] {foreign, own}) {
                assertThat(answer.status()).as(role + " " + path)
                        .isEqualTo(unknown.status()).isEqualTo(403);
                assertThat(answer.text())
                        .isEqualTo(unknown.text());
            }
        }
    }

    @Test
    void badParametersAreRefusedWithACode() throws Exception {
        assertBad("/api/audit/aggregates/r1/timeline?asOf=yesterday", "BAD_DATE");
        assertBad("/api/audit/export?aggregateId=r1&asOf=2022-13-45", "BAD_DATE");
        assertBad("/api/audit/digests?from=20221220", "BAD_DATE");
        assertBad("/api/audit/digests?from=2022-12-21&to=2022-12-20", "BAD_RANGE");
        assertBad("/api/audit/digests?format=pdf", "UNKNOWN_FORMAT");
        assertBad("/api/audit/export?aggregateId=r1&format=xml", "UNKNOWN_FORMAT");
        assertBad("/api/audit/export", "SCOPE_REQUIRED");
        assertBad("/api/audit/export?aggregateId=r1&department=XZSPJ", "SCOPE_REQUIRED");
        Call unknown = call("/api/audit/aggregates/nope/timeline", "DISCIPLINE", "JW");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(body(unknown).get("code").asText()).isEqualTo("AGGREGATE_NOT_FOUND");
    }

    @Test
    void verifyAnswersOkCheckedAndFirstBroken() throws Exception {
        JsonNode ok = body(call("/api/audit/verify", "DISCIPLINE", "JW"));
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("checked").asLong()).isEqualTo(8);
        assertThat(ok.get("firstBroken").isNull()).isTrue();

        store.records().deleteOne(new org.bson.Document("position", 2L));
        JsonNode broken = body(call("/api/audit/verify", "PARTY_COMMITTEE", "DW"));
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("firstBroken").get("position").asLong()).isEqualTo(2);
        assertThat(broken.get("firstBroken").get("reason").asText()).isNotBlank();
        assertThat(broken.get("firstBroken").has("eventId")).isTrue();
    }

    @Test
    void digestsArePrintable() throws Exception {
        JsonNode digests = body(call("/api/audit/digests", "DISCIPLINE", "JW"));
        assertThat(digests.get("count").asInt()).isEqualTo(1);
        assertThat(digests.get("digests").get(0).get("lastPosition").asLong()).isEqualTo(8);
        assertThat(digests.get("digests").get(0).get("headHash").asText()).isEqualTo(store.log.head().getString("hash"));
        Call text = call("/api/audit/digests?format=text", "DISCIPLINE", "JW");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.text())
                .contains(" 8 " + store.log.head().getString("hash"));
    }

    @Test
    void theTimelineSummarisesEveryEventInChinese() throws Exception {
        JsonNode timeline = body(call("/api/audit/aggregates/r1/timeline", "DISCIPLINE", "JW"));
        assertThat(timeline.get("count").asInt()).isEqualTo(6);
        JsonNode events = timeline.get("events");
        assertThat(events.get(0).get("summary").asText()).isEqualTo("起草报告：《2022年度民主生活会个人发言提纲》");
        assertThat(events.get(0).get("actor").asText()).isEqualTo("cadre-1");
        assertThat(events.get(0).get("time").asText()).isEqualTo("2022-12-20T08:00:00Z");
        assertThat(events.get(1).get("summary").asText()).isEqualTo("提出问题：第1个问题：理论学习不够深入。");
        assertThat(events.get(4).get("summary").asText()).isEqualTo("填报个人有关事项");
        assertThat(events.get(5).get("summary").asText()).isEqualTo("其他事件（SomethingNew）：新事件");

        JsonNode before = body(call("/api/audit/aggregates/r1/timeline?asOf=2022-12-20T08:00:01Z", "DISCIPLINE", "JW"));
        assertThat(before.get("count").asInt()).isEqualTo(2);
    }

    @Test
    void timelineEntriesCarryBothTimesAndSayWhoBackdatedWhyAndFromWhichFile() throws Exception {
        Backdating migrated = new Backdating(Instant.parse("2021-01-15T02:00:00Z"), "demo-party", "历史台账迁移",
                new Backdating.Migration("2021年整改台账.xlsx", "ab".repeat(32), 3));
        store.log.append(measure("m-e1", 0, "2023-06-01T01:00:00Z", new MeasurePlanned("mea-9", "XZSPJ", "REPORT",
                "rpt-9", "msr-1", "XZSPJ", "cadre-1", 2021, 1, "强化理论学习", "内容", List.of(), "2021-06-30", null,
                "张*", "XZSPJ", List.of(), List.of(), List.of(), migrated), migrated.effectiveAt()), "t", 0, 30);
        store.log.append(measure("m-e2", 1, "2023-06-01T01:00:01Z", new MeasureAssigned("mea-9", "XZSPJ", "XZSPJ",
                List.of(), "张*", "2023-06-30", false, null, "demo-dept"), null), "t", 0, 31);
        Backdating late = new Backdating(Instant.parse("2023-06-01T16:00:00Z"), "demo-party", "纸质办结单补录", null);
        store.log.append(measure("m-e3", 2, "2023-06-05T02:00:00Z", new MeasureCompleted("mea-9", "XZSPJ", "已完成。",
                "demo-party", "2023-06-30", false, late), late.effectiveAt()), "t", 0, 32);
        // a record stored before records kept their effective time: it took effect when recorded
        store.records().updateOne(Filters.eq("_id", "m-e2"), Updates.unset("effectiveAt"));

        JsonNode events = body(call("/api/audit/aggregates/mea-9/timeline", "DISCIPLINE", "JW")).get("events");

        assertThat(events).hasSize(3);
        JsonNode planned = events.get(0);
        assertThat(planned.get("recordedAt").asText()).isEqualTo("2023-06-01T01:00:00Z");
        assertThat(planned.get("effectiveAt").asText()).isEqualTo("2021-01-15T02:00:00Z");
        assertThat(planned.get("backdated").asBoolean()).isTrue();
        assertThat(planned.get("backdatedBy").asText()).isEqualTo("demo-party");
        assertThat(planned.get("backdateReason").asText()).isEqualTo("历史台账迁移");
        assertThat(planned.get("migratedFrom").get("fileName").asText()).isEqualTo("2021年整改台账.xlsx");
        assertThat(planned.get("migratedFrom").get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(planned.get("migratedFrom").get("row").asInt()).isEqualTo(3);

        JsonNode assigned = events.get(1);
        assertThat(assigned.get("effectiveAt").asText()).isEqualTo("2023-06-01T01:00:01Z");
        assertThat(assigned.get("recordedAt").asText()).isEqualTo("2023-06-01T01:00:01Z");
        assertThat(assigned.get("backdated").asBoolean()).isFalse();
        assertThat(assigned.has("backdatedBy")).isFalse();
        assertThat(assigned.has("migratedFrom")).isFalse();

        JsonNode completed = events.get(2);
        assertThat(completed.get("recordedAt").asText()).isEqualTo("2023-06-05T02:00:00Z");
        assertThat(completed.get("effectiveAt").asText()).isEqualTo("2023-06-01T16:00:00Z");
        assertThat(completed.get("backdateReason").asText()).isEqualTo("纸质办结单补录");
        assertThat(completed.has("migratedFrom")).isFalse();

        // the effective time is not a chained field: the chain of old and new records verifies
        assertThat(body(call("/api/audit/verify", "DISCIPLINE", "JW")).get("ok").asBoolean()).isTrue();
    }

    /** The answers are records (ADR 0106): their keys come in the order the maps before them put them. */
    @Test
    void answersKeepTheirKeysInOrder() throws Exception {
        Backdating late = new Backdating(Instant.parse("2023-06-01T16:00:00Z"), "demo-party", "纸质办结单补录", null);
        store.log.append(measure("m-o1", 0, "2023-06-05T02:00:00Z", new MeasureCompleted("mea-9", "XZSPJ", "已完成。",
                "demo-party", "2023-06-30", false, late), late.effectiveAt()), "t", 0, 40);
        assertThat(names(body(call("/api/audit/verify", "DISCIPLINE", "JW"))))
                .containsExactly("ok", "checked", "problems", "firstBroken", "head");
        JsonNode digests = body(call("/api/audit/digests", "DISCIPLINE", "JW"));
        assertThat(names(digests)).containsExactly("head", "count", "digests");
        assertThat(names(digests.get("head"))).containsExactly("position", "hash");
        assertThat(names(digests.get("digests").get(0)))
                .containsExactly("day", "firstPosition", "lastPosition", "lastEventId", "headHash");
        assertThat(names(body(call("/api/audit/log", "DISCIPLINE", "JW")))).containsExactly("total", "count", "entries");
        JsonNode timeline = body(call("/api/audit/aggregates/r1/timeline", "DISCIPLINE", "JW"));
        assertThat(names(timeline)).containsExactly("aggregateId", "aggregateType", "department", "asOf", "count",
                "events");
        assertThat(names(timeline.get("events").get(0))).containsExactly("sequence", "eventId", "type", "time",
                "recordedAt", "effectiveAt", "backdated", "actor", "department", "summary", "position", "loggedAt");
        JsonNode backdated = body(call("/api/audit/aggregates/mea-9/timeline", "DISCIPLINE", "JW")).get("events");
        assertThat(names(backdated.get(0))).containsExactly("sequence", "eventId", "type", "time", "recordedAt",
                "effectiveAt", "backdated", "backdatedBy", "backdateReason", "actor", "department", "summary",
                "position", "loggedAt");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static EventEnvelope measure(String eventId, long sequence, String at, Object payload,
                                         Instant effectiveAt) {
        return new EventEnvelope(eventId, payload.getClass().getSimpleName(), "2", "Measure", "mea-9", sequence,
                Instant.parse(at), "demo-party", "XZSPJ", EnvelopeCodec.toTree(payload), effectiveAt);
    }

    @Test
    void theCsvExportOpensInExcel() throws Exception {
        Call csv = call("/api/audit/export?aggregateId=r1&format=csv", "DISCIPLINE", "JW");
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        byte[] bytes = csv.bytes();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).startsWith("位置,事件时间(UTC),记录时间(UTC),对象类型,对象ID");
        assertThat(lines[2]).contains("提出问题：第1个问题：理论学习不够深入。").contains("demo-dept").contains("XZSPJ");
    }

    @Test
    void theJsonBundleOfAnAggregateOrADepartmentVerifiesOffline() throws Exception {
        JsonNode aggregate = body(call("/api/audit/export?aggregateId=r1", "DISCIPLINE", "JW"));
        assertThat(aggregate.get("format").asText()).isEqualTo("zhenggai-audit-bundle");
        assertThat(aggregate.get("records")).hasSize(6);
        assertThat(BundleVerifier.verify(aggregate).broken()).isNull();

        JsonNode department = body(call("/api/audit/export?department=CZJ", "PARTY_COMMITTEE", "DW"));
        assertThat(department.get("records")).hasSize(2);
        assertThat(BundleVerifier.verify(department).ok()).isTrue();
    }

    @Test
    void personalMattersAreLeftOutForThePartyCommitteeAndTheBundleStillVerifies() throws Exception {
        JsonNode party = body(call("/api/audit/export?aggregateId=r1", "PARTY_COMMITTEE", "DW"));
        JsonNode declaration = party.get("records").get(4);
        assertThat(declaration.get("entry").get("type").asText()).isEqualTo("PersonalMattersDeclared");
        assertThat(declaration.get("payload").isNull()).isTrue();
        assertThat(declaration.get("payloadRedacted").asBoolean()).isTrue();
        assertThat(BundleVerifier.verify(party).ok()).isTrue();
        assertThat(body(call("/api/audit/log?aggregateId=r1", "PARTY_COMMITTEE", "DW")).toString()).doesNotContain("本人住房");

        JsonNode discipline = body(call("/api/audit/export?aggregateId=r1", "DISCIPLINE", "JW"));
        assertThat(discipline.get("records").get(4).get("payload").get("text").asText()).contains("本人住房");
    }

    private void assertBad(String path, String code) throws Exception {
        Call bad = call(path, "DISCIPLINE", "JW");
        assertThat(bad.status()).as(path).isEqualTo(400);
        assertThat(body(bad).get("code").asText()).as(path).isEqualTo(code);
        assertThat(body(bad).get("message").asText()).isNotBlank();
    }

    private Call call(String path, String role, String department) throws Exception {
        TestUser caller = new TestUser("tester", department, List.of(role.split(",")));
        HttpResponse<byte[]> response = api.http().send(HttpRequest.newBuilder(api.uri(path)).GET()
                .header("Authorization", "Bearer " + api.token(caller)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Call(response);
    }

    private static JsonNode body(Call result) throws Exception {
        return JSON.readTree(result.text());
    }

    /** An answer as it came over the wire: status, headers and the body's bytes. */
    private record Call(HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        byte[] bytes() {
            return response.body();
        }

        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }
}
