package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.StandaloneMvc;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.access.KnownDepartments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Time travel over HTTP against the audit log in the embedded store: ledgers and states as of a date, differences, refusals. */
class TimeTravelEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestLog store = new TestLog();
    private MockMvc mvc;
    private int offset;

    @BeforeEach
    void setUp() {
        append("a0", "MeasurePlanned", "a", 0, "2023-01-05T02:00:00Z", "XZSPJ", """
                {"measureId":"a","department":"XZSPJ","source":"REPORT","reportId":"r1","ordinal":1,"title":"强化理论武装",
                 "proposedOwner":"张三","cooperatingDepartments":["ZZB"],
                 "problems":[{"problemId":"p1","theme":"政治","ordinal":1,"statement":"学习不深"}]}""");
        // 23:59 on 5 January in Shanghai, 15:59 UTC
        append("a1", "MeasureAssigned", "a", 1, "2023-01-05T15:59:00Z", "XZSPJ", """
                {"measureId":"a","department":"XZSPJ","leadDepartment":"XZSPJ","cooperatingDepartments":["ZZB"],
                 "owner":"李四","deadline":"2023-03-31","longTerm":false,"assignedBy":"head-1"}""");
        // 00:30 on 6 January in Shanghai, still the 5th in UTC
        append("a2", "ProgressReported", "a", 2, "2023-01-05T16:30:00Z", "XZSPJ",
                "{\"measureId\":\"a\",\"department\":\"XZSPJ\",\"text\":\"已集中学习\",\"reportedBy\":\"liaison\",\"evidence\":[]}");
        append("b0", "MeasurePlanned", "b", 0, "2023-01-05T02:00:01Z", "CZJ", """
                {"measureId":"b","department":"CZJ","source":"AUDIT","ordinal":1,"title":"规范资金管理","problems":[]}""");
        append("a3", "MeasureCompleted", "a", 3, "2023-03-01T02:00:00Z", "XZSPJ",
                "{\"measureId\":\"a\",\"department\":\"XZSPJ\",\"completedBy\":\"liaison\"}");
        append("a4", "MeasureVerified", "a", 4, "2023-03-02T02:00:00Z", "XZSPJ",
                "{\"measureId\":\"a\",\"department\":\"XZSPJ\",\"verifiedBy\":\"party-1\",\"opinion\":\"同意销号\"}");
        store.log.append(TestLog.drafted("r0", "r1", "2022-12-20T08:00:00Z", "XZSPJ"), "zhenggai.report.events", 0, 99);
        TimeTravel timeTravel = new TimeTravel(store.log);
        mvc = StandaloneMvc.of(new TimeTravelController(timeTravel,
                        new KnownDepartments("XZSPJ:行政审批局,CZJ:财政局,ZZB:组织部,JW:纪委", store.log::hasDepartment)));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theLedgerAsOfADayEndsThatDayInShanghai() throws Exception {
        JsonNode day5 = body(call("/api/audit/ledger?department=XZSPJ&asOf=2023-01-05"));
        assertThat(day5.get("asOf").asText()).isEqualTo("2023-01-05T15:59:59.999Z");
        assertThat(day5.get("count").asInt()).isEqualTo(1);
        JsonNode row = day5.get("rows").get(0);
        assertThat(row.get("measureId").asText()).isEqualTo("a");
        assertThat(row.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(row.get("owner").asText()).isEqualTo("李四");
        assertThat(row.get("deadline").asText()).isEqualTo("2023-03-31");
        assertThat(row.get("colour").asText()).isEqualTo("GREEN");
        assertThat(row.get("lastProgress").isNull()).isTrue();
        assertThat(row.get("problem").asText()).isEqualTo("学习不深");
        assertThat(row.get("leadDepartment").asText()).isEqualTo("XZSPJ");
        assertThat(row.get("source").asText()).isEqualTo("REPORT");

        JsonNode day6 = body(call("/api/audit/ledger?department=XZSPJ&asOf=2023-01-06"));
        assertThat(day6.get("rows").get(0).get("lastProgress").asText()).isEqualTo("已集中学习");
        JsonNode instant = body(call("/api/audit/ledger?department=XZSPJ&asOf=2023-01-05T16:00:00Z"));
        assertThat(instant.get("rows").get(0).get("lastProgress").isNull()).isTrue();

        JsonNode now = body(call("/api/audit/ledger?department=XZSPJ&asOf=now"));
        assertThat(now.get("rows").get(0).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(body(call("/api/audit/ledger?department=XZSPJ")).get("rows")).isEqualTo(now.get("rows"));
        JsonNode cooperating = body(call("/api/audit/ledger?department=ZZB&asOf=2023-02-01"));
        assertThat(cooperating.get("rows").get(0).get("role").asText()).isEqualTo("COOPERATING");
        assertThat(body(call("/api/audit/ledger?department=XZSPJ&asOf=2023-01-04")).get("count").asInt()).isZero();
        assertThat(body(call("/api/audit/ledger?department=CZJ")).get("rows").get(0).get("source").asText()).isEqualTo("AUDIT");
    }

    @Test
    void theStateOfAnItemOrAReportAsOfAnInstant() throws Exception {
        JsonNode item = body(call("/api/audit/aggregates/a/state?asOf=2023-02-01"));
        assertThat(item.get("kind").asText()).isEqualTo("ITEM");
        assertThat(item.get("events").asInt()).isEqualTo(3);
        assertThat(item.get("state").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(item.get("state").get("lastProgress").asText()).isEqualTo("已集中学习");
        assertThat(item.get("state").get("changedBy").get("owner").get("actor").asText()).isEqualTo("someone");
        JsonNode later = body(call("/api/audit/aggregates/a/state"));
        assertThat(later.get("state").get("status").asText()).isEqualTo("VERIFIED");
        JsonNode report = body(call("/api/audit/aggregates/r1/state?asOf=2022-12-20T16:00:00Z"));
        assertThat(report.get("kind").asText()).isEqualTo("REPORT");
        assertThat(report.get("state").get("status").asText()).isEqualTo("DRAFT");
        assertThat(report.get("state").get("title").asText()).isEqualTo("2022年度民主生活会个人发言提纲");
        MvcResult before = call("/api/audit/aggregates/a/state?asOf=2023-01-04");
        assertThat(before.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(before).get("code").asText()).isEqualTo("AGGREGATE_NOT_FOUND");
    }

    @Test
    void theDifferenceBetweenTwoDates() throws Exception {
        JsonNode diff = body(call("/api/audit/ledger/diff?department=XZSPJ&from=2023-01-05&to=2023-03-31"));
        assertThat(diff.get("from").asText()).isEqualTo("2023-01-05T15:59:59.999Z");
        assertThat(diff.get("counts").get("statusChanges").asInt()).isEqualTo(1);
        JsonNode status = diff.get("statusChanges").get(0);
        assertThat(status.get("before").asText()).isEqualTo("IN_PROGRESS");
        assertThat(status.get("after").asText()).isEqualTo("VERIFIED");
        assertThat(status.get("event").get("type").asText()).isEqualTo("MeasureVerified");
        assertThat(status.get("event").get("time").asText()).isEqualTo("2023-03-02T02:00:00Z");
        assertThat(diff.get("closures").get(0).get("measureId").asText()).isEqualTo("a");
        JsonNode fromStart = body(call("/api/audit/ledger/diff?department=XZSPJ&from=2023-01-01&to=2023-01-05"));
        assertThat(fromStart.get("counts").get("newItems").asInt()).isEqualTo(1);
        assertThat(fromStart.get("newProblems").get(0).get("statement").asText()).isEqualTo("学习不深");
    }

    @Test
    void badInputIsRefusedWithACodeAndChangesNothing() throws Exception {
        long size = store.log.size();
        String head = store.log.head().getString("hash");
        assertRefused("/api/audit/ledger?department=XZSPJ&asOf=yesterday", 400, "BAD_DATE");
        assertRefused("/api/audit/ledger?department=XZSPJ&asOf=2023-02-30", 400, "BAD_DATE");
        assertRefused("/api/audit/aggregates/a/state?asOf=tomorrow", 400, "BAD_DATE");
        assertRefused("/api/audit/ledger/diff?department=XZSPJ&from=2023-03-01&to=2023-01-01", 400, "BAD_RANGE");
        assertRefused("/api/audit/ledger/diff?department=XZSPJ&to=2023-01-01", 400, "BAD_DATE");
        assertRefused("/api/audit/ledger/diff?department=XZSPJ&from=2023-01-01&to=soon", 400, "BAD_DATE");
        assertRefused("/api/audit/ledger?department=NOPE", 404, "UNKNOWN_DEPARTMENT");
        assertRefused("/api/audit/ledger/diff?department=NOPE&from=2023-01-01", 404, "UNKNOWN_DEPARTMENT");
        assertRefused("/api/audit/aggregates/zzz/state", 404, "AGGREGATE_NOT_FOUND");
        assertThat(store.log.size()).isEqualTo(size);
        assertThat(store.log.head().getString("hash")).isEqualTo(head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/audit/ledger?department=XZSPJ", "/api/audit/ledger/diff?department=XZSPJ&from=2023-01-01",
            "/api/audit/aggregates/a/state"})
    void onlyDisciplineAndThePartyCommitteeAndOnlyTheirOwnScope(String path) throws Exception {
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE", "ORG_DEPT"}) {
            MvcResult refused = call(path, role, "XZSPJ");
            assertThat(refused.getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(body(refused).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        }
        // the role is checked first (ADR 0072): another department, or an unknown aggregate, answers the same
        for (String role : new String[] {"DEPT_LIAISON", "DEPT_HEAD", "CADRE"}) {
            MvcResult own = call(path, role, "XZSPJ");
            for (String other : new String[] {path.replace("XZSPJ", "CZJ").replace("/a/", "/b/"),
                    path.replace("XZSPJ", "NOPE").replace("/a/", "/zzz/")}) {
                MvcResult answer = call(other, role, "XZSPJ");
                assertThat(answer.getResponse().getStatus()).as(role + " " + other).isEqualTo(403);
                assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                        .isEqualTo(own.getResponse().getContentAsString(StandardCharsets.UTF_8));
                assertThat(body(answer).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
            }
        }
        assertThat(call(path, "PARTY_COMMITTEE", "DW").getResponse().getStatus()).isEqualTo(200);
        assertThat(call(path, "DISCIPLINE", "JW").getResponse().getStatus()).isEqualTo(200);
    }

    private void append(String eventId, String type, String aggregateId, long sequence, String at, String department,
                        String payload) {
        store.log.append(TestLog.of(eventId, type, aggregateId, sequence, at, department, payload),
                "zhenggai.rectification.events", 0, offset++);
    }

    private void assertRefused(String path, int status, String code) throws Exception {
        MvcResult refused = call(path);
        assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(status);
        assertThat(body(refused).get("code").asText()).as(path).isEqualTo(code);
        assertThat(body(refused).get("message").asText()).isNotBlank();
    }

    private MvcResult call(String path) throws Exception {
        return call(path, "DISCIPLINE", "JW");
    }

    private MvcResult call(String path, String role, String department) throws Exception {
        return mvc.perform(get(path).header("X-Test-Roles", role).header("X-Test-Department", department)).andReturn();
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
