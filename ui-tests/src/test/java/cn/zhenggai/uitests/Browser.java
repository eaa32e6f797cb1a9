package cn.zhenggai.uitests;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven through Debian's chromedriver
 * ({@code /usr/bin/chromedriver}) by Selenium, at 1366×768. Nothing is downloaded: both binaries come from the
 * {@code chromium} and {@code chromium-driver} packages that {@code ./zhenggai test} installs when missing.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("zhenggai.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("zhenggai.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ZONE = "Asia/Shanghai";

    private final String baseUrl;
    /** Where {@link #screenshot} puts the problems it finds instead of failing at once, or null. */
    private List<String> collected;
    private final Path profile;
    private final ChromeDriverService service;
    final ChromeDriver driver;

    /** Fails with what to do when Chromium or its driver is missing. */
    static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and its driver are needed for the browser tests (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): run ./zhenggai test, which installs the Debian packages chromium and"
                    + " chromium-driver, or apt-get install chromium chromium-driver");
        }
    }

    Browser(String baseUrl) throws IOException {
        requireInstalled();
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("zhenggai-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1366,768", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .withEnvironment(java.util.Map.of("TZ", ZONE)) // the users' clock: a date in the UI is a day in China
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        size(1366, 768);
    }

    /** Makes the page itself (not the window around it) {@code width}×{@code height}. */
    void size(int width, int height) {
        Number chromeWidth = (Number) js("return window.outerWidth - window.innerWidth");
        Number chromeHeight = (Number) js("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(width + chromeWidth.intValue(),
                height + chromeHeight.intValue()));
    }

    /** The page's width in CSS pixels, the suffix of a screenshot taken at another size than 1366. */
    long width() {
        return ((Number) js("return window.innerWidth")).longValue();
    }

    void open(String hash) {
        String url = baseUrl + "/#/" + hash;
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(baseUrl)) {
            ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", "#/" + hash);
        } else {
            driver.get(url);
        }
    }

    /** Logs in through the form (after ending any earlier session in this tab). */
    void login(String username, String password) {
        driver.get(baseUrl + "/#/login");
        js("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement user = await(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks the element once it is clickable, scrolled to the middle of the window (clear of the sticky header). */
    void click(By by) {
        WebElement element = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    String text(By by) {
        return await(by).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String accessToken() {
        return (String) js("return sessionStorage.getItem('zhenggai.accessToken')");
    }

    /**
     * What is wrong with the layout of the page as shown: a cell holding a date, a status or another short label
     * broken over two lines; a table that scrolls sideways; a chart's labels (SVG text, see charts.js) overlapping each
     * other or cut off at the chart's edge. One line per problem; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    List<String> layoutProblems() {
        return (List<String>) js(LAYOUT);
    }

    private static final String LAYOUT = String.join("\n",
            "const problems = [];",
            "const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';",
            "// the lines an element's text takes: the bottoms of its text's boxes, those within 4 px of each other one line",
            "const lines = (el) => { const bottoms = []; const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);",
            "  for (let t = walk.nextNode(); t; t = walk.nextNode()) { if (!t.textContent.trim()) continue;",
            "    const r = document.createRange(); r.selectNodeContents(t);",
            "    [...r.getClientRects()].filter((x) => x.width > 1).forEach((x) => bottoms.push(x.bottom)); }",
            "  bottoms.sort((a, b) => a - b);",
            "  return bottoms.filter((b, i) => i === 0 || b - bottoms[i - 1] > 4).length; };",
            "const where = (el) => { const t = el.closest('table'); return t && t.id ? '#' + t.id : 'a table'; };",
            "const SHORT = /^(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}([ T]\\d{1,2}:\\d{2}(:\\d{2})?)?|\\S{1,8})$/;",
            "document.querySelectorAll('td, th').forEach((cell) => {",
            "  if (!shown(cell)) return;",
            "  [cell, ...cell.querySelectorAll('.badge, .status')].forEach((el) => {",
            "    const text = el.textContent.trim();",
            "    if (text && (el !== cell || SHORT.test(text)) && lines(el) > 1) problems.push('wrapped \u201c' + text + '\u201d in ' + where(cell));",
            "  });",
            "});",
            "document.querySelectorAll('.table-box, .scroll, #asof-result, #diff-box').forEach((box) => {",
            "  if (shown(box) && box.scrollWidth > box.clientWidth + 2) problems.push('sideways scroll in ' + (box.id ? '#' + box.id : where(box.querySelector('table') || box)));",
            "});",
            "// a label's four corners on the screen (a slanted axis label is a slanted box, not its upright bounds)",
            "const corners = (t) => { const b = t.getBBox(); const m = t.getScreenCTM();",
            "  return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]",
            "    .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m)); };",
            "// two boxes overlap by more than 2 px unless an edge of one separates them (separating axis test)",
            "const overlap = (p, q) => { for (const poly of [p, q]) for (let i = 0; i < 4; i++) {",
            "  const a = poly[i], c = poly[(i + 1) % 4], nx = c.y - a.y, ny = a.x - c.x, len = Math.hypot(nx, ny) || 1;",
            "  const pp = p.map((v) => v.x * nx + v.y * ny), qq = q.map((v) => v.x * nx + v.y * ny);",
            "  if (Math.min(...pp) >= Math.max(...qq) - 2 * len || Math.min(...qq) >= Math.max(...pp) - 2 * len) return false; }",
            "  return true; };",
            "document.querySelectorAll('.chart').forEach((chart) => {",
            "  if (!shown(chart)) return;",
            "  const box = chart.getBoundingClientRect();",
            "  const texts = [...chart.querySelectorAll('svg text')].filter((t) => t.textContent.trim() && t.getBBox().width > 0)",
            "    .map((t) => ({ text: t.textContent.trim(), c: corners(t) }));",
            "  const name = chart.dataset.chart || 'chart';",
            "  texts.forEach((t) => { if (t.c.some((v) => v.x < box.left - 1 || v.x > box.right + 1 || v.y < box.top - 1 || v.y > box.bottom + 1))",
            "    problems.push('label \u201c' + t.text + '\u201d cut off in chart ' + name); });",
            "  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {",
            "    if (overlap(texts[i].c, texts[j].c)) problems.push('labels \u201c' + texts[i].text + '\u201d and \u201c' + texts[j].text + '\u201d overlap in chart ' + name);",
            "  }",
            "});",
            "return problems;");

    /**
     * axe-core's serious and critical violations on the page as shown (the engine is injected from the
     * {@code axe.min.js} of Deque's axe-core package on the test classpath), one line each: rule, help, where.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(AXE.get());
        }
        return (List<String>) js("return axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations"
                + ".filter((v) => v.impact === 'serious' || v.impact === 'critical')"
                + ".map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')"
                + " + ((n.any[0] || {}).data && n.any[0].data.contrastRatio ? ' (' + n.any[0].data.fgColor + ' on '"
                + " + n.any[0].data.bgColor + ', ' + n.any[0].data.contrastRatio + ')' : '')).join(', ')))");
    }

    private static final java.util.function.Supplier<String> AXE = new java.util.function.Supplier<>() {
        private String script;

        @Override
        public synchronized String get() {
            if (script == null) {
                try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                    if (in == null) {
                        throw new IllegalStateException("axe.min.js is not on the test classpath"
                                + " (dependency com.deque.html.axe-core:selenium)");
                    }
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    /**
     * Waits for the page's charts to be drawn and for no request to be in flight, checks its layout and
     * accessibility (failing with every problem found), then saves a PNG; at another width than 1366 the file
     * name ends in {@code -WIDTH}.
     */
    void screenshot(String name) {
        until(d -> Boolean.TRUE.equals(js("return document.getElementById('progress').hidden"
                + " && [...document.querySelectorAll('.chart')].every(c => c.dataset.ready === 'true')")));
        try {
            Thread.sleep(400); // let the last chart finish painting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> problems = new ArrayList<>(layoutProblems());
        problems.addAll(accessibilityProblems());
        if (!problems.isEmpty() && collected != null) {
            screenshotAs(name + "-problems");
            problems.forEach(p -> collected.add(name + " at " + width() + " px: " + p));
        } else if (!problems.isEmpty()) {
            screenshotAs(name + "-problems");
            throw new AssertionError("the screen " + name + " at " + width() + " px has " + problems.size()
                    + " layout or accessibility problem(s):\n  " + String.join("\n  ", problems));
        }
        screenshotAs(width() == 1366 ? name : name + "-" + width());
    }

    /** From now on (until {@code null}) screenshots add the problems they find to {@code sink} instead of failing. */
    void collectProblems(List<String> sink) {
        this.collected = sink;
    }

    private void screenshotAs(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            for (String dir : List.of("target/screenshots", System.getProperty("zhenggai.screenshots", ""))) {
                if (dir.isBlank()) {
                    continue;
                }
                Path target = Path.of(dir).resolve(name + ".png");
                Files.createDirectories(target.getParent());
                Files.write(target, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void upload(By input, Path file) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(input))
                .sendKeys(file.toAbsolutePath().toString());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
