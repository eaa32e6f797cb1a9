package cn.zhenggai.bench;

import cn.zhenggai.devstack.infra.EmbeddedPostgres;
import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineParseException;
import cn.zhenggai.outline.OutlineParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outline import: the parse time of the sample outline in this JVM, and outline imports through the gateway
 * ({@code POST /api/outlines/import?fileName=…}, the file as the raw request body) by N closed-loop clients.
 *
 * <p>Each imported outline is the sample with its title line changed (department, year and a sequence number), so no
 * two are identical; each is parsed here first to check that it yields the same counts as the sample. Events are
 * counted in {@code report.domainevententry} before and after each level.
 */
final class OutlineImports {

    static final String SAMPLE = "/demo/2022-xingzheng-shenpi-ju-fayan-tigang.txt";
    static final String SAMPLE_NAME = "2022-xingzheng-shenpi-ju-fayan-tigang.txt";
    private static final String[] DEPARTMENTS = {
            "行政审批局", "发展和改革局", "财政局", "教育局", "民政局", "司法局", "生态环境局", "住房和城乡建设局",
            "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局",
    };
    private static final int[] YEARS = {2021, 2022, 2023, 2024};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String gatewayUrl;
    private final String token;
    private final byte[] sample;
    private final String sampleTitle;
    private final String sampleRest;
    private final AtomicInteger sequence = new AtomicInteger();
    private static volatile int blackhole;

    OutlineImports(String gatewayUrl, String token) throws IOException {
        this.gatewayUrl = gatewayUrl;
        this.token = token;
        this.sample = sample();
        String text = new String(sample, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        this.sampleTitle = text.substring(0, newline).strip();
        this.sampleRest = text.substring(newline);
    }

    static byte[] sample() throws IOException {
        try (InputStream in = OutlineImports.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("sample outline missing from the demo-data jar: " + SAMPLE);
            }
            return in.readAllBytes();
        }
    }

    /** Parse time of one file in this JVM, ms. */
    record ParseTime(String fileName, int bytes, int warmUp, int runs, double meanMs, double p50Ms, double p95Ms,
                     double p99Ms, double maxMs, String counts) {
    }

    static ParseTime parseTime(byte[] content, String fileName, int warmUp, int runs, Duration maxTime)
            throws OutlineParseException {
        long deadline = System.nanoTime() + maxTime.toNanos();
        int sink = 0;
        for (int i = 0; i < warmUp && System.nanoTime() < deadline; i++) {
            sink += OutlineParser.parse(content, fileName).problems().size();
        }
        long[] nanos = new long[runs];
        int done = 0;
        for (; done < runs && System.nanoTime() < deadline; done++) {
            long t0 = System.nanoTime();
            sink += OutlineParser.parse(content, fileName).problems().size();
            nanos[done] = System.nanoTime() - t0;
        }
        blackhole = sink; // keeps the parses from being optimised away
        long[] measured = Arrays.copyOf(nanos, done);
        Arrays.sort(measured);
        double mean = Arrays.stream(measured).average().orElse(Double.NaN) / 1e6;
        return new ParseTime(fileName, content.length, warmUp, done, mean, Table.percentile(measured, 50) / 1e6,
                Table.percentile(measured, 95) / 1e6, Table.percentile(measured, 99) / 1e6,
                Table.percentile(measured, 100) / 1e6, counts(OutlineParser.parse(content, fileName)));
    }

    static String counts(Outline o) {
        return "carry-over groups " + o.carryOver().size() + ", problems " + o.problems().size() + ", clean areas "
                + o.cleanAreas().size() + ", root causes " + o.rootCauses().size() + ", personal matters "
                + (o.personalMatters() != null) + ", measures " + o.measures().size();
    }

    String sampleCounts() throws OutlineParseException {
        return counts(OutlineParser.parse(sample, SAMPLE_NAME));
    }

    /** One generated outline: the sample with a different title line. */
    record Generated(int number, String fileName, byte[] content) {
    }

