package cn.zhenggai.uitests;

import cn.zhenggai.demo.DemoData;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Refreshes {@code docs/screenshots/*.png}: the whole stack with the demo data {@code ./zhenggai up} loads, every
 * screen in headless Chromium at 1366×768 and 1920×1080 ({@link ScreenTour}, which checks each one first), then the
 * import preview. After {@code mvn -B -DskipTests -pl ui-tests -am package dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt}, from the repository root: {@code java
 * -Dzhenggai.home=. -cp ui-tests/target/test-classes:$(cat ui-tests/target/test-classpath.txt)
 * cn.zhenggai.uitests.Screenshots docs/screenshots}.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        System.setProperty("zhenggai.screenshots", out.toString());
        Path home = Path.of(System.getProperty("zhenggai.home", ".")).toAbsolutePath().normalize();
        Path sample = home.resolve("demo-data/src/main/resources/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt");
        Path markers = Files.createTempDirectory("zhenggai-demo-");
        // -Dzhenggai.ui.static=DIR: the gateway serves the UI from DIR instead of its jar (jars built elsewhere)
        String ui = System.getProperty("zhenggai.ui.static", "");
        Map<String, List<String>> extra = ui.isBlank() ? Map.of()
                : Map.of("gateway", List.of("--spring.web.resources.static-locations=" + Path.of(ui).toUri()));
        try (PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), 0, 320,
                extra))) {
            stack.start(Duration.ofMinutes(5));
            DemoData.Loaded demo = DemoData.load(stack.gatewayUrl(), stack.keysDir(), markers, System.out);
            if (demo.ledgerFailure() != null) {
                throw new IllegalStateException("the demo ledger could not be loaded: " + demo.ledgerFailure());
            }
            try (Browser b = new Browser(stack.gatewayUrl())) {
                b.driver.get(stack.gatewayUrl() + "/#/login");
                b.await(By.id("login-form"));
                new ScreenTour(b).run("XZSPJ");
                b.login("demo-dept", "demo");
                b.await(By.id("ledger-table"));
                b.open("reports");
                b.upload(By.id("import-file"), sample);
                b.click(By.id("import-preview-button"));
                b.await(By.id("preview-problems"));
                b.screenshot("report-editor");
            }
        }
        System.out.println("screenshots in " + out);
    }
}
