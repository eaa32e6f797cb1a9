package cn.zhenggai.rectification;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.rectification.intake.MeasurePlanning;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * rectification-service over HTTP against a real PostgreSQL (event store, persistent deadlines) and a Mongo-wire
 * store, with tokens signed like the gateway's: an accepted report planned (twice, as a redelivery would), the
 * ledger with department scope, the lifecycle with its refusals, the overview and the domain gauges.
 */
@RectificationHttpTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RectificationServiceHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeasurePlanning planning;

    private final ApiClient api = INFRASTRUCTURE.client();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void anAcceptedReportIsPlannedOnceAndItsItemsGoThroughTheLedgerToVerification() throws Exception {
        ReportAccepted accepted = new ReportAccepted("rpt-http", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "理论学习的系统性还不够。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "强化理论武装", "内容。", List.of(), "2023-06-30",
                                "2023年6月底前", "张*", null, List.of(), List.of("rc-1"), List.of("prb-1")),
                        new ReportAccepted.Measure("msr-2", 2, "改进工作作风", "内容。", List.of(), null, "长期坚持",
                                null, null, List.of(), List.of(), List.of())));
        EventEnvelope envelope = new EventEnvelope("e-accepted", "ReportAccepted", "1", "Report", "rpt-http", 30,
                Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted));
        assertThat(planning.plan(accepted, envelope)).isEqualTo(2);
        assertThat(planning.plan(accepted, envelope)).as("redelivered").isZero();
        assertThat(stored("MeasurePlanned")).isEqualTo(2);
        String one = MeasureIds.fromReport("rpt-http", "msr-1");
        String two = MeasureIds.fromReport("rpt-http", "msr-2");

        JsonNode ledger = eventually(() -> {
            Answer answer = api.get("/api/ledger?department=XZSPJ", LIAISON);
            return answer.json.path("count").asInt() == 2 ? answer.json : null;
        });
        assertThat(ledger.at("/rows/0/measureId").asText()).isEqualTo(one);
        assertThat(ledger.at("/rows/0/problem").asText()).isEqualTo("理论学习的系统性还不够。");
        assertThat(ledger.at("/rows/0/status").asText()).isEqualTo("PLANNED");
        assertThat(api.get("/api/ledger?department=XZSPJ", OTHER).status).isEqualTo(403);
        assertThat(api.get("/api/ledger", OTHER).json.path("count").asInt()).isZero();
        assertThat(api.get("/api/ledger?department=NOPE", PARTY).status).isEqualTo(404);
        assertThat(api.get("/api/measures/" + one, OTHER).status).as("as an unknown id (ADR 0072)").isEqualTo(404);
        assertThat(api.get("/api/measures/mea-unknown", LIAISON).status).isEqualTo(404);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long events = stored(null);
        Answer otherDept = api.post("/api/measures/" + one + "/assignment", Map.of("leadDepartment", "CZJ",
                "owner", "李*", "deadline", today.plusDays(3).toString()), OTHER);
        assertThat(otherDept.status).as("as an unknown id (ADR 0072)").isEqualTo(404);
        assertThat(otherDept.json.get("code").asText()).isEqualTo("MEASURE_NOT_FOUND");
        Answer past = api.post("/api/measures/" + one + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "张*", "deadline", today.minusDays(1).toString()), LIAISON);
        assertThat(past.status).isEqualTo(400);
        assertThat(past.json.get("code").asText()).isEqualTo("DEADLINE_IN_PAST");
        Answer backfill = api.post("/api/measures/" + one + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "张*", "deadline", today.minusDays(60).toString(), "backfill", true), LIAISON);
        assertThat(backfill.status).as("only the party committee backfills a paper ledger").isEqualTo(403);
        assertThat(backfill.json.get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        Answer unknown = api.post("/api/measures/" + one + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "cooperatingDepartments", List.of("NOPE"), "owner", "张*", "deadline", today.toString()), LIAISON);
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.json.get("code").asText()).isEqualTo("UNKNOWN_DEPARTMENT");
        assertThat(api.post("/api/measures/mea-unknown/completion", Map.of("summary", "完成。"), LIAISON).status)
                .isEqualTo(404);
        assertThat(stored(null)).as("refusals store nothing").isEqualTo(events);

        assertThat(api.post("/api/measures/" + one + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "cooperatingDepartments", List.of("ZZB"), "owner", "王*", "deadline", today.plusDays(3).toString()),
                LIAISON).status).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rectification.scheduled_tasks", Long.class))
                .as("the overdue timer and the next supervision checkpoint are persistent")
                .isGreaterThanOrEqualTo(2);
        JsonNode yellow = eventually(() -> {
            Answer answer = api.get("/api/measures/" + one, LIAISON);
            return "IN_PROGRESS".equals(answer.json.path("status").asText()) ? answer.json : null;
        });
        // the colour is the latest MeasureColourChanged's (the supervision's timers), GREEN until one arrives
        assertThat(yellow.get("colour").asText()).isIn("GREEN", "YELLOW");
        assertThat(yellow.get("owner").asText()).isEqualTo("王*");
        assertThat(api.get("/api/measures/" + one, new TestUser("zzb", "ZZB", List.of("DEPT_LIAISON"))).status)
                .as("a cooperating department sees the item").isEqualTo(200);

        assertThat(api.post("/api/measures/" + one + "/progress", Map.of("text", "已开展三次集中学习。"), LIAISON).status)
                .isEqualTo(200);
        assertThat(api.post("/api/measures/" + one + "/completion", Map.of("summary", "完成。"), LIAISON).status)
                .isEqualTo(200);
        Answer notParty = api.post("/api/measures/" + one + "/verification", Map.of(), LIAISON);
        assertThat(notParty.status).isEqualTo(403);
        assertThat(notParty.json.get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(api.post("/api/measures/" + one + "/verification", Map.of("opinion", "同意销号。"), PARTY).status)
                .isEqualTo(200);
        Answer again = api.post("/api/measures/" + one + "/completion", Map.of("summary", "再次完成。"), LIAISON);
        assertThat(again.status).isEqualTo(409);
        assertThat(again.json.get("code").asText()).isEqualTo("MEASURE_VERIFIED");

        assertThat(api.post("/api/measures/" + two + "/assignment", Map.of("leadDepartment", "XZSPJ", "owner", "张*",
                "longTerm", true, "reviewPeriodMonths", 6), DUAL).status).isEqualTo(200);
        assertThat(api.post("/api/measures/" + two + "/completion", Map.of("summary", "阶段完成。"), DUAL).status)
                .isEqualTo(200);
        Answer own = api.post("/api/measures/" + two + "/verification", Map.of(), DUAL);
        assertThat(own.status).isEqualTo(403);
        assertThat(own.json.get("code").asText()).isEqualTo("SEPARATION_OF_DUTIES");

        JsonNode figures = eventually(() -> {
            JsonNode body = api.get("/api/overview", PARTY).json;
            for (JsonNode d : body.path("departments")) {
                if ("XZSPJ".equals(d.get("department").asText()) && d.get("verified").asInt() == 1
                        && d.get("completed").asInt() == 2) {
                    return d;
                }
            }
            return null;
        });
        assertThat(figures.get("total").asInt()).isEqualTo(2);
        assertThat(figures.get("overdue").asInt()).isZero();
        assertThat(figures.get("completionRate").asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/overview", OTHER).json.get("departments").size()).isEqualTo(1);
        assertThat(api.get("/api/overview?department=XZSPJ", OTHER).status).isEqualTo(403);
        JsonNode row = api.get("/api/measures/" + one, LIAISON).json;
        assertThat(row.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(row.get("colour").asText()).isEqualTo("GREEN");
        assertThat(row.get("lastProgress").asText()).isEqualTo("已开展三次集中学习。");

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(api.uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("zhenggai_measures{").contains("state=\"closed\"");
    }

    /** After the lifecycle test, whose counts it would change. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void aStepEnteredLateCarriesItsEffectiveTimeOnlyFromThePartyCommitteeWithAReason() throws Exception {
        assertThat(upcasters).as("old stored item events read through the upcaster").isNotNull();
        ReportAccepted accepted = new ReportAccepted("rpt-late", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "调查研究不够深入。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "加强调查研究", "内容。", List.of(), "2023-06-30",
                        "2023年6月底前", "张*", null, List.of(), List.of(), List.of("prb-1"))));
        planning.plan(accepted, new EventEnvelope("e-late", "ReportAccepted", "1", "Report", "rpt-late", 30,
                Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted)));
        String id = MeasureIds.fromReport("rpt-late", "msr-1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(api.post("/api/measures/" + id + "/assignment", Map.of("leadDepartment", "XZSPJ", "owner", "张*",
                "deadline", today.plusDays(30).toString()), LIAISON).status).isEqualTo(200);
        String path = "/api/measures/" + id + "/completion";
        long events = stored(null);
        long completions = stored("MeasureCompleted");

        Answer forbidden = api.post(path, Map.of("summary", "完成。", "effectiveAt", today.toString(),
                "backdateReason", "纸质办结单补录"), LIAISON);
        assertThat(forbidden.status).isEqualTo(403);
        assertThat(forbidden.json.get("code").asText()).isEqualTo("BACKDATE_FORBIDDEN");
        Answer noReason = api.post(path, Map.of("summary", "完成。", "effectiveAt", today.toString()), PARTY);
        assertThat(noReason.status).isEqualTo(400);
        assertThat(noReason.json.get("code").asText()).isEqualTo("BACKDATE_REASON_REQUIRED");
        Answer future = api.post(path, Map.of("summary", "完成。", "effectiveAt", today.plusDays(1).toString(),
                "backdateReason", "纸质办结单补录"), PARTY);
        assertThat(future.status).isEqualTo(400);
        assertThat(future.json.get("code").asText()).isEqualTo("BACKDATE_IN_FUTURE");
        Answer beforeItem = api.post(path, Map.of("summary", "完成。", "effectiveAt", "2020-01-01T00:00:00+08:00",
                "backdateReason", "纸质办结单补录"), PARTY);
        assertThat(beforeItem.status).isEqualTo(400);
        assertThat(beforeItem.json.get("code").asText()).isEqualTo("BACKDATE_BEFORE_ITEM");
        assertThat(beforeItem.json.get("message").asText()).contains("生效时间不能早于该事项产生的时间");
        Answer notADate = api.post(path, Map.of("summary", "完成。", "effectiveAt", "上周三",
                "backdateReason", "纸质办结单补录"), PARTY);
        assertThat(notADate.status).isEqualTo(400);
        assertThat(notADate.json.get("code").asText()).isEqualTo("BACKDATE_INVALID");
        assertThat(stored(null)).as("refusals store nothing").isEqualTo(events);

        // today: the day of the assignment, so it falls right at it
        assertThat(api.post(path, Map.of("summary", "完成。", "effectiveAt", today.toString(),
                "backdateReason", "纸质办结单补录"), PARTY).status).isEqualTo(200);
        assertThat(stored("MeasureCompleted")).isEqualTo(completions + 1);
        assertThat(eventually(() -> {
            Answer answer = api.get("/api/measures/" + id, LIAISON);
            return "COMPLETED".equals(answer.json.path("status").asText()) ? answer.json : null;
        })).isNotNull();
    }

    @Autowired
    private cn.zhenggai.rectification.upcasting.ItemEventUpcaster upcasters;

    // ------------------------------------------------------------------ plumbing

    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser OTHER = new TestUser("cz-liaison", "CZJ", List.of("DEPT_LIAISON"));
    static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"));
    static final TestUser DUAL = new TestUser("dual", "XZSPJ", List.of("DEPT_LIAISON", "PARTY_COMMITTEE"));

    private long stored(String type) {
        return type == null
                ? jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry WHERE payloadtype LIKE ?",
                Long.class, "%" + type);
    }
}
