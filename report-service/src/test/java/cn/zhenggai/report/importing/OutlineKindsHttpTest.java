package cn.zhenggai.report.importing;

import cn.zhenggai.outline.OutlineParseException;
import cn.zhenggai.outline.OutlineParser;
import cn.zhenggai.testsupport.Answer;
import cn.zhenggai.testsupport.ApiClient;
import cn.zhenggai.testsupport.ServiceInfrastructure;
import cn.zhenggai.testsupport.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.testsupport.ApiClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outline preview over HTTP for the kinds of file cadres have (issue 16): its body's {@code source},
 * {@code warningCodes} and {@code carryOverSummary}; a PDF made here with PDFBox, with and without its name; an
 * encrypted and a damaged file refused with their codes and nothing stored; and the carry-over's summary compared
 * with the cadre's earlier accepted report (ADR 0089).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=cn.zhenggai.platform.kafka.KafkaPublishingAutoConfiguration",
        "spring.kafka.listener.auto-startup=false",
        "zhenggai.deadlines.polling-interval=PT10S"})
class OutlineKindsHttpTest {

    @RegisterExtension
    static final ServiceInfrastructure INFRASTRUCTURE = new ServiceInfrastructure("report");

    static final TestUser LIAISON = new TestUser("demo-dept", "XZSPJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser OTHER = new TestUser("cz-liaison", "CZJ", List.of("DEPT_LIAISON", "CADRE"));
    static final TestUser ORG = new TestUser("demo-org", "ZZB", List.of("ORG_DEPT"));

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /** A short outline of the year 2023 whose carry-over summary states {@code {problems}} problems. */
    static final String OUTLINE = """
            某局2023年度民主生活会个人发言提纲
            一、上年度整改措施落实情况
            上年度查摆的问题共{problems}个，目前已整改完成2个，需长期坚持1个。
            （一）针对理论学习方面查摆出的2个突出问题。一是完善了学习制度。二是开展了专题研讨。
            （二）针对作风建设方面查摆出的1个突出问题。一是精简了会议文件。
            二、查摆的突出问题
            （一）理论学习方面
            1.学习不够深入系统。比如，学习笔记记录不全。
            2.联系实际不够紧密。比如，调研报告质量不高。
            （二）作风建设方面
            1.深入基层不够经常。比如，下基层调研次数偏少。
            三、问题产生的根源
            （一）理想信念有所淡化。放松了理论学习。
            （二）宗旨意识有所弱化。联系群众不够。
            四、整改措施
            （一）加强理论学习。每月集中学习一次，2023年12月底前完成。
            （二）改进工作作风。每季度下基层调研一次，长期坚持。
            """;

    @Autowired
    private JdbcTemplate jdbc;

    private final ApiClient api = INFRASTRUCTURE.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        INFRASTRUCTURE.register(registry);
    }

    static String outline(int year, int summaryProblems) {
        return OUTLINE.replace("2023年度", year + "年度").replace("{problems}", String.valueOf(summaryProblems));
    }

    // ------------------------------------------------------------------ works with the parser on main

    @Test
    void thePreviewCarriesTheSourceTheWarningCodesAndTheCarryOverSummary() throws Exception {
        Answer text = upload("/api/outlines/preview?fileName=outline.txt", bytes(outline(2023, 3)), OTHER);
        assertThat(text.status).isEqualTo(200);
        assertThat(text.json.at("/counts/problems").asInt()).isEqualTo(3);
        assertThat(text.json.at("/source/kind").asText()).isEqualTo("TEXT");
        assertThat(text.json.get("warnings").isArray()).isTrue();
        assertThat(text.json.get("warningCodes").isArray()).isTrue();
        assertThat(text.json.has("carryOverSummary")).isTrue();
        assertThat(text.json.get("carryOverSummary")).isEqualTo(text.json.at("/outline/carryOverSummary"));
        assertThat(text.json.get("source")).isEqualTo(text.json.at("/outline/source"));

        Answer imported = upload("/api/outlines/import?fileName=outline.txt", bytes(outline(2023, 3)), OTHER);
        assertThat(imported.status).isEqualTo(201);
        JsonNode codes = imported.json.get("warningCodes");
        JsonNode warnings = imported.json.get("warnings");
        int root = indexOf(codes, "ROOT_CAUSES_NOT_LINKED");
        assertThat(root).as("what the import settled, as a code: " + codes).isGreaterThanOrEqualTo(0);
        assertThat(warnings.get(warnings.size() - codes.size() + root).asText())
                .as("its sentence at the same place from the end").isEqualTo("根源与问题的对应关系未写明，请在报告中关联");

        Answer docx = api.multipart("/api/outlines/preview", "提纲.docx", docx(outline(2023, 3)), OTHER);
        assertThat(docx.status).isEqualTo(200);
        assertThat(docx.json.at("/source/kind").asText()).isEqualTo("DOCX");
        assertThat(docx.json.at("/counts/measures").asInt()).isEqualTo(2);
    }

