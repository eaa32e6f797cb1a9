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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // --window-size is the window; make the page itself 1366×768, the office screen the UI is made for
        Number chromeHeight = (Number) js("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1366, 768 + chromeHeight.intValue()));
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

    /** Waits for the page's charts to be drawn and for no request to be in flight, then saves a PNG. */
    void screenshot(String name) {
        until(d -> Boolean.TRUE.equals(js("return document.getElementById('progress').hidden"
                + " && [...document.querySelectorAll('.chart')].every(c => c.dataset.ready === 'true')")));
        try {
            Thread.sleep(400); // let the last chart finish painting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
