package cn.zhenggai.bench;

import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./zhenggai bench --scenario gateway}: what the gateway costs. Starts one embedded stack (temporary data,
 * free ports), loads accepted reports so that the overview has measures, then, with a party-committee token:
 * <ol>
 *   <li>added latency: {@code GET /api/overview} by one client, alternating between the gateway and
 *       rectification-service directly (same token, same JVM, same run), p50/p99 of each and their difference;</li>
 *   <li>throughput: the same request by 64 closed-loop clients (one thread and one HTTP/1.1 client each), through
 *       the gateway and directly, requests/s and latency percentiles;</li>
 *   <li>logins/s: {@code POST /api/auth/login} by 8 closed-loop clients (BCrypt cost as configured, rate limits
 *       raised for the run).</li>
 * </ol>
 * Options: {@code --home DIR}, {@code --heap-mb 384}, {@code --reports 10}, {@code --pairs 2000}
 * (after {@code --pair-warmup 500}), {@code --clients 64}, {@code --seconds 15} (per throughput run, after
 * {@code --warmup-seconds 5}), {@code --login-clients 8}, {@code --login-seconds 10}, {@code --out FILE}.
 */
final class GatewayBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/overview";

    private GatewayBench() {
    }

    static void main(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".")).toAbsolutePath().normalize();
        int heapMb = Integer.parseInt(option(args, "--heap-mb", "384"));
        int reports = Integer.parseInt(option(args, "--reports", "10"));
        int pairWarmUp = Integer.parseInt(option(args, "--pair-warmup", "500"));
        int pairs = Integer.parseInt(option(args, "--pairs", "2000"));
        int clients = Integer.parseInt(option(args, "--clients", "64"));
        Duration seconds = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "15")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(option(args, "--warmup-seconds", "5")));
        int loginClients = Integer.parseInt(option(args, "--login-clients", "8"));
        Duration loginTime = Duration.ofSeconds(Long.parseLong(option(args, "--login-seconds", "10")));
        String out = option(args, "--out", null);

        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
        String loadAtStart = Proc.loadAverage();
        List<String> gatewayArgs = new ArrayList<>(List.of("--zhenggai.login.ip-capacity=1000000",
                "--zhenggai.login.user-capacity=1000000"));
        String extra = option(args, "--gateway-args", "");
        if (!extra.isBlank()) {
            gatewayArgs.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), 0, heapMb,
                Map.of("gateway", gatewayArgs)));
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeOnce = () -> {
            if (closed.compareAndSet(false, true)) {
                Bench.progress("stopping the stack …");
                stack.close();
                Bench.progress("stopped.");
            }
        };
        Thread hook = new Thread(closeOnce, "gateway-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StringBuilder report = new StringBuilder();
        int exit = 0;
        try (AutoCloseable stopping = closeOnce::run) {
            Bench.progress("Gateway bench (load average " + loadAtStart + "): starting the embedded stack");
            stack.start(Duration.ofMinutes(5));
            Bench.progress("ready in " + stack.startMillis() + " ms; loading " + reports + " accepted reports");
            long measures = load(stack.gatewayUrl(), reports);
            String token = new GatewayClient(stack.gatewayUrl()).login("demo-party", "demo").accessToken();
            String viaGateway = stack.gatewayUrl() + PATH;
            String direct = stack.serviceUrl("rectification-service") + PATH;
            Bench.progress("overview holds " + measures + " measures; " + pairWarmUp + " warm-up pairs, then "
                    + pairs + " pairs (gateway, direct) by one client");
            long[][] paired = pairs(viaGateway, direct, token, pairWarmUp, pairs);
            String loadBeforeThroughput = Proc.loadAverage();
            Bench.progress(String.format(Locale.ROOT, "  gateway p50 %.2f ms, direct p50 %.2f ms",
                    Table.percentile(paired[0], 50) / 1e6, Table.percentile(paired[1], 50) / 1e6));

            List<Run> runs = new ArrayList<>();
            List<Map<String, Long>> cpu = new ArrayList<>();
            long ticks = Proc.clockTicks();
            for (String[] target : new String[][] {{"gateway", viaGateway}, {"direct", direct}}) {
                Bench.progress(clients + " clients → " + target[0] + ": " + warmUp.toSeconds() + " s warm-up, "
                        + seconds.toSeconds() + " s timed");
                closedLoop(target[0], clients, warmUp, () -> get(target[1], token));
                Map<Long, Long> before = StackProcesses.cpuTicksByPid(stack);
                Run run = closedLoop(target[0], clients, seconds, () -> get(target[1], token));
                Map<String, Long> percent = new java.util.LinkedHashMap<>();
                StackProcesses.cpuTicksSince(stack, before).forEach((k, v) ->
                        percent.put(k, Math.round(100.0 * v / ticks / run.seconds())));
                cpu.add(percent);
                runs.add(run);
                Bench.progress(String.format(Locale.ROOT, "  %d ok, %d errors: %.0f req/s, p50 %.1f ms%s", run.ok(),
                        run.errors(), run.perSecond(), Table.percentile(run.latencies(), 50) / 1e6,
                        run.firstError() == null ? "" : "; first error: " + run.firstError()));
            }

            Bench.progress(loginClients + " clients logging in for " + loginTime.toSeconds() + " s");
            String loginUrl = stack.gatewayUrl() + "/api/auth/login";
            String body = "{\"username\":\"demo-dept\",\"password\":\"demo\"}";
            closedLoop("login", loginClients, Duration.ofSeconds(3), () -> post(loginUrl, body));
            Run logins = closedLoop("login", loginClients, loginTime, () -> post(loginUrl, body));
            Bench.progress(String.format(Locale.ROOT, "  %d ok, %d errors: %.1f logins/s", logins.ok(),
                    logins.errors(), logins.perSecond()));

            report.append(render(date, loadAtStart, loadBeforeThroughput, Proc.loadAverage(), stack, heapMb, measures,
                    pairWarmUp, paired, runs, cpu, logins, warmUp, seconds, extra));
        } catch (Exception e) {
            exit = 1;
            Bench.progress("gateway bench failed: " + e);
            e.printStackTrace();
        } finally {
            Bench.release(hook);
        }
        Bench.publish(report, out, exit);
    }

    /** Imports, submits and accepts {@code reports} copies of the sample; waits until the overview counts them. */
    private static long load(String gatewayUrl, int reports) throws Exception {
        GatewayClient liaison = new GatewayClient(gatewayUrl).login("demo-dept", "demo");
        GatewayClient org = new GatewayClient(gatewayUrl).login("demo-org", "demo");
        GatewayClient party = new GatewayClient(gatewayUrl).login("demo-party", "demo");
        String sample = new String(OutlineImports.sample(), StandardCharsets.UTF_8);
        for (int i = 1; i <= reports; i++) {
            String title = java.net.URLEncoder.encode("网关基准第" + i + "号发言提纲", StandardCharsets.UTF_8);
            GatewayClient.Answer imported = liaison.postRaw("/api/outlines/import?fileName=bench-" + i + ".txt&title="
                    + title, sample);
            String reportId = imported.text("reportId");
            if (reportId == null) {
                throw new IllegalStateException("import failed: " + imported.status() + " " + imported.body());
            }
            check(liaison.post("/api/reports/" + reportId + "/submission", Map.of()), "submit");
            check(org.post("/api/reports/" + reportId + "/acceptance", Map.of()), "accept");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            GatewayClient.Answer overview = party.get(PATH);
            total = overview.body() == null ? 0 : overview.body().path("totals").path("total").asLong();
            if (total >= 3L * reports) {
                break;
            }
            Thread.sleep(500);
        }
        return total;
    }

    private static void check(GatewayClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.body());
        }
    }

    private static final HttpClient PAIR_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ThreadLocal<HttpClient> CLIENT = ThreadLocal.withInitial(() ->
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> response = CLIENT.get().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
    }

    private static String post(String url, String body) throws Exception {
        HttpResponse<String> response = CLIENT.get().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
    }

    /** One client alternating gateway and direct; latencies in ns, sorted: [0] gateway, [1] direct. */
    private static long[][] pairs(String viaGateway, String direct, String token, int warmUp, int pairs)
            throws Exception {
        long[] gateway = new long[pairs];
        long[] service = new long[pairs];
        for (int i = -warmUp; i < pairs; i++) {
            boolean gatewayFirst = (i & 1) == 0;
            long a = timed(gatewayFirst ? viaGateway : direct, token);
            long b = timed(gatewayFirst ? direct : viaGateway, token);
            if (i >= 0) {
                gateway[i] = gatewayFirst ? a : b;
                service[i] = gatewayFirst ? b : a;
            }
        }
        Arrays.sort(gateway);
        Arrays.sort(service);
        return new long[][] {gateway, service};
    }

    private static long timed(String url, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = PAIR_CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    record Run(String target, int clients, int ok, int errors, String firstError, double seconds, long[] latencies) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : ok / seconds;
        }
    }

    interface Call {
        /** null when the call succeeded, else what went wrong. */
        String call() throws Exception;
    }

    private static Run closedLoop(String target, int clients, Duration time, Call call) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    start.await();
                    long end = window[0] + time.toNanos();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            error = call.call();
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        long t1 = System.nanoTime();
                        if (t1 > end) {
                            break; // answered after the window: not counted
                        }
                        if (error == null) {
                            ok.incrementAndGet();
                            mine.add(t1 - t0);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                    done.countDown();
                }
            }, "bench-" + target + "-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        window[0] = System.nanoTime();
        start.countDown();
        done.await();
        window[1] = System.nanoTime();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(target, clients, ok.get(), errors.get(), firstError.get(), Math.min(time.toNanos(),
                window[1] - window[0]) / 1e9, all);
    }

    private static String render(String date, String loadAtStart, String loadBefore, String loadAtEnd,
                                 PlatformStack stack, int heapMb, long measures, int pairWarmUp, long[][] paired,
                                 List<Run> runs, List<Map<String, Long>> cpu, Run logins, Duration warmUp,
                                 Duration seconds, String gatewayArgs) {
        StringBuilder r = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        r.append("\n== Zhenggai gateway bench ").append(date).append(" ==\n\n");
        r.append("Machine: ").append(rt.availableProcessors()).append(" CPUs (nproc), ")
                .append(Table.f1(Proc.memTotalKb() / 1024.0 / 1024.0)).append(" GiB RAM, ").append(Proc.cpuModel())
                .append("; Java ").append(System.getProperty("java.runtime.version")).append('\n');
        r.append("Load average (1/5/15 min): at start ").append(loadAtStart).append(", before the 64-client runs ")
                .append(loadBefore).append(", at end ").append(loadAtEnd).append('\n');
        r.append("Stack: embedded, temporary data, services -Xmx").append(heapMb).append("m; ready in ")
                .append(stack.startMillis()).append(" ms. Request: GET ").append(PATH).append(" as demo-party (")
                .append(measures).append(" measures in the overview).")
                .append(gatewayArgs.isBlank() ? "" : " Gateway arguments: " + gatewayArgs + ".").append("\n\n");
        long[] g = paired[0];
        long[] d = paired[1];
        r.append("Added latency, one client alternating gateway / direct (").append(g.length).append(" pairs after ")
                .append(pairWarmUp).append(" warm-up pairs), ms:\n");
        Table t = new Table("Path", "p50", "p90", "p99", "max");
        t.row("via gateway", ms(g, 50), ms(g, 90), ms(g, 99), ms(g, 100));
        t.row("direct to rectification-service", ms(d, 50), ms(d, 90), ms(d, 99), ms(d, 100));
        t.row("added by the gateway", diff(g, d, 50), diff(g, d, 90), diff(g, d, 99), "-");
        r.append(t.render("  "));
        r.append('\n').append(String.format(Locale.ROOT, "Throughput, %d closed-loop clients, %d s after %d s warm-up:%n",
                runs.get(0).clients(), seconds.toSeconds(), warmUp.toSeconds()));
        Table u = new Table("Target", "OK", "Errors", "req/s", "p50 ms", "p95", "p99");
        for (Run run : runs) {
            long[] l = run.latencies();
            u.row(run.target(), run.ok(), run.errors(), Table.f0(run.perSecond()), ms(l, 50), ms(l, 95), ms(l, 99));
        }
        r.append(u.render("  "));
        Table c = new Table("Target", "bench JVM", "gateway", "report", "rectification", "audit", "postgres",
                "total");
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Long> p = cpu.get(i);
            c.row(runs.get(i).target(), p.get(StackProcesses.SELF), p.get("gateway JVM"), p.get("report-service JVM"),
                    p.get("rectification-service JVM"), p.get("audit-service JVM"), p.get(StackProcesses.PG_ALL),
                    p.values().stream().mapToLong(Long::longValue).sum() + " of "
                            + Runtime.getRuntime().availableProcessors() * 100);
        }
        r.append("CPU % of one core during each run, by process (the machine's other processes not shown):\n")
                .append(c.render("  "));
        r.append('\n').append(String.format(Locale.ROOT,
                "Logins (POST /api/auth/login, BCrypt cost 10, directory in PostgreSQL), %d closed-loop clients, %.0f s:"
                        + "%n  %d ok, %d errors, %.1f logins/s, p50 %s ms, p99 %s ms%s%n",
                logins.clients(), logins.seconds(), logins.ok(), logins.errors(), logins.perSecond(),
                ms(logins.latencies(), 50), ms(logins.latencies(), 99),
                logins.firstError() == null ? "" : "; first error: " + logins.firstError()));
        return r.toString();
    }

    private static String ms(long[] sorted, double p) {
        return Table.f2(Table.percentile(sorted, p) / 1e6);
    }

    private static String diff(long[] a, long[] b, double p) {
        return Table.f2((Table.percentile(a, p) - Table.percentile(b, p)) / 1e6);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