    @Test
    void aKindTheParserDoesNotReadIsRefusedNamingTheKindsItReads() throws Exception {
        long before = storedEvents();
        byte[] rtf = "{\\rtf1\\ansi 某局2023年度民主生活会个人发言提纲\\par}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/outlines/preview", "/api/outlines/import")) {
            Answer raw = upload(path + "?fileName=outline.rtf", rtf, LIAISON);
            assertThat(raw.status).as(path).isEqualTo(415);
            assertThat(raw.json.get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");
            assertThat(raw.json.get("message").asText()).contains(".doc", ".wps", ".pdf", ".png", ".jpg", ".tif");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ PDFs with a text layer

    @Test
    void aPdfWithATextLayerIsPreviewedRawAndMultipartWithOrWithoutItsName() throws Exception {
        byte[] pdf = pdf(outline(2023, 3), false);
        long before = storedEvents();
        for (String path : List.of("/api/outlines/preview?fileName=outline.pdf", "/api/outlines/preview")) {
            Answer raw = upload(path, pdf, OTHER);
            assertThat(raw.status).as(path + " " + raw).isEqualTo(200);
            assertThat(raw.json.at("/source/kind").asText()).as(path).isEqualTo("PDF");
            assertThat(raw.json.at("/source/pages").asInt()).isEqualTo(1);
            assertThat(raw.json.at("/counts/problems").asInt()).isEqualTo(3);
            assertThat(raw.json.at("/counts/rootCauses").asInt()).isEqualTo(2);
            assertThat(raw.json.at("/counts/measures").asInt()).isEqualTo(2);
            assertThat(raw.json.at("/outline/problems/0/statement").asText()).isEqualTo("学习不够深入系统。");
            assertThat(raw.json.get("warningCodes").toString()).as("no name is not a wrong extension")
                    .doesNotContain("READ_AS_");
        }
        Answer part = api.multipart("/api/outlines/preview", "提纲.pdf", pdf, OTHER);
        assertThat(part.status).isEqualTo(200);
        assertThat(part.json.at("/source/kind").asText()).isEqualTo("PDF");
        assertThat(storedEvents()).as("a preview stores nothing").isEqualTo(before);

        Answer imported = api.multipart("/api/outlines/import", "提纲.pdf", pdf, OTHER);
        assertThat(imported.status).isEqualTo(201);
        assertThat(imported.json.at("/counts/problems").asInt()).isEqualTo(3);
    }

    @Test
    void anEncryptedOrDamagedFileIsRefusedWithItsCodeAndNothingIsStored() throws Exception {
        long before = storedEvents();
        byte[] encrypted = pdf(outline(2023, 3), true);
        byte[] whole = pdf(outline(2023, 3), false);
        byte[] damaged = java.util.Arrays.copyOf(whole, 400);
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("encrypted.pdf", new Object[]{encrypted, 400, "ENCRYPTED"});
        cases.put("damaged.pdf", new Object[]{damaged, 400, "CORRUPT"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            for (String path : List.of("/api/outlines/preview", "/api/outlines/import")) {
                Answer raw = upload(path + "?fileName=" + c.getKey(), (byte[]) c.getValue()[0], LIAISON);
                assertThat(raw.status).as(c.getKey() + " " + path + " " + raw).isEqualTo(c.getValue()[1]);
                assertThat(raw.json.get("code").asText()).isEqualTo(c.getValue()[2]);
                assertThat(raw.json.get("message").asText()).containsPattern("[\\u4e00-\\u9fff]");
            }
            Answer part = api.multipart("/api/outlines/import", c.getKey(), (byte[]) c.getValue()[0], LIAISON);
            assertThat(part.json.get("code").asText()).as(c.getKey() + " multipart").isEqualTo(c.getValue()[2]);
        }
        assertThat(storedEvents()).as("no event stored by a refused upload").isEqualTo(before);
    }

    // ------------------------------------------------------------------ needs OCR (issue 16, scanned pages)

    @Test
    void aScanIsReadByOcrWithEachPagesConfidence() throws Exception {
        byte[] png = scan(outline(2023, 3));
        long before = storedEvents();

        Answer raw = upload("/api/outlines/preview?fileName=" + java.net.URLEncoder.encode("扫描件.png",
                StandardCharsets.UTF_8), png, OTHER);

        assertThat(raw.status).as(raw.toString()).isEqualTo(200);
        assertThat(raw.json.at("/source/kind").asText()).isEqualTo("IMAGE");
        assertThat(raw.json.at("/source/pages").asInt()).isEqualTo(1);
        assertThat(raw.json.at("/source/ocr/0/page").asInt()).isEqualTo(1);
        assertThat(raw.json.at("/source/ocr/0/confidence").asDouble()).isBetween(1.0, 100.0);
        assertThat(raw.json.at("/source/ocr/0/lowConfidence").isArray()).isTrue();
        assertThat(raw.json.at("/counts/problems").asInt()).isEqualTo(3);
        assertThat(raw.json.at("/counts/measures").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ the carry-over summary

    @Test
    void theCarryOverSummaryIsComparedWithTheCadresEarlierAcceptedReport() throws Exception {
        // given demo-dept's 2022 report, with 3 problems, accepted by the organization department
        Answer earlier = upload("/api/outlines/import?fileName=2022.txt", bytes(outline(2022, 3)), LIAISON);
        assertThat(earlier.status).isEqualTo(201);
        String reportId = earlier.json.get("reportId").asText();
        assertThat(api.post("/api/reports/" + reportId + "/submission", Map.of(), LIAISON).status).isEqualTo(200);
        assertThat(api.post("/api/reports/" + reportId + "/acceptance", Map.of(), ORG).status).isEqualTo(200);
        eventually(() -> {
            for (JsonNode r : api.get("/api/reports", LIAISON).json.get("reports")) {
                if (r.get("reportId").asText().equals(reportId) && r.get("status").asText().equals("ACCEPTED")) {
                    return r;
                }
            }
            return null;
        });

        // when the 2023 outline's summary says 5 problems, then the preview says so, as a code and in Chinese
        Answer differs = upload("/api/outlines/preview?fileName=2023.txt", bytes(outline(2023, 5)), LIAISON);
        assertThat(differs.status).isEqualTo(200);
        assertThat(differs.json.at("/carryOverSummary/problems").asInt()).isEqualTo(5);
        JsonNode codes = differs.json.get("warningCodes");
        JsonNode warnings = differs.json.get("warnings");
        assertThat(codes.size()).as("index for index").isEqualTo(warnings.size());
        int at = indexOf(codes, "CARRY_OVER_LEDGER_MISMATCH");
        assertThat(at).as(codes.toString()).isGreaterThanOrEqualTo(0);
        assertThat(codes.get(at).at("/params/summaryProblems").asText()).isEqualTo("5");
        assertThat(codes.get(at).at("/params/ledgerProblems").asText()).isEqualTo("3");
        assertThat(codes.get(at).at("/params/previousYear").asText()).isEqualTo("2022");
        assertThat(warnings.get(at).asText())
                .isEqualTo("上年度整改落实情况写明查摆问题5个，但本人2022年度已审核通过的发言提纲查摆问题3个，请核对");

        // when it agrees, or another cadre (no earlier report) previews it, then nothing is said
        Answer agrees = upload("/api/outlines/preview?fileName=2023.txt", bytes(outline(2023, 3)), LIAISON);
        assertThat(indexOf(agrees.json.get("warningCodes"), "CARRY_OVER_LEDGER_MISMATCH")).isEqualTo(-1);
        Answer someoneElse = upload("/api/outlines/preview?fileName=2023.txt", bytes(outline(2023, 5)), OTHER);
        assertThat(indexOf(someoneElse.json.get("warningCodes"), "CARRY_OVER_LEDGER_MISMATCH")).isEqualTo(-1);
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * A clean scan of one A4 page at 150 dpi (PNG, grey): the title centred, paragraphs indented two characters and
     * wrapped at the margin, in WenQuanYi Micro Hei at 12 pt.
     */
    static byte[] scan(String text) throws Exception {
        int width = 1240;
        int height = 1754;
        int margin = 150;
        java.awt.Font font = java.awt.Font.createFonts(new File(FONT))[0].deriveFont(25f);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(font);
        java.awt.FontMetrics metrics = g.getFontMetrics();
        int em = metrics.charWidth('中');
        int perLine = (width - 2 * margin) / em;
        int y = margin;
        String[] paragraphs = text.split("\n");
        for (int p = 0; p < paragraphs.length; p++) {
            String rest = paragraphs[p];
            if (p == 0) {
                g.drawString(rest, (width - metrics.stringWidth(rest)) / 2, y);
                y += metrics.getHeight() * 2;
                continue;
            }
            int room = perLine - 2;
            int x = margin + 2 * em;
            while (!rest.isEmpty()) {
                String line = rest.length() > room ? rest.substring(0, room) : rest;
                rest = rest.substring(line.length());
                g.drawString(line, x, y);
                y += (int) (metrics.getHeight() * 1.6);
                room = perLine;
                x = margin;
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int indexOf(JsonNode codes, String code) {
        for (int i = 0; i < codes.size(); i++) {
            if (code.equals(codes.get(i).get("code").asText())) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Answer upload(String path, byte[] content, TestUser user) throws Exception {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), user);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM report.domainevententry", Long.class);
    }

    /** A .docx with one paragraph per line. */
    static byte[] docx(String text) throws Exception {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A one-page A4 PDF with a text layer, laid out as such documents are: the title centred, every paragraph with a
     * first-line indent of two characters (by position, as Word exports it) and wrapped at the right margin.
     */
    static byte[] pdf(String text, boolean encrypted) throws Exception {
        try (PDDocument document = new PDDocument();
             TrueTypeCollection fonts = new TrueTypeCollection(new File(FONT));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, fonts.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float size = 11;
            float left = 72;
            float width = PDRectangle.A4.getWidth() - 2 * left;
            int perLine = (int) (width / size);
            List<String> paragraphs = List.of(text.split("\n"));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 780;
                for (int p = 0; p < paragraphs.size(); p++) {
                    String paragraph = paragraphs.get(p);
                    List<String> lines = new ArrayList<>();
                    if (p == 0) {
                        lines.add(paragraph);
                    } else {
                        String rest = paragraph;
                        int room = perLine - 2;
                        while (rest.length() > room) {
                            lines.add(rest.substring(0, room));
                            rest = rest.substring(room);
                            room = perLine;
                        }
                        lines.add(rest);
                    }
                    for (int l = 0; l < lines.size(); l++) {
                        String line = lines.get(l);
                        float x = p == 0 ? left + (width - font.getStringWidth(line) / 1000 * size) / 2
                                : l == 0 ? left + 2 * size : left;
                        content.beginText();
                        content.setFont(font, size);
                        content.newLineAtOffset(x, y);
                        content.showText(line);
                        content.endText();
                        y -= size * 1.8f;
                    }
                }
            }
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
