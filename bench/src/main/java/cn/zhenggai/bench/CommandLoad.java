package cn.zhenggai.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IdentifyProblem commands through the gateway by N closed-loop clients ({@link ClosedLoop}: one platform thread
 * and one {@link HttpClient} each, HTTP/1.1), and the freshness of the read model they feed.
 *
 * <p>Reports are drafted before the timed window, into a shared queue; a client takes a report, fills it with
 * {@code problemsPerReport} problems cycling over {@link #THEMES} (ordinal = round + 1, so at most 99 per theme), then
 * takes the next. No two clients write to the same report. If the queue runs dry a client drafts inline (counted).
 */
final class CommandLoad {

    static final String[] THEMES = {
            "带头深刻领悟“两个确立”的决定性意义",
            "带头坚决做到“两个维护”",
            "带头担当作为、狠抓落实",
            "带头践行以人民为中心的发展思想",
            "带头落实全面从严治党政治责任",
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DRAFT_THREADS = 8;

    private final String gatewayUrl;
    private final String token;
    private final int problemsPerReport;

    CommandLoad(String gatewayUrl, String token, int problemsPerReport) {
        if (problemsPerReport < 1 || problemsPerReport > 99 * THEMES.length) {
            throw new IllegalArgumentException("problems per report must be 1.." + 99 * THEMES.length);
        }
        this.gatewayUrl = gatewayUrl;
        this.token = token;
        this.problemsPerReport = problemsPerReport;
    }

    /** A command answered 201: its problem and when the answer arrived (epoch ms, this machine's clock). */
    record Accepted(String problemId, long acceptedEpochMs) {
    }

    /** What one level gave. Latencies in ns, ascending. */
    record Level(int clients, int ok, Map<String, Integer> errors, String firstError, double seconds,
                 long[] latencyNanos, List<Accepted> accepted, int draftedBefore, int draftedInline,
                 boolean stoppedByCount, int threadsStillRunning) {

        double perSecond() {
            return seconds <= 0 ? Double.NaN : ok / seconds;
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Freshness of a level's commands, ms, ascending: projectedAt − accepted; and split at the Kafka record's
     * timestamp (when report-service's publisher sent it): accepted → sent to Kafka, sent → projected.
     */
    record Freshness(long[] millis, int unprojected, long waitedMillis, long[] toKafka, long[] kafkaToProjected) {
    }

    /**
     * Runs {@code clients} clients until {@code duration} has passed or {@code maxCommands} were sent, whichever first.
     */
    Level run(int clients, int maxCommands, Duration duration) throws InterruptedException {
        return run(clients, maxCommands, duration, maxCommands, () -> { }, () -> { });
    }

    /**
     * As {@link #run(int, int, Duration)}, drafting reports for {@code expectedCommands} (at most
     * {@code maxCommands}) beforehand, calling {@code atStart} just before the window and {@code atEnd} after it.
     */
    Level run(int clients, int maxCommands, Duration duration, int expectedCommands, Runnable atStart,
              Runnable atEnd) throws InterruptedException {
        int planned = Math.max(1, Math.min(maxCommands, expectedCommands));
        int reportsNeeded = (planned + problemsPerReport - 1) / problemsPerReport + clients;
        ConcurrentLinkedQueue<String> reports = new ConcurrentLinkedQueue<>(
                draft(reportsNeeded, Duration.ofSeconds(120)));
        int draftedBefore = reports.size();
        Thread.sleep(1_000); // let the drafts' events pass through before the window

        AtomicInteger issued = new AtomicInteger();
        AtomicInteger inline = new AtomicInteger();
        AtomicBoolean stoppedByCount = new AtomicBoolean();
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        ClosedLoop.Result result = ClosedLoop.run("bench-client", clients, c -> {
            Client client = new Client(gatewayUrl, token);
            String[] report = {null};
            int[] next = {problemsPerReport};
            return () -> {
                if (issued.incrementAndGet() > maxCommands) {
                    stoppedByCount.set(true);
                    return null;
                }
                if (next[0] >= problemsPerReport) {
                    report[0] = reports.poll();
                    if (report[0] == null) {
                        inline.incrementAndGet();
                        report[0] = draftOne(client);
                    }
                    next[0] = 0;
                }
                int index = next[0]++;
                Answer answer = client.identify(report[0], index,
                        "基准测试问题" + index + "：理论学习不够深入系统，运用党的创新理论指导实践、推动工作的能力还有差距。",
                        "比如学习停留在读原文、记笔记，联系实际思考不够。");
                long acceptedAt = System.currentTimeMillis();
                if (answer.failure() != null) {
                    throw answer.failure();
                }
                String problemId = answer.status() == 201 ? answer.body().path("problemId").asText(null) : null;
                if (problemId == null) {
                    return ClosedLoop.Outcome.refused("HTTP " + answer.status(),
                            "HTTP " + answer.status() + " " + abbreviate(answer.text()), answer.nanos(),
                            answer.answeredNanos());
                }
                accepted.add(new Accepted(problemId, acceptedAt));
                return ClosedLoop.Outcome.accepted(answer.nanos(), answer.answeredNanos());
            };
        }, duration, REQUEST_TIMEOUT.plusSeconds(15), atStart, atEnd);
        return new Level(clients, result.ok(), result.errors(), result.firstError(), result.seconds(),
                result.latencyNanos(), new ArrayList<>(accepted), draftedBefore, inline.get(), stoppedByCount.get(),
                result.threadsStillRunning());
    }

    /** Drafts {@code count} reports with up to 8 threads; returns the ids of those drafted. */
    List<String> draft(int count, Duration timeout) throws InterruptedException {
        ConcurrentLinkedQueue<String> drafted = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger failures = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.min(MAX_DRAFT_THREADS, count); t++) {
            Thread thread = new Thread(() -> {
                Client client = new Client(gatewayUrl, token);
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline && failures.get() < 20) {
                    try {
                        drafted.add(draftOne(client));
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-drafter-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) + 35_000);
            thread.interrupt();
        }
        if (failures.get() > 0) {
            Bench.progress("  drafting: " + failures.get() + " failures");
        }
        return new ArrayList<>(drafted);
    }

    private static String draftOne(Client client) throws IOException, InterruptedException {
        Answer answer = client.draft("基准测试报告");
        if (answer.failure() != null) {
            throw answer.failure();
        }
        if (answer.status() != 201) {
            throw new IOException("drafting a report: HTTP " + answer.status() + " " + abbreviate(answer.text()));
        }
        String reportId = answer.body().path("reportId").asText(null);
        if (reportId == null) {
            throw new IOException("drafting a report: no reportId in " + abbreviate(answer.text()));
        }
        return reportId;
    }

    /**
     * What the gateway answered to one command: status, body as text and as JSON (null when not JSON), or the I/O
     * failure that left no answer (status 0); its latency and when it arrived ({@link System#nanoTime}).
     */
    record Answer(int status, String text, JsonNode body, IOException failure, long nanos, long answeredNanos) {

        /** Accepted: a 2xx with a JSON body. */
        boolean ok() {
            return status >= 200 && status < 300 && body != null;
        }

        /** The failure's class name, or {@code HTTP status}. */
        String outcome() {
            return failure != null ? failure.getClass().getSimpleName() : "HTTP " + status;
        }
    }

    /**
     * One closed-loop client of the load: its own HTTP/1.1 client (5 s to connect, 30 s per request), the token of
     * its user, and the two commands the load sends. Used by the default scenario ({@link #run}) and by the chaos
     * scenario ({@link ChaosBench}); one thread each.
     */
    static final class Client {
        private final String gatewayUrl;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Client(String gatewayUrl, String token) {
            this.gatewayUrl = gatewayUrl;
            this.token = token;
        }

        /** {@code POST /api/reports}: drafts a report of 2024 with this title. */
        Answer draft(String title) throws InterruptedException {
            return post("/api/reports", Map.of("title", title, "year", 2024));
        }

        /**
         * {@code POST /api/reports/{id}/problems}: the {@code index}-th problem of the report, theme and ordinal
         * cycling over {@link #THEMES} (ordinal = round + 1).
         */
        Answer identify(String reportId, int index, String statement, String example) throws InterruptedException {
            return post("/api/reports/" + reportId + "/problems", Map.of(
                    "theme", THEMES[index % THEMES.length],
                    "ordinal", index / THEMES.length + 1,
                    "statement", statement,
                    "example", example));
        }

        private Answer post(String path, Object body) throws InterruptedException {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                JsonNode json = null;
                try {
                    json = response.body().isEmpty() ? null : JSON.readTree(response.body());
                } catch (IOException notJson) {
                    // an HTML or empty answer: not accepted
                }
                return new Answer(response.statusCode(), response.body(), json, null, t1 - t0, t1);
            } catch (IOException e) {
                long t1 = System.nanoTime();
                return new Answer(0, "", null, e, t1 - t0, t1);
            }
        }
    }

    /**
     * Polls the read model (MongoDB, {@code _id} = problemId, {@code projectedAt}) until every accepted command of
     * the level is there or {@code maxWait} passed, 5 s without progress included.
     */
    static Freshness freshness(MongoCollection<Document> problems, List<Accepted> accepted, Duration maxWait,
                               KafkaProbe kafka) throws InterruptedException {
        Map<String, Long> acceptedAt = new HashMap<>();
        accepted.forEach(a -> acceptedAt.put(a.problemId(), a.acceptedEpochMs()));
        Set<String> missing = new LinkedHashSet<>(acceptedAt.keySet());
        List<Long> fresh = new ArrayList<>();
        Map<String, Long> projected = new HashMap<>();
        long start = System.nanoTime();
        long deadline = start + maxWait.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            List<String> batch = new ArrayList<>();
            List<String> ids = new ArrayList<>(missing);
            for (int i = 0; i < ids.size(); i++) {
                batch.add(ids.get(i));
                if (batch.size() == 500 || i == ids.size() - 1) {
                    for (Document d : problems.find(Filters.in("_id", batch))
                            .projection(Projections.include("projectedAt"))) {
                        Date projectedAt = d.getDate("projectedAt");
                        String id = d.getString("_id");
                        if (projectedAt != null && missing.remove(id)) {
                            fresh.add(projectedAt.getTime() - acceptedAt.get(id));
                            projected.put(id, projectedAt.getTime());
                        }
                    }
                    batch.clear();
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> sent = kafka.createTimes(acceptedAt.keySet(), Duration.ofSeconds(30));
        List<Long> toKafka = new ArrayList<>();
        List<Long> kafkaToProjected = new ArrayList<>();
        sent.forEach((id, t) -> {
            toKafka.add(t - acceptedAt.get(id));
            Long p = projected.get(id);
            if (p != null) {
                kafkaToProjected.add(p - t);
            }
        });
        return new Freshness(sorted(fresh), missing.size(), waited, sorted(toKafka), sorted(kafkaToProjected));
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String abbreviate(String text) {
        return ClosedLoop.abbreviate(text, 200);
    }
}
