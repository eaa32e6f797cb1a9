package cn.zhenggai.uitests;

import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in Debian's headless Chromium against the whole platform (embedded PostgreSQL, Kafka, the
 * MongoDB-compatible store, the four service jars), started once for the class. The tests run in order: the
 * department imports the sample outline, the organization department accepts it, the department completes an
 * item and the party committee verifies it, discipline inspection looks back in time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest {

    private static final Path HOME = Path.of(System.getProperty("zhenggai.home", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLE = HOME.resolve("demo-data/src/main/resources/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt");
    private static final String DEPARTMENT = "XZSPJ";
    /** Working on the UI: a fresh stack already running (see {@link DevStack}) instead of one started here. */
    private static final String DEV_URL = System.getProperty("zhenggai.ui.url", "");

    private PlatformStack stack;
    private Browser browser;
    private String reportId;
    private String measureId;

    @BeforeAll
    void start() throws Exception {
        assertThat(SAMPLE).as("the sample outline").exists();
        Browser.requireInstalled(); // before the stack: say at once what is missing
        if (DEV_URL.isBlank()) {
            stack = new PlatformStack(new PlatformStack.Settings(HOME, InfraConfig.temporary(), 0, 320, Map.of()));
            stack.start(Duration.ofMinutes(5));
        }
        browser = new Browser(gatewayUrl());
    }

    @AfterAll
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachRoleLogsInAndSeesItsOwnMenu() {
        browser.login("demo-dept", "wrong-password");
        assertThat(browser.await(By.id("login-error")).getText()).isEqualTo("用户名或密码错误");
        assertThat(browser.all(By.cssSelector("#nav a"))).isEmpty();
        browser.js("document.getElementById('login-error').hidden = true; document.getElementById('username').value = ''");
        browser.screenshot("login");

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("demo-dept", List.of("ledger", "reports"));
        expected.put("demo-party", List.of("ledger", "overview", "verify", "audit", "grants"));
        expected.put("demo-org", List.of("overview", "reports", "admin"));
        expected.put("demo-audit", List.of("overview", "audit", "grants"));
        expected.put("demo-head", List.of("ledger", "reports"));
        expected.put("demo-cadre", List.of("ledger", "reports"));
        Map<String, String> landing = Map.of("demo-dept", "行政审批局 · 整改台账", "demo-party", "整改落实总览",
                "demo-org", "发言提纲审核", "demo-audit", "审计回放", "demo-head", "行政审批局 · 整改台账",
                "demo-cadre", "行政审批局 · 整改台账");
        expected.forEach((user, menu) -> {
            browser.login(user, "demo");
            browser.until(d -> !browser.all(By.cssSelector("#nav a")).isEmpty());
            List<String> shown = browser.all(By.cssSelector("#nav a")).stream()
                    .map(a -> a.getAttribute("data-nav")).toList();
            assertThat(shown).as("menu of " + user).containsExactlyElementsOf(menu);
            browser.until(d -> landing.get(user).equals(browser.text(By.id("page-title"))));
            browser.click(By.id("logout"));
            browser.await(By.id("login-form"));
            assertThat(browser.accessToken()).as("tokens gone after logout").isNull();
        });
    }

    @Test
    @Order(2)
    void theDepartmentImportsTheSampleOutlineSeesItsTwentyOneProblemsAndSubmitsIt() throws Exception {
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.upload(By.id("import-file"), SAMPLE);
        browser.click(By.id("import-preview-button"));
        assertThat(browser.text(By.id("preview-problem-count"))).isEqualTo("21");
        assertThat(browser.all(By.cssSelector("#preview-problems tbody tr"))).hasSize(21);
        assertThat(browser.text(By.id("preview-summary"))).contains("整改措施3项");
        // every part of the outline is shown, not only the problems (issue 17)
        assertThat(browser.text(By.cssSelector("#preview-carryover summary"))).isEqualTo("上年度整改落实情况（6组）");
        assertThat(browser.text(By.cssSelector("#preview-clean-areas summary"))).isEqualTo("未发现问题的方面（6个）");
        assertThat(browser.text(By.cssSelector("#preview-root-causes summary"))).isEqualTo("问题根源（3条）");
        assertThat(browser.all(By.cssSelector("#preview-measures li"))).hasSize(3);
        assertThat(browser.text(By.id("preview-personal-matters"))).startsWith("个人有关事项：已识别").contains("此处不显示内容");
        assertThat(browser.text(By.cssSelector("#preview-checks [data-check='ROOT_CAUSES_UNLINKED']"))).contains("3条根源尚未与问题关联");
        assertThat(browser.text(By.cssSelector("#preview-problems tbody tr"))).contains("比如：");
        assertThat(browser.text(By.id("import-preview"))).as("a part the file lacks is left out").doesNotContain("null");
        browser.screenshot("report-editor");

        // another file chosen: it must be previewed before it can be imported
        Path copy = Files.createTempDirectory("zhenggai-outline").resolve("另存的发言提纲.txt");
        Files.copy(SAMPLE, copy);
        copy.toFile().deleteOnExit();
        copy.getParent().toFile().deleteOnExit();
        browser.upload(By.id("import-file"), copy);
        browser.until(d -> !browser.await(By.id("import-confirm")).isEnabled());
        assertThat(browser.text(By.id("import-repreview"))).isEqualTo("已选择新文件，请先预览。");
        browser.click(By.id("import-preview-button"));
        browser.until(d -> browser.await(By.id("import-confirm")).isEnabled());

        browser.click(By.id("import-confirm"));
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 21);
        reportId = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=", "");
        assertThat(reportId).startsWith("rpt-");
        assertThat(browser.text(By.id("import-result"))).startsWith("已导入为草稿：问题21个");
        assertThat(browser.text(By.cssSelector(".meta"))).contains("草稿");
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        assertThat(lastQuestion()).contains("提交组织部审核");
        assertThat(browser.all(By.id("submit-report"))).as("no second submission").isEmpty();
    }

    @Test
    @Order(3)
    void aDepartmentUserCannotReachAnotherDepartmentsDataByUrlOrApi() throws Exception {
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        browser.open("ledger?department=ZZB");
        assertThat(browser.text(By.id("refusal"))).isEqualTo("无权查看其他部门的整改台账");
        assertThat(browser.all(By.cssSelector("#ledger-table tbody tr[data-measure]"))).isEmpty();
        assertThat(browser.all(By.id("ledger-table"))).isEmpty();

        String token = browser.accessToken();
        assertThat(get("/api/ledger?department=ZZB", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/overview?department=ZZB", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/ledger?department=" + DEPARTMENT, token).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theOrganizationDepartmentAcceptsTheReport() {
        assertThat(reportId).as("the report of test 2").isNotNull();
        browser.login("demo-org", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.until(d -> {
            if (!browser.all(By.cssSelector("tr[data-report='" + reportId + "'][data-status='SUBMITTED']")).isEmpty()) {
                return true;
            }
            browser.driver.navigate().refresh(); // the list is a read model: it follows the events shortly
            return false;
        });
        browser.click(By.cssSelector("tr[data-report='" + reportId + "'] a"));
        answerConfirmations(true);
        browser.click(By.id("accept-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已通过"));
        assertThat(lastQuestion()).contains("不能撤回");
        assertThat(browser.all(By.id("accept-report"))).isEmpty();
    }

    @Test
    @Order(5)
    void theDepartmentCompletesAnItemThePartyCommitteeVerifiesItAndBothDashboardsChange() throws Exception {
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        awaitRows(3);
        assertThat(stat("ledger-stats", "total")).isEqualTo("3");
        assertThat(stat("ledger-stats", "completed")).isEqualTo("0");
        measureId = browser.all(By.cssSelector("#ledger-table tbody tr[data-measure]")).get(0).getAttribute("data-measure");

        browser.open("item?id=" + measureId);
        // the owner is one of the department's users, picked from the directory (issue 11 item 2)
        browser.await(By.cssSelector("#assign-owner-user option[value='demo-cadre']"));
        assertThat(browser.all(By.cssSelector("#assign-owner-user option[value='demo-cz']"))).as("not another department's")
                .isEmpty();
        browser.click(By.cssSelector("#assign-owner-user option[value='demo-cadre']"));
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString();
        browser.js("document.getElementById('assign-deadline').value = arguments[0]", deadline);
        browser.click(By.cssSelector("#assign-form button"));
        awaitDone("已分解落实");
        awaitStatus("IN_PROGRESS");

        browser.await(By.id("progress-text")).sendKeys("已制定学习计划，完成第一次专题学习。");
        Path file = Files.createTempFile("学习记录-", ".txt");
        Files.writeString(file, "2022年12月专题学习签到表");
        browser.upload(By.id("evidence-files"), file);
        browser.click(By.cssSelector("#progress-form button"));
        awaitDone("进展已报送（佐证材料1份）");
        browser.until(d -> reopenItem() != null && browser.all(By.cssSelector("#progress-list > li")).size() == 1);
        assertThat(browser.text(By.id("progress-list"))).contains("已制定学习计划");
        assertThat(browser.text(By.id("progress-list"))).contains(file.getFileName().toString());

        browser.await(By.id("complete-summary")).sendKeys("学习计划已全部落实。");
        browser.click(By.id("complete-button"));
        awaitDone("已提交完成，等待党委验收");
        awaitStatus("COMPLETED");
        assertThat(browser.all(By.id("verify-button"))).as("a department cannot verify").isEmpty();

        browser.open("ledger");
        browser.until(d -> "1".equals(stat("ledger-stats", "completed")) || refreshed());
        browser.screenshot("department-dashboard");

        browser.login("demo-party", "demo");
        browser.await(By.id("ranking"));
        browser.until(d -> "1".equals(rankingCell(DEPARTMENT, 3)) || refreshed());
        assertThat(rankingCell(DEPARTMENT, 4)).as("verified before").isEqualTo("0");
        browser.click(By.cssSelector("#ranking a[data-department='" + DEPARTMENT + "']"));
        browser.until(d -> "行政审批局 · 整改台账".equals(browser.text(By.id("page-title"))));
        browser.click(By.cssSelector("tr[data-measure='" + measureId + "'] a"));
        browser.await(By.id("verify-opinion")).sendKeys("经核查，整改到位，同意销号。");
        assertThat(browser.all(By.id("complete-button"))).as("nothing to complete on a completed item").isEmpty();
        browser.click(By.id("verify-button"));
        awaitDone("已验收销号");
        awaitStatus("VERIFIED");
        browser.until(d -> browser.all(By.cssSelector("#timeline li[data-type]")).size() >= 5 || refreshed());
        browser.screenshot("item");

        browser.open("overview");
        browser.until(d -> "1".equals(rankingCell(DEPARTMENT, 4)) || refreshed());
        assertThat(stat("overview-stats", "verified")).isEqualTo("1");
        browser.screenshot("overview");
    }

    @Test
    @Order(6)
    void disciplineInspectionSeesTheLedgerAsItStoodYesterdayAndToday() throws Exception {
        assertThat(measureId).as("the item of test 5").isNotNull();
        browser.login("demo-audit", "demo");
        browser.await(By.id("page-title"));
        LocalDate today = LocalDate.now(ZoneId.of(Browser.ZONE));
        String yesterday = today.minusDays(1).toString();
        assertThat(browser.await(By.id("asof-date")).getAttribute("value")).isEqualTo(yesterday);
        // nothing was on record yesterday: the page says so (BEFORE_FIRST_EVENT) rather than show an empty ledger
        browser.until(d -> browser.text(By.id("asof-result")).contains("早于审计日志中的第一条记录"));

        browser.js("document.getElementById('asof-date').value = arguments[0]", today.toString());
        browser.click(By.id("asof-button"));
        browser.until(d -> browser.text(By.id("asof-caption")).contains(today.toString()));
        assertThat(browser.text(By.id("asof-count"))).isEqualTo("3");
        assertThat(browser.all(By.cssSelector("#asof-table tr[data-measure='" + measureId + "']"))).hasSize(1);

        browser.js("document.getElementById('diff-from').value = arguments[0];"
                + " document.getElementById('diff-to').value = arguments[1]", yesterday, today.toString());
        browser.click(By.id("diff-button"));
        browser.await(By.id("diff-result"));
        assertThat(browser.all(By.cssSelector("[data-kind='newItems'] li"))).as("items planned since yesterday").hasSize(3);
        assertThat(browser.all(By.cssSelector("[data-kind='closures'] li"))).as("the item verified today").hasSize(1);

        browser.click(By.id("verify-button"));
        assertThat(browser.await(By.id("verify-ok")).getText()).startsWith("✔ 审计日志完整");

        browser.click(By.id("replay-start"));
        browser.await(By.id("replay-switch"));
        assertThat(browser.await(By.id("replay-progress")).getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(browser.text(By.id("replay-info"))).startsWith("重放完成");
        browser.screenshot("audit-replay");
        assertThat(browser.text(By.id("replay-help"))).contains("不改动现用投影").contains("仅限纪检监察和党委");
        answerConfirmations(false);
        browser.click(By.id("replay-switch"));
        assertThat(lastQuestion()).contains("切换不能撤销");
        assertThat(browser.await(By.id("replay-switch")).isDisplayed()).as("declined: not switched").isTrue();
        answerConfirmations(true);
        browser.click(By.id("replay-switch"));
        browser.until(d -> browser.text(By.id("replay-info")).equals("已切换到重建的投影。"));
    }

    @Test
    @Order(7)
    void aCadreLetsTheHeadEditTheDraftAndTakesItBack() {
        browser.login("demo-cadre", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        WebElement title = browser.await(By.id("draft-title"));
        title.clear();
        title.sendKeys("授权代填的发言提纲");
        browser.click(By.cssSelector("#draft-form button[type='submit']"));
        browser.until(d -> "授权代填的发言提纲".equals(browser.text(By.id("page-title"))));
        String draft = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=", "");
        assertThat(browser.all(By.id("problem-form"))).as("the author edits").hasSize(1);
        assertThat(browser.all(By.cssSelector("#delegate-username option[value='demo-cz']"))).as("only colleagues")
                .isEmpty();
        browser.click(By.cssSelector("#delegate-username option[value='demo-head']"));
        browser.click(By.cssSelector("#delegation-form button[type='submit']"));
        browser.await(By.cssSelector("#report-delegates button[data-revoke='demo-head']"));
        assertThat(browser.text(By.id("report-delegates"))).as("by name").contains("行政审批局局长（演示）")
                .doesNotContain("demo-head");

        browser.login("demo-head", "demo");
        browser.await(By.id("page-title"));
        browser.open("report?id=" + draft);
        browser.await(By.id("problem-form"));
        browser.await(By.id("problem-theme")).sendKeys("理论学习");
        browser.await(By.id("problem-statement")).sendKeys("代为录入的问题。");
        browser.click(By.cssSelector("#problem-form button[type='submit']"));
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 1);
        assertThat(browser.all(By.id("delegation-form"))).as("only the author grants").isEmpty();

        browser.login("demo-cadre", "demo");
        browser.await(By.id("page-title"));
        browser.open("report?id=" + draft);
        browser.js("window.confirm = () => true");
        browser.click(By.cssSelector("#report-delegates button[data-revoke='demo-head']"));
        browser.until(d -> browser.text(By.id("report-delegates")).equals("尚未授权他人。"));

        browser.login("demo-head", "demo");
        browser.await(By.id("page-title"));
        browser.open("report?id=" + draft);
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 1);
        assertThat(browser.all(By.id("problem-form"))).as("no longer a delegate").isEmpty();
        assertThat(browser.all(By.id("submit-report"))).isEmpty();
    }

    /**
     * Issue 16: the import screen takes the new kinds and shows how the file was read. A Word document saved as .txt
     * (made here) is previewed: the source line names the kind found from the content, and the parser's
     * READ_AS_DOCX warning is shown in Chinese from its code.
     */
    @Test
    @Order(8)
    void thePreviewShowsHowTheFileWasReadAndItsWarningsFromTheirCodes() throws Exception {
        Path file = Files.createTempDirectory("zhenggai-ui").resolve("提纲.txt");
        Files.write(file, docx(List.of("某局2023年度民主生活会个人发言提纲", "一、查摆的突出问题", "（一）理论学习方面",
                "1.学习不够深入系统。比如，学习笔记记录不全。", "2.联系实际不够紧密。比如，调研报告质量不高。",
                "（二）作风建设方面", "1.深入基层不够经常。比如，下基层调研次数偏少。", "二、问题产生的根源",
                "（一）理想信念有所淡化。放松了理论学习。", "三、整改措施", "（一）加强理论学习。每月集中学习一次，2024年12月底前完成。")));
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        String accept = browser.await(By.id("import-file")).getAttribute("accept");
        assertThat(accept).contains(".doc", ".wps", ".pdf", ".png", ".jpg", ".tif");
        assertThat(browser.text(By.id("import-form"))).contains(".wps").contains(".pdf").contains(".tif");
        browser.upload(By.id("import-file"), file);
        browser.click(By.id("import-preview-button"));
        assertThat(browser.text(By.id("preview-problem-count"))).isEqualTo("3");
        assertThat(browser.text(By.id("preview-source"))).isEqualTo("文件类型：Word文档（.docx）");
        List<WebElement> read = browser.all(By.cssSelector("#preview-warnings li[data-code='READ_AS_DOCX']"));
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getText()).isEqualTo("文件扩展名为.txt，实际为.docx文档，已按.docx读取");
        assertThat(browser.all(By.id("preview-ocr"))).as("nothing read by OCR").isEmpty();
    }

    /**
     * ADR 0106: a signed-in user opens the API documentation from the header; Swagger UI opens in a new tab and
     * shows the report service's operations, loaded with the user's token.
     */
    @Test
    @Order(10)
    void aSignedInUserOpensTheApiDocumentationFromTheHeader() {
        browser.login("demo-dept", "demo");
        WebElement link = browser.await(By.id("api-docs"));
        assertThat(link.getText()).isEqualTo("接口文档");
        String main = browser.driver.getWindowHandle();
        browser.click(By.id("api-docs"));
        browser.until(d -> d.getWindowHandles().size() > 1);
        String docs = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst()
                .orElseThrow();
        browser.driver.switchTo().window(docs);
        try {
            browser.until(d -> d.getCurrentUrl().endsWith("/api/docs/ui"));
            assertThat(browser.driver.getTitle()).isEqualTo("整改 · 接口文档");
            browser.until(d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(main);
        }
    }

    /** The same outline printed as a PDF (issue 16): read from its text layer, previewed with its kind and pages. */
    @Test
    @Order(9)
    void aPdfIsPreviewedWithItsKindAndPages() throws Exception {
        Path pdf = Files.createTempDirectory("zhenggai-ui").resolve("提纲.pdf");
        Files.write(pdf, pdf(List.of("某局2023年度民主生活会个人发言提纲", "一、查摆的突出问题", "（一）理论学习方面",
                "1.学习不够深入系统，对党的创新理论的学习还停留在读原文、记笔记的层面，联系本单位实际思考不够。比如，学习笔记记录不全。", "2.联系实际不够紧密。比如，调研报告质量不高。",
                "（二）作风建设方面", "1.深入基层不够经常。比如，下基层调研次数偏少。", "二、问题产生的根源",
                "（一）理想信念有所淡化。放松了理论学习。", "三、整改措施", "（一）加强理论学习。每月集中学习一次，2024年12月底前完成。")));
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.upload(By.id("import-file"), pdf);
        browser.click(By.id("import-preview-button"));
        browser.until(d -> !browser.all(By.id("preview-source")).isEmpty()
                && browser.text(By.id("preview-source")).contains("PDF"));
        assertThat(browser.text(By.id("preview-source"))).isEqualTo("文件类型：PDF（含文字层），共1页");
        assertThat(browser.text(By.id("preview-problem-count"))).isEqualTo("3");
    }

    /**
     * One A4 page as Word exports it: the title centred, paragraphs indented by two characters and wrapped at the
     * right margin (WenQuanYi Micro Hei).
     */
    private static byte[] pdf(List<String> paragraphs) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
             org.apache.fontbox.ttf.TrueTypeCollection fonts = new org.apache.fontbox.ttf.TrueTypeCollection(
                     new java.io.File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.font.PDType0Font font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document,
                    fonts.getFontByName("WenQuanYiMicroHei"), true);
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            document.addPage(page);
            float size = 11;
            float left = 72;
            float width = page.getMediaBox().getWidth() - 2 * left;
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                int perLine = (int) (width / size);
                float y = 780;
                for (int p = 0; p < paragraphs.size(); p++) {
                    List<String> lines = new java.util.ArrayList<>();
                    String rest = paragraphs.get(p);
                    for (int room = perLine - 2; p > 0 && rest.length() > room; room = perLine) {
                        lines.add(rest.substring(0, room));
                        rest = rest.substring(room);
                    }
                    lines.add(rest);
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
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A minimal .docx: one paragraph per line. */
    private static byte[] docx(List<String> lines) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line).append("</w:t></w:r></w:p>");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "</w:body></w:document>");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Issue 17: a draft is edited part by part in the browser — problems added, a duplicate refused beside the form,
     * a problem revised and (after a declined and an accepted confirmation) deleted, a root cause linked to the
     * problem it explains, a measure aimed at that root cause and revised — and submitted only once confirmed.
     */
    @Test
    @Order(11)
    void aCadreEditsEveryPartOfTheDraftLinksThemAndSubmitsOnlyWhenConfirmed() {
        browser.login("demo-cadre", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        WebElement title = browser.await(By.id("draft-title"));
        title.clear();
        title.sendKeys("逐项修改的发言提纲");
        browser.click(By.cssSelector("#draft-form button[type='submit']"));
        browser.until(d -> "逐项修改的发言提纲".equals(browser.text(By.id("page-title"))));

        addProblem("理论学习", 1, "学习不够深入。");
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 1);
        addProblem("理论学习", 2, "联系实际不够。");
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 2);
        addProblem("理论学习", 2, "重复的序号。");
        browser.until(d -> browser.text(By.id("problem-form-error")).contains("“理论学习”方面已有第2个问题"));
        assertThat(browser.all(By.cssSelector("#report-problems li"))).hasSize(2);

        List<WebElement> problems = browser.all(By.cssSelector("#report-problems li"));
        String first = problems.get(0).getAttribute("data-problem");
        String second = problems.get(1).getAttribute("data-problem");
        browser.click(By.cssSelector("[data-edit-problem='" + second + "']"));
        assertThat(browser.await(By.id("problem-statement")).getAttribute("value")).isEqualTo("联系实际不够。");
        browser.await(By.id("problem-statement")).clear();
        browser.await(By.id("problem-statement")).sendKeys("联系实际、指导实践不够。");
        browser.click(By.cssSelector("#problem-form button[type='submit']"));
        browser.until(d -> browser.text(By.cssSelector("li[data-problem='" + second + "']")).contains("联系实际、指导实践不够。"));
        assertThat(browser.all(By.cssSelector("#report-problems li"))).as("revised, not added").hasSize(2);

        answerConfirmations(false);
        browser.click(By.cssSelector("[data-withdraw-problem='" + first + "']"));
        assertThat(lastQuestion()).contains("删除“理论学习”第1个问题");
        assertThat(browser.all(By.cssSelector("#report-problems li"))).as("declined: nothing deleted").hasSize(2);
        answerConfirmations(true);
        browser.click(By.cssSelector("[data-withdraw-problem='" + first + "']"));
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 1);

        browser.await(By.id("root-cause-title")).sendKeys("理论武装不够深入");
        browser.await(By.id("root-cause-analysis")).sendKeys("满足于读原文、记笔记。");
        browser.click(By.id("root-cause-problem-" + second));
        browser.click(By.cssSelector("#root-cause-form button[type='submit']"));
        browser.until(d -> browser.all(By.cssSelector("#report-root-causes li")).size() == 1);
        assertThat(browser.text(By.cssSelector("#report-root-causes li")))
                .contains("对应问题：“理论学习”第2个问题");

        WebElement cause = browser.await(By.cssSelector("#report-root-causes li"));
        String causeId = cause.getAttribute("data-root-cause");
        browser.await(By.id("measure-title")).sendKeys("建立学习台账");
        browser.await(By.id("measure-deadline-text")).sendKeys("2027年6月底前");
        browser.await(By.id("measure-owner")).sendKeys("本人");
        browser.click(By.id("measure-root-cause-" + causeId));
        browser.click(By.cssSelector("#measure-form button[type='submit']"));
        browser.until(d -> browser.all(By.cssSelector("#report-measures li")).size() == 1);
        assertThat(browser.text(By.cssSelector("#report-measures li")))
                .contains("建立学习台账").contains("2027年6月底前").contains("针对：根源1：理论武装不够深入");

        String measure = browser.await(By.cssSelector("#report-measures li")).getAttribute("data-measure");
        browser.click(By.cssSelector("[data-edit-measure='" + measure + "']"));
        browser.await(By.id("measure-title")).clear();
        browser.await(By.id("measure-title")).sendKeys("建立个人学习台账");
        browser.click(By.cssSelector("#measure-form button[type='submit']"));
        browser.until(d -> browser.text(By.cssSelector("li[data-measure='" + measure + "']")).contains("建立个人学习台账"));
        assertThat(browser.text(By.cssSelector("li[data-measure='" + measure + "']"))).as("the link is kept")
                .contains("针对：根源1：理论武装不够深入");

        answerConfirmations(false);
        browser.click(By.id("submit-report"));
        assertThat(lastQuestion()).contains("提交组织部审核");
        assertThat(browser.text(By.cssSelector(".meta"))).as("declined: still a draft").contains("草稿");
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        assertThat(browser.all(By.cssSelector("[data-edit-problem]"))).as("a submitted report is not edited").isEmpty();
    }

    // ------------------------------------------------------------------ main: administration, queues, audit

    @Test
    @Order(50)
    void theOrganizationDepartmentAdministersUsersAndDepartmentsAndASecondPersonApprovesAGrant() {
        browser.login("demo-org", "demo");
        browser.await(By.id("page-title"));
        browser.click(By.cssSelector("#nav a[data-nav='admin']"));
        browser.await(By.cssSelector("#users-table tr[data-username='demo-cz']"));
        assertThat(browser.text(By.cssSelector("#users-table tr[data-username='demo-cz']")))
                .as("departments and roles by name").contains("财政局").contains("部门联络员").doesNotContain("CZJ");

        // a department: refused code beside its field, then created and renamed
        browser.await(By.id("department-code")).sendKeys("tjj");
        browser.await(By.id("department-name")).sendKeys("统计局");
        browser.click(By.id("department-save"));
        browser.until(d -> browser.text(By.id("err-code")).contains("部门代码须为"));
        browser.await(By.id("department-code")).clear();
        browser.await(By.id("department-code")).sendKeys("TJJ");
        browser.click(By.id("department-save"));
        awaitDone("已新增部门 统计局");
        browser.js("window.prompt = function () { return '统计局（数据中心）'; }");
        browser.click(By.cssSelector("#departments-table button[data-rename='TJJ']"));
        awaitDone("部门已更名为 统计局（数据中心）");

        // a user: errors beside the fields they concern, nothing created until all is right
        browser.click(By.id("user-save"));
        assertThat(browser.text(By.id("err-displayName"))).isEqualTo("请填写姓名");
        assertThat(browser.text(By.id("err-roles"))).isEqualTo("请至少选择一个角色");
        browser.await(By.id("user-username")).sendKeys("tj.reviewer");
        browser.await(By.id("user-display-name")).sendKeys("统计局审核员");
        browser.click(By.cssSelector("#user-department option[value='TJJ']"));
        browser.click(By.id("role-CADRE"));
        browser.click(By.id("role-ORG_DEPT"));
        browser.await(By.id("user-password")).sendKeys("weak");
        browser.click(By.id("user-save"));
        browser.until(d -> browser.text(By.id("err-password")).contains("密码长度须为"));
        assertThat(browser.all(By.cssSelector("#users-table tr[data-username='tj.reviewer']"))).isEmpty();
        browser.await(By.id("user-password")).clear();
        browser.await(By.id("user-password")).sendKeys("Tongji-2026-review");
        browser.click(By.id("user-save"));
        awaitDone("已创建用户 统计局审核员；组织部角色须经另一人批准后生效");
        String row = browser.text(By.cssSelector("#users-table tr[data-username='tj.reviewer']"));
        assertThat(row).contains("统计局（数据中心）").contains("领导干部").contains("待批准：组织部");
        browser.screenshot("admin-users");

        // the proposer may withdraw but not approve it
        browser.open("grants");
        browser.await(By.cssSelector("#grants-table tr[data-grant]"));
        String proposed = browser.text(By.id("grants-table"));
        assertThat(proposed).contains("统计局审核员").contains("组织部（演示）").contains("您不能批准此项")
                .doesNotContain("demo-org");
        assertThat(browser.all(By.cssSelector("#grants-table button[data-approve]"))).isEmpty();

        browser.login("demo-party", "demo");
        browser.await(By.id("page-title"));
        browser.click(By.cssSelector("#nav a[data-nav='grants']"));
        browser.await(By.cssSelector("#grants-table button[data-approve]"));
        answerConfirmations(true);
        browser.click(By.cssSelector("#grants-table button[data-approve]"));
        assertThat(lastQuestion()).contains("统计局审核员").contains("组织部");
        awaitDone("已批准：统计局审核员 组织部");
        assertThat(browser.text(By.id("grants-table"))).contains("没有待批准的授权");
        browser.click(By.cssSelector("button.tab[data-status='APPROVED']"));
        browser.until(d -> browser.text(By.id("grants-table")).contains("党委（演示）"));
        browser.screenshot("grants");
    }

    @Test
    @Order(51)
    @SuppressWarnings("unchecked")
    void thePartyCommitteeWorksItsVerificationQueueSupervisesFromTheOverviewAndExportsEveryDepartment() {
        // set-up, as the department would have done it on the item page: one item completed, one due in ten days
        // (财政局's items, from the report test 40 took through the review: 行政审批局's were taken by tests 5 and 20)
        browser.login("demo-cz", "demo");
        browser.await(By.id("page-title"));
        List<String> open = (List<String>) apiScript("const r = await call('GET', '/api/ledger');"
                + " return r.body.rows.filter(x => x.status === 'PLANNED').map(x => x.measureId);");
        assertThat(open).as("two items of 财政局's accepted report not yet assigned").hasSizeGreaterThanOrEqualTo(2);
        String due = LocalDate.now(ZoneId.of(Browser.ZONE)).plusDays(10).toString();
        for (String id : open.subList(0, 2)) {
            assertThat(apiScript("return (await call('POST', '/api/measures/' + arguments[0] + '/assignment',"
                    + " {leadDepartment: 'CZJ', owner: '财政局联络员（演示）', deadline: arguments[1]})).status", id, due))
                    .isEqualTo(200L);
        }
        String done = open.get(0);
        String late = open.get(1);
        assertThat(apiScript("return (await call('POST', '/api/measures/' + arguments[0] + '/completion',"
                + " {summary: '窗口服务规范已修订并培训到人。'})).status", done)).isEqualTo(200L);

        browser.login("demo-party", "demo");
        browser.await(By.id("overview-stats"));
        browser.until(d -> browser.all(By.id("awaiting-link")).size() == 1
                && browser.text(By.id("awaiting-link")).startsWith("待验收 ") || refreshed());
        browser.click(By.cssSelector("#nav a[data-nav='verify']"));
        browser.until(d -> browser.all(By.cssSelector("#verify-table tr[data-measure='" + done + "']")).size() == 1
                || refreshed());
        String queued = browser.text(By.cssSelector("#verify-table tr[data-measure='" + done + "']"));
        assertThat(queued).contains("财政局").contains("窗口服务规范已修订").contains("0 天").doesNotContain("CZJ");
        browser.screenshot("verify-queue");
        browser.click(By.cssSelector("#verify-table tr[data-measure='" + done + "'] a.button-link"));
        browser.await(By.id("verify-opinion")).sendKeys("经核查，整改到位。");
        browser.click(By.id("verify-button"));
        awaitDone("已验收销号");
        browser.open("verify");
        browser.await(By.id("verify-table"));
        browser.until(d -> browser.all(By.cssSelector("#verify-table tr[data-measure='" + done + "']")).isEmpty()
                || refreshed());

        // 督办 from the overview, confirmed first; refused without a reason, beside the field
        browser.open("overview");
        browser.until(d -> browser.all(By.cssSelector("#overdue-table tr[data-measure='" + late + "']")).size() == 1
                || refreshed());
        assertThat(browser.text(By.cssSelector("#overdue-table tr[data-measure='" + late + "']")))
                .contains("财政局").contains("剩 10 天");
        browser.click(By.cssSelector("#overdue-table button[data-supervise='" + late + "']"));
        browser.await(By.id("supervise-reason")).clear();
        browser.click(By.id("supervise-submit"));
        assertThat(browser.text(By.id("supervise-error"))).isEqualTo("请填写督办事由");
        browser.await(By.id("supervise-reason")).sendKeys("请于本周内报告整改进展。");
        answerConfirmations(true);
        browser.click(By.id("supervise-submit"));
        assertThat(lastQuestion()).contains("财政局").contains("不能撤回");
        awaitDone("已督办：" + titleOf(late));
        browser.until(d -> browser.text(By.cssSelector("#overdue-table tr[data-measure='" + late + "']")).contains("1 次")
                || refreshed());

        recordDownloads();
        browser.click(By.id("export-all"));
        awaitDone("已导出全部部门的整改台账");
        assertThat(downloads()).as("the workbook of every department").anyMatch(d -> d.startsWith("全部单位整改台账.xlsx:")
                && !d.endsWith(":0"));
        browser.screenshot("overview-supervise");
    }

    @Test
    @Order(52)
    void disciplineInspectionComparesTwoInstantsFollowsADifferenceToItsTimelineAndDownloadsABundle() {
        browser.login("demo-audit", "demo");
        browser.await(By.id("page-title"));
        String today = LocalDate.now(ZoneId.of(Browser.ZONE)).toString();
        // from the start of today to now, minute by minute: everything today is in it; from now to now, nothing
        browser.js("document.getElementById('diff-from').value = arguments[0];"
                + " document.getElementById('diff-from-time').value = '00:00';"
                + " document.getElementById('diff-to').value = arguments[0];"
                + " document.getElementById('diff-to-time').value = '23:59';", today);
        browser.click(By.id("diff-button"));
        browser.await(By.id("diff-result"));
        assertThat(browser.text(By.id("diff-axis"))).contains(today + " 00:00").contains(today + " 23:59");
        assertThat(Integer.parseInt(browser.text(By.id("diff-total")))).isGreaterThan(0);
        WebElement link = browser.await(By.cssSelector("#diff-result a.diff-item"));
        String measure = link.getAttribute("data-timeline");
        browser.click(By.cssSelector("#diff-result a.diff-item[data-timeline='" + measure + "']"));
        browser.until(d -> measure.equals(browser.js("return document.getElementById('item-id').value"))
                && !browser.all(By.cssSelector("#audit-timeline li[data-type]")).isEmpty());

        String minute = (String) browser.js("const d = new Date(Date.now() + 60000);"
                + " return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0')");
        if (!minute.equals("00:00")) { // a comparison within the same minute has nothing in it
            browser.js("document.getElementById('diff-from-time').value = arguments[0];"
                    + " document.getElementById('diff-to-time').value = arguments[0];", minute);
            browser.click(By.id("diff-button"));
            browser.until(d -> browser.text(By.id("diff-axis")).contains(today + " " + minute)
                    && "0".equals(browser.text(By.id("diff-total"))));
        }

        recordDownloads();
        browser.click(By.id("item-bundle"));
        awaitDone("审计包已下载，可用 ./zhenggai audit verify 文件名 离线核验");
        assertThat(downloads()).anyMatch(d -> d.startsWith("audit-" + measure + ".json:") && !d.endsWith(":0"));
        browser.screenshot("audit-bundle");
    }

    @Test
    @Order(53)
    void everyScreenIsLaidOutAndAccessibleAtBothOfficeScreenSizes() {
        new ScreenTour(browser).run(DEPARTMENT);
    }

    @Test
    @Order(54)
    void theKeyboardAloneSignsInOpensAScreenFromTheMenuAndAnItemFromItsTable() {
        browser.driver.get(gatewayUrl() + "/#/login");
        browser.js("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.await(By.id("username")).click();
        browser.driver.switchTo().activeElement().sendKeys("demo-party");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        browser.driver.switchTo().activeElement().sendKeys("demo", Keys.ENTER);
        browser.until(d -> "整改落实总览".equals(browser.text(By.id("page-title"))));

        // Tab from the top of the page reaches the menu; Enter opens 待验收
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0)");
        WebElement target = null;
        for (int i = 0; i < 20 && target == null; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform(); // keys to the page, as a person presses them
            WebElement now = browser.driver.switchTo().activeElement();
            if ("verify".equals(now.getAttribute("data-nav"))) {
                target = now;
            }
        }
        assertThat(target).as("the menu is reached by Tab").isNotNull();
        target.sendKeys(Keys.ENTER);
        browser.until(d -> "待验收事项".equals(browser.text(By.id("page-title"))));

        // an item of a ledger opens by Enter on its title
        browser.open("ledger?department=" + DEPARTMENT);
        WebElement title = browser.await(By.cssSelector("#ledger-table tr[data-measure] a"));
        browser.js("arguments[0].focus()", title);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await(By.id("item-status"));
    }

    /** Runs an async script with {@code call(method, path, json)} (the signed-in user's token) defined. */
    private Object apiScript(String body, Object... args) {
        return browser.js("const call = async (method, path, json) => { const r = await fetch(path, {method,"
                + " headers: {'Content-Type': 'application/json', Authorization: 'Bearer '"
                + " + sessionStorage.getItem('zhenggai.accessToken')}, body: json ? JSON.stringify(json) : undefined});"
                + " const text = await r.text(); return {status: r.status, body: text ? JSON.parse(text) : null}; };"
                + " return (async () => { " + body + " })();", args);
    }

    private String titleOf(String measureId) {
        return (String) apiScript("return (await call('GET', '/api/measures/' + arguments[0])).body.title", measureId);
    }

    /** From now on the page's downloads (blob links clicked) are recorded as "file name:size". */
    private void recordDownloads() {
        browser.js("window.__downloads = []; const make = URL.createObjectURL; const sizes = new Map();"
                + " URL.createObjectURL = function (b) { const u = make.call(URL, b); sizes.set(u, b.size); return u; };"
                + " const click = HTMLAnchorElement.prototype.click;"
                + " HTMLAnchorElement.prototype.click = function () { if (this.download) {"
                + " window.__downloads.push(this.download + ':' + (sizes.get(this.href) ?? '?')); return; }"
                + " return click.call(this); };");
    }

    @SuppressWarnings("unchecked")
    private List<String> downloads() {
        return (List<String>) browser.until(d -> {
            List<String> list = (List<String>) browser.js("return window.__downloads");
            return list == null || list.isEmpty() ? null : list;
        });
    }

    /**
     * Issue 17: in-app notices reach people. The cadre of 财政局 (demo-cz) submits an outline; in another tab the
     * organization department returns it with a reason; the cadre's page, left open and never reloaded, shows the
     * notice within the 15 s poll, naming the departments and the reason, and 全部已读 takes the count to 0.
     */
    @Test
    @Order(30)
    void aCadreSeesTheReturnOfTheirReportArriveWithoutAReloadAndReadsAllNotices() throws Exception {
        browser.login("demo-cz", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.upload(By.id("import-file"), SAMPLE);
        browser.click(By.id("import-preview-button"));
        browser.until(d -> browser.await(By.id("import-confirm")).isEnabled());
        browser.click(By.id("import-confirm"));
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 21);
        String report = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=", "");
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        browser.await(By.id("bell"));
        int before = noticeCount();
        assertThat(browser.all(By.cssSelector("#notices [data-kind='REPORT_RETURNED']"))).isEmpty();
        String cadreTab = browser.driver.getWindowHandle();
        browser.js("window.__notReloaded = true");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        try {
            browser.login("demo-org", "demo");
            browser.await(By.id("page-title"));
            browser.open("reports");
            browser.until(d -> !browser.all(By.cssSelector("tr[data-report='" + report + "'][data-status='SUBMITTED']"))
                    .isEmpty() || refreshed());
            browser.click(By.cssSelector("tr[data-report='" + report + "'] a"));
            browser.await(By.id("return-reasons")).sendKeys("问题查摆不够具体，请逐条对照党章党规检查。");
            answerConfirmations(true);
            browser.click(By.id("return-report"));
            browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已退回"));
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(cadreTab);
        }

        // within the poll (15 s), with no reload of the page
        new WebDriverWait(browser.driver, Duration.ofSeconds(35)).until(d -> noticeCount() > before);
        assertThat(browser.js("return window.__notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        browser.click(By.id("bell"));
        WebElement notice = browser.await(By.cssSelector("#notices .notice.unread[data-kind='REPORT_RETURNED']"));
        assertThat(notice.getText()).contains("发言提纲被退回修改").contains("组织部退回了财政局的发言提纲")
                .contains("问题查摆不够具体，请逐条对照党章党规检查。").contains("财政局 · ").doesNotContain("CZJ")
                .doesNotContain("demo-");
        assertThat(browser.js("return [...document.querySelectorAll('#notices .notice span, #notices .notice strong')]"
                + ".every(e => e.scrollWidth <= e.clientWidth + 1)")).as("no text clipped").isEqualTo(true);
        assertThat(browser.js("var r = document.getElementById('notices').getBoundingClientRect();"
                + " return r.left >= 0 && r.right <= window.innerWidth")).as("the panel inside the window").isEqualTo(true);
        browser.screenshot("notices-panel");

        browser.click(By.id("notices-read-all"));
        browser.until(d -> noticeCount() == 0);
        assertThat(browser.driver.findElement(By.id("bell-count")).isDisplayed()).isFalse();
        browser.until(d -> browser.all(By.cssSelector("#notices .notice.unread")).isEmpty());
        assertThat(browser.text(By.id("notices-unread"))).isEqualTo("没有未读通知");
        assertThat(browser.all(By.cssSelector("#notices [data-kind='REPORT_RETURNED']"))).as("still listed, read")
                .hasSize(1);

        // the notice opens the report; submitted again, the return is dealt with: the notice shows 已处理
        browser.open("reports");
        browser.await(By.id("page-title"));
        if (!browser.driver.findElement(By.id("notices")).isDisplayed()) {
            browser.click(By.id("bell"));
        }
        browser.click(By.cssSelector("#notices [data-kind='REPORT_RETURNED']"));
        browser.until(d -> browser.driver.getCurrentUrl().endsWith("report?id=" + report));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已退回"));
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(35)).until(d -> !browser.all(
                By.cssSelector("#notices .notice.resolved[data-kind='REPORT_RETURNED']")).isEmpty());
        browser.click(By.id("bell"));
        assertThat(browser.text(By.cssSelector("#notices [data-kind='REPORT_RETURNED']"))).contains("已处理");
        assertThat(noticeCount()).isZero();
        browser.screenshot("notices-resolved");
    }

    @Test
    @Order(20)
    void theLiaisonAssignsAnItemByNamesAsLongTermAndThePartyCommitteeOpensItsEvidence() throws Exception {
        assertThat(reportId).as("the accepted report of tests 2 and 4").isNotNull();
        browser.login("demo-dept", "demo");
        browser.await(By.id("page-title"));
        browser.open("ledger");
        List<WebElement> planned = browser.until(d -> {
            List<WebElement> rows = browser.all(By.cssSelector("#ledger-table tbody tr[data-status='PLANNED']"));
            return rows.isEmpty() && !refreshed() ? null : rows;
        });
        String item = planned.get(planned.size() - 1).getAttribute("data-measure");
        browser.open("item?id=" + item);
        browser.until(d -> browser.text(By.id("who-name")).equals("行政审批局联络员（演示）（行政审批局）"));

        // the lead department by name (its code is only sent), the owners by name, the cooperating departments ticked
        Select lead = new Select(browser.await(By.id("assign-lead")));
        assertThat(lead.getFirstSelectedOption().getText()).isEqualTo("行政审批局");
        assertThat(lead.getFirstSelectedOption().getAttribute("value")).isEqualTo(DEPARTMENT);
        browser.await(By.cssSelector("#assign-owner-user option[value='demo-cadre']"));
        Select owner = new Select(browser.await(By.id("assign-owner-user")));
        assertThat(owner.getOptions()).extracting(WebElement::getText)
                .contains("行政审批局干部（演示）", "行政审批局局长（演示）").noneMatch(t -> t.contains("demo-"));
        assertThat(browser.all(By.cssSelector("#assign-cooperating input[value='" + DEPARTMENT + "']")))
                .as("the lead is not its own cooperating department").isEmpty();
        browser.click(By.cssSelector("#assign-cooperating input[value='CZJ']"));
        assertThat(browser.text(By.id("assign-cooperating"))).contains("财政局").doesNotContain("CZJ");
        browser.click(By.id("assign-long-term"));
        assertThat(browser.all(By.id("assign-deadline-field")).get(0).isDisplayed()).as("no deadline when long-term")
                .isFalse();
        assertThat(browser.await(By.id("assign-review")).isDisplayed()).isTrue();
        setValue("assign-review", "13");
        owner.selectByValue("");
        setValue("assign-owner", "");
        browser.click(By.cssSelector("#assign-form button[type='submit']"));

        // refused, each under its field; nothing changed
        assertThat(browser.text(By.id("assign-review-error"))).contains("1至12个月");
        assertThat(browser.text(By.id("assign-owner-error"))).contains("责任人");
        assertThat(browser.await(By.id("item-status")).getAttribute("data-status")).isEqualTo("PLANNED");
        browser.screenshot("item-assign-refused");

        owner.selectByVisibleText("行政审批局干部（演示）");
        setValue("assign-review", "6");
        browser.click(By.cssSelector("#assign-form button[type='submit']"));
        awaitDone("已分解落实");
        awaitStatus("IN_PROGRESS");
        String meta = browser.text(By.id("item-meta"));
        assertThat(meta).contains("牵头单位 行政审批局", "配合单位 财政局", "责任人 行政审批局干部（演示）", "长期坚持（每6个月评估）");
        assertNoCodesOrUserNames();

        // moving the item to another department is the party committee's: refused under the lead department
        new Select(browser.await(By.id("assign-lead"))).selectByVisibleText("财政局");
        browser.until(d -> browser.text(By.id("assign-owner-hint")).contains("财政局"));
        browser.await(By.id("assign-owner")).sendKeys("王*");
        browser.click(By.cssSelector("#assign-form button[type='submit']"));
        assertThat(browser.text(By.id("assign-lead-error"))).contains("党委");
        assertThat(browser.all(By.cssSelector("#assign-owner-error:not([hidden])"))).isEmpty();
        assertThat(reopenItem().getAttribute("data-status")).isEqualTo("IN_PROGRESS");
        assertThat(browser.text(By.id("item-meta"))).contains("牵头单位 行政审批局");

        // progress with a PDF as its evidence
        browser.await(By.id("progress-text")).sendKeys("已建立长效机制，每半年评估一次。");
        Path pdf = Files.createTempDirectory("zhenggai-evidence").resolve("长效机制制度文件.pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
                + "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R "
                + "/MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        pdf.toFile().deleteOnExit();
        browser.upload(By.id("evidence-files"), pdf);
        browser.click(By.cssSelector("#progress-form button"));
        awaitDone("进展已报送（佐证材料1份）");
        browser.until(d -> reopenItem() != null && browser.all(By.cssSelector("#progress-list a.file")).size() == 1);
        assertThat(browser.text(By.id("progress-list"))).contains("长效机制制度文件.pdf", "行政审批局联络员（演示）");
        assertNoCodesOrUserNames();

        // the party committee opens the evidence from the item page: a new tab with the file by a blob: URL
        browser.login("demo-party", "demo");
        browser.await(By.id("page-title"));
        browser.open("item?id=" + item);
        browser.until(d -> browser.all(By.cssSelector("#timeline li[data-type]")).size() >= 3 || refreshed());
        assertThat(browser.text(By.id("item-meta"))).contains("牵头单位 行政审批局", "责任人 行政审批局干部（演示）");
        assertThat(browser.text(By.id("timeline"))).contains("行政审批局联络员（演示）", "牵头部门 行政审批局");
        assertNoCodesOrUserNames();
        String page = browser.driver.getWindowHandle();
        java.util.Set<String> before = browser.driver.getWindowHandles();
        browser.click(By.cssSelector("#progress-list a.file[data-opens='tab']"));
        String tab = browser.until(d -> d.getWindowHandles().stream().filter(w -> !before.contains(w)).findFirst()
                .orElse(null));
        try {
            browser.driver.switchTo().window(tab);
            String url = browser.until(d -> d.getCurrentUrl().startsWith("blob:") ? d.getCurrentUrl() : null);
            assertThat(url).startsWith("blob:http");
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(page);
        }
        assertThat(browser.all(By.cssSelector("#message.error:not([hidden])"))).as("no error on the item page").isEmpty();
        browser.screenshot("item-names");
    }

    private void addProblem(String theme, int ordinal, String statement) {
        WebElement themeInput = browser.await(By.id("problem-theme"));
        themeInput.clear();
        themeInput.sendKeys(theme);
        WebElement ordinalInput = browser.await(By.id("problem-ordinal"));
        ordinalInput.clear();
        ordinalInput.sendKeys(String.valueOf(ordinal));
        WebElement statementInput = browser.await(By.id("problem-statement"));
        statementInput.clear();
        statementInput.sendKeys(statement);
        browser.click(By.cssSelector("#problem-form button[type='submit']"));
    }

    /** The page's next confirmations answer {@code answer}; {@link #lastQuestion()} tells what was asked. */
    private void answerConfirmations(boolean answer) {
        browser.js("window.__asked = null; window.confirm = function (m) { window.__asked = m; return " + answer + "; };");
    }

    private String lastQuestion() {
        return (String) browser.until(d -> browser.js("return window.__asked"));
    }

    // ------------------------------------------------------------------ helpers

    private String gatewayUrl() {
        return DEV_URL.isBlank() ? stack.gatewayUrl() : DEV_URL;
    }

    private boolean refreshed() {
        browser.driver.navigate().refresh();
        return false;
    }

    private void awaitRows(int count) {
        browser.open("ledger");
        browser.until(d -> browser.all(By.cssSelector("#ledger-table tbody tr[data-measure]")).size() == count
                || refreshed());
    }

    private WebElement reopenItem() {
        browser.driver.navigate().refresh();
        return browser.await(By.id("item-status"));
    }

    /** The success message of the last action (before reloading the page, which would cut a request short). */
    private void awaitDone(String message) {
        browser.until(d -> {
            String shown = (String) browser.js("var m = document.getElementById('message');"
                    + " return m.hidden ? '' : m.className === 'error' ? 'ERROR: ' + m.textContent : m.textContent");
            if (shown.startsWith("ERROR: ")) {
                throw new AssertionError("the UI refused the action: " + shown);
            }
            return message.equals(shown);
        });
    }

    private void awaitStatus(String status) {
        browser.until(d -> status.equals(reopenItem().getAttribute("data-status")));
    }

    private String stat(String box, String name) {
        return browser.await(By.cssSelector("#" + box + " [data-stat='" + name + "'] strong")).getText();
    }

    private String rankingCell(String department, int column) {
        List<WebElement> rows = browser.all(By.cssSelector("#ranking tr[data-department='" + department + "']"));
        return rows.isEmpty() ? null : rows.get(0).findElements(By.tagName("td")).get(column).getText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ h18-notice

    /** The bell's unread count (0 when it is hidden). */
    private int noticeCount() {
        Object count = browser.js("var c = document.getElementById('bell-count');"
                + " return c.hidden ? 0 : parseInt(c.textContent, 10) || 0");
        return ((Number) count).intValue();
    }

    // ------------------------------------------------------------------ h18-review: the review (材料审核)

    /** The report demo-cz imports in test 40 and takes through the review. */
    private String reviewedReportId;

    @Test
    @Order(40)
    void aCadreWithdrawsAndResubmitsTheReviewerFiltersReturnsWithACommentOnAProblemAndAcceptsTheSecondRound()
            throws Exception {
        // the cadre imports the outline, submits it, withdraws it (after confirming) and submits it again
        browser.login("demo-cz", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.upload(By.id("import-file"), SAMPLE);
        browser.click(By.id("import-preview-button"));
        browser.until(d -> browser.await(By.id("import-confirm")).isEnabled());
        browser.click(By.id("import-confirm"));
        browser.until(d -> browser.all(By.cssSelector("#report-problems li")).size() == 21);
        reviewedReportId = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=", "");
        assertThat(reviewedReportId).startsWith("rpt-");
        assertThat(browser.text(By.cssSelector(".meta"))).contains("财政局").contains("财政局联络员（演示）")
                .doesNotContain("CZJ").doesNotContain("demo-cz");
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        answerConfirmations(false);
        browser.click(By.id("withdraw-submission"));
        assertThat(lastQuestion()).contains("撤回");
        assertThat(browser.text(By.cssSelector(".meta"))).as("declined: still submitted").contains("已提交待审");
        answerConfirmations(true);
        browser.click(By.id("withdraw-submission"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("草稿"));
        assertThat(browser.all(By.id("withdraw-submission"))).isEmpty();
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已提交待审"));
        assertThat(browser.text(By.cssSelector(".meta"))).as("the withdrawn submission is no round").contains("第1次提交");

        // the reviewer sees how many wait, filters by department, status and author, and the filters survive a reload
        browser.login("demo-org", "demo");
        browser.await(By.id("page-title"));
        browser.open("reports");
        browser.until(d -> !browser.all(By.cssSelector("tr[data-report='" + reviewedReportId
                + "'][data-status='SUBMITTED']")).isEmpty() || refreshed());
        WebElement waiting = browser.await(By.id("review-waiting"));
        assertThat(Integer.parseInt(waiting.getAttribute("data-count"))).isGreaterThanOrEqualTo(1);
        assertThat(waiting.getText()).startsWith("待审核材料");
        chooseFilter("filter-department", "财政局");
        browser.until(d -> browser.driver.getCurrentUrl().contains("department=CZJ"));
        chooseFilter("filter-status", "已提交待审");
        browser.until(d -> browser.driver.getCurrentUrl().contains("status=SUBMITTED"));
        chooseFilter("filter-author", "财政局联络员（演示）");
        browser.until(d -> browser.driver.getCurrentUrl().contains("author=demo-cz"));
        browser.driver.navigate().refresh();
        browser.until(d -> "CZJ".equals(browser.await(By.id("filter-department")).getAttribute("value")));
        List<WebElement> rows = browser.all(By.cssSelector("#reports-table tbody tr[data-report]"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(row.getText()).contains("财政局").contains("财政局联络员（演示）").doesNotContain("CZJ")
                    .doesNotContain("demo-cz");
        });
        browser.screenshot("review-list-filtered");

        // it returns the report with a reason and a comment on its first problem
        browser.click(By.cssSelector("tr[data-report='" + reviewedReportId + "'] a"));
        WebElement firstComment = browser.await(By.cssSelector("#report-problems textarea[data-problem-comment]"));
        String problemId = firstComment.getAttribute("data-problem-comment");
        firstComment.sendKeys("请补充本人具体事例。");
        browser.await(By.id("return-reasons")).sendKeys("问题查摆不够具体。");
        answerConfirmations(true);
        browser.click(By.id("return-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已退回"));
        assertThat(lastQuestion()).contains("退回");

        // the cadre sees the comment beside its problem, rewords the problem and resubmits
        browser.login("demo-cz", "demo");
        browser.await(By.id("page-title"));
        browser.open("report?id=" + reviewedReportId);
        By comment = By.cssSelector("#report-problems li[data-problem='" + problemId + "'] .problem-comment");
        assertThat(browser.text(comment)).isEqualTo("审核意见：请补充本人具体事例。");
        assertThat(browser.text(By.id("return-reasons-shown"))).contains("问题查摆不够具体。");
        browser.screenshot("review-comment-beside-problem");
        browser.click(By.cssSelector("[data-edit-problem='" + problemId + "']"));
        WebElement statement = browser.await(By.id("problem-statement"));
        statement.clear();
        statement.sendKeys("理论学习不够系统深入（已补充事例）。");
        browser.click(By.cssSelector("#problem-form button[type='submit']"));
        browser.until(d -> browser.text(By.cssSelector("#report-problems li[data-problem='" + problemId + "'] .statement"))
                .equals("理论学习不够系统深入（已补充事例）。"));
        answerConfirmations(true);
        browser.click(By.id("submit-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("第2次提交"));

        // the reviewer sees round 1's reason beside round 2 and what changed, accepts, and exports Word
        browser.login("demo-org", "demo");
        browser.await(By.id("page-title"));
        browser.open("report?id=" + reviewedReportId);
        assertThat(browser.text(By.cssSelector("#review-rounds [data-round='1']"))).contains("已退回")
                .contains("问题查摆不够具体。").contains("请补充本人具体事例。");
        String second = browser.text(By.cssSelector("#review-rounds [data-round='2']"));
        assertThat(second).contains("待审核").contains("与上次提交相比");
        assertThat(browser.text(By.cssSelector("#review-rounds [data-round='2'] li[data-change='CHANGED'][data-part='PROBLEM']")))
                .contains("修改问题").contains("理论学习不够系统深入（已补充事例）。");
        assertThat(browser.all(By.cssSelector("#review-rounds [data-round='2'] li[data-change]"))).hasSize(1);
        browser.screenshot("review-rounds-side-by-side");
        answerConfirmations(true);
        browser.click(By.id("accept-report"));
        browser.until(d -> browser.text(By.cssSelector(".meta")).contains("已通过"));
        recordDownloads();
        browser.click(By.id("export-report"));
        assertThat(downloads()).as("the Word file").anyMatch(d -> d.contains(".docx:") && !d.endsWith(":0"));
    }

    /** Picks the option labelled {@code label} in the select {@code id} (the change reloads the list). */
    private void chooseFilter(String id, String label) {
        browser.until(d -> !browser.all(By.cssSelector("#" + id + " option")).isEmpty());
        browser.js("document.getElementById(arguments[0]).dataset.before = 'true'", id);
        new Select(browser.await(By.id(id))).selectByVisibleText(label);
        // the choice renders the list again: wait for the new page, which shows the choice
        browser.until(d -> Boolean.TRUE.equals(browser.js("const e = document.getElementById(arguments[0]);"
                + " return !!e && !e.dataset.before && !!e.selectedOptions[0]"
                + " && e.selectedOptions[0].textContent === arguments[1]", id, label)));
    }

    // ------------------------------------------------------------------ h18-item

    /** Sets an input's value as typing would (the form reads it on submit). */
    private void setValue(String id, String value) {
        browser.js("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    /** The item page names departments and people: no department code, no user name in its text. */
    private void assertNoCodesOrUserNames() {
        String text = browser.text(By.id("view"));
        assertThat(text).doesNotContain(DEPARTMENT, "CZJ", "demo-dept", "demo-cadre", "demo-party", "demo-org");
    }
}
