package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.StandaloneMvc;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.access.KnownDepartments;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Time travel on both times over HTTP (ADR 0090, 0092), the log fed through the consumer's path (batched append,
 * then the index told of the batch): an item completed on 15 February and recorded so on 20 March, and an item
 * migrated from a paper ledger of 2021. As of 1 March the effective time knows the completion, the recorded time does
 * not; before the migration was recorded only the effective time has a ledger.
 */
class BothTimesEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_TIME = "time 只能是 effective（按生效时间）或 recorded（按记录时间）";

    private final TestLog store = new TestLog();
    private ItemIndex index;
    private MockMvc mvc;
    private long offset;

    @BeforeEach
    void setUp() {
        index = ItemIndex.loaded(store.log);
        Backdating late = new Backdating(Instant.parse("2024-02-15T02:00:00Z"), "liaison-1", "纸质台账补录", null);
        Backdating migrated = new Backdating(Instant.parse("2021-05-01T00:00:00Z"), "party-1", "历史台账迁移",
                new Backdating.Migration("2021台账.xlsx", "ab".repeat(32), 3));
        feed(envelope("h0", "h", 0, "2024-01-10T02:00:00Z", planned("h", null)),
                envelope("h1", "h", 1, "2024-01-10T03:00:00Z", new MeasureAssigned("h", "XZSPJ", "XZSPJ",
                        List.of("ZZB"), "李四", "2024-06-30", false, null, "head-1", false, null)));
        feed(envelope("m0", "m", 0, "2024-01-12T02:00:00Z", planned("m", migrated)));
        feed(envelope("h2", "h", 2, "2024-03-20T02:00:00Z", new MeasureCompleted("h", "XZSPJ", "已完成",
                "liaison-1", "2024-06-30", false, late)));
        feed(envelope("h3", "h", 3, "2024-03-25T02:00:00Z", new MeasureVerified("h", "XZSPJ", "party-1", "同意销号",
                null)));
        mvc = StandaloneMvc.of(new TimeTravelController(new TimeTravel(store.log, index),
                        new KnownDepartments("XZSPJ:行政审批局,ZZB:组织部,JW:纪委", store.log::hasDepartment)));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theLedgerAsOfADayOnEitherTime() throws Exception {
        JsonNode effective = body(call("/api/audit/ledger?department=XZSPJ&asOf=2024-03-01T00:00:00Z&time=effective"));
        assertThat(effective.get("time").asText()).isEqualTo("effective");
        JsonNode h = row(effective, "h");
        assertThat(h.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(h.get("completedBy").asText()).isEqualTo("liaison-1");
        assertThat(h.get("updatedAt").asText()).isEqualTo("2024-02-15T02:00:00.000Z");
        assertThat(h.get("recordedAt").asText()).isEqualTo("2024-03-20T02:00:00.000Z");
        assertThat(h.get("backdatedEvents").asInt()).isEqualTo(1);
        assertThat(h.get("lastEvent").get("backdated").asBoolean()).isTrue();
        assertThat(h.get("lastEvent").get("backdating").get("reason").asText()).isEqualTo("纸质台账补录");
        assertThat(row(effective, "m").get("migrated").asBoolean()).isTrue();

        JsonNode recorded = body(call("/api/audit/ledger?department=XZSPJ&asOf=2024-03-01T00:00:00Z&time=recorded"));
        assertThat(recorded.get("time").asText()).isEqualTo("recorded");
        assertThat(row(recorded, "h").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(row(recorded, "h").get("completedBy").isNull()).isTrue();

        // effective is the default
        JsonNode plain = body(call("/api/audit/ledger?department=XZSPJ&asOf=2024-03-01T00:00:00Z"));
        assertThat(plain).isEqualTo(effective);
        // after the completion was recorded both times agree
        JsonNode later = body(call("/api/audit/ledger?department=XZSPJ&asOf=2024-03-21&time=recorded"));
        assertThat(row(later, "h").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(row(later, "h")).isEqualTo(row(body(call("/api/audit/ledger?department=XZSPJ&asOf=2024-03-21")),
                "h"));

        // in 2022 only the migrated item had taken effect, and nothing had been recorded yet
        JsonNode migrated = body(call("/api/audit/ledger?department=XZSPJ&asOf=2022-01-01"));
        assertThat(migrated.get("count").asInt()).isEqualTo(1);
        assertThat(migrated.get("rows").get(0).get("measureId").asText()).isEqualTo("m");
        assertThat(migrated.get("rows").get(0).get("updatedAt").asText()).isEqualTo("2021-05-01T00:00:00.000Z");
        MvcResult before = call("/api/audit/ledger?department=XZSPJ&asOf=2022-01-01&time=recorded");
        assertThat(before.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(before).get("code").asText()).isEqualTo("BEFORE_FIRST_EVENT");
    }

    @Test
    void theStateOfAnItemOnEitherTime() throws Exception {
        JsonNode effective = body(call("/api/audit/aggregates/h/state?asOf=2024-03-01T00:00:00Z"));
        assertThat(effective.get("time").asText()).isEqualTo("effective");
        assertThat(effective.get("kind").asText()).isEqualTo("ITEM");
        assertThat(effective.get("events").asInt()).isEqualTo(3);
        assertThat(effective.get("state").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(effective.get("state").get("completedAt").asText()).isEqualTo("2024-02-15T02:00:00Z");
        assertThat(effective.get("state").get("changedBy").get("status").get("recordedAt").asText())
                .isEqualTo("2024-03-20T02:00:00Z");
        JsonNode recorded = body(call("/api/audit/aggregates/h/state?asOf=2024-03-01T00:00:00Z&time=recorded"));
        assertThat(recorded.get("time").asText()).isEqualTo("recorded");
        assertThat(recorded.get("events").asInt()).isEqualTo(2);
        assertThat(recorded.get("state").get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode m = body(call("/api/audit/aggregates/m/state?asOf=2022-01-01"));
        assertThat(m.get("state").get("migratedFrom").get("fileName").asText()).isEqualTo("2021台账.xlsx");
    }

    @Test
    void theDifferenceOnEitherTime() throws Exception {
        String path = "/api/audit/ledger/diff?department=XZSPJ&from=2024-02-01&to=2024-03-01";
        JsonNode effective = body(call(path + "&time=effective"));
        assertThat(effective.get("time").asText()).isEqualTo("effective");
        assertThat(effective.get("counts").get("statusChanges").asInt()).isEqualTo(1);
        JsonNode change = effective.get("statusChanges").get(0);
        assertThat(change.get("before").asText()).isEqualTo("IN_PROGRESS");
        assertThat(change.get("after").asText()).isEqualTo("COMPLETED");
        assertThat(change.get("event").get("time").asText()).isEqualTo("2024-02-15T02:00:00Z");
        assertThat(change.get("event").get("recordedAt").asText()).isEqualTo("2024-03-20T02:00:00Z");
        assertThat(change.get("event").get("backdating").get("by").asText()).isEqualTo("liaison-1");
        JsonNode recorded = body(call(path + "&time=recorded"));
        assertThat(recorded.get("time").asText()).isEqualTo("recorded");
        assertThat(recorded.get("counts").get("statusChanges").asInt()).isZero();
        // a difference may start before the first record: everything is new since then
        JsonNode all = body(call("/api/audit/ledger/diff?department=XZSPJ&from=2020-01-01&to=2024-03-01"));
        assertThat(all.get("counts").get("newItems").asInt()).isEqualTo(2);
    }

    @Test
    void badTimesAndDatesAreRefusedWithACodeAndChangeNothing() throws Exception {
        long size = store.log.size();
        for (String path : new String[] {"/api/audit/ledger?department=XZSPJ&time=valid",
                "/api/audit/ledger/diff?department=XZSPJ&from=2024-01-01&time=EFFECTIVEX",
                "/api/audit/aggregates/h/state?time=both"}) {
            MvcResult refused = call(path);
            assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(body(refused).get("code").asText()).as(path).isEqualTo("BAD_TIME");
            assertThat(body(refused).get("message").asText()).as(path).isEqualTo(BAD_TIME);
        }
        assertThat(call("/api/audit/ledger?department=XZSPJ&time=RECORDED").getResponse().getStatus()).isEqualTo(200);
        assertRefused("/api/audit/ledger?department=XZSPJ&asOf=2999-01-01", "FUTURE_DATE");
        assertRefused("/api/audit/aggregates/h/state?asOf=2999-01-01T00:00:00Z", "FUTURE_DATE");
        assertRefused("/api/audit/ledger/diff?department=XZSPJ&from=2024-01-01&to=2999-01-01", "FUTURE_DATE");
        assertRefused("/api/audit/ledger?department=XZSPJ&asOf=2020-01-01", "BEFORE_FIRST_EVENT");
        assertRefused("/api/audit/aggregates/h/state?asOf=2020-01-01&time=recorded", "BEFORE_FIRST_EVENT");
        assertRefused("/api/audit/ledger/diff?department=XZSPJ&from=2019-01-01&to=2020-01-01",
                "BEFORE_FIRST_EVENT");
        assertRefused("/api/audit/ledger?department=XZSPJ&asOf=not-a-date", "BAD_DATE");
        // today is not the future
        assertThat(call("/api/audit/ledger?department=XZSPJ&asOf=" + java.time.LocalDate.now(
                cn.zhenggai.audit.access.Params.ZONE)).getResponse().getStatus()).isEqualTo(200);
        assertThat(store.log.size()).isEqualTo(size);
    }

    private void assertRefused(String path, String code) throws Exception {
        MvcResult refused = call(path);
        assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(400);
        assertThat(body(refused).get("code").asText()).as(path).isEqualTo(code);
        assertThat(body(refused).get("message").asText()).as(path).isNotBlank()
                .matches(".*[\\u4e00-\\u9fa5].*");
    }

    private static JsonNode row(JsonNode ledger, String measureId) {
        for (JsonNode row : ledger.get("rows")) {
            if (row.get("measureId").asText().equals(measureId)) {
                return row;
            }
        }
        throw new AssertionError("no row " + measureId + " in " + ledger);
    }

    private static MeasurePlanned planned(String id, Backdating backdating) {
        return new MeasurePlanned(id, "XZSPJ", "REPORT", "r1", "rm-" + id, "XZSPJ", "cadre-1", 2023, 1, "强化理论武装",
                "每月集中学习", List.of(), "2024-06-30", "2024年6月底前", "张三", "XZSPJ", List.of("ZZB"), List.of(),
                List.of(new MeasurePlanned.Problem("p-" + id, "政治", 1, "学习不深")), backdating);
    }

    private static EventEnvelope envelope(String eventId, String aggregateId, long sequence, String recordedAt,
                                          Object payload) {
        return new EventEnvelope(eventId, EventTypes.nameOf(payload.getClass()), "2", "Measure", aggregateId,
                sequence, Instant.parse(recordedAt), "liaison-1", "XZSPJ", EnvelopeCodec.toTree(payload),
                cn.zhenggai.contracts.history.EffectiveDated.effectiveAt(payload, Instant.parse(recordedAt)));
    }

    /** One consumer batch: appended in one go, then the index is told, as the listener does. */
    private void feed(EventEnvelope... envelopes) {
        List<Document> bases = java.util.Arrays.stream(envelopes)
                .map(e -> AuditLog.base(e, "zhenggai.rectification.events", 0, offset++)).toList();
        store.log.appendBatch(bases);
        index.appended(bases);
    }

    private MvcResult call(String path) throws Exception {
        return mvc.perform(get(path).header("X-Test-Roles", "DISCIPLINE").header("X-Test-Department", "JW"))
                .andReturn();
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
