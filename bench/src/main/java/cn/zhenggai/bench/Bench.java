package cn.zhenggai.bench;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.infra.InfraConfig;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./zhenggai bench}: starts one embedded stack (temporary data, free ports, 127.0.0.1 only) and prints, in one
 * run: the time to ready and the memory of every process of the stack; IdentifyProblem commands per second through
 * the gateway with 1, 16 and 64 closed-loop clients, with latency and read-model freshness percentiles; the raw
 * ceilings of the same PostgreSQL and Kafka at the same concurrency; and the ratios. Progress goes to stderr, the
 * figures to stdout at the end. The stack is closed at the end and on Ctrl-C.
 *
 * <p>Options: {@code --home DIR} (repository root), {@code --heap-mb 384} (per service), {@code --levels 1,16,64},
 * {@code --seconds 15} (per level), {@code --max-commands 12000} (per level), {@code --warmup-seconds 20},
 * {@code --problems-per-report 25}, {@code --ceiling-seconds 4}, {@code --out FILE} (also write the figures there).
 * Outline import (see {@link OutlineImports}): {@code --parse-warmup 300}, {@code --parse-runs 1000} (in this JVM,
 * before the stack starts), {@code --imports 1000} (in all, split evenly over the levels; 0 skips the imports),
 * {@code --import-clients 4,8}, {@code --import-warmup 40}, {@code --import-seconds 150} (at most, per level). The
 * imports run last, after the ceilings.
 */
public final class Bench {

    private static final long T0 = System.nanoTime();
    private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(90);
    private static final Duration IMPORT_DRAIN_WAIT = Duration.ofSeconds(90);

    private Bench() {
    }

