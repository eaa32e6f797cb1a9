package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.rectification.HttpTests;
import cn.zhenggai.rectification.RectificationHttpTest;
import cn.zhenggai.rectification.carryover.CarryOverPreparation;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's lists, export and carry-over preview over HTTP with tokens signed like the gateway's: department
 * scope (another department's items 403, an unknown department 404), bounds on {@code days}, my items by user name
 * and display name, the .xlsx read back; and a drafted report's carry-over prepared once into the event store.
 */
@RectificationHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    private static final Instant AT = Instant.parse("2025-03-01T02:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private LedgerProjection projection;
    @Autowired
    private CarryOverPreparation carryOver;
    @Autowired
    private tools.jackson.databind.json.JsonMapper jsonMapper;

    private final ApiClient api = INFRASTRUCTURE.client();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"), "王局长");
    static final TestUser OTHER = HttpTests.OTHER;
    static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"), "党委（演示）");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    private static MeasurePlanned planned(String id, String department, String author, int year, String statement) {
        return new MeasurePlanned(id, department, "REPORT", "rpt-" + author + "-" + year, "msr-" + id, department,
                author, year, 1, "措施" + id, "内容。", List.of(), null, null, null, null, List.of(), List.of(),
                List.of(new MeasurePlanned.Problem(id + "-p", "理论学习", 1, statement)));
    }

    @BeforeAll
    void items() {
        LocalDate now = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        projection.on(planned("h-mine", "XZSPJ", "demo-dept", 2024, "理论学习的系统性还不够。"), 0, AT);
        projection.on(new MeasureAssigned("h-mine", "XZSPJ", "XZSPJ", List.of(), "王局长", now.plusDays(10).toString(),
                false, null, "demo-dept"), 1, AT);
        projection.on(new ProgressReported("h-mine", "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ"), 2, AT);
        projection.on(planned("h-late", "XZSPJ", "demo-dept", 2024, "调查研究不够深入。"), 0, AT);
        projection.on(new MeasureAssigned("h-late", "XZSPJ", "XZSPJ", List.of(), "demo-dept", now.minusDays(2)
                .toString(), false, null, "demo-dept"), 1, AT);
        projection.on(new MeasureOverdue("h-late", "XZSPJ", now.minusDays(2).toString(), "demo-dept"), 2, AT);
        projection.on(planned("h-czj", "CZJ", "cz-cadre", 2024, "预算执行不够严格。"), 0, AT);
        projection.on(new MeasureAssigned("h-czj", "CZJ", "CZJ", List.of(), "王局长", now.plusDays(5).toString(),
                false, null, "cz-liaison"), 1, AT);
        projection.on(planned("h-done-czj", "CZJ", "cz-cadre", 2024, "资金监管不够有力。"), 0, AT);
        projection.on(new MeasureCompleted("h-done-czj", "CZJ", "已完成。", "cz-liaison", null, false), 1, AT);
        projection.on(planned("h-done", "XZSPJ", "xz-other", 2024, "服务意识不够强。"), 0, AT);
        projection.on(new MeasureCompleted("h-done", "XZSPJ", "已完成。", "demo-dept", null, false), 1,
                AT.plusSeconds(60));
    }

    @Test
    void thePartyCommitteesQueueHoldsEveryDepartmentsCompletedItemsTheLongestWaitingFirst() throws Exception {
        assertThat(ids(api.get("/api/ledger/awaiting-verification", PARTY).json))
                .containsExactly("h-done-czj", "h-done");
        assertThat(ids(api.get("/api/ledger/awaiting-verification?department=XZSPJ", PARTY).json))
                .containsExactly("h-done");
        assertThat(ids(api.get("/api/ledger/awaiting-verification", LIAISON).json)).containsExactly("h-done");
        assertThat(ids(api.get("/api/ledger/awaiting-verification", OTHER).json)).containsExactly("h-done-czj");
        Answer refused = api.get("/api/ledger/awaiting-verification?department=CZJ", LIAISON);
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.json.get("code").asText()).isEqualTo("FORBIDDEN_DEPARTMENT");
        assertThat(api.get("/api/ledger/awaiting-verification?department=NOPE", PARTY).status).isEqualTo(404);

        // a screen asks for the first rows of a long list: the total still says how many there are
        JsonNode first = api.get("/api/ledger/awaiting-verification?limit=1", PARTY).json;
        assertThat(ids(first)).containsExactly("h-done-czj");
        assertThat(first.get("count").asInt()).isEqualTo(1);
        assertThat(first.get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/ledger/due?days=30&limit=1", PARTY).json.get("total").asInt()).isEqualTo(2);
        for (String limit : List.of("0", "1001", "-1", "ten")) {
            for (String path : List.of("/api/ledger/overdue", "/api/ledger/due", "/api/ledger/awaiting-verification")) {
                Answer bad = api.get(path + "?limit=" + limit, PARTY);
                assertThat(bad.status).as(path + " " + limit).isEqualTo(400);
                assertThat(bad.json.get("code").asText()).isEqualTo("INVALID_LIMIT");
            }
        }
    }

    @Test
    void listsAreScopedToTheCallersDepartmentAndCrossRolesSeeAll() throws Exception {
        Answer mine = api.get("/api/ledger/mine", LIAISON);
        assertThat(mine.status).isEqualTo(200);
        assertThat(ids(mine.json)).containsExactly("h-late", "h-mine");
        assertThat(mine.json.get("owners").toString()).contains("demo-dept").contains("王局长");
        assertThat(ids(api.get("/api/ledger/due", LIAISON).json)).containsExactly("h-mine");
        assertThat(ids(api.get("/api/ledger/due?days=5", PARTY).json)).containsExactly("h-czj");
        assertThat(ids(api.get("/api/ledger/due?days=30&department=CZJ", PARTY).json)).containsExactly("h-czj");
        assertThat(ids(api.get("/api/ledger/overdue", LIAISON).json)).containsExactly("h-late");
        assertThat(ids(api.get("/api/ledger/overdue", OTHER).json)).isEmpty();
        assertThat(ids(api.get("/api/ledger/mine", OTHER).json)).isEmpty();
        assertThat(api.get("/api/ledger/due", LIAISON).json.get("from").asText()).isEqualTo(today);

        for (String path : List.of("/api/ledger/mine?department=CZJ", "/api/ledger/due?department=CZJ",
                "/api/ledger/overdue?department=CZJ", "/api/ledger/export.xlsx?department=CZJ",
                "/api/ledger?department=CZJ", "/api/overview?department=CZJ")) {
            Answer refused = api.get(path, LIAISON);
            assertThat(refused.status).as(path).isEqualTo(403);
            assertThat(refused.json.get("code").asText()).as(path).isEqualTo("FORBIDDEN_DEPARTMENT");
        }
        for (String path : List.of("/api/ledger/due?department=NOPE", "/api/ledger/export.xlsx?department=NOPE",
                "/api/ledger?department=NOPE")) {
            Answer unknown = api.get(path, PARTY);
            assertThat(unknown.status).as(path).isEqualTo(404);
            assertThat(unknown.json.get("code").asText()).isEqualTo("UNKNOWN_DEPARTMENT");
        }
        for (String days : List.of("0", "-1", "367", "abc", "1e3")) {
            Answer bad = api.get("/api/ledger/due?days=" + days, LIAISON);
            assertThat(bad.status).as(days).isEqualTo(400);
            assertThat(bad.json.get("code").asText()).isEqualTo("INVALID_DAYS");
            assertThat(bad.json.get("message").asText()).contains("天数");
        }
        assertThat(api.get("/api/ledger/due?days=366", LIAISON).status).isEqualTo(200);
    }

    @Test
    void theOverviewCarriesThemesHeatMapTrendAndRecurringCounts() throws Exception {
        JsonNode overview = api.get("/api/overview", PARTY).json;
        assertThat(overview.get("departments").size()).isGreaterThanOrEqualTo(2);
        assertThat(overview.get("themes").get(0).get("theme").asText()).isEqualTo("理论学习");
        assertThat(overview.at("/heatmap/themes/0").asText()).isEqualTo("理论学习");
        assertThat(overview.get("trend").get(0).get("month").asText()).isEqualTo("2025-03");
        assertThat(overview.at("/totals/recurring").isNumber()).isTrue();
        JsonNode own = api.get("/api/overview", OTHER).json;
        assertThat(own.get("departments").size()).isEqualTo(1);
        assertThat(own.at("/departments/0/department").asText()).isEqualTo("CZJ");
    }

    @Test
    void theExportIsAnXlsxOfTheCallersLedger() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(api.uri("/api/ledger/export.xlsx"))
                .header("Authorization", "Bearer " + api.token(LIAISON)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("行政审批局整改台账");
            assertThat(sheet.getLastRowNum()).as("title, header, three items").isEqualTo(4);
        }
        HttpResponse<byte[]> all = http.send(HttpRequest.newBuilder(api.uri("/api/ledger/export.xlsx"))
                .header("Authorization", "Bearer " + api.token(PARTY)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(all.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("全部单位");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aDraftedReportGetsItsCarryOverPreparedOnceAndThePreviewIsScoped() throws Exception {
        Answer preview = api.get("/api/rectification/carry-over?year=2025", LIAISON);
        assertThat(preview.status).isEqualTo(200);
        assertThat(preview.json.get("previousYear").asInt()).isEqualTo(2024);
        assertThat(preview.json.at("/groups/0/heading").asText()).isEqualTo("针对理论学习方面查摆出的2个突出问题");
        assertThat(preview.json.at("/groups/0/items/0").asText()).contains("已开展三次集中学习").endsWith("正在整改。");
        assertThat(api.get("/api/rectification/carry-over?author=demo-dept&year=2025", PARTY).status).isEqualTo(200);
        Answer foreign = api.get("/api/rectification/carry-over?author=demo-dept&year=2025", OTHER);
        assertThat(foreign.status).isEqualTo(403);
        assertThat(api.get("/api/rectification/carry-over?year=twenty", LIAISON).json.get("code").asText())
                .isEqualTo("INVALID_YEAR");
        assertThat(api.get("/api/rectification/carry-over", LIAISON).json.get("code").asText()).isEqualTo("MISSING_YEAR");

        ReportDrafted drafted = new ReportDrafted("rpt-2025-http", "2025年度民主生活会个人发言提纲", 2025, "demo-dept",
                "XZSPJ");
        EventEnvelope envelope = new EventEnvelope("e-drafted", "ReportDrafted", "1", "Report", "rpt-2025-http", 0,
                Instant.now(), "demo-dept", "XZSPJ", EnvelopeCodec.toTree(drafted));
        assertThat(carryOver.on(drafted, envelope)).isTrue();
        assertThat(carryOver.on(drafted, envelope)).as("redelivered").isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry WHERE payloadtype LIKE ?",
                Long.class, "%CarryOverPrepared")).isEqualTo(1);
        ReportDrafted first = new ReportDrafted("rpt-2024-new", "t", 2024, "demo-dept", "XZSPJ");
        assertThat(carryOver.on(first, envelope)).as("no earlier year").isFalse();
    }

    // ------------------------------------------------------------------ plumbing

    @Test
    void aRowIsWrittenInTheWireFormTheLedgerAlwaysHad() throws Exception {
        Answer ledger = api.get("/api/ledger", LIAISON);
        JsonNode row = null;
        for (JsonNode r : ledger.json.get("rows")) {
            if (r.get("measureId").asText().equals("h-mine")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        List<String> names = new java.util.ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("measureId", "source", "sources", "reportId", "author", "year", "problem")
                .contains("role", "daysToDeadline", "recurring", "recurrences").doesNotContain("progress", "lastEvent");
        assertThat(row.get("plannedAt").asText()).as("a java.util.Date's form in the service's JSON")
                .isEqualTo(jsonMapper.writeValueAsString(java.util.Date.from(AT)).replace("\"", ""))
                .isEqualTo("2025-03-01T02:00:00.000Z");
        assertThat(row.get("deadline").asText()).isEqualTo(LocalDate.parse(today).plusDays(10).toString());
        assertThat(row.get("daysToDeadline").asLong()).isEqualTo(10);
        assertThat(row.get("role").asText()).isEqualTo("LEAD");
        assertThat(row.get("colour").asText()).isEqualTo("GREEN");
        assertThat(row.get("status").asText()).isEqualTo("IN_PROGRESS");

        JsonNode item = api.get("/api/measures/h-mine", LIAISON).json;
        assertThat(item.has("role")).isFalse();
        assertThat(item.get("progress").get(0).get("at").asText()).isEqualTo("2025-03-01T02:00:00.000Z");
        assertThat(item.get("progress").get(0).get("text").asText()).isEqualTo("已开展三次集中学习。");
        assertThat(item.has("lastNotice")).isTrue();
        assertThat(item.get("lastNotice").isNull()).isTrue();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.path("rows").forEach(r -> ids.add(r.get("measureId").asText()));
        return ids;
    }
}
