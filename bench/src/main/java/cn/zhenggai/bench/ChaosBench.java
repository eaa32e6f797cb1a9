package cn.zhenggai.bench;

import cn.zhenggai.demo.GatewayClient;
import cn.zhenggai.devstack.PlatformStack;
import cn.zhenggai.devstack.ServiceProcess;
import cn.zhenggai.devstack.infra.InfraConfig;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code ./zhenggai bench --scenario chaos} (ADR 0085): with commands flowing through the gateway into
 * report-service, and from there over Kafka into rectification-service and audit-service, kills each service once
 * (SIGKILL; the stack's supervisor restarts it), restarts PostgreSQL once, stops Kafka once and restarts the Mongo
 * store once. Then it waits for the read models to catch up and counts, for every command answered 2xx, that its
 * event is in report-service's report list, rectification-service's intake and the audit log exactly once; checks
 * the audit chain ({@code /api/audit/verify}) and that every service's dead-letter queue is empty. Commands answered
 * otherwise (or not at all) are not accepted: they are counted apart, and so are those of them that were applied all
 * the same.
 *
 * <p>The infrastructure keeps its data in a temporary directory (the Mongo store in a file, so that restarting it
 * is a restart, not a wipe), deleted at the end. Options: {@code --home DIR}, {@code --heap-mb 384},
 * {@code --clients 4}, {@code --problems-per-report 50}, {@code --calm-seconds 20} (load between two faults),
 * {@code --outage-seconds 15} (how long PostgreSQL, Kafka and the Mongo store stay down),
 * {@code --drain-seconds 300} (at most, for the read models to catch up), {@code --out FILE}. Exit code 0 only
 * when nothing was lost, nothing applied twice, the chain verifies and the dead-letter queues are empty.
 */
final class ChaosBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The dead-letter endpoints of the three services that consume Kafka ({@code zhenggai.service-name}). */
    private static final List<String> DEAD_LETTERS =
            List.of("/api/reports/dead-letters", "/api/rectification/dead-letters", "/api/audit/dead-letters");

    private ChaosBench() {
    }

    /** A command the load sent: what it was, and whether it was answered 2xx. */
    record Command(Kind kind, String reportId, String statement, boolean accepted, String outcome) {
    }

    enum Kind { DRAFT_REPORT, IDENTIFY_PROBLEM }

    /** One fault: what, when (s after the load started), and how long the platform refused commands around it. */
    record Fault(String what, double atSeconds, double recoveredSeconds) {
    }

    static void main(String[] args) throws Exception {
        Path home = Path.of(option(args, "--home", ".")).toAbsolutePath().normalize();
        int heapMb = Integer.parseInt(option(args, "--heap-mb", "384"));
        int clients = Integer.parseInt(option(args, "--clients", "4"));
        int perReport = Integer.parseInt(option(args, "--problems-per-report", "50"));
        Duration calm = Duration.ofSeconds(Long.parseLong(option(args, "--calm-seconds", "20")));
        Duration outage = Duration.ofSeconds(Long.parseLong(option(args, "--outage-seconds", "15")));
        Duration drain = Duration.ofSeconds(Long.parseLong(option(args, "--drain-seconds", "300")));
        String out = option(args, "--out", null);

        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT));
        String loadAtStart = Proc.loadAverage();
        Path data = Files.createTempDirectory("zhenggai-chaos-");
        // not ephemeral: the Mongo store in a file, so that a restart keeps the read models and the audit log
        InfraConfig infra = new InfraConfig(data, 0, 0, 0, 0, false);
        PlatformStack stack = new PlatformStack(new PlatformStack.Settings(home, infra, 0, heapMb,
                Map.of("gateway", List.of("--zhenggai.security.access-token-ttl=PT4H"))));
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeOnce = () -> {
            if (closed.compareAndSet(false, true)) {
                Bench.progress("stopping the stack …");
                stack.close();
                deleteRecursively(data);
                Bench.progress("stopped.");
            }
        };
        Thread hook = new Thread(closeOnce, "chaos-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StringBuilder report = new StringBuilder();
        int exit = 0;
        try (AutoCloseable stopping = closeOnce::run) {
            Bench.progress("Chaos run (load average " + loadAtStart + "): starting the embedded stack in " + data);
            stack.start(Duration.ofMinutes(5));
            Bench.progress("ready in " + stack.startMillis() + " ms");
            String liaison = new GatewayClient(stack.gatewayUrl()).login("demo-dept", "demo").accessToken();
            String auditor = new GatewayClient(stack.gatewayUrl()).login("demo-audit", "demo").accessToken();

            Load load = new Load(stack.gatewayUrl(), liaison, perReport);
            long loadStart = System.nanoTime();
            load.start(clients);
            List<Fault> faults = new ArrayList<>();
            sleep(calm);
            for (String service : PlatformStack.SERVICES) {
                faults.add(killService(stack, service, loadStart, load));
                sleep(calm);
            }
            faults.add(outage("PostgreSQL restarted (down " + outage.toSeconds() + " s)", stack, loadStart, load,
                    outage, () -> stack.infra().postgres().stop(), () -> stack.infra().postgres().start()));
            sleep(calm);
            faults.add(outage("Kafka stopped " + outage.toSeconds() + " s", stack, loadStart, load, outage,
                    () -> stack.infra().kafka().stop(), () -> stack.infra().kafka().start()));
            sleep(calm);
            faults.add(outage("Mongo store restarted (down " + outage.toSeconds() + " s)", stack, loadStart, load,
                    outage, () -> stack.infra().mongo().stop(), () -> stack.infra().mongo().start()));
            sleep(calm);
            List<Command> commands = load.stop();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            Bench.progress(String.format(Locale.ROOT, "load stopped after %.0f s: %d commands sent", loadSeconds,
                    commands.size()));

            Check check = new Check(stack.gatewayUrl(), liaison, auditor);
            long drainStart = System.nanoTime();
            Figures figures = check.await(commands, drain);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            JsonNode verify = check.get(auditor, "/api/audit/verify");
            Map<String, Long> deadLetters = new LinkedHashMap<>();
            for (String path : DEAD_LETTERS) {
                JsonNode body = check.get(auditor, path);
                deadLetters.put(path, body == null || body.get("count") == null ? -1 : body.get("count").asLong());
            }
            boolean chainOk = verify != null && verify.path("ok").asBoolean(false);
            boolean lettersEmpty = deadLetters.values().stream().allMatch(n -> n == 0);
            boolean clean = figures.lost() == 0 && figures.twice() == 0 && chainOk && lettersEmpty;
            exit = clean ? 0 : 1;
            report.append(render(date, loadAtStart, Proc.loadAverage(), stack, heapMb, clients, perReport, calm,
                    outage, loadSeconds, commands, faults, figures, drainSeconds, verify, deadLetters, clean));
        } catch (Exception e) {
            exit = 1;
            Bench.progress("chaos run failed: " + e);
            e.printStackTrace();
        } finally {
            Bench.release(hook);
        }
        Bench.publish(report, out, exit);
    }

    /** SIGKILL of the service's JVM; returns once the supervisor has it healthy again. */
    private static Fault killService(PlatformStack stack, String service, long loadStart, Load load)
            throws Exception {
        ServiceProcess process = stack.services().get(service);
        long pid = process.pid();
        double at = secondsSince(loadStart);
        Bench.progress(String.format(Locale.ROOT, "fault: kill -9 %s (pid %d) at %.0f s", service, pid, at));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (process.pid() == pid || !healthy(stack, service)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(service + " did not come back within 5 min after kill -9");
            }
            Thread.sleep(500);
        }
        awaitAccepting(load, Duration.ofMinutes(3));
        double back = secondsSince(loadStart);
        Bench.progress(String.format(Locale.ROOT, "  %s back (pid %d), commands accepted again %.0f s after the kill",
                service, process.pid(), back - at));
        return new Fault("kill -9 " + service, at, back - at);
    }

    /** Stops a piece of infrastructure, leaves it down for {@code outage}, starts it again. */
    private static Fault outage(String what, PlatformStack stack, long loadStart, Load load, Duration outage,
                                Runnable stop, Runnable start) throws Exception {
        double at = secondsSince(loadStart);
        Bench.progress(String.format(Locale.ROOT, "fault: %s at %.0f s", what, at));
        stop.run();
        sleep(outage);
        start.run();
        awaitAccepting(load, Duration.ofMinutes(4));
        double back = secondsSince(loadStart);
        Bench.progress(String.format(Locale.ROOT, "  started again; commands accepted again %.0f s after the fault",
                back - at));
        return new Fault(what, at, back - at);
    }

    private static boolean healthy(PlatformStack stack, String service) {
        String path = service.equals("gateway") ? "/actuator/health/liveness" : "/actuator/health";
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.serviceUrl(service) + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the load has had five commands accepted in a row. */
    private static void awaitAccepting(Load load, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (load.acceptedInARow() < 5) {
            if (System.nanoTime() > deadline) {
                throw new IOException("commands were not accepted again within " + max.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Closed-loop clients ({@link CommandLoad.Client}, the load client of the default scenario) drafting reports and
     * identifying problems with statements no other command has, until stopped; every command recorded.
     */
    static final class Load {
        private final String gatewayUrl;
        private final String token;
        private final int perReport;
        private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger inARow = new java.util.concurrent.atomic.AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(String gatewayUrl, String token, int perReport) {
            this.gatewayUrl = gatewayUrl;
            this.token = token;
            this.perReport = perReport;
        }

        void start(int clients) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread t = new Thread(() -> run(client), "chaos-client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        int acceptedInARow() {
            return inARow.get();
        }

        private void run(int client) {
            CommandLoad.Client http = new CommandLoad.Client(gatewayUrl, token);
            String reportId = null;
            int next = perReport;
            long serial = 0;
            while (running) {
                try {
                    if (next >= perReport) {
                        String title = "混沌测试报告" + client + "-" + serial++;
                        CommandLoad.Answer a = http.draft(title);
                        record(new Command(Kind.DRAFT_REPORT, a.ok() ? a.body().path("reportId").asText() : null,
                                title, a.ok(), a.outcome()));
                        if (!a.ok()) {
                            Thread.sleep(200);
                            continue;
                        }
                        reportId = a.body().path("reportId").asText();
                        next = 0;
                    }
                    int index = next++;
                    String statement = "混沌测试问题" + client + "-" + serial++ + "：理论学习不够深入系统，联系实际思考不够。";
                    CommandLoad.Answer a = http.identify(reportId, index, statement, "比如学习停留在读原文、记笔记。");
                    record(new Command(Kind.IDENTIFY_PROBLEM, reportId, statement, a.ok(), a.outcome()));
                    if (!a.ok()) {
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record(Command command) {
            commands.add(command);
            if (command.accepted()) {
                inARow.incrementAndGet();
            } else {
                inARow.set(0);
            }
        }

        List<Command> stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(60_000);
            }
            synchronized (commands) {
                return new ArrayList<>(commands);
            }
        }
    }

    /**
     * What the read models and the audit log hold for the run's commands. Lost: an accepted command whose event is
     * missing from one of them; twice: an event found more than once in one of them (by statement in the intake and
     * the audit log, by event id in the audit log, by the problem counter of the report list). Refused commands that
     * were applied all the same are counted apart ({@code refusedButApplied}); found nowhere else they are not an
     * error.
     */
    record Figures(int accepted, int refused, Map<String, Integer> refusedBy, int refusedButApplied, int lost,
                   int twice, Map<String, Integer> lostIn, Map<String, Integer> twiceIn, int reports,
                   long auditEntries, List<String> examples) {
    }

    static final class Check {
        private final String gatewayUrl;
        private final String liaison;
        private final String auditor;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Check(String gatewayUrl, String liaison, String auditor) {
            this.gatewayUrl = gatewayUrl;
            this.liaison = liaison;
            this.auditor = auditor;
        }

        JsonNode get(String token, String path) throws InterruptedException {
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                            .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                            .header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return JSON.readTree(r.body());
                    }
                } catch (IOException e) {
                    // try again
                }
                Thread.sleep(1_000);
            }
            return null;
        }

        /** Counts until nothing is missing (then once more after 5 s, for late duplicates) or {@code max} passed. */
        Figures await(List<Command> commands, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            Figures f = count(commands);
            while (f.lost() > 0 && System.nanoTime() < deadline) {
                Bench.progress("  waiting for the read models: " + f.lost() + " events not there yet " + f.lostIn());
                Thread.sleep(10_000);
                f = count(commands);
            }
            Thread.sleep(5_000);
            return count(commands);
        }

        Figures count(List<Command> commands) throws InterruptedException {
            Map<String, List<Command>> byReport = new LinkedHashMap<>();
            int accepted = 0;
            Map<String, Integer> refusedBy = new LinkedHashMap<>();
            for (Command c : commands) {
                if (c.accepted()) {
                    accepted++;
                    byReport.computeIfAbsent(c.reportId(), k -> new ArrayList<>()).add(c);
                } else {
                    refusedBy.merge(c.outcome(), 1, Integer::sum);
                    if (c.kind() == Kind.IDENTIFY_PROBLEM) {
                        byReport.computeIfAbsent(c.reportId(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
            int refused = commands.size() - accepted;
            Map<String, Integer> problemCounters = new HashMap<>();
            JsonNode list = get(liaison, "/api/reports?limit=1000");
            if (list != null) {
                list.path("reports").forEach(r -> problemCounters.put(r.path("reportId").asText(),
                        r.path("problems").asInt()));
            }
            Map<String, Integer> lostIn = new LinkedHashMap<>();
            Map<String, Integer> twiceIn = new LinkedHashMap<>();
            for (String where : List.of("report list", "rectification intake", "audit log")) {
                lostIn.put(where, 0);
                twiceIn.put(where, 0);
            }
            int refusedButApplied = 0;
            long auditEntries = 0;
            List<String> examples = new ArrayList<>();
            for (Map.Entry<String, List<Command>> e : byReport.entrySet()) {
                String reportId = e.getKey();
                String q = URLEncoder.encode(reportId, StandardCharsets.UTF_8);
                Map<String, Integer> intake = new HashMap<>();
                JsonNode problems = get(liaison, "/api/rectification/problems?reportId=" + q + "&limit=1000");
                if (problems != null) {
                    problems.path("problems").forEach(p -> intake.merge(p.path("statement").asText(), 1, Integer::sum));
                }
                Set<String> eventIds = ConcurrentHashMap.newKeySet();
                int[] duplicateIds = new int[1];
                AuditTally tally = new AuditTally();
                JsonNode log = get(auditor, "/api/audit/log?aggregateId=" + q + "&limit=1000");
                if (log != null) {
                    for (JsonNode entry : log.path("entries")) {
                        if (!eventIds.add(entry.path("eventId").asText())) {
                            duplicateIds[0]++;
                        }
                        tally.add(entry);
                    }
                    auditEntries += log.path("count").asLong();
                }
                Map<String, Integer> audited = tally.statements;
                int[] drafted = {tally.drafted};
                int acceptedProblems = 0;
                int appliedRefused = 0;
                boolean draftAccepted = false;
                for (Command c : e.getValue()) {
                    if (c.kind() == Kind.DRAFT_REPORT) {
                        draftAccepted = true;
                        continue;
                    }
                    int inIntake = intake.getOrDefault(c.statement(), 0);
                    int inAudit = audited.getOrDefault(c.statement(), 0);
                    if (c.accepted()) {
                        acceptedProblems++;
                        if (inIntake == 0) {
                            lostIn.merge("rectification intake", 1, Integer::sum);
                            example(examples, "rectification intake: " + reportId + " lacks " + c.statement());
                        }
                        if (inAudit == 0) {
                            lostIn.merge("audit log", 1, Integer::sum);
                            example(examples, "audit log: " + reportId + " lacks " + c.statement());
                        }
                    } else if (inIntake > 0 || inAudit > 0) {
                        appliedRefused++;
                    }
                    if (inIntake > 1) {
                        twiceIn.merge("rectification intake", 1, Integer::sum);
                    }
                    if (inAudit > 1) {
                        twiceIn.merge("audit log", 1, Integer::sum);
                    }
                }
                refusedButApplied += appliedRefused;
                if (draftAccepted) {
                    if (drafted[0] == 0) {
                        lostIn.merge("audit log", 1, Integer::sum);
                    } else if (drafted[0] > 1) {
                        twiceIn.merge("audit log", 1, Integer::sum);
                    }
                    Integer counter = problemCounters.get(reportId);
                    if (counter == null) {
                        lostIn.merge("report list", 1, Integer::sum);
                        example(examples, "report list: no " + reportId);
                    } else if (counter < acceptedProblems) {
                        lostIn.merge("report list", acceptedProblems - counter, Integer::sum);
                        example(examples, "report list: " + reportId + " counts " + counter + " problems, "
                                + acceptedProblems + " accepted, intake holds " + intake.size());
                    } else if (counter > acceptedProblems + appliedRefused) {
                        twiceIn.merge("report list", counter - acceptedProblems - appliedRefused, Integer::sum);
                        example(examples, "report list: " + reportId + " counts " + counter + " problems, "
                                + acceptedProblems + " accepted + " + appliedRefused + " refused but applied");
                    }
                }
                twiceIn.merge("audit log", duplicateIds[0], Integer::sum);
            }
            int lost = lostIn.values().stream().mapToInt(Integer::intValue).sum();
            int twice = twiceIn.values().stream().mapToInt(Integer::intValue).sum();
            return new Figures(accepted, refused, refusedBy, refusedButApplied, lost, twice, lostIn, twiceIn,
                    byReport.size(), auditEntries, examples);
        }

        private static void example(List<String> examples, String what) {
            if (examples.size() < 10) {
                examples.add(what);
            }
        }
    }

    private static String render(String date, String loadAtStart, String loadAtEnd, PlatformStack stack, int heapMb,
                                 int clients, int perReport, Duration calm, Duration outage, double loadSeconds,
                                 List<Command> commands, List<Fault> faults, Figures f, double drainSeconds,
                                 JsonNode verify, Map<String, Long> deadLetters, boolean clean) {
        StringBuilder r = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        r.append("\n== Zhenggai chaos run ").append(date).append(" ==\n\n");
        r.append("Machine: ").append(rt.availableProcessors()).append(" CPUs (nproc), ")
                .append(Table.f1(Proc.memTotalKb() / 1024.0 / 1024.0)).append(" GiB RAM, ").append(Proc.cpuModel())
                .append("; load average at start ").append(loadAtStart).append(", at end ").append(loadAtEnd)
                .append('\n');
        r.append(String.format(Locale.ROOT, "Load:    %d closed-loop clients through the gateway as demo-dept "
                        + "(DraftReport, then %d IdentifyProblem per report), %.0f s in all, %.1f commands/s sent, "
                        + "%.1f accepted/s;%n         %d s of load between faults, infrastructure down %d s each; "
                        + "heap %d MB per service%n", clients, perReport, loadSeconds, commands.size() / loadSeconds,
                f.accepted() / loadSeconds, calm.toSeconds(), outage.toSeconds(), heapMb));
        Table t = new Table("Fault", "at s", "over after s (healthy again, 5 commands in a row accepted)");
        faults.forEach(x -> t.row(x.what(), Table.f0(x.atSeconds()), Table.f0(x.recoveredSeconds())));
        r.append("\nFaults injected: ").append(faults.size()).append('\n').append(t.render("  "));
        r.append(String.format(Locale.ROOT, "%nCommands sent:      %d%n", commands.size()));
        r.append(String.format(Locale.ROOT, "Commands accepted:  %d (answered 2xx)%n", f.accepted()));
        r.append(String.format(Locale.ROOT, "Commands refused:   %d %s (not accepted; %d of them applied all the same, "
                + "found once)%n", f.refused(), f.refusedBy(), f.refusedButApplied()));
        r.append(String.format(Locale.ROOT, "Events lost:        %d %s%n", f.lost(), f.lostIn()));
        r.append(String.format(Locale.ROOT, "Applied twice:      %d %s%n", f.twice(), f.twiceIn()));
        r.append(String.format(Locale.ROOT, "Reports: %d; their audit entries: %d; read models complete %.0f s after "
                + "the load stopped%n", f.reports(), f.auditEntries(), drainSeconds));
        r.append("Audit chain:        ").append(verify == null ? "no answer" : verify.path("ok").asBoolean()
                ? "verifies (" + verify.path("checked").asLong() + " entries checked)" : "BROKEN " + verify)
                .append('\n');
        r.append("Dead letters:       ").append(deadLetters).append('\n');
        f.examples().forEach(e -> r.append("  ").append(e).append('\n'));
        r.append("Result:             ").append(clean ? "OK" : "FAILED").append('\n');
        return r.toString();
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind in the temporary directory
                }
            });
        } catch (IOException e) {
            // nothing to delete
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * What one report's audit log entries hold, read by event class (the contract records, {@link TypedHandlers}),
     * not by type name: how many drafts, and how many times each problem statement was identified.
     */
    static final class AuditTally {
        private static final TypedHandlers<AuditTally, Void> HANDLERS = TypedHandlers.<AuditTally, Void>builder()
                .on(ReportDrafted.class, (tally, drafted, meta) -> {
                    tally.drafted++;
                    return tally;
                })
                .on(ProblemIdentified.class, (tally, problem, meta) -> {
                    tally.statements.merge(problem.statement(), 1, Integer::sum);
                    return tally;
                })
                .build();

        int drafted;
        final Map<String, Integer> statements = new HashMap<>();

        /** Counts one entry of {@code GET /api/audit/log}; an entry of another type, or without payload, is skipped. */
        void add(JsonNode entry) {
            Optional<Class<?>> type = EventTypes.classOf(entry.path("type").asText()).filter(HANDLERS::handles);
            JsonNode payload = entry.path("payload");
            if (type.isEmpty() || !payload.isObject()) {
                return;
            }
            try {
                HANDLERS.apply(this, EnvelopeCodec.mapper().treeToValue(payload, type.get()), null);
            } catch (JsonProcessingException unreadable) {
                // a payload that is not its record's counts as missing from the log, as a missing entry would
            }
        }
    }
}
