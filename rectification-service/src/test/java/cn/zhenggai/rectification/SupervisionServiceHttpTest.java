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
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision side over HTTP against a real PostgreSQL and a Mongo-wire store, with tokens signed like the
 * gateway's: evidence uploads and their refusals (nothing kept), progress naming its evidence, supervision by hand,
 * notifications per user, and the all-or-nothing import of 巡察/审计 findings.
 */
@RectificationHttpTest
@TestPropertySource(properties = "zhenggai.evidence.max-size=64KB")
class SupervisionServiceHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    private static Path evidenceDir;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeasurePlanning planning;

    private final ApiClient api = INFRASTRUCTURE.client();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
        evidenceDir = HttpTests.evidenceDirectory(registry);
    }

    @Test
    void evidenceSupervisionNotificationsAndFindings() throws Exception {
        String item = planAndAssign();

        // ---------------------------------------------------------------- evidence
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Answer uploaded = upload("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf, LIAISON);
        assertThat(uploaded.status).as(uploaded.json.toString()).isEqualTo(200);
        assertThat(uploaded.json.get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(uploaded.json.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.json.get("size").asLong()).isEqualTo(pdf.length);
        String pdfId = uploaded.json.get("fileId").asText();
        Answer docx = upload("/api/measures/" + item + "/evidence", "整改方案.docx", docx(), LIAISON);
        assertThat(docx.status).as(docx.json.toString()).isEqualTo(200);
        assertThat(docx.json.get("contentType").asText()).contains("wordprocessingml");
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        assertThat(upload("/api/measures/" + item + "/evidence", "现场照片.PNG", png, LIAISON).status).isEqualTo(200);

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(api.uri("/api/measures/" + item + "/evidence/"
                + pdfId)).header("Authorization", "Bearer " + api.token(LIAISON)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("X-Evidence-SHA256")).contains(sha256(pdf));
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        expectRefused(api.get("/api/measures/" + item + "/evidence/" + pdfId, OTHER), 404, "EVIDENCE_NOT_FOUND");
        assertThat(api.get("/api/measures/" + item + "/evidence/" + pdfId, PARTY).status).isEqualTo(200);
        assertThat(api.get("/api/measures/" + item + "/evidence/evd-nope", LIAISON).status).isEqualTo(404);

        long rows = evidenceRows();
        long blobs = blobs();
        expectRefused(upload("/api/measures/" + item + "/evidence", "空.pdf", new byte[0], LIAISON), 400,
                "EMPTY_FILE");
        expectRefused(upload("/api/measures/" + item + "/evidence", "大.pdf", big(pdf, 65 * 1024), LIAISON), 413,
                "FILE_TOO_LARGE");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        expectRefused(upload("/api/measures/" + item + "/evidence", "伪装.pdf", exe, LIAISON), 415,
                "FORBIDDEN_FILE_TYPE");
        expectRefused(upload("/api/measures/" + item + "/evidence", "文本.pdf",
                "这不是PDF文件。".getBytes(StandardCharsets.UTF_8), LIAISON), 415, "FORBIDDEN_FILE_TYPE");
        expectRefused(upload("/api/measures/" + item + "/evidence", "程序.exe", exe, LIAISON), 415,
                "FORBIDDEN_FILE_TYPE");
        expectRefused(upload("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf, OTHER), 404,
                "MEASURE_NOT_FOUND");
        expectRefused(upload("/api/measures/mea-unknown/evidence", "学习记录.pdf", pdf, LIAISON), 404,
                "MEASURE_NOT_FOUND");
        assertThat(evidenceRows()).as("refused uploads store no record").isEqualTo(rows);
        assertThat(blobs()).as("refused uploads leave no file").isEqualTo(blobs);

        long events = stored(null);
        expectRefused(api.post("/api/measures/" + item + "/progress", Map.of("text", "已开展学习。",
                "fileIds", List.of(pdfId, "evd-nope")), LIAISON), 400, "UNKNOWN_EVIDENCE");
        assertThat(stored(null)).as("nothing recorded").isEqualTo(events);
        assertThat(api.post("/api/measures/" + item + "/progress", Map.of("text", "已开展三次集中学习，附学习记录。",
                "fileIds", List.of(pdfId)), LIAISON).status).isEqualTo(200);
        String progress = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM rectification"
                + ".domainevententry WHERE payloadtype LIKE '%ProgressReported' ORDER BY globalindex DESC LIMIT 1",
                String.class);
        assertThat(progress).contains(pdfId).contains(sha256(pdf)).contains("学习记录.pdf");

        // ---------------------------------------------------------------- supervision by hand, notifications
        expectRefused(api.post("/api/measures/" + item + "/supervision", Map.of("reason", "请加快进度。"), LIAISON), 403,
                "FORBIDDEN_ROLE");
        expectRefused(api.post("/api/measures/" + item + "/supervision", Map.of("level", "NOBODY", "reason", "x"),
                PARTY), 400, "VALIDATION_FAILED");
        Answer supervised = api.post("/api/measures/" + item + "/supervision",
                Map.of("level", "DEPT_HEAD", "reason", "请部门负责人督促本周内完成。"), PARTY);
        assertThat(supervised.status).isEqualTo(200);
        JsonNode headInbox = eventually(() -> {
            JsonNode inbox = api.get("/api/notifications", HEAD).json;
            return inbox.path("count").asInt() >= 1 ? inbox : null;
        });
        JsonNode notice = headInbox.at("/items/0");
        assertThat(notice.get("kind").asText()).isEqualTo("SUPERVISION");
        assertThat(notice.get("message").asText()).isEqualTo("请部门负责人督促本周内完成。");
        assertThat(notice.get("read").asBoolean()).isFalse();
        JsonNode ownerInbox = eventually(() -> {
            JsonNode inbox = api.get("/api/notifications", OWNER).json;
            return inbox.path("count").asInt() >= 1 ? inbox : null;
        });
        assertThat(ownerInbox.at("/items/0/kind").asText()).as("the owner, known by user name in the item's department")
                .isEqualTo("ASSIGNED");
        assertThat(api.get("/api/notifications", OTHER).json.get("count").asInt()).isZero();
        expectRefused(api.post("/api/notifications/" + notice.get("id").asText() + "/read", Map.of(), OTHER), 404,
                "NOTIFICATION_NOT_FOUND");
        assertThat(api.post("/api/notifications/" + notice.get("id").asText() + "/read", Map.of(), HEAD).status)
                .isEqualTo(200);
        JsonNode after = api.get("/api/notifications?unread=true", HEAD).json;
        assertThat(after.get("unread").asLong()).isZero();
        // 全部已读 (issue 17): the caller's only, answering how many
        long liaisonUnread = api.get("/api/notifications", LIAISON).json.get("unread").asLong();
        assertThat(liaisonUnread).isPositive();
        Answer allRead = api.post("/api/notifications/read-all", Map.of(), OWNER);
        assertThat(allRead.status).isEqualTo(200);
        assertThat(allRead.json.get("read").asLong()).isEqualTo(ownerInbox.get("unread").asLong()).isPositive();
        assertThat(api.get("/api/notifications", OWNER).json.get("unread").asLong()).isZero();
        assertThat(api.post("/api/notifications/read-all", Map.of(), OWNER).json.get("read").asLong()).isZero();
        assertThat(api.get("/api/notifications", LIAISON).json.get("unread").asLong()).isEqualTo(liaisonUnread);

        // ---------------------------------------------------------------- 巡察/审计 findings
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String header = "来源,文号/批次,问题,整改措施,牵头单位,配合单位,责任人,完成时限,事项编号\n";
        String bad = header
                + "审计,区审计局〔2024〕5号,部分采购项目验收记录不全。,建立采购台账。,财政局,,李*," + today.plusDays(60) + ",\n"
                + "巡察,二组,理论学习制度执行不严格。,严格执行学习制度。,NOPE,,王*," + today.plusDays(60) + ",\n"
                + "巡察,二组,会议记录不规范。,规范会议记录。,XZSPJ,,王*," + today.minusDays(1) + ",\n"
                + "检查,二组,问题。,措施。,XZSPJ,,王*," + today.plusDays(5) + ",\n";
        events = stored(null);
        Answer refused = uploadSheet("findings.csv", bad.getBytes(StandardCharsets.UTF_8), false, PARTY);
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.json.get("code").asText()).isEqualTo("INVALID_SHEET");
        assertThat(refused.json.get("errors").toString())
                .contains("第3行：牵头单位不存在：NOPE")
                .contains("第4行：完成时限早于今天：" + today.minusDays(1))
                .contains("第5行：来源须为“巡察”或“审计”：检查");
        Answer missingColumn = uploadSheet("findings.csv", "来源,问题\n审计,问题。\n".getBytes(StandardCharsets.UTF_8),
                false, PARTY);
        assertThat(missingColumn.status).isEqualTo(400);
        assertThat(missingColumn.json.get("errors").toString()).contains("第1行：缺少列：整改措施、牵头单位、责任人、完成时限");
        Answer preview = uploadSheet("findings.csv", bad.getBytes(StandardCharsets.UTF_8), true, PARTY);
        assertThat(preview.status).isEqualTo(200);
        assertThat(preview.json.get("valid").asBoolean()).isFalse();
        assertThat(preview.json.get("rows").size()).isEqualTo(1);
        assertThat(stored(null)).as("a refused sheet creates nothing").isEqualTo(events);
        expectRefused(uploadSheet("findings.csv", bad.getBytes(StandardCharsets.UTF_8), false, LIAISON), 403,
                "FORBIDDEN_ROLE");
        expectRefused(uploadSheet("findings.pdf", pdf, false, PARTY), 415, "UNSUPPORTED_SHEET");

        byte[] sheet = xlsx(List.of(
                List.of("来源", "文号/批次", "问题", "整改措施", "牵头单位", "配合单位", "责任人", "完成时限", "事项编号"),
                List.of("审计", "区审计局〔2024〕5号", "部分采购项目验收记录不全。", "建立采购台账，逐笔核对合同与验收记录。", "财政局",
                        "行政审批局", "李*", today.plusDays(60).toString(), ""),
                List.of("巡察", "区委第二巡察组〔2024〕3号", "部分采购项目验收记录不全", "", "", "", "", "", ""),
                List.of("巡察", "区委第二巡察组〔2024〕3号", "理论学习制度执行不严格。", "", "", "", "", "", item),
                List.of("巡察", "区委第二巡察组〔2024〕3号", "干部培训流于形式。", "制定年度培训计划。", "ZZB", "", "赵*", "长期坚持",
                        "")));
        Answer imported = uploadSheet("巡察审计问题.xlsx", sheet, false, ORG);
        assertThat(imported.status).as(imported.json.toString()).isEqualTo(200);
        assertThat(imported.json.get("planned").asInt()).isEqualTo(2);
        assertThat(imported.json.get("linked").asInt()).isEqualTo(2);
        assertThat(stored("MeasureSourceLinked")).isEqualTo(2);
        String audit = MeasureIds.fromFinding("部分采购项目验收记录不全。");
        assertThat(imported.json.at("/rows/0/measureId").asText()).isEqualTo(audit);
        Answer again = uploadSheet("巡察审计问题.xlsx", sheet, false, PARTY);
        assertThat(again.json.get("unchanged").asInt()).as("importing again changes nothing").isEqualTo(4);
        assertThat(stored("MeasurePlanned")).isEqualTo(4); // 2 from the report, 2 from the findings
    }

    // ------------------------------------------------------------------ plumbing

    private String planAndAssign() throws Exception {
        return planAndAssign("rpt-sup", LIAISON);
    }

    private String planAndAssign(String reportId, TestUser liaison) throws Exception {
        ReportAccepted accepted = new ReportAccepted(reportId, "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "理论学习的系统性还不够。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "强化理论武装", "内容。", List.of(), null, null, "王*",
                                null, List.of(), List.of(), List.of("prb-1")),
                        new ReportAccepted.Measure("msr-2", 2, "改进工作作风", "内容。", List.of(), null, null, null, null,
                                List.of(), List.of(), List.of())));
        EventEnvelope envelope = new EventEnvelope("e-accepted-" + reportId, "ReportAccepted", "1", "Report",
                reportId, 30, Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted));
        assertThat(planning.plan(accepted, envelope)).isEqualTo(2);
        String item = MeasureIds.fromReport(reportId, "msr-1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Answer assigned = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "wang", "deadline", today.plusDays(30).toString()), liaison);
        assertThat(assigned.status).as(assigned.json.toString()).isEqualTo(200);
        return item;
    }

    static final TestUser LIAISON = HttpTests.LIAISON;
    static final TestUser HEAD = new TestUser("head-xzspj", "XZSPJ", List.of("DEPT_HEAD"), null);
    static final TestUser OWNER = new TestUser("wang", "XZSPJ", List.of("CADRE"), "王*");
    static final TestUser OTHER = HttpTests.OTHER;
    static final TestUser PARTY = HttpTests.PARTY;
    static final TestUser ORG = HttpTests.ORG;

    private static void expectRefused(Answer answer, int status, String code) {
        assertThat(answer.status).as(answer.json.toString()).isEqualTo(status);
        assertThat(answer.json.path("code").asText()).isEqualTo(code);
        assertThat(answer.json.path("message").asText()).isNotBlank();
    }

    private Answer upload(String path, String fileName, byte[] content, TestUser user) throws Exception {
        return api.multipart(path, fileName, content, user);
    }

    private Answer uploadSheet(String fileName, byte[] content, boolean dryRun, TestUser user) throws Exception {
        return upload("/api/rectification/findings/import" + (dryRun ? "?dryRun=true" : ""), fileName, content,
                user);
    }

    private long stored(String type) {
        return type == null
                ? jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM rectification.domainevententry WHERE payloadtype LIKE ?",
                Long.class, "%" + type);
    }

    private long evidenceRows() {
        return jdbc.queryForObject("SELECT count(*) FROM rectification.evidence_file", Long.class);
    }

    private static long blobs() throws IOException {
        try (Stream<Path> files = Files.walk(evidenceDir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] big(byte[] head, int size) {
        byte[] content = new byte[size];
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("整改方案");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("问题清单");
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
