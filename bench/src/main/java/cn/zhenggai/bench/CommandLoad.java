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
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IdentifyProblem commands through the gateway by N closed-loop clients (one platform thread and one
 * {@link HttpClient} each, HTTP/1.1), and the freshness of the read model they feed.
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
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        AtomicLong lastEnd = new AtomicLong();
        List<String> firstError = Collections.synchronizedList(new ArrayList<>());
        List<List<Long>> latencies = new ArrayList<>();
        List<List<Accepted>> accepted = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2]; // start, deadline (nanoTime)
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> myLatencies = Collections.synchronizedList(new ArrayList<>());
            List<Accepted> myAccepted = Collections.synchronizedList(new ArrayList<>());
            latencies.add(myLatencies);
            accepted.add(myAccepted);
            Thread thread = new Thread(() -> {
                HttpClient http = httpClient();
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                String report = null;
                int next = problemsPerReport;
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < window[1]) {
                    if (issued.incrementAndGet() > maxCommands) {
                        stoppedByCount.set(true);
                        break;
                    }
                    try {
                        if (next >= problemsPerReport) {
                            report = reports.poll();
                            if (report == null) {
                                inline.incrementAndGet();
                                report = draftOne(http);
                            }
                            next = 0;
                        }
                        int index = next++;
                        String body = JSON.writeValueAsString(Map.of(
                                "theme", THEMES[index % THEMES.length],
                                "ordinal", index / THEMES.length + 1,
                                "statement", "基准测试问题" + index + "：理论学习不够深入系统，运用党的创新理论指导实践、推动工作的能力还有差距。",
                                "example", "比如学习停留在读原文、记笔记，联系实际思考不够。"));
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(post("/api/reports/" + report + "/problems", body),
                                HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        long acceptedAt = System.currentTimeMillis();
                        lastEnd.accumulateAndGet(t1, Math::max);
                        if (response.statusCode() == 201) {
                            myLatencies.add(t1 - t0);
                            myAccepted.add(new Accepted(JSON.readTree(response.body()).get("problemId").asText(),
                                    acceptedAt));
                        } else {
                            errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            if (firstError.isEmpty()) {
                                firstError.add("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                        errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        if (firstError.isEmpty()) {
                            firstError.add(e.toString());
                        }
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not get ready within 60 s");
        }
        atStart.run();
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        long joinDeadline = window[1] + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(15);
        int stillRunning = 0;
        for (Thread thread : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (thread.isAlive()) {
                thread.interrupt();
                stillRunning++;
            }
        }
        atEnd.run();
        double seconds = (Math.max(lastEnd.get(), window[0]) - window[0]) / 1e9;
        List<Long> allLatencies = new ArrayList<>();
        List<Accepted> allAccepted = new ArrayList<>();
        for (List<Long> list : latencies) {
            synchronized (list) {
                allLatencies.addAll(list);
            }
        }
        for (List<Accepted> list : accepted) {
            synchronized (list) {
                allAccepted.addAll(list);
            }
        }
        long[] sortedLatencies = allLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Level(clients, allAccepted.size(), new LinkedHashMap<>(errors),
                firstError.isEmpty() ? null : firstError.get(0), seconds, sortedLatencies, allAccepted,
                draftedBefore, inline.get(), stoppedByCount.get(), stillRunning);
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
                HttpClient http = httpClient();
                while (left.getAndDecrement() > 0 && System.nanoTime() < deadline && failures.get() < 20) {
                    try {
                        drafted.add(draftOne(http));
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

    private String draftOne(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post("/api/reports",
                        JSON.writeValueAsString(Map.of("title", "基准测试报告", "year", 2024))),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("drafting a report: HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        JsonNode reportId = JSON.readTree(response.body()).get("reportId");
        if (reportId == null) {
            throw new IOException("drafting a report: no reportId in " + abbreviate(response.body()));
        }
        return reportId.asText();
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

    private HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