    /** {@code ./zhenggai bench [--scenario NAME] [options]} and {@code ./zhenggai bench --list}. */
    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--list")) {
            System.out.print(Scenario.list());
            return;
        }
        String name = option(args, "--scenario", Scenario.DEFAULT.label());
        Scenario scenario = Scenario.named(name);
        if (scenario == null) {
            System.err.println("no scenario " + name + "; the scenarios (--scenario NAME):");
            System.err.print(Scenario.list());
            System.exit(2);
        }
        scenario.run(args);
    }

    /** The default scenario: the embedded stack's figures (this class's description). */
    static void stack(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".")).toAbsolutePath().normalize();
        int heapMb = Integer.parseInt(option(args, "--heap-mb", "384"));
        int[] levels = java.util.Arrays.stream(option(args, "--levels", "1,16,64").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Duration levelTime = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "15")));
        int maxCommands = Integer.parseInt(option(args, "--max-commands", "12000"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(option(args, "--warmup-seconds", "20")));
        int perReport = Integer.parseInt(option(args, "--problems-per-report", "25"));
        Duration ceilingTime = Duration.ofSeconds(Long.parseLong(option(args, "--ceiling-seconds", "4")));
        String out = option(args, "--out", null);
        int parseWarmUp = Integer.parseInt(option(args, "--parse-warmup", "300"));
        int parseRuns = Integer.parseInt(option(args, "--parse-runs", "1000"));
        int imports = Integer.parseInt(option(args, "--imports", "1000"));
        int[] importLevels = java.util.Arrays.stream(option(args, "--import-clients", "4,8").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int importWarmUp = Integer.parseInt(option(args, "--import-warmup", "40"));
        Duration importTime = Duration.ofSeconds(Long.parseLong(option(args, "--import-seconds", "150")));
        quietLogging();

        String loadAtStart = Proc.loadAverage();
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
        progress("Zhenggai bench (load average " + loadAtStart + "): outline parse time in this JVM, "
                + parseWarmUp + " warm-up + " + parseRuns + " runs");
        OutlineImports.ParseTime parseTime = OutlineImports.parseTime(OutlineImports.sample(),
                OutlineImports.SAMPLE_NAME, parseWarmUp, parseRuns, Duration.ofSeconds(120));
        progress(String.format(Locale.ROOT, "  %d runs: mean %.3f ms, p50 %.3f ms, p95 %.3f ms",
                parseTime.runs(), parseTime.meanMs(), parseTime.p50Ms(), parseTime.p95Ms()));
        progress("starting the embedded stack from " + home);

        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, InfraConfig.temporary(), 0, heapMb,
                Map.of()));
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeOnce = () -> {
            if (closed.compareAndSet(false, true)) {
                progress("stopping the stack …");
                stack.close();
                progress("stopped.");
            }
        };
        Thread hook = new Thread(closeOnce, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StringBuilder report = new StringBuilder();
        int exit = 0;
        try (AutoCloseable stopping = closeOnce::run) {
            stack.start(Duration.ofMinutes(5));
            progress("ready in " + stack.startMillis() + " ms");
            List<StackProcesses.Row> memoryAtReady = StackProcesses.memory(stack);

            String token = new GatewayClient(stack.gatewayUrl()).login("demo-dept", "demo").accessToken();
            CommandLoad load = new CommandLoad(stack.gatewayUrl(), token, perReport);
            Ceilings ceilings = new Ceilings(stack.infra().postgres(), PlatformStack.DATABASE,
                    stack.infra().kafka().bootstrapServers(), Duration.ofSeconds(1), ceilingTime);
            long clockTicks = Proc.clockTicks();

            progress("idle CPU of the stack over 5 s");
            Thread.sleep(2_000);
            StackProcesses.CpuWindow idle = new StackProcesses.CpuWindow(stack);
            idle.open();
            Thread.sleep(5_000);
            idle.close();
            Map<String, Long> idleCpu = idle.percent(clockTicks);

            List<CommandLoad.Level> results = new ArrayList<>();
            List<CommandLoad.Freshness> freshness = new ArrayList<>();
            List<Map<String, Long>> cpu = new ArrayList<>();
            List<Long> pgCommits = new ArrayList<>();
            String loadBeforeLevels;
            double idleCommitsPerSecond;
            try (MongoClient mongo = MongoClients.create(stack.infra().mongo().connectionString());
                 KafkaProbe kafka = new KafkaProbe(stack.infra().kafka().bootstrapServers(), Topics.REPORT_EVENTS)) {
                MongoCollection<Document> problems = mongo.getDatabase("zhenggai_rectification")
                        .getCollection("intake_problems");

                progress("warm-up: 16 clients, " + warmUp.toSeconds() + " s");
                CommandLoad.Level warm = load.run(16, 3000, warmUp);
                CommandLoad.Freshness warmFresh = CommandLoad.freshness(problems, warm.accepted(), FRESHNESS_WAIT, kafka);
                progress(String.format(Locale.ROOT, "  warm-up: %d ok, %d errors, %.0f cmd/s, %d unprojected%s",
                        warm.ok(), warm.errorCount(), warm.perSecond(), warmFresh.unprojected(),
                        warm.firstError() == null ? "" : "; first error: " + warm.firstError()));
                loadBeforeLevels = Proc.loadAverage();
                long idleBefore = ceilings.postgresCommits();
                long idleCommitsStart = System.nanoTime();
                Thread.sleep(3_000);
                idleCommitsPerSecond = (ceilings.postgresCommits() - idleBefore)
                        / ((System.nanoTime() - idleCommitsStart) / 1e9);
                double bestRate = Double.isNaN(warm.perSecond()) ? 100 : Math.max(20, warm.perSecond());

                for (int clients : levels) {
                    progress("level " + clients + " client(s): drafting reports, then " + levelTime.toSeconds()
                            + " s or " + maxCommands + " commands");
                    long[] commitsBefore = new long[1];
                    int expected = (int) Math.min(Integer.MAX_VALUE,
                            Math.ceil(1.5 * bestRate * levelTime.toSeconds()));
                    StackProcesses.CpuWindow window = new StackProcesses.CpuWindow(stack);
                    CommandLoad.Level level = load.run(clients, maxCommands, levelTime, expected, () -> {
                        commitsBefore[0] = ceilings.postgresCommits();
                        window.open();
                    }, window::close);
                    cpu.add(window.percent(clockTicks));
                    CommandLoad.Freshness fresh = CommandLoad.freshness(problems, level.accepted(), FRESHNESS_WAIT, kafka);
                    Thread.sleep(1_000); // pg_stat_database lags by up to ~0.5 s
                    long commitsAfter = ceilings.postgresCommits();
                    pgCommits.add(commitsBefore[0] < 0 || commitsAfter < 0 ? -1 : commitsAfter - commitsBefore[0]);
                    bestRate = Math.max(bestRate, level.perSecond());
                    results.add(level);
                    freshness.add(fresh);
                    progress(String.format(Locale.ROOT,
                            "  %d ok, %d errors in %.1f s: %.1f cmd/s, p50 %.1f ms; freshness p50 %.0f ms, %d unprojected%s",
                            level.ok(), level.errorCount(), level.seconds(), level.perSecond(),
                            Table.percentile(level.latencyNanos(), 50) / 1e6, Table.percentile(fresh.millis(), 50),
                            fresh.unprojected(),
                            level.firstError() == null ? "" : "; first error: " + level.firstError()));
                }
            }
            List<StackProcesses.Row> memoryAfterLoad = StackProcesses.memory(stack);

            progress("ceilings: PostgreSQL INSERT, Kafka closed loop and pipelined, " + ceilingTime.toSeconds()
                    + " s each after 1 s warm-up");
            String pgSettings = ceilings.postgresSettings();
            ceilings.preparePostgres();
            ceilings.prepareKafka();
            Map<Integer, double[]> ceilingFigures = new LinkedHashMap<>();
            for (int clients : levels) {
                double pg = ceilings.postgresInserts(clients);
                double kafkaSync = ceilings.kafkaClosedLoop(clients);
                double kafkaAsync = ceilings.kafkaPipelined(clients);
                ceilingFigures.put(clients, new double[] {pg, kafkaSync, kafkaAsync});
                progress(String.format(Locale.ROOT,
                        "  %d thread(s): PostgreSQL %.0f commits/s, Kafka closed loop %.0f rec/s, pipelined %.0f rec/s",
                        clients, pg, kafkaSync, kafkaAsync));
            }
            ceilings.dropPostgres();

            ImportFigures importFigures = imports <= 0 ? null
                    : importPhase(stack, token, imports, importLevels, importWarmUp, importTime, clockTicks);

            report.append(render(date, loadAtStart, loadBeforeLevels, Proc.loadAverage(), stack, heapMb, perReport,
                    levelTime, maxCommands, warmUp, ceilingTime, memoryAtReady, memoryAfterLoad, results, freshness,
                    idleCpu, cpu, pgCommits, idleCommitsPerSecond, ceilingFigures, pgSettings));
            report.append(renderImports(parseTime, importFigures, importWarmUp, importTime));
        } catch (Exception e) {
            exit = 1;
            progress("bench failed: " + e);
            e.printStackTrace();
        } finally {
            Bench.release(hook);
        }
        Bench.publish(report, out, exit);
    }

    private static String render(String date, String loadAtStart, String loadBeforeLevels, String loadAtEnd,
                                 PlatformStack stack, int heapMb, int perReport, Duration levelTime,
                                 int maxCommands, Duration warmUp, Duration ceilingTime,
                                 List<StackProcesses.Row> atReady, List<StackProcesses.Row> afterLoad,
                                 List<CommandLoad.Level> levels, List<CommandLoad.Freshness> freshness,
                                 Map<String, Long> idleCpu, List<Map<String, Long>> cpu, List<Long> pgCommits,
                                 double idleCommitsPerSecond,
                                 Map<Integer, double[]> ceilings, String pgSettings) {
        StringBuilder r = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        r.append("\n== Zhenggai bench ").append(date).append(" ==\n\n");
        r.append("Machine: ").append(rt.availableProcessors()).append(" CPUs (nproc), ")
                .append(Table.f1(Proc.memTotalKb() / 1024.0 / 1024.0)).append(" GiB RAM (MemTotal), ")
                .append(Proc.cpuModel()).append('\n');
        r.append("Java:    ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(")\n");
        r.append("Load average (1/5/15 min): at start ").append(loadAtStart).append(", before the levels ")
                .append(loadBeforeLevels).append(", at end ").append(loadAtEnd).append('\n');
        r.append("Stack:   embedded, temporary data, Mongo store in memory; services -Xmx").append(heapMb)
                .append("m -XX:+UseSerialGC; PostgreSQL ").append(pgSettings).append('\n');
        r.append("Run:     warm-up ").append(warmUp.toSeconds()).append(" s at 16 clients; each level ")
                .append(levelTime.toSeconds()).append(" s or ").append(maxCommands).append(" commands; ")
                .append(perReport).append(" problems per report; ceilings ").append(ceilingTime.toSeconds())
                .append(" s each after 1 s warm-up\n\n");

        Map<String, Long> infra = stack.infra().startTimesMillis();
        r.append(String.format(Locale.ROOT, "Ready in %.1f s (infrastructure in parallel %.1f s: %s ms; then the 4 services)%n%n",
                stack.startMillis() / 1000.0, stack.infra().totalStartMillis() / 1000.0, infra));

        Table memory = new Table("Process", "n", "RSS MB at ready", "RSS MB after load", "PSS MB after load");
        Map<String, StackProcesses.Row> after = new LinkedHashMap<>();
        afterLoad.forEach(row -> after.put(row.label(), row));
        List<String> labels = new ArrayList<>();
        atReady.forEach(row -> labels.add(row.label()));
        afterLoad.forEach(row -> {
            if (!labels.contains(row.label())) {
                labels.add(labels.size() - 1, row.label());
            }
        });
        Map<String, StackProcesses.Row> ready = new LinkedHashMap<>();
        atReady.forEach(row -> ready.put(row.label(), row));
        for (String label : labels) {
            StackProcesses.Row a = ready.get(label);
            StackProcesses.Row b = after.get(label);
            String n = a == null ? "-/" + b.processes()
                    : b == null || a.processes() == b.processes() ? String.valueOf(a.processes())
                    : a.processes() + "/" + b.processes();
            memory.row(label, n,
                    a == null ? "-" : Table.f0(a.rssKb() / 1024.0), b == null ? "-" : Table.f0(b.rssKb() / 1024.0),
                    b == null ? "-" : Table.f0(b.pssKb() / 1024.0));
        }
        r.append("Memory (VmRSS from /proc; PSS counts shared pages once, so it is the fairer total):\n")
                .append(memory.render("  ")).append('\n');

        Table commands = new Table("Clients", "OK", "Errors", "Seconds", "cmd/s", "lat p50 ms", "p95", "p99",
                "max", "fresh p50 ms", "p95", "p99", "max", "unprojected", "PG commits/cmd");
        for (int i = 0; i < levels.size(); i++) {
            CommandLoad.Level l = levels.get(i);
            CommandLoad.Freshness f = freshness.get(i);
            long[] lat = l.latencyNanos();
            commands.row(l.clients(), l.ok(), l.errorCount(), Table.f1(l.seconds()), Table.f1(l.perSecond()),
                    Table.f1(Table.percentile(lat, 50) / 1e6), Table.f1(Table.percentile(lat, 95) / 1e6),
                    Table.f1(Table.percentile(lat, 99) / 1e6), Table.f1(Table.percentile(lat, 100) / 1e6),
                    Table.f0(Table.percentile(f.millis(), 50)), Table.f0(Table.percentile(f.millis(), 95)),
                    Table.f0(Table.percentile(f.millis(), 99)), Table.f0(Table.percentile(f.millis(), 100)),
                    f.unprojected(), pgCommits.get(i) < 0 || l.ok() == 0 ? "-"
                            : Table.f1((double) pgCommits.get(i) / l.ok()));
        }
        r.append("IdentifyProblem commands through the gateway (POST → 201), closed-loop clients; freshness = "
                + "projectedAt in MongoDB − arrival of the 201:\n").append(commands.render("  "));
        for (CommandLoad.Level l : levels) {
            if (l.errorCount() > 0 || l.draftedInline() > 0 || l.threadsStillRunning() > 0) {
                r.append("  level ").append(l.clients()).append(": errors ").append(l.errors())
                        .append(l.firstError() == null ? "" : ", first: " + l.firstError())
                        .append(", reports drafted inline ").append(l.draftedInline())
                        .append(", clients abandoned ").append(l.threadsStillRunning()).append('\n');
            }
        }
        r.append("  (PG commits/cmd: all transactions of the PostgreSQL server from the start of the timed window to "
                + "the end of the drain, per accepted command;\n   the idle stack commits " + Table.f1(idleCommitsPerSecond)
                + "/s by itself, measured over 3 s before the levels)\n\n");

        Table split = new Table("Clients", "accepted→Kafka p50 ms", "p95", "p99", "max", "Kafka→projected p50 ms",
                "p95", "p99", "max", "seen on Kafka");
        for (int i = 0; i < levels.size(); i++) {
            CommandLoad.Freshness f = freshness.get(i);
            split.row(levels.get(i).clients(), Table.f0(Table.percentile(f.toKafka(), 50)),
                    Table.f0(Table.percentile(f.toKafka(), 95)), Table.f0(Table.percentile(f.toKafka(), 99)),
                    Table.f0(Table.percentile(f.toKafka(), 100)), Table.f0(Table.percentile(f.kafkaToProjected(), 50)),
                    Table.f0(Table.percentile(f.kafkaToProjected(), 95)),
                    Table.f0(Table.percentile(f.kafkaToProjected(), 99)),
                    Table.f0(Table.percentile(f.kafkaToProjected(), 100)), f.toKafka().length + "/" + levels.get(i).ok());
        }
        r.append("Freshness split at the Kafka record timestamp (set when report-service's publisher sends the event):\n")
                .append(split.render("  ")).append('\n');

        Table cpuTable = new Table("Clients", "bench JVM", "gateway", "report", "rectification", "audit",
                "postgres", "total");
        List<String> cpuRows = new ArrayList<>();
        List<Map<String, Long>> cpuFigures = new ArrayList<>();
        cpuRows.add("idle");
        cpuFigures.add(idleCpu);
        for (int i = 0; i < levels.size(); i++) {
            cpuRows.add(String.valueOf(levels.get(i).clients()));
            cpuFigures.add(cpu.get(i));
        }
        for (int i = 0; i < cpuRows.size(); i++) {
            Map<String, Long> c = cpuFigures.get(i);
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            cpuTable.row(cpuRows.get(i), c.get(StackProcesses.SELF), c.get("gateway JVM"),
                    c.get("report-service JVM"), c.get("rectification-service JVM"), c.get("audit-service JVM"),
                    c.get(StackProcesses.PG_ALL), total + " of " + rt.availableProcessors() * 100);
        }
        r.append("CPU % of one core while idle (5 s after ready) and during each timed window, by process "
                + "(bench JVM = Kafka broker + Mongo store + load generator):\n").append(cpuTable.render("  "))
                .append('\n');

        Table ratios = new Table("Clients", "cmd/s", "PG INSERT commits/s", "cmd/s of it", "Kafka closed-loop rec/s",
                "cmd/s of it", "Kafka pipelined rec/s", "cmd/s of it");
        for (CommandLoad.Level l : levels) {
            double[] c = ceilings.get(l.clients());
            double cmd = l.perSecond();
            ratios.row(l.clients(), Table.f1(cmd), Table.f0(c[0]), ratio(cmd, c[0]), Table.f0(c[1]),
                    ratio(cmd, c[1]), Table.f0(c[2]), ratio(cmd, c[2]));
        }
        r.append("Raw ceilings of the same servers at the same concurrency, and our commands/s as a fraction of them:\n")
                .append(ratios.render("  "))
                .append("  (PostgreSQL: single-row INSERT of 1 KB, autocommit, one connection per thread. Kafka: "
                        + "1 KB records, acks=all, idempotent,\n   linger 5 ms, 3 partitions, one shared producer; "
                        + "closed loop = each thread waits for its ack; pipelined = no waiting.)\n");
        return r.toString();
    }

    /** One import level, with the CPU of the stack during it and how long the read model took to catch up. */
    record ImportRow(OutlineImports.Level level, Map<String, Long> cpuPercent, long intakeExpected,
                     long intakeMissing, double drainSeconds) {
    }

    record ImportFigures(String sampleTitle, String sampleCounts, OutlineImports.Level warmUp, List<ImportRow> rows,
                         String loadBefore, String loadAfter) {
    }

    private static ImportFigures importPhase(PlatformStack stack, String token, int imports, int[] levels,
                                             int warmUpCount, Duration maxTime, long clockTicks) throws Exception {
        OutlineImports importer = new OutlineImports(stack.gatewayUrl(), token);
        String loadBefore = Proc.loadAverage();
        progress("outline imports: generating " + (warmUpCount + imports) + " outlines (each parsed here to check it)");
        List<OutlineImports.Generated> warmUpOutlines = importer.generate(warmUpCount);
        List<List<OutlineImports.Generated>> perLevel = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            int count = imports / levels.length + (i == levels.length - 1 ? imports % levels.length : 0);
            perLevel.add(importer.generate(count));
        }
        OutlineImports.Level warm = null;
        if (warmUpCount > 0) {
            progress("  import warm-up: " + warmUpCount + " outlines, " + levels[0] + " clients");
            warm = importer.run(levels[0], warmUpOutlines, maxTime, stack.infra().postgres(), PlatformStack.DATABASE,
                    () -> { }, () -> { });
            progress(String.format(Locale.ROOT, "  warm-up: %d ok, %d errors in %.1f s%s", warm.ok(),
                    warm.errorCount(), warm.seconds(),
                    warm.firstError() == null ? "" : "; first error: " + warm.firstError()));
        }
        List<ImportRow> rows = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(stack.infra().mongo().connectionString())) {
            MongoCollection<Document> problems = mongo.getDatabase("zhenggai_rectification")
                    .getCollection("intake_problems");
            waitForIntake(problems, -1, Duration.ofSeconds(60)); // let the warm-up's events drain first
            for (int i = 0; i < levels.length; i++) {
                int clients = levels[i];
                List<OutlineImports.Generated> outlines = perLevel.get(i);
                progress("  imports: " + outlines.size() + " outlines, " + clients + " clients (at most "
                        + maxTime.toSeconds() + " s)");
                long intakeBefore = problems.countDocuments();
                StackProcesses.CpuWindow window = new StackProcesses.CpuWindow(stack);
                OutlineImports.Level level = importer.run(clients, outlines, maxTime, stack.infra().postgres(),
                        PlatformStack.DATABASE, window::open, window::close);
                Map<String, Long> percent = window.percent(clockTicks);
                long expected = intakeBefore + level.problems();
                long drainStart = System.nanoTime();
                long missing = waitForIntake(problems, expected, IMPORT_DRAIN_WAIT);
                double drain = (System.nanoTime() - drainStart) / 1e9;
                rows.add(new ImportRow(level, percent, level.problems(), missing, drain));
                progress(String.format(Locale.ROOT,
                        "  %d ok, %d errors in %.1f s: %.1f outlines/s, %.0f events/s, p50 %.0f ms; read model %s%s",
                        level.ok(), level.errorCount(), level.seconds(), level.perSecond(), level.eventsPerSecond(),
                        Table.percentile(level.latencyNanos(), 50) / 1e6,
                        missing == 0 ? String.format(Locale.ROOT, "caught up %.1f s later", drain)
                                : missing + " problems missing after " + IMPORT_DRAIN_WAIT.toSeconds() + " s",
                        level.firstError() == null ? "" : "; first error: " + level.firstError()));
            }
        }
        return new ImportFigures(importer.sampleTitle(), importer.sampleCounts(), warm, rows, loadBefore,
                Proc.loadAverage());
    }

    /**
     * Waits until {@code problems} holds at least {@code expected} documents (or, with −1, until its count stops
     * changing for 3 s), at most {@code maxWait}; returns how many are still missing.
     */
    private static long waitForIntake(MongoCollection<Document> problems, long expected, Duration maxWait)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            long count = problems.countDocuments();
            if (expected >= 0 && count >= expected) {
                return 0;
            }
            if (count != last) {
                last = count;
                stableSince = System.nanoTime();
            } else if (expected < 0 && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(3)) {
                return 0;
            }
            if (System.nanoTime() > deadline) {
                return expected < 0 ? 0 : expected - count;
            }
            Thread.sleep(expected < 0 ? 500 : 100);
        }
    }

    private static String renderImports(OutlineImports.ParseTime p, ImportFigures f, int warmUpCount,
                                        Duration maxTime) {
        StringBuilder r = new StringBuilder();
        r.append('\n').append(String.format(Locale.ROOT,
                "Outline parse in this JVM (OutlineParser.parse(byte[], name), before the stack started): %s, %d bytes;"
                        + " %d warm-up + %d timed runs%n  mean %.3f ms, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, "
                        + "max %.3f ms%n  (parsed: %s)%n",
                p.fileName(), p.bytes(), p.warmUp(), p.runs(), p.meanMs(), p.p50Ms(), p.p95Ms(), p.p99Ms(),
                p.maxMs(), p.counts()));
        if (f == null) {
            return r.toString();
        }
        r.append(String.format(Locale.ROOT, "%nOutline imports through the gateway (POST /api/outlines/import?fileName=…,"
                + " raw text/plain body, as demo-dept), closed-loop clients;%n  each outline = the sample (\"%s\") with "
                + "its title line changed (department, year, number); each parses to: %s.%n  Warm-up: %s. Each level at "
                + "most %d s. Load average before %s, after %s.%n", f.sampleTitle(), f.sampleCounts(),
                f.warmUp() == null ? "none" : warmUpCount + " imports at " + f.warmUp().clients() + " clients, "
                        + f.warmUp().ok() + " ok, " + f.warmUp().errorCount() + " errors",
                maxTime.toSeconds(), f.loadBefore(), f.loadAfter()));
        Table t = new Table("Clients", "Imports", "OK", "Errors", "Seconds", "outlines/s", "events", "events/s",
                "events/import", "lat p50 ms", "p95", "p99", "max", "read model caught up s");
        for (ImportRow row : f.rows()) {
            OutlineImports.Level l = row.level();
            long[] lat = l.latencyNanos();
            t.row(l.clients(), l.planned(), l.ok(), l.errorCount(), Table.f1(l.seconds()), Table.f1(l.perSecond()),
                    l.events(), Table.f0(l.eventsPerSecond()),
                    l.ok() == 0 || l.events() < 0 ? "-" : Table.f1((double) l.events() / l.ok()),
                    Table.f0(Table.percentile(lat, 50) / 1e6), Table.f0(Table.percentile(lat, 95) / 1e6),
                    Table.f0(Table.percentile(lat, 99) / 1e6), Table.f0(Table.percentile(lat, 100) / 1e6),
                    row.intakeMissing() == 0 ? Table.f1(row.drainSeconds())
                            : row.intakeMissing() + " of " + row.intakeExpected() + " missing");
        }
        r.append(t.render("  "));
        for (ImportRow row : f.rows()) {
            OutlineImports.Level l = row.level();
            if (l.errorCount() > 0 || l.threadsStillRunning() > 0 || l.stoppedByTime()) {
                r.append("  level ").append(l.clients()).append(": errors ").append(l.errors())
                        .append(l.firstError() == null ? "" : ", first: " + l.firstError())
                        .append(", stopped by time ").append(l.stoppedByTime())
                        .append(", clients abandoned ").append(l.threadsStillRunning()).append('\n');
            }
        }
        if (f.warmUp() != null && f.warmUp().firstError() != null) {
            r.append("  warm-up first error: ").append(f.warmUp().firstError()).append('\n');
        }
        r.append("  (events = new rows in report.domainevententry during the level; read model caught up = from the "
                + "last answer until\n   rectification's intake_problems held every imported problem)\n");
        Table cpuTable = new Table("Clients", "bench JVM", "gateway", "report", "rectification", "audit",
                "postgres", "total");
        for (ImportRow row : f.rows()) {
            Map<String, Long> c = row.cpuPercent();
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            cpuTable.row(row.level().clients(), c.get(StackProcesses.SELF), c.get("gateway JVM"),
                    c.get("report-service JVM"), c.get("rectification-service JVM"), c.get("audit-service JVM"),
                    c.get(StackProcesses.PG_ALL), total + " of " + Runtime.getRuntime().availableProcessors() * 100);
        }
        r.append("CPU % of one core during each import level, by process:\n").append(cpuTable.render("  "));
        return r.toString();
    }

    private static String ratio(double ours, double ceiling) {
        if (Double.isNaN(ours) || ceiling <= 0) {
            return "-";
        }
        double percent = 100 * ours / ceiling;
        return (percent >= 10 ? Table.f0(percent) : percent >= 1 ? Table.f1(percent) : Table.f2(percent)) + " %";
    }

    /** Unregisters a run's Ctrl-C hook once the run is over (unless Ctrl-C already started it). */
    static void release(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is closing the stack
        }
    }

    /** Prints a run's report, writes it to {@code out} when given, and exits with {@code exit}. */
    static void publish(CharSequence report, String out, int exit) throws IOException {
        if (report.length() > 0) {
            System.out.print(report);
            System.out.flush();
            if (out != null) {
                Files.writeString(Path.of(out), report);
            }
        }
        System.exit(exit);
    }

    static void progress(String message) {
        System.err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - T0) / 1e9, message);
        System.err.flush();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * The bench has no logback.xml (so Logback logs DEBUG): keep this JVM's own logging to warnings, and POI's
     * complaint about the header of every LibreOffice-made .doc (read correctly all the same) to errors.
     */
    static void quietLogging() {
        level(org.slf4j.Logger.ROOT_LOGGER_NAME, "WARN");
        level("org.apache.poi.hwpf.model.FileInformationBlock", "ERROR");
    }

    private static void level(String logger, String name) {
        Object target = LoggerFactory.getLogger(logger);
        if (target.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
            try {
                Class<?> level = Class.forName("ch.qos.logback.classic.Level", true,
                        target.getClass().getClassLoader());
                target.getClass().getMethod("setLevel", level)
                        .invoke(target, level.getMethod("toLevel", String.class).invoke(null, name));
            } catch (ReflectiveOperationException e) {
                progress("could not set the log level of " + logger + ": " + e);
            }
        }
    }
}
