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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who an item exists for, over HTTP against a real PostgreSQL and a Mongo-wire store: another department's item
 * answers as an unknown id (ADR 0072); a lead change needs the party committee and the evidence follows the lead
 * (ADR 0073); evidence opens in the browser for exactly its readers.
 */
@RectificationHttpTest
class ItemScopeHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("rectification");

    static final TestUser LIAISON = HttpTests.LIAISON;
    static final TestUser OTHER = HttpTests.OTHER;
    static final TestUser PARTY = HttpTests.PARTY;
    static final TestUser ORG = HttpTests.ORG;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeasurePlanning planning;

    private final ApiClient api = INFRASTRUCTURE.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
        HttpTests.evidenceDirectory(registry);
    }

    /**
     * ADR 0072: to a department user, another department's item answers every endpoint exactly as an unknown id does
     * (same status, code and message, the id asked for aside).
     */
    @Test
    void anotherDepartmentsItemAnswersExactlyAsAnUnknownId() throws Exception {
        String item = planAndAssign("rpt-scope", LIAISON);
        String unknown = "mea-" + "0".repeat(item.length() - 4);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Answer uploaded = upload("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf, LIAISON);
        assertThat(uploaded.status).as(uploaded.json.toString()).isEqualTo(200);
        String fileId = uploaded.json.get("fileId").asText();
        eventually(() -> api.get("/api/measures/" + item, LIAISON).status == 200 ? true : null);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> assignment = Map.of("leadDepartment", "CZJ", "owner", "李*", "deadline", today);
        Map<String, Object> backfill = Map.of("leadDepartment", "XZSPJ", "owner", "李*", "deadline", "2020-01-01",
                "backfill", true);
        long events = stored(null);
        long rows = evidenceRows();

        for (TestUser outsider : List.of(OTHER, new TestUser("cz-cadre", "CZJ", List.of("CADRE")),
                new TestUser("cz-head", "CZJ", List.of("DEPT_HEAD")))) {
            sameAsUnknown(item, unknown, id -> api.get("/api/measures/" + id, outsider));
            sameAsUnknown(item, unknown, id -> api.get("/api/measures/" + id + "/evidence/" + fileId, outsider));
            sameAsUnknown(item, unknown, id -> upload("/api/measures/" + id + "/evidence", "学习记录.pdf", pdf,
                    outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/assignment", assignment, outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/assignment", backfill, outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/progress",
                    Map.of("text", "进展。"), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/completion",
                    Map.of("summary", "完成。"), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/verification", Map.of(), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/rejection",
                    Map.of("reasons", List.of("不到位。")), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/reopening",
                    Map.of("reason", "复查。"), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/extension-request",
                    Map.of("deadline", "2099-01-01", "reason", "理由。"), outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/extension-approval", Map.of(),
                    outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/extension-refusal", Map.of(),
                    outsider));
            sameAsUnknown(item, unknown, id -> api.post("/api/measures/" + id + "/supervision",
                    Map.of("reason", "请加快进度。"), outsider));
        }
        assertThat(stored(null)).as("nothing recorded").isEqualTo(events);
        assertThat(evidenceRows()).as("nothing uploaded").isEqualTo(rows);
        // the lead department's own staff still see the item and are told what they may not do
        expectRefused(api.post("/api/measures/" + item + "/verification", Map.of(), LIAISON), 403, "FORBIDDEN_ROLE");
    }

    /**
     * ADR 0073: a liaison cannot move its assigned item to another department (nothing recorded); the party committee
     * can, and from then on the evidence is the new lead's to read, no longer the old lead's.
     */
    @Test
    void aLeadChangeNeedsThePartyCommitteeAndTheEvidenceFollowsTheLead() throws Exception {
        String item = planAndAssign("rpt-move", LIAISON);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Answer uploaded = upload("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf, LIAISON);
        assertThat(uploaded.status).as(uploaded.json.toString()).isEqualTo(200);
        String evidence = "/api/measures/" + item + "/evidence/" + uploaded.json.get("fileId").asText();
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        long events = stored(null);

        Answer moved = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "CZJ",
                "owner", "王*", "deadline", deadline), LIAISON);
        expectRefused(moved, 403, "LEAD_CHANGE_NEEDS_PARTY_COMMITTEE");
        assertThat(moved.json.get("message").asText()).contains("党委");
        assertThat(stored(null)).as("the refused move records nothing").isEqualTo(events);
        assertThat(api.get(evidence, LIAISON).status).isEqualTo(200);
        expectRefused(api.get(evidence, OTHER), 404, "EVIDENCE_NOT_FOUND");
        Answer owner = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "cooperatingDepartments", List.of("ZZB"), "owner", "张*", "deadline", deadline), LIAISON);
        assertThat(owner.status).as("owner and cooperating departments stay the liaison's: " + owner)
                .isEqualTo(200);

        Answer byParty = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "CZJ",
                "owner", "李*", "deadline", deadline), PARTY);
        assertThat(byParty.status).as(byParty.json.toString()).isEqualTo(200);
        // the item itself decides who reads its evidence: at once, not when the ledger catches up
        expectRefused(api.get(evidence, LIAISON), 404, "EVIDENCE_NOT_FOUND");
        expectRefused(api.get(evidence, new TestUser("zzb", "ZZB", List.of("DEPT_LIAISON"))), 404,
                "EVIDENCE_NOT_FOUND");
        assertThat(api.get(evidence, OTHER).status).as("the new lead reads it").isEqualTo(200);
        assertThat(api.get(evidence, ORG).status).as("a cross-department role reads it").isEqualTo(200);
        assertThat(api.get(evidence, PARTY).status).isEqualTo(200);
        eventually(() -> api.get("/api/measures/" + item, LIAISON).status == 404 ? true : null);
        assertThat(api.get("/api/measures/" + item, OTHER).json.path("leadDepartment").asText()).isEqualTo("CZJ");
    }

    /**
     * {@code ?disposition=inline} opens a PDF or an image in the browser and leaves any other type an attachment, for
     * exactly those who may read the evidence: another department still gets the unknown-file answer, a forged or
     * missing token the same refusal as without the parameter, and a disposition other than {@code inline} a 400.
     */
    @Test
    void evidenceOpensInlineForItsReadersOnly() throws Exception {
        String item = planAndAssign("rpt-inline", LIAISON);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        String pdfPath = evidencePath(item, upload("/api/measures/" + item + "/evidence", "学习记录.pdf", pdf, LIAISON));
        String pngPath = evidencePath(item, upload("/api/measures/" + item + "/evidence", "现场照片.png", png, LIAISON));
        String txtPath = evidencePath(item, upload("/api/measures/" + item + "/evidence", "情况说明.txt",
                "整改情况说明。".getBytes(StandardCharsets.UTF_8), LIAISON));

        HttpResponse<byte[]> pdfInline = raw(pdfPath + "?disposition=inline", api.token(LIAISON));
        assertThat(pdfInline.statusCode()).isEqualTo(200);
        assertThat(pdfInline.body()).isEqualTo(pdf);
        assertThat(pdfInline.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(disposition(pdfInline)).startsWith("inline").contains("filename*=UTF-8''");
        assertThat(disposition(raw(pngPath + "?disposition=inline", api.token(PARTY)))).startsWith("inline");
        HttpResponse<byte[]> txtInline = raw(txtPath + "?disposition=inline", api.token(LIAISON));
        assertThat(txtInline.statusCode()).isEqualTo(200);
        assertThat(disposition(txtInline)).as("a type the browser does not show stays a download")
                .startsWith("attachment");
        for (String path : List.of(pdfPath, pngPath, txtPath)) {
            assertThat(disposition(raw(path, api.token(LIAISON)))).as("no parameter: as before").startsWith("attachment");
        }

        for (String bad : List.of("attachment", "INLINE", "inline2", "")) {
            Answer refused = api.get(pdfPath + "?disposition=" + bad, LIAISON);
            expectRefused(refused, 400, "INVALID_DISPOSITION");
            assertThat(refused.json.path("message").asText()).contains("inline").containsPattern("[\\u4e00-\\u9fff]");
        }

        // another department: the answer of an unknown file, with or without the parameter
        Answer plain = api.get(pdfPath, OTHER);
        Answer inline = api.get(pdfPath + "?disposition=inline", OTHER);
        expectRefused(plain, 404, "EVIDENCE_NOT_FOUND");
        assertThat(inline.status).isEqualTo(plain.status);
        assertThat(inline.json).isEqualTo(plain.json);
        // forged and missing tokens: refused as without the parameter
        String forged = api.token(LIAISON);
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA" + forged.substring(forged.lastIndexOf('.') + 5);
        for (String token : java.util.Arrays.asList(forged, null)) {
            Answer without = api.send("GET", pdfPath, null, token);
            Answer with = api.send("GET", pdfPath + "?disposition=inline", null, token);
            assertThat(without.status).isEqualTo(401);
            assertThat(with.status).isEqualTo(without.status);
            assertThat(with.json).isEqualTo(without.json);
        }
    }

    // ------------------------------------------------------------------ plumbing

    private interface Call {
        Answer to(String measureId) throws Exception;
    }

    private static void sameAsUnknown(String item, String unknown, Call call) throws Exception {
        Answer foreign = call.to(item);
        Answer none = call.to(unknown);
        assertThat(foreign.status).as(foreign + " vs " + none).isIn(400, 404).isEqualTo(none.status);
        assertThat(foreign.json.toString().replace(item, "{id}"))
                .isEqualTo(none.json.toString().replace(unknown, "{id}"));
    }

    private static String evidencePath(String item, Answer uploaded) {
        assertThat(uploaded.status).as(uploaded.json.toString()).isEqualTo(200);
        return "/api/measures/" + item + "/evidence/" + uploaded.json.get("fileId").asText();
    }

    private HttpResponse<byte[]> raw(String path, String token) throws Exception {
        return api.http().send(HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String disposition(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Content-Disposition").orElse("");
    }

    private String planAndAssign(String reportId, TestUser liaison) throws Exception {
        ReportAccepted accepted = new ReportAccepted(reportId, "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                List.of(new ReportAccepted.Problem("prb-1", "主题", 1, "理论学习的系统性还不够。")),
                List.of(new ReportAccepted.Measure("msr-1", 1, "强化理论武装", "内容。", List.of(), null, null, "王*",
                        null, List.of(), List.of(), List.of("prb-1"))));
        EventEnvelope envelope = new EventEnvelope("e-accepted-" + reportId, "ReportAccepted", "1", "Report",
                reportId, 30, Instant.now(), "demo-org", "XZSPJ", EnvelopeCodec.toTree(accepted));
        assertThat(planning.plan(accepted, envelope)).isEqualTo(1);
        String item = MeasureIds.fromReport(reportId, "msr-1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Answer assigned = api.post("/api/measures/" + item + "/assignment", Map.of("leadDepartment", "XZSPJ",
                "owner", "王*", "deadline", today.plusDays(30).toString()), liaison);
        assertThat(assigned.status).as(assigned.json.toString()).isEqualTo(200);
        return item;
    }

    private static void expectRefused(Answer answer, int status, String code) {
        assertThat(answer.status).as(answer.json.toString()).isEqualTo(status);
        assertThat(answer.json.path("code").asText()).isEqualTo(code);
        assertThat(answer.json.path("message").asText()).isNotBlank();
    }

    private Answer upload(String path, String fileName, byte[] content, TestUser user) throws Exception {
        return api.multipart(path, fileName, content, user);
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
}
