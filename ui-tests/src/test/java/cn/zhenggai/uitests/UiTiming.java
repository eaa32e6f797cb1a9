package cn.zhenggai.uitests;

import cn.zhenggai.demo.DemoData;
import cn.zhenggai.demo.DemoHistory;
import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.demo.GeneratedLedger;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Time to interactive of the overview and of department ledgers in headless Chromium (issue 17), printed, never
 * asserted. Starts the whole embedded stack with temporary data, loads the demo data as {@code ./zhenggai up} does,
 * migrates {@code --sheets} generated historical ledger sheets of {@code --rows} rows ({@link GeneratedLedger}) into
 * the one department {@code --department} through {@code POST /api/rectification/history/import} and waits until
 * every item is on the ledger. Then, as demo-party, loads each screen {@code --warmup} times unmeasured and
 * {@code --loads} times measured: {@code #/overview}, {@code #/ledger?department=DEPARTMENT} and, as the baseline,
 * {@code #/ledger?department=BASELINE} (the sample's department with its few demo items).
 *
 * <p>Each load is a fresh navigation (to {@code about:blank}, then to the screen's URL; the token stays in the tab's
 * sessionStorage, so no login per load). The screen is <em>interactive</em> when its table ({@code #ranking} on the
 * overview, {@code #ledger-table} on a ledger) is in the page with its rows, every {@code .chart} has
 * {@code data-ready="true"} and the {@code #progress} bar is hidden. A script that Chromium runs in every new
 * document before the page's own checks this every 5 ms and keeps {@code performance.now()} of the first check that
 * holds (so after the frame in which the last chart was drawn); then the page's Navigation Timing
 * ({@code domInteractive}, {@code domContentLoadedEventEnd}, {@code loadEventEnd}) and the Resource Timing of its
 * {@code /api/} requests begun before that moment are read. All in ms from the navigation's start.
 *
 * <p>Run from the repository root, after building (see docs/benchmarks.md, "UI time to interactive"):
 * {@code java -Dzhenggai.home=. -cp ui-tests/target/test-classes:$(cat ui-tests/target/test-classpath.txt)
 * cn.zhenggai.uitests.UiTiming [--sheets 4] [--rows 2000] [--loads 20] [--warmup 3] [--department CZJ]
 * [--baseline XZSPJ] [--heap-mb 384] [--out FILE]}. Progress goes to stderr; the figures go to stdout after the
 * stack's log lines, and to {@code FILE} too.
 */
public final class UiTiming {

    private static final Duration VISIBLE_WAIT = Duration.ofMinutes(20);
    private static final Duration INTERACTIVE_WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Run in every new document before its own scripts: notes when the screen is interactive. */
    static final String WATCH = """
            (() => {
              if (!/^https?:$/.test(location.protocol)) return;
              const ready = () => {
                const view = document.getElementById('view');
                const progress = document.getElementById('progress');
                if (!view || !progress || !progress.hidden) return false;
                const table = view.querySelector('#ranking, #ledger-table');
                if (!table || !table.tBodies.length || !table.tBodies[0].rows.length) return false;
                return [...view.querySelectorAll('.chart')].every((c) => c.dataset.ready === 'true');
              };
              const poll = () => {
                if (ready()) window.__zhenggaiInteractive = performance.now();
                else setTimeout(poll, 5);
              };
              poll();
            })();
            """;

    /** Waits for the watcher's moment, then answers the page's timings as JSON. */
    static final String COLLECT = """
            const table = arguments[0];
            const done = arguments[arguments.length - 1];
            const until = Date.now() + arguments[1];
            (function wait() {
              const t = window.__zhenggaiInteractive;
              if (t === undefined) {
                if (Date.now() < until) { setTimeout(wait, 50); return; }
                const message = document.getElementById('message');
                done(JSON.stringify({ error: 'not interactive', hash: location.hash,
                  message: message ? message.textContent : '' }));
                return;
              }
              const nav = performance.getEntriesByType('navigation')[0];
              const api = performance.getEntriesByType('resource')
                .filter((e) => new URL(e.name).pathname.startsWith('/api/') && e.startTime < t);
              const slowest = api.reduce((a, e) => (!a || e.duration > a.duration ? e : a), null);
              const url = slowest ? new URL(slowest.name) : null;
              done(JSON.stringify({
                interactive: t, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd,
                load: nav.loadEventEnd, apiCalls: api.length, slowestApi: slowest ? slowest.duration : 0,
                slowestPath: url ? url.pathname + url.search : '',
                largestApiBytes: Math.max(0, ...api.map((e) => e.decodedBodySize || 0)),
                rows: document.querySelectorAll('#' + table + ' > tbody > tr:not(.empty)').length,
                hash: location.hash }));
            })();
            """;

    private UiTiming() {
    }

    /** One screen: its label, its route and the id of its table. */
    record Screen(String label, String hash, String table) {
    }

    /** One measured load, ms from the navigation's start. */
    record Load(double interactive, double domInteractive, double domContentLoaded, double load, double slowestApi,
                String slowestPath, long largestApiBytes, int apiCalls, int rows) {
    }

    public static void main(String[] args) throws Exception {
        int sheets = Integer.parseInt(option(args, "--sheets", "4"));
        int rows = Integer.parseInt(option(args, "--rows", "2000"));
        int loads = Integer.parseInt(option(args, "--loads", "20"));
        int warmup = Integer.parseInt(option(args, "--warmup", "3"));
        String department = option(args, "--department", "CZJ");
        String baseline = option(args, "--baseline", "XZSPJ");
        int heapMb = Integer.parseInt(option(args, "--heap-mb", "384"));
        String out = option(args, "--out", "");
        if (sheets < 0 || loads < 1 || warmup < 0) {
            throw new IllegalArgumentException("--sheets 0 or more, --loads 1 or more, --warmup 0 or more");
        }
        Browser.requireInstalled();
        Path home = Path.of(System.getProperty("zhenggai.home", ".")).toAbsolutePath().normalize();
        String started = ZonedDateTime.now(ZoneId.of("UTC")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadBefore = loadAverage();
        // -Dzhenggai.ui.static=DIR: the gateway serves the UI from DIR instead of its jar, as for Screenshots
        String ui = System.getProperty("zhenggai.ui.static", "");
        Map<String, List<String>> extra = ui.isBlank() ? Map.of()
                : Map.of("gateway", List.of("--spring.web.resources.static-locations=" + Path.of(ui).toUri()));
        progress("starting the embedded stack (temporary data)");
        try (PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), 0,
                heapMb, extra))) {
            stack.start(Duration.ofMinutes(5));
            progress("  ready in " + stack.startMillis() + " ms; loading the demo data");
            DemoData.Loaded demo = DemoData.load(stack.gatewayUrl(), stack.keysDir(),
                    Files.createTempDirectory("zhenggai-demo-"), System.err);
            if (demo.ledgerFailure() != null) {
                progress("  the demo ledger could not be loaded (measuring without it): " + demo.ledgerFailure());
            }
            String url = stack.gatewayUrl();
            migrate(url, sheets, rows, department);
            Map<String, Long> held = new LinkedHashMap<>();
            for (String code : List.of(department, baseline)) {
                held.put(code, departmentTotal(party(url), code));
            }
            List<Screen> screens = List.of(new Screen("#/overview", "overview", "ranking"),
                    new Screen("#/ledger?department=" + department, "ledger?department=" + department,
                            "ledger-table"),
                    new Screen("#/ledger?department=" + baseline + " (baseline)", "ledger?department=" + baseline,
                            "ledger-table"));
            Map<Screen, List<Load>> measured = new LinkedHashMap<>();
            String browserVersion;
            try (Browser b = new Browser(url)) {
                browserVersion = b.driver.getCapabilities().getBrowserVersion();
                b.driver.manage().timeouts().scriptTimeout(INTERACTIVE_WAIT.plusSeconds(30));
                b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
                for (Screen screen : screens) {
                    // a fresh login per screen: no token refresh inside the measured loads (tokens last 15 min)
                    b.login("demo-party", "demo");
                    b.await(By.id("ranking"));
                    List<Load> kept = new ArrayList<>();
                    for (int i = 0; i < warmup + loads; i++) {
                        Load l = load(b, url, screen);
                        if (i >= warmup) {
                            kept.add(l);
                        }
                        progress(String.format(Locale.ROOT, "  %s %s %d: interactive %.0f ms, %d rows, slowest "
                                        + "API %.0f ms (%s)", screen.label(), i < warmup ? "warm-up" : "load",
                                i < warmup ? i + 1 : i - warmup + 1, l.interactive(), l.rows(), l.slowestApi(),
                                l.slowestPath()));
                    }
                    measured.put(screen, kept);
                }
            }
            String figures = render(started, loadBefore, loadAverage(), browserVersion, sheets, rows, department,
                    held, warmup, loads, measured);
            System.out.print(figures);
            if (!out.isBlank()) {
                Files.writeString(Path.of(out), figures);
                progress("figures written to " + out);
            }
        }
    }

    /** Posts the generated sheets, all led by {@code department}, and waits until every item is on the ledger. */
    private static void migrate(String url, int sheets, int rows, String department) throws Exception {
        if (sheets == 0) {
            return;
        }
        progress("migrating " + sheets + " generated sheets of " + rows + " rows into " + department);
        long before = overviewTotal(party(url));
        long items = 0;
        for (int s = 0; s < sheets; s++) {
            byte[] csv = DemoHistory.csv(GeneratedLedger.sheet(s, rows, List.of(department), LocalDate.now()));
            long t = System.nanoTime();
            GatewayClient.Answer answer = party(url).postFile("/api/rectification/history/import", "file",
                    "历史台账-" + department + "-" + (s + 1) + ".csv", "text/csv", csv);
            require(answer, "import of sheet " + (s + 1));
            items += answer.body().path("counts").path("new").asLong();
            progress(String.format(Locale.ROOT, "  sheet %d: %d items in %.1f s", s + 1,
                    answer.body().path("counts").path("new").asLong(), (System.nanoTime() - t) / 1e9));
        }
        long deadline = System.nanoTime() + VISIBLE_WAIT.toNanos();
        GatewayClient party = party(url);
        long loggedIn = System.nanoTime();
        long seen = overviewTotal(party);
        while (seen < before + items && System.nanoTime() < deadline) {
            Thread.sleep(500);
            if (System.nanoTime() - loggedIn > Duration.ofMinutes(10).toNanos()) {
                party = party(url); // the access token lasts 15 minutes
                loggedIn = System.nanoTime();
            }
            seen = overviewTotal(party);
        }
        if (seen < before + items) {
            throw new IllegalStateException("only " + (seen - before) + " of " + items
                    + " migrated items on the ledger after " + VISIBLE_WAIT);
        }
        progress("  " + items + " items on the ledger");
    }

    private static Load load(Browser b, String url, Screen screen) throws IOException {
        b.driver.get("about:blank");
        b.driver.get(url + "/#/" + screen.hash());
        String answer = (String) b.driver.executeAsyncScript(COLLECT, screen.table(), INTERACTIVE_WAIT.toMillis());
        JsonNode t = JSON.readTree(answer);
        if (t.has("error") || !("#/" + screen.hash()).equals(t.path("hash").asText())) {
            throw new IllegalStateException(screen.label() + " was not interactive within " + INTERACTIVE_WAIT
                    + ": " + answer);
        }
        return new Load(t.path("interactive").asDouble(), t.path("domInteractive").asDouble(),
                t.path("domContentLoaded").asDouble(), t.path("load").asDouble(), t.path("slowestApi").asDouble(),
                t.path("slowestPath").asText(), t.path("largestApiBytes").asLong(), t.path("apiCalls").asInt(),
                t.path("rows").asInt());
    }

    static String render(String started, String loadBefore, String loadAfter, String browserVersion, int sheets,
                         int rows, String department, Map<String, Long> held, int warmup, int loads,
                         Map<Screen, List<Load>> measured) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "%nUI time to interactive, %s UTC: headless Chromium %s at 1366×768 on "
                        + "the embedded stack with the demo data and %d migrated items in %s (%d sheet(s) of %d rows); "
                        + "items held: %s. %d loads of each screen after %d warm-up loads, ms from the navigation's "
                        + "start (p50 / p95, nearest rank).%n", started, browserVersion, sheets * rows, department,
                sheets, rows, held.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), loads, warmup));
        r.append(String.format(Locale.ROOT, "Machine: %d cores, %s; load average %s at the start, %s at the "
                + "end.%n%n", Runtime.getRuntime().availableProcessors(), cpuModel(), loadBefore, loadAfter));
        String header = String.format(Locale.ROOT, "| %-40s | %6s | %17s | %17s | %17s | %17s | %-36s | %9s | %5s |",
                "Screen", "Rows", "Interactive", "DOMContentLoaded", "Load event", "Slowest API",
                "Slowest API request (most often)", "Largest", "API");
        r.append(header).append('\n');
        r.append(header.replaceAll("[^|]", "-")).append('\n');
        for (Map.Entry<Screen, List<Load>> e : measured.entrySet()) {
            List<Load> l = e.getValue();
            String slowest = l.stream().collect(Collectors.groupingBy(Load::slowestPath, Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            r.append(String.format(Locale.ROOT, "| %-40s | %6s | %17s | %17s | %17s | %17s | %-36s | %6.0f KB | %5d |%n",
                    e.getKey().label(), l.stream().map(Load::rows).distinct().map(String::valueOf)
                            .collect(Collectors.joining("/")), pair(l, Load::interactive),
                    pair(l, Load::domContentLoaded), pair(l, Load::load), pair(l, Load::slowestApi),
                    slowest.length() > 36 ? slowest.substring(0, 35) + "…" : slowest,
                    l.stream().mapToLong(Load::largestApiBytes).max().orElse(0) / 1024.0,
                    l.stream().mapToInt(Load::apiCalls).max().orElse(0)));
        }
        r.append("\nEach load's time to interactive, ms:\n");
        measured.forEach((screen, l) -> r.append("  ").append(screen.label()).append(": ")
                .append(l.stream().map(x -> String.format(Locale.ROOT, "%.0f", x.interactive()))
                        .collect(Collectors.joining(" "))).append('\n'));
        return r.toString();
    }

    private static String pair(List<Load> loads, ToDoubleFunction<Load> value) {
        List<Double> sorted = loads.stream().map(value::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return String.format(Locale.ROOT, "%.0f / %.0f", percentile(sorted, 0.50), percentile(sorted, 0.95));
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static GatewayClient party(String url) throws IOException, InterruptedException {
        return new GatewayClient(url).login("demo-party", "demo");
    }

    private static long overviewTotal(GatewayClient party) throws Exception {
        GatewayClient.Answer overview = party.get("/api/overview");
        require(overview, "overview");
        return overview.body().path("totals").path("total").asLong();
    }

    private static long departmentTotal(GatewayClient party, String department) throws Exception {
        GatewayClient.Answer ledger = party.get("/api/ledger?department=" + department);
        require(ledger, "ledger of " + department);
        return ledger.body().path("rows").size();
    }

    private static void require(GatewayClient.Answer answer, String what) {
        if (!answer.ok()) {
            String body = String.valueOf(answer.body());
            throw new IllegalStateException(what + " answered " + answer.status() + ": "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void progress(String line) {
        System.err.println(line);
    }
}
