package cn.zhenggai.report;

import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineParser;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * report-service over HTTP against a real PostgreSQL (event store and key store) and a Mongo-wire store, with
 * tokens signed like the gateway's: outline preview and import, every bad upload refused with its code and
 * nothing stored, the review cycle, confidential personal matters with recorded reads and crypto-shredding,
 * queries with department scope, and the .docx export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false",
        "zhenggai.deadlines.polling-interval=PT10S"})
class ReportServiceHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("report");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;

    private final ApiClient api = INFRASTRUCTURE.client();
    private final HttpClient http = HttpClient.newHttpClient();
    private byte[] sample;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    @BeforeEach
    void readSample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/outlines/sample-2022.txt")) {
            sample = in.readAllBytes();
        }
    }

    // ------------------------------------------------------------------ import

    @Test
    void aPreviewShowsTheOutlineWithWarningsAndCreatesNothing() throws Exception {
        long before = storedEvents();
        Answer raw = upload("/api/outlines/preview?fileName=sample.txt", sample, LIAISON);
        assertThat(raw.status).isEqualTo(200);
        assertThat(raw.json.at("/counts/problems").asInt()).isEqualTo(21);
        assertThat(raw.json.at("/outline/year").asInt()).isEqualTo(2022);
        assertThat(raw.json.at("/outline/measures").size()).isEqualTo(3);
        assertThat(raw.json.get("warnings").size()).isEqualTo(1);

        Answer multipart = multipart("/api/outlines/preview", "提纲.txt", sample, LIAISON);
        assertThat(multipart.status).isEqualTo(200);
        assertThat(multipart.json.get("fileName").asText()).isEqualTo("提纲.txt");
        assertThat(multipart.json.at("/counts/rootCauses").asInt()).isEqualTo(3);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void everyBadUploadIsRefusedWithTheParsersCodeAndNothingIsCreated() throws Exception {
        long before = storedEvents();
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        // over the parser's 10 MB, under the edge's 11 MB cap for this endpoint: the parser's TOO_LARGE
        byte[] huge = new byte[10 * 1024 * 1024 + 512 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        byte[] overTheCap = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(overTheCap, (byte) 'a');
        for (String path : List.of("/api/outlines/preview", "/api/outlines/import")) {
            Answer refused = upload(path + "?fileName=huge.txt", overTheCap, LIAISON);
            assertThat(refused.status).isEqualTo(413);
            assertThat(refused.json.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("EMPTY", new Object[]{"empty.txt", new byte[0], 400});
        cases.put("BINARY", new Object[]{"junk.txt", junk, 400});
        cases.put("TOO_LARGE", new Object[]{"huge.txt", huge, 413});
        cases.put("NOT_DOCX", new Object[]{"fake.docx", "这不是Word文档".getBytes(StandardCharsets.UTF_8), 400});
        cases.put("ZIP_BOMB", new Object[]{"bomb.docx", zipBomb(200), 400});
        cases.put("NO_STRUCTURE", new Object[]{"notes.txt",
                "今天天气晴朗，气温适宜。\n上午召开了部门例会。\n下午组织全体人员参加了业务培训。\n".getBytes(StandardCharsets.UTF_8), 400});
        // a kind the parser does not read (issue 16: a .pdf is read now, and the kind is found from the content)
        cases.put("UNSUPPORTED_TYPE", new Object[]{"outline.rtf",
                "{\\rtf1\\ansi 行政审批局2022年度民主生活会个人发言提纲\\par}".getBytes(StandardCharsets.UTF_8), 415});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            String name = (String) c.getValue()[0];
            byte[] content = (byte[]) c.getValue()[1];
            int status = (int) c.getValue()[2];
            for (String path : List.of("/api/outlines/preview", "/api/outlines/import")) {
                Answer raw = upload(path + "?fileName=" + name, content, LIAISON);
                assertThat(raw.status).as(c.getKey() + " raw " + path).isEqualTo(status);
                assertThat(raw.json.get("code").asText()).as(c.getKey() + " raw " + path).isEqualTo(c.getKey());
                assertThat(raw.json.get("message").asText()).isNotBlank();
            }
            Answer part = multipart("/api/outlines/import", name, content, LIAISON);
            assertThat(part.status).as(c.getKey() + " multipart").isEqualTo(status);
            assertThat(part.json.get("code").asText()).as(c.getKey() + " multipart").isEqualTo(c.getKey());
        }
        Answer noPart = api.send(HttpRequest.newBuilder(api.uri("/api/outlines/import"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")), LIAISON);
        assertThat(noPart.status).isEqualTo(400);
        assertThat(noPart.json.get("code").asText()).isEqualTo("MISSING_FILE");
        assertThat(upload("/api/outlines/import?fileName=sample.txt", sample, AUDITOR).status)
                .as("discipline inspection does not draft").isEqualTo(403);
        assertThat(upload("/api/outlines/import?fileName=sample.txt&meetingId=mtg-" + UUID.randomUUID(), sample,
                LIAISON).json.get("code").asText()).isEqualTo("MEETING_NOT_FOUND");
        assertThat(storedEvents()).as("no event stored by a refused upload").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.personal_matters_keys", Long.class))
                .as("no key made for a refused upload").isLessThanOrEqualTo(1);
    }

    @Test
    void anImportedOutlineIsOneDraftThatGoesThroughReview() throws Exception {
        Answer meeting = api.post("/api/meetings", Map.of("organization", "行政审批局党组", "year", 2022, "kind", "ANNUAL",
                "notice", "*发〔2022〕12号", "themes", List.of(Map.of("name", "带头深刻领悟“两个确立”的决定性意义",
                        "earlier", List.of(Map.of("year", 2021, "name", "带头深刻感悟“两个确立”的决定性意义"))))), ORG);
        assertThat(meeting.status).isEqualTo(201);
        String meetingId = meeting.json.get("meetingId").asText();
        assertThat(api.get("/api/meetings/" + meetingId, LIAISON).json.at("/themes/0/earlier/0/year").asInt()).isEqualTo(2021);
        assertThat(api.post("/api/meetings", Map.of("organization", "某局", "year", 2022, "kind", "ANNUAL",
                "themes", List.of(Map.of("name", "主题"))), LIAISON).status).isEqualTo(403);

        Answer imported = upload("/api/outlines/import?fileName=sample.txt&meetingId=" + meetingId, sample, LIAISON);
        assertThat(imported.status).isEqualTo(201);
        String reportId = imported.json.get("reportId").asText();
        assertThat(storedEvents(reportId)).isEqualTo(2 + 1 + 21 + 1 + 3 + 1 + 3);

        JsonNode report = api.get("/api/reports/" + reportId, LIAISON).json;
        assertThat(report.get("status").asText()).isEqualTo("DRAFT");
        assertThat(report.get("meetingId").asText()).isEqualTo(meetingId);
        assertThat(report.get("problems").size()).isEqualTo(21);
        assertThat(report.get("personalMattersDeclared").asBoolean()).isTrue();
        assertThat(report.toString()).doesNotContain("秘书");

        String problemId = report.at("/problems/0/problemId").asText();
        String rootCauseId = report.at("/rootCauses/0/rootCauseId").asText();
        assertThat(api.put("/api/reports/" + reportId + "/root-causes/" + rootCauseId, Map.of("title",
                report.at("/rootCauses/0/title").asText(), "problemIds", List.of(problemId)), LIAISON).status)
                .isEqualTo(200);
        assertThat(api.get("/api/reports/" + reportId, LIAISON).json.at("/rootCauses/0/problemIds/0").asText())
                .isEqualTo(problemId);
        assertThat(api.put("/api/reports/" + reportId + "/problems/" + problemId, Map.of("theme", "新主题", "ordinal", 1,
                "statement", "修改后的问题。"), LIAISON).status).isEqualTo(200);
        assertThat(api.post("/api/reports/" + reportId + "/submission", Map.of(), LIAISON).status).isEqualTo(200);
        assertThat(api.put("/api/reports/" + reportId + "/clean-areas", Map.of("areas", List.of("某方面")), LIAISON)
                .json.get("code").asText()).isEqualTo("REPORT_NOT_EDITABLE");
        assertThat(api.post("/api/reports/" + reportId + "/acceptance", Map.of(), PARTY).json.get("code").asText())
                .isEqualTo("FORBIDDEN_ROLE");
        Answer noReasons = api.post("/api/reports/" + reportId + "/return", Map.of("reasons", List.of()), ORG);
        assertThat(noReasons.status).isEqualTo(400);
        assertThat(api.post("/api/reports/" + reportId + "/return", Map.of("reasons", List.of("请补充事例。")), ORG).status)
                .isEqualTo(200);
        assertThat(api.post("/api/reports/" + reportId + "/submission", Map.of(), LIAISON).status).isEqualTo(200);
        assertThat(api.post("/api/reports/" + reportId + "/acceptance", Map.of(), ORG).status).isEqualTo(200);
        JsonNode accepted = api.get("/api/reports/" + reportId, ORG).json;
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("round").asInt()).isEqualTo(2);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM report.domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%ReportAccepted'", String.class, reportId);
        assertThat(JSON.readTree(payload).get("measures").size()).isEqualTo(3);
        assertThat(JSON.readTree(payload).at("/measures/0/problemIds/0").asText())
                .as("the first measure answers the problem its root cause explains").isEqualTo(problemId);

        JsonNode list = eventually(() -> {
            JsonNode body = api.get("/api/reports", LIAISON).json;
            for (JsonNode r : body.get("reports")) {
                if (r.get("reportId").asText().equals(reportId) && r.get("status").asText().equals("ACCEPTED")) {
                    return r;
                }
            }
            return null;
        });
        assertThat(list.get("problems").asInt()).isEqualTo(21);
        assertThat(list.get("rootCauses").asInt()).isEqualTo(3);
        assertThat(list.get("measures").asInt()).isEqualTo(3);
        assertThat(list.get("department").asText()).isEqualTo("XZSPJ");
    }

    @Test
    void personalMattersAreSealedReadOnlyByTheEntitledEveryReadRecordedAndShreddable() throws Exception {
        String reportId = upload("/api/outlines/import?fileName=sample.txt", sample, LIAISON).json.get("reportId")
                .asText();
        String stored = jdbc.queryForObject("SELECT string_agg(convert_from(payload, 'UTF8'), '') FROM "
                + "report.domainevententry WHERE aggregateidentifier = ?", String.class, reportId);
        assertThat(stored).doesNotContain("秘书").doesNotContain("商业房").contains("AES-256-GCM");

        Answer own = api.get("/api/reports/" + reportId + "/personal-matters", LIAISON);
        assertThat(own.status).isEqualTo(200);
        assertThat(own.json.get("readAs").asText()).isEqualTo("AUTHOR");
        assertThat(own.json.at("/declaration/secretary").asBoolean(true)).isFalse();
        assertThat(own.json.at("/declaration/properties").size()).isEqualTo(4);
        assertThat(api.get("/api/reports/" + reportId + "/personal-matters", ORG).json.get("readAs").asText())
                .isEqualTo("ORG_DEPT");
        assertThat(api.get("/api/reports/" + reportId + "/personal-matters", AUDITOR).json.get("readAs").asText())
                .isEqualTo("DISCIPLINE");
        Answer party = api.get("/api/reports/" + reportId + "/personal-matters", PARTY);
        assertThat(party.status).isEqualTo(403);
        assertThat(party.json.get("code").asText()).isEqualTo("PERSONAL_MATTERS_FORBIDDEN");
        assertThat(readsRecorded(reportId)).isEqualTo(3);

        assertThat(api.delete("/api/reports/personal-matters-keys/demo-dept", LIAISON).status).isEqualTo(403);
        assertThat(api.delete("/api/reports/personal-matters-keys/demo-dept", ORG).status).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report.domainevententry WHERE aggregateidentifier = "
                + "'keyring-demo-dept' AND payloadtype LIKE '%PersonalMattersShredded'", Long.class))
                .as("the shredding is recorded").isEqualTo(1);
        Answer gone = api.get("/api/reports/" + reportId + "/personal-matters", ORG);
        assertThat(gone.status).isEqualTo(410);
        assertThat(gone.json.get("code").asText()).isEqualTo("PERSONAL_MATTERS_SHREDDED");
        Answer replayed = api.get("/api/reports/" + reportId, LIAISON);
        assertThat(replayed.status).as("everything else still replays").isEqualTo(200);
        assertThat(replayed.json.get("problems").size()).isEqualTo(21);
        assertThat(api.post("/api/reports/" + reportId + "/submission", Map.of(), LIAISON).status)
                .as("the aggregate still loads and takes commands").isEqualTo(200);
        assertThat(api.delete("/api/reports/personal-matters-keys/demo-dept", ORG).status).isEqualTo(404);
        assertThat(api.delete("/api/reports/personal-matters-keys/nobody", ORG).json.get("code").asText())
                .isEqualTo("KEY_NOT_FOUND");
    }

    @Test
    void queriesKeepToTheCallersDepartment() throws Exception {
        String reportId = upload("/api/outlines/import?fileName=sample.txt", sample, LIAISON).json.get("reportId")
                .asText();
        assertThat(api.get("/api/reports/" + reportId, OTHER).status).isEqualTo(403);
        assertThat(api.get("/api/reports/" + reportId, PARTY).status).isEqualTo(200);
        assertThat(api.get("/api/reports?department=XZSPJ", OTHER).status).isEqualTo(403);
        assertThat(api.get("/api/reports/rpt-" + UUID.randomUUID(), LIAISON).json.get("code").asText())
                .isEqualTo("REPORT_NOT_FOUND");
        eventually(() -> api.get("/api/reports?department=XZSPJ", PARTY).json.get("count").asInt() > 0 ? true : null);
        assertThat(api.get("/api/reports", OTHER).json.get("department").asText()).isEqualTo("CZJ");
        for (JsonNode r : api.get("/api/reports", OTHER).json.get("reports")) {
            assertThat(r.get("department").asText()).isEqualTo("CZJ");
        }
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/reports")).GET(), (TestUser) null).status).isEqualTo(401);
    }

    @Test
    void theExportIsAWordDocumentThatParsesBack() throws Exception {
        String reportId = upload("/api/outlines/import?fileName=sample.txt", sample, LIAISON).json.get("reportId")
                .asText();
        long reads = readsRecorded(reportId);
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(api.uri("/api/reports/" + reportId + "/export.docx"))
                .header("Authorization", "Bearer " + api.token(LIAISON)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        Outline back = OutlineParser.parse(plain.body(), "export.docx");
        Outline original = OutlineParser.parse(sample, "sample.txt");
        assertThat(back.problems()).isEqualTo(original.problems());
        assertThat(back.personalMatters()).isNull();
        assertThat(readsRecorded(reportId)).isEqualTo(reads);

        HttpResponse<byte[]> full = http.send(HttpRequest.newBuilder(api.uri("/api/reports/" + reportId
                        + "/export.docx?personalMatters=true")).header("Authorization", "Bearer " + api.token(ORG)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(OutlineParser.parse(full.body(), "export.docx").personalMatters())
                .isEqualTo(original.personalMatters());
        assertThat(readsRecorded(reportId)).isEqualTo(reads + 1);
        HttpResponse<byte[]> party = http.send(HttpRequest.newBuilder(api.uri("/api/reports/" + reportId
                        + "/export.docx?personalMatters=true")).header("Authorization", "Bearer " + api.token(PARTY)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(party.statusCode()).isEqualTo(403);
    }

    /** Issue 11, item 9: what is not text, a line break in a title and an oversized body change nothing. */
    @Test
    void textThatIsNotTextLineBreaksInTitlesAndOversizedBodiesAreRefusedAtTheEdge() throws Exception {
        long before = storedEvents();
        Answer nul = rawJson("/api/reports", "{\"title\":\"标题\\u0000\",\"year\":2022}");
        assertThat(nul.status).isEqualTo(400);
        assertThat(nul.json.get("code").asText()).isEqualTo("INVALID_TEXT");
        assertThat(nul.json.get("message").asText()).contains("title");
        Answer surrogate = rawJson("/api/reports", "{\"title\":\"标题\\ud800\",\"year\":2022}");
        assertThat(surrogate.status).isEqualTo(400);
        assertThat(surrogate.json.get("code").asText()).isEqualTo("INVALID_TEXT");
        Answer lineBreak = api.post("/api/reports", Map.of("title", "2022年度\n民主生活会发言提纲", "year", 2022), LIAISON);
        assertThat(lineBreak.status).isEqualTo(400);
        assertThat(lineBreak.json.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(lineBreak.json.get("fields").get(0).get("field").asText()).isEqualTo("title");
        Answer big = rawJson("/api/reports", "{\"title\":\"" + "长".repeat(400_000) + "\",\"year\":2022}");
        assertThat(big.status).isEqualTo(413);
        assertThat(big.json.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        Answer query = api.get("/api/reports?department=%00", LIAISON);
        assertThat(query.status).isEqualTo(400);
        assertThat(query.json.get("code").asText()).isEqualTo("INVALID_TEXT");
        Answer nowhere = api.get("/api/nowhere", LIAISON);
        assertThat(nowhere.status).isEqualTo(404);
        assertThat(nowhere.json.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private Answer rawJson(String path, String json) throws Exception {
        return api.send(java.net.http.HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)), LIAISON);
    }

    @Test
    void theSlicesDraftingApiStillWorks() throws Exception {
        Answer drafted = api.post("/api/reports", Map.of("title", "2022年度民主生活会个人发言提纲", "year", 2022), LIAISON);
        assertThat(drafted.status).isEqualTo(201);
        String reportId = drafted.json.get("reportId").asText();
        Answer problem = api.post("/api/reports/" + reportId + "/problems", Map.of("theme", "主题", "ordinal", 1,
                "statement", "问题。"), LIAISON);
        assertThat(problem.status).isEqualTo(201);
        Answer again = api.post("/api/reports/" + reportId + "/problems", Map.of("theme", "主题", "ordinal", 1,
                "statement", "问题。"), LIAISON);
        assertThat(again.status).isEqualTo(409);
        assertThat(again.json.get("code").asText()).isEqualTo("DUPLICATE_ORDINAL");
        Answer rc = api.post("/api/reports/" + reportId + "/root-causes", Map.of("title", "根源",
                "problemIds", List.of(problem.json.get("problemId").asText())), LIAISON);
        assertThat(rc.status).isEqualTo(201);
        Answer measure = api.post("/api/reports/" + reportId + "/measures", Map.of("title", "措施", "deadline", "2023-06-30",
                "rootCauseIds", List.of(rc.json.get("rootCauseId").asText()), "actions",
                List.of(Map.of("text", "行动。"))), LIAISON);
        assertThat(measure.status).isEqualTo(201);
        Answer badDate = api.post("/api/reports/" + reportId + "/measures", Map.of("title", "措施", "deadline", "明年"),
                LIAISON);
        assertThat(badDate.status).isEqualTo(400);
        assertThat(badDate.json.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/reports/" + reportId + "/problems", Map.of("theme", "主题", "ordinal", 2,
                "statement", "问题。"), OTHER).json.get("code").asText()).isEqualTo("FORBIDDEN_DEPARTMENT");
        assertThat(storedEvents(reportId)).isEqualTo(4);
    }

    // ------------------------------------------------------------------ plumbing

    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser OTHER = new TestUser("cz-liaison", "CZJ", List.of("DEPT_LIAISON"));
    static final TestUser ORG = new TestUser("demo-org", "ZZB", List.of("ORG_DEPT"));
    static final TestUser PARTY = new TestUser("demo-party", "DW", List.of("PARTY_COMMITTEE"));
    static final TestUser AUDITOR = new TestUser("demo-audit", "JW", List.of("DISCIPLINE"));

    private Answer upload(String path, byte[] content, TestUser user) throws Exception {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), user);
    }

    private Answer multipart(String path, String fileName, byte[] content, TestUser user) throws Exception {
        return api.multipart(path, fileName, content, user);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry", Long.class);
    }

    private long storedEvents(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
    }

    private long readsRecorded(String reportId) {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%PersonalMattersRead'", Long.class, reportId);
    }

    private static byte[] zipBomb(int inflatedMb) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < inflatedMb; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
