package cn.zhenggai.rectification.sources;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.rectification.HttpTests;
import cn.zhenggai.rectification.RectificationHttpTest;
import cn.zhenggai.rectification.intake.MeasurePlanning;
import cn.zhenggai.rectification.measure.MeasureIds;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/rectification/history/import} over HTTP (ADR 0093): a historical ledger is refused whole with
 * row-numbered Chinese errors, previewed without recording, migrated as backdated events naming the file and its
 * SHA-256, and importing it again changes nothing.
 */
@RectificationHttpTest
class HistoryImportHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    static final TestUser PARTY = HttpTests.PARTY;
    static final TestUser ORG = HttpTests.ORG;
    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON"), null);

    static final List<String> HEADER = List.of("来源", "文号/批次", "问题", "整改措施", "牵头单位", "配合单位", "责任人",
            "完成时限", "分派日期", "进展", "延期", "完成日期", "销号日期", "退回日期");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeasurePlanning planning;

    private final ApiClient api = INFRASTRUCTURE.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @Test
    void aHistoricalLedgerIsCheckedWholeMigratedAsBackdatedHistoryAndReimportedWithoutChange() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String header = String.join(",", HEADER) + "\n";
        String bad = header
                + "巡察,二组〔2021〕1号,审批时限过长。,压缩审批时限。,NOPE,,王*,2021-06-30,2021-01-20,,,,,\n"
                + "巡察,二组〔2021〕1号,会议记录不规范。,规范会议记录。,XZSPJ,,王*,2021-06-30,2021-01-20,,,2021-01-10,,\n"
                + "审计,审〔2021〕2号,采购验收不全。,建立采购台账。,XZSPJ,,李*,2021-06-30,2021-01-20,,,2021-05-01,"
                + "2021-04-01,\n"
                + "审计,审〔2021〕2号,合同管理不严。,规范合同管理。,XZSPJ,,李*,2021-06-30,2021-01-20,"
                + "2021-01-01 早于分派,,,,\n"
                + "审计,审〔2021〕2号,资产台账不清。,清查资产。,XZSPJ,,李*,2021-13-45,2021-01-20,,,,,\n"
                + "审计,审〔2021〕2号,档案管理混乱。,整理档案。,XZSPJ,,李*,2021-06-30,2021-01-20,,,"
                + today.plusDays(3) + ",,\n"
                + "巡察,二组〔2021〕1号,审批时限过长。,压缩审批时限。,XZSPJ,,王*,2021-06-30,2021-01-20,,,,,\n"
                + "巡察,二组〔2021〕1号,审批时限过长。,压缩审批时限。,XZSPJ,,王*,2021-06-30,2021-02-20,,,,,\n";
        long events = stored(null);
        Answer refused = upload("历史台账.csv", bad.getBytes(StandardCharsets.UTF_8), false, PARTY);
        assertThat(refused.status).as(refused.json.toString()).isEqualTo(400);
        assertThat(refused.json.get("code").asText()).isEqualTo("INVALID_SHEET");
        assertThat(refused.json.get("message").asText()).startsWith("历史台账有7处错误，未导入任何事项");
        assertThat(refused.json.get("errors").toString())
                .contains("第2行：牵头单位不存在：NOPE")
                .contains("第3行：完成日期（2021-01-10）早于分派日期（2021-01-20）")
                .contains("第4行：销号日期（2021-04-01）早于完成日期（2021-05-01）")
                .contains("第5行：进展日期（2021-01-01）早于分派日期（2021-01-20）")
                .contains("第6行：完成时限无法识别")
                .contains("第7行：完成日期（" + today.plusDays(3) + "）晚于今天")
                .contains("第9行：与第8行是同一事项")
                .contains("COMPLETED_BEFORE_ASSIGNED").contains("VERIFIED_BEFORE_COMPLETED")
                .contains("PROGRESS_BEFORE_ASSIGNED").contains("DATE_IN_FUTURE").contains("DUPLICATE_ROW");
        assertThat(stored(null)).as("a refused sheet records nothing").isEqualTo(events);

        Answer preview = upload("历史台账.csv", bad.getBytes(StandardCharsets.UTF_8), true, PARTY);
        assertThat(preview.status).isEqualTo(200);
        assertThat(preview.json.get("valid").asBoolean()).isFalse();
        assertThat(preview.json.get("items").size()).isEqualTo(1);
        assertThat(stored(null)).as("a preview records nothing").isEqualTo(events);

        expectRefused(upload("历史台账.csv", bad.getBytes(StandardCharsets.UTF_8), false, ORG), 403, "FORBIDDEN_ROLE");
        expectRefused(upload("历史台账.csv", bad.getBytes(StandardCharsets.UTF_8), false, LIAISON), 403,
                "FORBIDDEN_ROLE");
        expectRefused(upload("历史台账.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), false, PARTY), 415,
                "UNSUPPORTED_SHEET");
        expectRefused(upload("历史台账.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), false, PARTY), 400,
                "UNREADABLE_SHEET");
        expectRefused(upload("历史台账.csv", new byte[0], false, PARTY), 400, "MISSING_FILE");
        expectRefused(upload("历史台账.csv", new byte[HistoryImportController.MAX_BYTES + 1], false, PARTY), 413,
                "FILE_TOO_LARGE");
        Answer missing = upload("历史台账.csv", "来源,问题\n巡察,问题。\n".getBytes(StandardCharsets.UTF_8), false, PARTY);
        assertThat(missing.status).isEqualTo(400);
        assertThat(missing.json.get("errors").toString())
                .contains("第1行：缺少列：整改措施、牵头单位、责任人、完成时限、分派日期");
        byte[] garbled = new byte[600];
        for (int i = 0; i < garbled.length; i++) {
            garbled[i] = (byte) (0x80 + (i * 37) % 120);
        }
        Answer unreadable = upload("历史台账.csv", garbled, false, PARTY);
        assertThat(unreadable.status).isEqualTo(400);
        assertThat(unreadable.json.get("code").asText()).isEqualTo("INVALID_SHEET");
        assertThat(stored(null)).as("bad input records nothing").isEqualTo(events);

        // ---------------------------------------------------------------- a clean workbook
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(List.of("巡察", "区委第二巡察组〔2021〕1号", "审批时限过长，群众反映办事慢。", "压缩审批时限。推行一次办结。", "行政审批局",
                "ZZB", "王*", "2021-06-30", "2021-01-20", "2021-03-01 已制定方案；2021-09-01 已完成一半",
                "2021-08-01 延至 2021-12-31", "2021-12-20", "2022-01-15", ""));
        rows.add(List.of("审计", "审〔2022〕2号", "采购验收记录不全。", "建立采购台账。", "XZSPJ", "", "李*", "2022-06-30",
                "2022-01-18", "2022年3月1日 已建立台账", "", "", "", ""));
        rows.add(List.of("审计", "审〔2022〕2号", "资产台账不清。", "清查资产。", "XZSPJ", "", "李*", "长期坚持",
                "2022-01-18", "2022-07-18 完成半年评估", "", "", "", ""));
        byte[] sheet = xlsx(rows);
        String sha = HistoryImportController.sha256(sheet);

        Answer dry = upload("2021-2022历史台账.xlsx", sheet, true, PARTY);
        assertThat(dry.status).as(dry.json.toString()).isEqualTo(200);
        assertThat(dry.json.get("valid").asBoolean()).isTrue();
        assertThat(dry.json.at("/counts/new").asInt()).isEqualTo(3);
        assertThat(dry.json.at("/items/0/command").isMissingNode()).as("the command stays inside").isTrue();
        assertThat(dry.json.at("/items/0/status").asText()).isEqualTo("VERIFIED");
        assertThat(dry.json.at("/items/1/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(dry.json.at("/items/1/overdue").asBoolean()).as("its deadline passed, never completed").isTrue();
        assertThat(stored(null)).as("a dry run records nothing").isEqualTo(events);

        Answer imported = upload("2021-2022历史台账.xlsx", sheet, false, PARTY);
        assertThat(imported.status).as(imported.json.toString()).isEqualTo(200);
        assertThat(imported.json.get("sha256").asText()).isEqualTo(sha);
        assertThat(imported.json.at("/counts/rows").asInt()).isEqualTo(3);
        assertThat(imported.json.at("/counts/new").asInt()).isEqualTo(3);
        assertThat(imported.json.at("/counts/existing").asInt()).isZero();
        assertThat(imported.json.get("errors").size()).isZero();
        String verified = imported.json.at("/items/0/measureId").asText();
        assertThat(imported.json.at("/items/0/firstEffectiveAt").asText()).startsWith("2021-01-20");
        assertThat(stored("MeasurePlanned")).isEqualTo(3);
        assertThat(stored("MeasureOverdue")).as("2021-06-30 passed before the extension; 2022-06-30 passed")
                .isEqualTo(2);

        List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM rectification"
                + ".domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, verified);
        assertThat(payloads).hasSize(8);
        assertThat(payloads).allSatisfy(p -> assertThat(p).contains("2021-2022历史台账.xlsx").contains(sha)
                .contains("migratedFrom"));
        assertThat(payloads.get(0)).as("effective on the day assigned, 09:00 in China")
                .contains(String.valueOf(LocalDate.parse("2021-01-20").atTime(9, 0)
                        .atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond()));

        JsonNode row = eventually(() -> {
            JsonNode ledger = api.get("/api/ledger?department=XZSPJ", PARTY).json;
            for (JsonNode r : ledger.path("rows")) {
                if (verified.equals(r.path("measureId").asText()) && "VERIFIED".equals(r.path("status").asText())) {
                    return r;
                }
            }
            return null;
        });
        assertThat(row.path("title").asText()).isEqualTo("压缩审批时限");

        Answer again = upload("2021-2022历史台账(副本).xlsx", sheet, false, PARTY);
        assertThat(again.status).isEqualTo(200);
        assertThat(again.json.at("/counts/new").asInt()).as("importing again changes nothing").isZero();
        assertThat(again.json.at("/counts/existing").asInt()).isEqualTo(3);
        assertThat(again.json.at("/counts/events").asInt()).isZero();
        assertThat(stored("MeasurePlanned")).isEqualTo(3);
    }

    /**
     * The demo's form (ADR 0094): a meeting's items named by report and measure, migrated before the report is
     * accepted; the acceptance then plans nothing new, and the items' effective times span 2021 to today.
     */
    @Test
    void aMeetingsItemsMigratedBeforeTheAcceptanceAreTheReportsItemsWithHistoryFrom2021ToToday() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> header = List.of("来源", "文号/批次", "报告编号", "措施编号", "发言人", "年度", "序号", "问题", "问题主题",
                "整改措施",
                "牵头单位", "配合单位", "责任人", "完成时限", "评估周期", "下达日期", "分派日期", "进展", "延期", "完成日期", "完成情况",
                "销号日期", "验收意见");
        String reportId = "rpt-hist-2021";
        List<List<String>> rows = List.of(header,
                List.of("民主生活会", "2021年度民主生活会", reportId, "msr-1", "czj-cadre1", "2021", "1",
                        "理论学习不够系统\n调查研究不够深入", "理论学习\n调查研究", "强化理论武装。认真学习原著。", "CZJ", "",
                        "王*", "2021-06-30", "",
                        "2021-01-08", "2021-01-18", "2021-03-15 已制定方案；" + today.minusDays(40) + " 已完成大部分",
                        "2021-07-20 延至 2022-06-30；" + today.minusDays(75) + " 延至 " + today.plusDays(30),
                        today.minusDays(12).toString(), "已完成。", "", ""),
                List.of("民主生活会", "2021年度民主生活会", reportId, "msr-2", "czj-cadre1", "2021", "2",
                        "作风不够扎实", "", "改进作风。", "CZJ", "", "王*", "长期坚持", "6", "2021-01-09", "2021-01-19",
                        "2021-07-19 半年评估；2022-01-19 半年评估", "", "", "", "", ""),
                List.of("民主生活会", "2021年度民主生活会", reportId, "msr-3", "czj-cadre1", "2021", "3",
                        "制度执行不严", "", "严格制度。", "CZJ", "", "王*", "2021-12-31", "", "2021-01-10", "", "", "", "", "",
                        "", ""));
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            csv.append(String.join(",", row.stream().map(f -> "\"" + f.replace("\\n", "\n") + "\"").toList()))
                    .append("\r\n");
        }
        Answer imported = upload("2021年度整改台账-czj-cadre1.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                false, PARTY);
        assertThat(imported.status).as(String.valueOf(imported.json)).isEqualTo(200);
        assertThat(imported.json.at("/counts/new").asInt()).isEqualTo(3);
        String item = MeasureIds.fromReport(reportId, "msr-1");
        assertThat(imported.json.at("/items/0/measureId").asText()).isEqualTo(item);
        assertThat(imported.json.at("/items/0/status").asText()).isEqualTo("COMPLETED");
        assertThat(imported.json.at("/items/1/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(imported.json.at("/items/2/status").asText()).isEqualTo("PLANNED");

        ReportAccepted accepted = new ReportAccepted(reportId, "CZJ", "czj-cadre1", 2021, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "理论学习不够系统")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "强化理论武装", "认真学习原著。", List.of(), null, null, "王*",
                        null, List.of(), List.of(), List.of("prb-1"))));
        EventEnvelope envelope = new EventEnvelope("e-accepted-" + reportId, "ReportAccepted", "1", "Report",
                reportId, 30, Instant.now(), "demo-org", "CZJ", EnvelopeCodec.toTree(accepted));
        assertThat(planning.plan(accepted, envelope)).as("the acceptance finds the migrated item").isZero();

        List<Long> effective = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM rectification"
                + ".domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, item)
                .stream().map(p -> Long.parseLong(p.replaceAll("(?s).*\"effectiveAt\":(\\d+).*", "$1"))).toList();
        assertThat(effective).isSorted();
        assertThat(Instant.ofEpochSecond(effective.get(0)).atZone(ZoneId.of("Asia/Shanghai")).getYear())
                .isEqualTo(2021);
        assertThat(Instant.ofEpochSecond(effective.get(effective.size() - 1)).atZone(ZoneId.of("Asia/Shanghai"))
                .toLocalDate()).isEqualTo(today.minusDays(12));
        JsonNode row = eventually(() -> {
            for (JsonNode r : api.get("/api/ledger?department=CZJ", PARTY).json.path("rows")) {
                // the projection applies the migrated events one by one: wait for the last of them
                if (item.equals(r.path("measureId").asText()) && "COMPLETED".equals(r.path("status").asText())) {
                    return r;
                }
            }
            return null;
        });
        assertThat(row.path("reportId").asText()).isEqualTo(reportId);
        assertThat(row.path("themes").toString()).contains("理论学习").contains("调查研究");
        assertThat(row.path("author").asText()).isEqualTo("czj-cadre1");
        assertThat(row.path("year").asInt()).isEqualTo(2021);
    }

    private Answer upload(String fileName, byte[] content, boolean dryRun, TestUser user) throws Exception {
        return api.multipart("/api/rectification/history/import" + (dryRun ? "?dryRun=true" : ""), fileName,
                content, user);
    }

    private static void expectRefused(Answer answer, int status, String code) {
        assertThat(answer.status).as(String.valueOf(answer.json)).isEqualTo(status);
        assertThat(answer.json.path("code").asText()).isEqualTo(code);
        assertThat(answer.json.path("message").asText()).containsPattern("\\p{IsHan}");
    }

    private long stored(String type) {
        return type == null
                ? jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry WHERE payloadtype LIKE ?",
                Long.class, "%" + type);
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("历史台账");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