    /** Generates {@code count} outlines and checks that each parses to the sample's counts; returns them. */
    List<Generated> generate(int count) throws OutlineParseException {
        String expected = sampleCounts();
        List<Generated> outlines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = sequence.incrementAndGet();
            String department = DEPARTMENTS[n % DEPARTMENTS.length];
            int year = YEARS[(n / DEPARTMENTS.length) % YEARS.length];
            String title = department + "第" + n + "号" + year + "年度民主生活会个人发言提纲";
            byte[] content = (title + sampleRest).getBytes(StandardCharsets.UTF_8);
            String name = "bench-" + n + "-" + year + ".txt";
            Outline parsed = OutlineParser.parse(content, name);
            String got = counts(parsed);
            if (parsed.year() == null || parsed.year() != year) {
                throw new IllegalStateException("generated outline " + n + " parses to year " + parsed.year()
                        + " instead of " + year);
            }
            if (!got.equals(expected)) {
                throw new IllegalStateException("generated outline " + n + " parses differently from the sample ("
                        + got + " instead of " + expected + ")");
            }
            outlines.add(new Generated(n, name, content));
        }
        return outlines;
    }

    String sampleTitle() {
        return sampleTitle;
    }

    /** What one level gave. Latencies in ns, ascending; events = new rows in report.domainevententry. */
    record Level(int clients, int planned, int ok, Map<String, Integer> errors, String firstError, double seconds,
                 long[] latencyNanos, long events, int problems, int threadsStillRunning, boolean stoppedByTime) {

        double perSecond() {
            return seconds <= 0 ? Double.NaN : ok / seconds;
        }

        double eventsPerSecond() {
            return seconds <= 0 || events < 0 ? Double.NaN : events / seconds;
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Imports {@code outlines} with {@code clients} closed-loop clients (a shared queue), stopping early when
     * {@code maxTime} has passed; {@code atStart} runs just before the window and {@code atEnd} right after it.
     */
    Level run(int clients, List<Generated> outlines, Duration maxTime, EmbeddedPostgres postgres, String database,
              Runnable atStart, Runnable atEnd) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger problems = new AtomicInteger();
        long[] eventsBefore = {-1};
        ClosedLoop.Result result = ClosedLoop.run("bench-import", clients, c -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return () -> {
                int index = next.getAndIncrement();
                if (index >= outlines.size()) {
                    return null;
                }
                Generated outline = outlines.get(index);
                HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/outlines/import?fileName="
                                + URLEncoder.encode(outline.fileName(), StandardCharsets.UTF_8)))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(outline.content()))
                        .build();
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                JsonNode body = response.statusCode() == 201 ? JSON.readTree(response.body()) : null;
                if (body == null || !body.hasNonNull("reportId") || !body.has("counts")) {
                    return ClosedLoop.Outcome.refused("HTTP " + response.statusCode(), "HTTP "
                            + response.statusCode() + " " + ClosedLoop.abbreviate(response.body(), 300), t1 - t0, t1);
                }
                problems.addAndGet(body.path("counts").path("problems").asInt());
                return ClosedLoop.Outcome.accepted(t1 - t0, t1);
            };
        }, maxTime, REQUEST_TIMEOUT.plusSeconds(10), () -> {
            eventsBefore[0] = events(postgres, database);
            atStart.run();
        }, atEnd);
        long eventsAfter = events(postgres, database);
        return new Level(clients, outlines.size(), result.ok(), result.errors(), result.firstError(),
                result.seconds(), result.latencyNanos(),
                eventsBefore[0] < 0 || eventsAfter < 0 ? -1 : eventsAfter - eventsBefore[0], problems.get(),
                result.threadsStillRunning(), next.get() < outlines.size());
    }

    /** Rows in report-service's event store, or −1 if it cannot be read. */
    static long events(EmbeddedPostgres postgres, String database) {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM report.domainevententry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            Bench.progress("  cannot count report.domainevententry: " + e.getMessage());
            return -1;
        }
    }
}
