package cn.zhenggai.uitests;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Every screen of the UI, each as the role that works in it, at the two office screen sizes (1366×768 and
 * 1920×1080). Each screenshot checks the screen's layout and accessibility first ({@link Browser#screenshot}), so a
 * tour fails on the first screen with a wrapped date or status, a table scrolling sideways, overlapping chart
 * labels or a serious axe-core violation. Used by the browser tests and by {@link Screenshots} (docs/screenshots).
 */
final class ScreenTour {

    /** The sizes a tour visits, width × height of the page. */
    static final List<int[]> SIZES = List.of(new int[] {1366, 768}, new int[] {1920, 1080});

    private final Browser b;

    ScreenTour(Browser browser) {
        this.b = browser;
    }

    /**
     * Visits every screen at every size, then fails with every problem found on any of them; the page is 1366×768
     * again afterwards.
     */
    void run(String department) {
        List<String> problems = new ArrayList<>();
        b.collectProblems(problems);
        try {
            for (int[] size : SIZES) {
                b.size(size[0], size[1]);
                atThisSize(department);
            }
        } finally {
            b.collectProblems(null);
            b.size(1366, 768);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " layout or accessibility problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private void atThisSize(String department) {
        b.login("demo-dept", "demo");
        b.await(By.id("ledger-table"));
        b.screenshot("department-dashboard");
        WebElement first = b.until(d -> b.all(By.cssSelector("#ledger-table tr[data-measure]")).stream().findFirst()
                .orElse(null));
        String item = first.getAttribute("data-measure");
        b.open("reports");
        b.await(By.id("import-file"));
        b.screenshot("reports");
        if (!b.all(By.cssSelector("a[href^='#/report?id=']")).isEmpty()) {
            b.click(By.cssSelector("a[href^='#/report?id=']"));
            b.await(By.cssSelector(".meta"));
            b.screenshot("report");
        }
        b.open("item?id=" + item);
        b.await(By.id("item-status"));
        b.screenshot("item-as-department");

        b.login("demo-org", "demo");
        b.await(By.id("page-title"));
        b.screenshot("review");
        b.open("admin");
        b.await(By.id("users-table"));
        b.screenshot("admin-users");

        b.login("demo-party", "demo");
        b.await(By.id("ranking"));
        b.screenshot("overview");
        b.open("verify");
        b.await(By.id("verify-table"));
        b.screenshot("verify-queue");
        b.open("grants");
        b.await(By.id("grants-table"));
        b.screenshot("grants");
        b.open("ledger?department=" + department);
        b.await(By.id("ledger-table"));
        b.screenshot("department-ledger-as-party");
        b.open("item?id=" + item);
        b.until(d -> !b.all(By.cssSelector("#timeline li[data-type]")).isEmpty()); // the audit timeline: auditors only
        b.screenshot("item");

        b.login("demo-audit", "demo");
        b.await(By.id("asof-form"));
        String today = LocalDate.now(ZoneId.of(Browser.ZONE)).toString();
        b.js("document.getElementById('asof-date').value = arguments[0];"
                + " document.getElementById('asof-department').value = arguments[1];"
                + " document.getElementById('diff-department').value = arguments[1];", today, department);
        b.click(By.id("asof-button"));
        b.until(d -> b.text(By.id("asof-caption")).contains(today));
        b.click(By.id("diff-button"));
        b.await(By.id("diff-result"));
        b.js("window.scrollTo(0, 0)");
        b.screenshot("audit");

        b.js("sessionStorage.clear()");
        b.driver.navigate().refresh();
        b.await(By.id("login-form"));
        b.screenshot("login");
    }
}
