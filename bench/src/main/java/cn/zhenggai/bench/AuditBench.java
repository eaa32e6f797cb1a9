package cn.zhenggai.bench;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.integrity.ChainVerifier;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.replay.LiveLedger;
import cn.zhenggai.audit.replay.ReplayProgress;
import cn.zhenggai.audit.replay.Replays;
import cn.zhenggai.audit.timetravel.TimeAxis;
import cn.zhenggai.audit.timetravel.TimeTravel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Figures of the audit service against the MongoDB-wire-compatible store (mongo-java-server, in-memory backend, in
 * this JVM, reached through the official driver over a local socket): time-travel latency of a department ledger,
 * append rates (one by one and batched), replay rate against the raw bulk-write and scan rates of the same store in
 * the same run, and chain verification time. Prints its figures: {@code ./zhenggai bench --scenario audit}
 * (docs/benchmarks.md, "Audit").
 *
 * <p>Options: {@code --timetravel-events 10000}, {@code --runs 200}, {@code --append-events 5000},
 * {@code --replay-events 1000000}.
 */
final class AuditBench {

    private static final long T0 = System.nanoTime();

    private AuditBench() {
    }

    static void run(String[] args) throws Exception {
        int ttEvents = Integer.parseInt(option(args, "--timetravel-events", "10000"));
        int runs = Integer.parseInt(option(args, "--runs", "200"));
        int appendEvents = Integer.parseInt(option(args, "--append-events", "5000"));
        int replayEvents = Integer.parseInt(option(args, "--replay-events", "1000000"));
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        List<String> figures = new ArrayList<>();
        figures.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + loadAverage() + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");

        // 1. append: one by one and batched
        try (TestLog one = new TestLog(); TestLog batched = new TestLog()) {
            List<Document> bases = new ArrayList<>();
            LedgerHistory.generate(appendEvents / LedgerHistory.EVENTS_PER_ITEM, 500, bases::addAll);
            long t = System.nanoTime();
            for (Document base : bases) {
                one.log.appendBatch(List.of(new Document(base)));
            }
            double oneRate = bases.size() / seconds(t);
            t = System.nanoTime();
            for (int from = 0; from < bases.size(); from += 500) {
                batched.log.appendBatch(copies(bases.subList(from, Math.min(bases.size(), from + 500))));
            }
            double batchRate = bases.size() / seconds(t);
            figures.add(String.format(Locale.ROOT, "append %d events: one by one %.0f events/s, batches of 500 %.0f events/s (x%.1f)",
                    bases.size(), oneRate, batchRate, batchRate / oneRate));
            progress(figures.get(figures.size() - 1));
        }

        // 2. time travel over a department ledger
        try (TestLog store = new TestLog()) {
            LedgerHistory.generate(ttEvents / LedgerHistory.EVENTS_PER_ITEM, 500, b -> store.log.appendBatch(b));
            TimeTravel timeTravel = new TimeTravel(store.log);
            Random random = new Random(7);
            Instant first = Instant.parse("2023-01-01T00:00:00Z");
            long span = Duration.ofDays(100).toSeconds();
            for (int i = 0; i < 20; i++) {
                timeTravel.ledger("XZSPJ", first.plusSeconds(random.nextLong(span)), TimeAxis.EFFECTIVE);
            }
            double[] ms = new double[runs];
            double[] diffMs = new double[runs / 4];
            int rows = 0;
            for (int i = 0; i < runs; i++) {
                String department = LedgerHistory.DEPARTMENTS[i % LedgerHistory.DEPARTMENTS.length];
                Instant asOf = first.plusSeconds(random.nextLong(span));
                long t = System.nanoTime();
                rows += timeTravel.ledger(department, asOf, TimeAxis.EFFECTIVE).size();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            for (int i = 0; i < diffMs.length; i++) {
                Instant from = first.plusSeconds(random.nextLong(span / 2));
                long t = System.nanoTime();
                timeTravel.diff(LedgerHistory.DEPARTMENTS[i % 5], from, from.plusSeconds(span / 2), TimeAxis.EFFECTIVE);
                diffMs[i] = (System.nanoTime() - t) / 1e6;
            }
            figures.add(String.format(Locale.ROOT, "time travel, department ledger as of a random instant, log of %d events "
                            + "(%d items, 5 departments, ~%d rows per answer): p50 %.1f ms, p95 %.1f ms over %d runs; "
                            + "difference between two instants: p50 %.1f ms, p95 %.1f ms over %d runs",
                    store.log.size(), ttEvents / LedgerHistory.EVENTS_PER_ITEM, rows / runs, pct(ms, 50), pct(ms, 95), runs,
                    pct(diffMs, 50), pct(diffMs, 95), diffMs.length));
            progress(figures.get(figures.size() - 1));
        }

        // 3. replay against raw bulk writes and scans of the same store; verification
        try (TestLog store = new TestLog()) {
            long t = System.nanoTime();
            LedgerHistory.generate(replayEvents / LedgerHistory.EVENTS_PER_ITEM, AuditLog.MAX_BATCH_RECORDS, b -> {
                store.log.appendBatch(b);
                if (store.log.head().getLong("position") % 100_000 == 0) {
                    progress("  seeded " + store.log.head().getLong("position") + " events");
                }
            });
            long n = store.log.size();
            double seedRate = n / seconds(t);
            figures.add(String.format(Locale.ROOT, "seeding the log with %d events by batched append: %.0f s, %.0f events/s",
                    n, seconds(t), seedRate));
            progress(figures.get(figures.size() - 1));

            // raw: scan every record, and bulk-write copies of them (insertMany of 1,000)
            MongoCollection<Document> raw = store.database.getCollection("raw_bulk");
            long[] scanned = {0};
            t = System.nanoTime();
            List<Document> chunk = new ArrayList<>(1000);
            long[] written = {0};
            long[] writeNanos = {0};
            store.records().find().batchSize(2000).forEach(d -> {
                scanned[0]++;
                chunk.add(d);
                if (chunk.size() == 1000) {
                    long w = System.nanoTime();
                    raw.insertMany(chunk, new InsertManyOptions().ordered(false));
                    writeNanos[0] += System.nanoTime() - w;
                    written[0] += chunk.size();
                    chunk.clear();
                }
            });
            double total = seconds(t);
            double writeRate = written[0] / (writeNanos[0] / 1e9);
            double scanRate = scanned[0] / (total - writeNanos[0] / 1e9);
            raw.drop();
            figures.add(String.format(Locale.ROOT, "raw store, same run: bulk write (insertMany of 1,000 audit records) %.0f docs/s; "
                    + "full scan %.0f docs/s", writeRate, scanRate));
            progress(figures.get(figures.size() - 1));

            LiveLedger ledger = new LiveLedger(store.log, store.database);
            t = System.nanoTime();
            ledger.catchUp();
            double buildRate = n / seconds(t);
            figures.add(String.format(Locale.ROOT, "live ledger built from the whole log: %d events in %.1f s, %.0f events/s, %d items",
                    n, seconds(t), buildRate, ledger.live().countDocuments()));
            progress(figures.get(figures.size() - 1));

            try (Replays replays = new Replays(store.database, store.log, ledger, Clock.systemUTC())) {
                t = System.nanoTime();
                String id = replays.start(LiveLedger.NAME).id();
                while (!replays.awaitIdle(Duration.ofSeconds(10))) {
                    ReplayProgress p = replays.progress(id);
                    progress(String.format(Locale.ROOT, "  replay %s%% at %s events/s, %s s left", p.percent(),
                            p.eventsPerSecond(), p.secondsLeft()));
                }
                double replaySeconds = seconds(t);
                ReplayProgress p = replays.progress(id);
                figures.add(String.format(Locale.ROOT, "replay of the ledger projection (fold into a shadow, compare with live): "
                                + "%d events in %.1f s, %.0f events/s overall (%s events/s while folding as reported), %s differences, state %s",
                        n, replaySeconds, n / replaySeconds, p.eventsPerSecond(), p.differences(), p.state()));
                progress(figures.get(figures.size() - 1));
            }

            t = System.nanoTime();
            ChainVerifier.Result verified = new ChainVerifier(store.log).verify();
            double verifySeconds = seconds(t);
            figures.add(String.format(Locale.ROOT, "verification of both chains: %d records in %.1f s = %.2f s per 100,000 records (ok=%s)",
                    verified.checked(), verifySeconds, verifySeconds * 100_000 / verified.checked(), verified.ok()));
            progress(figures.get(figures.size() - 1));
        }
        System.out.println();
        System.out.println("Audit figures (mongo-java-server 1.47 in-memory backend in the same JVM, official driver):");
        figures.forEach(f -> System.out.println("- " + f));
        System.out.println("- load average at end " + loadAverage());
    }

    private static List<Document> copies(List<Document> bases) {
        return bases.stream().map(Document::new).toList();
    }

    private static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void progress(String line) {
        System.err.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - T0) / 1e9, line);
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
