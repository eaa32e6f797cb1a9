package cn.zhenggai.bench;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.replay.LiveLedger;
import cn.zhenggai.audit.replay.ReplayProgress;
import cn.zhenggai.audit.replay.Replays;
import cn.zhenggai.audit.timetravel.ItemIndex;
import cn.zhenggai.audit.timetravel.TimeAxis;
import cn.zhenggai.audit.timetravel.TimeTravel;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./zhenggai bench --scenario history} (ADR 0092): time travel and replay of the audit log at district scale,
 * in this JVM, on the store of the embedded stack (mongo-java-server, in-memory backend, through the official driver
 * over a local socket). For each level ({@code --levels 10000,50000,200000} events, {@link HistoryLog}: 25 events
 * per item, so 8,000 items at 200,000) it seeds a fresh log through the consumer's code path (batches of 500:
 * {@link AuditLog#appendBatch}, then the {@link ItemIndex} told of the batch, as {@code AllEventsListener} does) and
 * prints: the seeding rate; the index's one-pass load time and heap; a department's ledger as of a random instant on
 * both times ({@code TimeTravel.ledger}, the work of {@code GET /api/audit/ledger} without HTTP, and the same with
 * the answer written as JSON), p50/p95/p99; the difference between two random instants and one item's state,
 * p50/p95; the raw scan and bulk-write rates of the same store; the live ledger built from the whole log and a
 * replay through {@link Replays} (fold into a shadow, compare), in events/s. Progress on stderr, figures on stdout.
 *
 * Then {@link MigrationBench}: generated historical ledgers migrated through the gateway of a fresh embedded stack,
 * in items/s.
 *
 * <p>Options: {@code --levels 10000,50000,200000}, {@code --runs 300} (per time and level), {@code --diff-runs 100},
 * {@code --warmup 100}, {@code --migration-sheets 4} (0: no migration), {@code --migration-rows 2000},
 * {@code --home DIR} (where the services' jars are), {@code --out FILE}.
 */
final class HistoryBench {

    private static final int BATCH = 500;
    private static final ObjectMapper JSON = EnvelopeCodec.mapper();

    private HistoryBench() {
    }

    /** The figures of one level. */
    record Level(long events, int items, double seedSeconds, double loadSeconds, double indexMb, long versions,
                 Map<TimeAxis, long[]> ledgerNanos, Map<TimeAxis, long[]> ledgerJsonNanos, int rowsPerAnswer,
                 Map<TimeAxis, long[]> fixedNanos, int fixedRowsPerAnswer, int fixedItems,
                 long[] diffNanos, long[] stateNanos, double scanPerSecond, double bulkWritePerSecond,
                 double liveSeconds, double replaySeconds, long replayed, Object differences, Object foldMillis,
                 Object compareMillis) {
    }

    static void main(String[] args) throws Exception {
        int[] levels = Arrays.stream(option(args, "--levels", "10000,50000,200000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int runs = Integer.parseInt(option(args, "--runs", "300"));
        int diffRuns = Integer.parseInt(option(args, "--diff-runs", "100"));
        int warmUp = Integer.parseInt(option(args, "--warmup", "100"));
        String out = option(args, "--out", null);
        int migrationSheets = Integer.parseInt(option(args, "--migration-sheets", "4"));
        int migrationRows = Integer.parseInt(option(args, "--migration-rows", "2000"));
        Path home = Path.of(option(args, "--home", ".")).toAbsolutePath().normalize();
        quiet();
        String loadAtStart = Proc.loadAverage();
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
        List<Level> results = new ArrayList<>();
        MigrationBench.Figures migration = null;
        int exit = 0;
        try {
            for (int events : levels) {
                results.add(level(events, runs, diffRuns, warmUp));
            }
            if (migrationSheets > 0) {
                migration = MigrationBench.run(home, migrationSheets, migrationRows);
            }
        } catch (Exception e) {
            exit = 1;
            progress("bench failed: " + e);
            e.printStackTrace();
        }
        String report = render(date, loadAtStart, Proc.loadAverage(), runs, diffRuns, warmUp, results)
                + (migration == null ? "" : MigrationBench.render(migration));
        Bench.publish(report, out, exit);
    }

    private static Level level(int target, int runs, int diffRuns, int warmUp) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase("audit-history-bench");
            AuditLog log = new AuditLog(database);
            log.recover();
            ItemIndex index = ItemIndex.loaded(log);
            progress("level " + target + ": seeding through the consumer's path (batches of " + BATCH + ")");
            long[] offset = {0};
            long t = System.nanoTime();
            HistoryLog.Span span = HistoryLog.generate(target, target, BATCH, envelopes -> {
                List<Document> bases = new ArrayList<>(envelopes.size());
                envelopes.forEach(e -> bases.add(AuditLog.base(e, "zhenggai.rectification.events", 0, offset[0]++)));
                log.appendBatch(bases);
                index.appended(bases);
                if (offset[0] % 20_000 < BATCH) {
                    progress("  " + offset[0] + " events");
                }
            });
            double seedSeconds = seconds(t);
            progress(String.format(Locale.ROOT, "  %d events, %d items in %.1f s (%.0f events/s)", span.events(),
                    span.items(), seedSeconds, span.events() / seedSeconds));

            gc();
            long before = usedHeap();
            t = System.nanoTime();
            ItemIndex loaded = ItemIndex.loaded(log);
            double loadSeconds = seconds(t);
            gc();
            double indexMb = (usedHeap() - before) / 1024.0 / 1024.0;
            long versions = loaded.versions();
            progress(String.format(Locale.ROOT, "  index loaded in one pass in %.2f s: %d items, %d versions, "
                    + "%.1f MB of heap", loadSeconds, loaded.items(), versions, indexMb));
            loaded = null; // measured: only the consumer's index stays

            TimeTravel timeTravel = new TimeTravel(log, index);
            Random random = new Random(target);
            Map<TimeAxis, long[]> ledger = new LinkedHashMap<>();
            Map<TimeAxis, long[]> ledgerJson = new LinkedHashMap<>();
            long rows = 0;
            for (TimeAxis axis : TimeAxis.values()) {
                Instant first = axis == TimeAxis.RECORDED ? span.firstRecorded() : span.firstEffective();
                for (int i = 0; i < warmUp; i++) {
                    JSON.writeValueAsBytes(timeTravel.ledger(department(random), instant(random, first, span), axis));
                }
                long[] nanos = new long[runs];
                long[] withJson = new long[runs];
                for (int i = 0; i < runs; i++) {
                    String department = department(random);
                    Instant asOf = instant(random, first, span);
                    long s = System.nanoTime();
                    List<LedgerRow> answer = timeTravel.ledger(department, asOf, axis);
                    nanos[i] = System.nanoTime() - s;
                    JSON.writeValueAsBytes(Map.of("department", department, "rows", answer));
                    withJson[i] = System.nanoTime() - s;
                    rows += answer.size();
                }
                Arrays.sort(nanos);
                Arrays.sort(withJson);
                ledger.put(axis, nanos);
                ledgerJson.put(axis, withJson);
                progress(String.format(Locale.ROOT, "  ledger as of a random instant, %s: p50 %.2f ms, p95 %.2f ms, "
                                + "p99 %.2f ms (with JSON: p95 %.2f ms)", axis.wire(), ms(nanos, 50), ms(nanos, 95),
                        ms(nanos, 99), ms(withJson, 95)));
            }
            // the same department at every level: its ledger holds the same items, the log around it grows
            Map<TimeAxis, long[]> fixed = new LinkedHashMap<>();
            long fixedRows = 0;
            String sjj = HistoryLog.FIXED_DEPARTMENT;
            for (TimeAxis axis : TimeAxis.values()) {
                Instant first = axis == TimeAxis.RECORDED ? span.firstRecorded() : span.firstEffective();
                for (int i = 0; i < warmUp; i++) {
                    timeTravel.ledger(sjj, instant(random, first, span), axis);
                }
                long[] nanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    Instant asOf = instant(random, first, span);
                    long s = System.nanoTime();
                    List<LedgerRow> answer = timeTravel.ledger(sjj, asOf, axis);
                    nanos[i] = System.nanoTime() - s;
                    fixedRows += answer.size();
                }
                Arrays.sort(nanos);
                fixed.put(axis, nanos);
                progress(String.format(Locale.ROOT, "  ledger of %s (%d items at every level), %s: p50 %.2f ms, "
                                + "p95 %.2f ms, p99 %.2f ms", sjj, HistoryLog.FIXED_ITEMS, axis.wire(), ms(nanos, 50),
                        ms(nanos, 95), ms(nanos, 99)));
            }
            int fixedItems = timeTravel.ledger(sjj, span.lastRecorded(), TimeAxis.RECORDED).size();
            long[] diff = new long[diffRuns];
            for (int i = 0; i < diffRuns; i++) {
                Instant a = instant(random, span.firstEffective(), span);
                Instant b = instant(random, span.firstEffective(), span);
                long s = System.nanoTime();
                timeTravel.diff(department(random), a.isBefore(b) ? a : b, a.isBefore(b) ? b : a, TimeAxis.EFFECTIVE);
                diff[i] = System.nanoTime() - s;
            }
            Arrays.sort(diff);
            long[] state = new long[runs];
            for (int i = 0; i < runs; i++) {
                String id = "m-" + random.nextInt(span.items());
                Instant asOf = instant(random, span.firstEffective(), span);
                long s = System.nanoTime();
                JSON.writeValueAsBytes(timeTravel.stateOf(id, asOf, TimeAxis.EFFECTIVE));
                state[i] = System.nanoTime() - s;
            }
            Arrays.sort(state);
            progress(String.format(Locale.ROOT, "  difference p50 %.2f ms, p95 %.2f ms; item state p50 %.2f ms, "
                    + "p95 %.2f ms", ms(diff, 50), ms(diff, 95), ms(state, 50), ms(state, 95)));

            long head = log.head().getLong("position");
            long[] scanned = {0};
            t = System.nanoTime();
            log.forEachEvent(0, head, d -> scanned[0]++);
            double scanRate = scanned[0] / seconds(t);

            LiveLedger live = new LiveLedger(log, database);
            t = System.nanoTime();
            live.catchUp();
            double liveSeconds = seconds(t);
            MongoCollection<Document> scratch = database.getCollection("bench_bulk_write");
            List<Document> documents = new ArrayList<>();
            live.live().find().batchSize(200).forEach(documents::add);
            t = System.nanoTime();
            // what a replay's full fold does: unordered inserts of the item documents into an empty collection
            for (int from = 0; from < documents.size(); from += 1000) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                for (Document d : documents.subList(from, Math.min(documents.size(), from + 1000))) {
                    writes.add(new InsertOneModel<>(d));
                }
                scratch.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            double bulkRate = documents.size() / seconds(t);
            scratch.drop();
            progress(String.format(Locale.ROOT, "  raw scan %.0f docs/s, bulk write %.0f docs/s; live ledger built "
                    + "in %.1f s (%.0f events/s)", scanRate, bulkRate, liveSeconds, head / liveSeconds));

            Replays replays = new Replays(database, log, live, Clock.systemUTC(), Runnable::run);
            t = System.nanoTime();
            ReplayProgress started = replays.start("ledger");
            double replaySeconds = seconds(t);
            ReplayProgress done = replays.progress(started.id());
            Document record = database.getCollection(Replays.REPLAYS)
                    .find(Filters.eq("_id", started.id())).first();
            replays.close();
            progress(String.format(Locale.ROOT, "  replay %s: %d events in %.1f s (%.0f events/s), %s differences; "
                            + "fold and write %s ms, compare %s ms", done.state(), head, replaySeconds,
                    head / replaySeconds, done.differences(), record.get("foldMillis"),
                    record.get("compareMillis")));
            return new Level(span.events(), span.items(), seedSeconds, loadSeconds, indexMb, versions,
                    ledger, ledgerJson, (int) (rows / (2L * runs)), fixed, (int) (fixedRows / (2L * runs)), fixedItems,
                    diff, state, scanRate, bulkRate, liveSeconds, replaySeconds, head, done.differences(),
                    record.get("foldMillis"), record.get("compareMillis"));
        } finally {
            server.shutdownNow();
        }
    }

    private static String render(String date, String loadAtStart, String loadAtEnd, int runs, int diffRuns,
                                 int warmUp, List<Level> levels) {
        StringBuilder r = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        r.append("\n== Zhenggai bench --scenario history ").append(date).append(" ==\n\n");
        r.append("Machine: ").append(rt.availableProcessors()).append(" CPUs (nproc), ")
                .append(Table.f1(Proc.memTotalKb() / 1024.0 / 1024.0)).append(" GiB RAM (MemTotal), ")
                .append(Proc.cpuModel()).append('\n');
        r.append("Java:    ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", max heap ")
                .append(rt.maxMemory() / (1024 * 1024)).append(" MB\n");
        r.append("Load average (1/5/15 min): at start ").append(loadAtStart).append(", at end ").append(loadAtEnd)
                .append('\n');
        r.append("Store:   mongo-java-server, in-memory backend, in this JVM, official driver over a local socket\n");
        r.append("History: ").append(HistoryLog.EVENTS_PER_ITEM).append(" events per item, ")
                .append(HistoryLog.DEPARTMENTS.length).append(" departments, one item in five migrated (backdated)")
                .append("; seeded by batches of ").append(BATCH).append(" through AuditLog.appendBatch + ItemIndex\n");
        r.append("Runs:    ").append(warmUp).append(" warm-up + ").append(runs)
                .append(" ledgers per time and level (random department, random instant), ").append(diffRuns)
                .append(" differences, ").append(runs).append(" item states\n\n");
        Table t = new Table("Events", "Items", "Seed s", "Index load s", "Index MB", "Versions", "Rows/answer",
                "Effective p50 ms", "p95", "p99", "Recorded p50 ms", "p95", "p99", "p95 with JSON (eff/rec)");
        for (Level l : levels) {
            long[] e = l.ledgerNanos().get(TimeAxis.EFFECTIVE);
            long[] c = l.ledgerNanos().get(TimeAxis.RECORDED);
            t.row(l.events(), l.items(), Table.f1(l.seedSeconds()), Table.f2(l.loadSeconds()),
                    Table.f1(l.indexMb()), l.versions(), l.rowsPerAnswer(), Table.f2(ms(e, 50)),
                    Table.f2(ms(e, 95)), Table.f2(ms(e, 99)), Table.f2(ms(c, 50)), Table.f2(ms(c, 95)),
                    Table.f2(ms(c, 99)), Table.f1(ms(l.ledgerJsonNanos().get(TimeAxis.EFFECTIVE), 95)) + " / "
                            + Table.f1(ms(l.ledgerJsonNanos().get(TimeAxis.RECORDED), 95)));
        }
        r.append("Time travel (TimeTravel.ledger: rows of a department's ledger as of a random instant):\n")
                .append(t.render("  "));
        Table f = new Table("Events", "Items on its ledger", "Rows/answer", "Effective p50 ms", "p95", "p99",
                "Recorded p50 ms", "p95", "p99");
        for (Level l : levels) {
            long[] e = l.fixedNanos().get(TimeAxis.EFFECTIVE);
            long[] c = l.fixedNanos().get(TimeAxis.RECORDED);
            f.row(l.events(), l.fixedItems(), l.fixedRowsPerAnswer(), Table.f2(ms(e, 50)), Table.f2(ms(e, 95)),
                    Table.f2(ms(e, 99)), Table.f2(ms(c, 50)), Table.f2(ms(c, 95)), Table.f2(ms(c, 99)));
        }
        r.append("\nThe same department at every level (").append(HistoryLog.FIXED_DEPARTMENT).append(": the same ")
                .append(HistoryLog.FIXED_ITEMS).append(" items, the rest of the log grows; random instant):\n")
                .append(f.render("  "));
        Table d = new Table("Events", "Diff p50 ms", "p95", "Item state p50 ms", "p95", "Scan docs/s",
                "Bulk write docs/s", "Live ledger events/s", "Replay events/s", "Replay fold+write ms",
                "Replay compare ms", "Replay differences", "Seed events/s");
        for (Level l : levels) {
            d.row(l.events(), Table.f2(ms(l.diffNanos(), 50)), Table.f2(ms(l.diffNanos(), 95)),
                    Table.f2(ms(l.stateNanos(), 50)), Table.f2(ms(l.stateNanos(), 95)), Table.f0(l.scanPerSecond()),
                    Table.f0(l.bulkWritePerSecond()), Table.f0(l.replayed() / l.liveSeconds()),
                    Table.f0(l.replayed() / l.replaySeconds()), l.foldMillis(), l.compareMillis(), l.differences(),
                    Table.f0(l.events() / l.seedSeconds()));
        }
        r.append("\nDifferences, item states, store and replay (replay = Replays.start: fold the whole log into a "
                + "shadow, then compare with the live ledger):\n").append(d.render("  "));
        if (levels.size() > 1) {
            Level small = levels.get(0);
            Level large = levels.get(levels.size() - 1);
            r.append(String.format(Locale.ROOT, "%nRatio of p95 (effective), %d events to %d events: %.2f%n",
                    large.events(), small.events(), ms(large.ledgerNanos().get(TimeAxis.EFFECTIVE), 95)
                            / ms(small.ledgerNanos().get(TimeAxis.EFFECTIVE), 95)));
            r.append(String.format(Locale.ROOT, "Ratio of p95, %s (same items), %d events to %d events: effective "
                            + "%.2f, recorded %.2f%n", HistoryLog.FIXED_DEPARTMENT, large.events(), small.events(),
                    ms(large.fixedNanos().get(TimeAxis.EFFECTIVE), 95)
                            / ms(small.fixedNanos().get(TimeAxis.EFFECTIVE), 95),
                    ms(large.fixedNanos().get(TimeAxis.RECORDED), 95)
                            / ms(small.fixedNanos().get(TimeAxis.RECORDED), 95)));
        }
        return r.toString();
    }

    private static String department(Random random) {
        return HistoryLog.DEPARTMENTS[random.nextInt(HistoryLog.DEPARTMENTS.length)];
    }

    private static Instant instant(Random random, Instant first, HistoryLog.Span span) {
        long range = Duration.between(first, span.lastRecorded()).toMillis();
        return first.plusMillis((long) (random.nextDouble() * range));
    }

    private static double ms(long[] sorted, double p) {
        return Table.percentile(sorted, p) / 1e6;
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void progress(String message) {
        Bench.progress(message);
    }

    private static String option(String[] args, String name, String fallback) {
        return Bench.option(args, name, fallback);
    }

    /** Keeps the store's and the driver's logging to warnings (Logback would log DEBUG without a logback.xml). */
    private static void quiet() {
        Bench.quietLogging();
    }
}
