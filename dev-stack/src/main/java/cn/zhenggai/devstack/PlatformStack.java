package cn.zhenggai.devstack;

import cn.zhenggai.devstack.infra.EmbeddedInfrastructure;
import cn.zhenggai.devstack.infra.InfraConfig;
import cn.zhenggai.devstack.infra.PortFinder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform on one machine: embedded PostgreSQL, Kafka and MongoDB-compatible store in this JVM (or
 * as its child processes), and the four services as child JVMs wired to them. Once all are healthy, a service
 * that crashes is started again ({@link Supervisor}); {@link #close} stops everything without restarts.
 */
public final class PlatformStack implements AutoCloseable {

    /** The four services, in start order. */
    public static final List<String> SERVICES =
            List.of("report-service", "rectification-service", "audit-service", "gateway");
    public static final String DATABASE = "zhenggai";
    /** Where report-, rectification- and audit-service listen: only the gateway on this machine reaches them. */
    public static final String SERVICE_ADDRESS = "127.0.0.1";

    private final Settings settings;
    private final EmbeddedInfrastructure infra;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private long startMillis;
    private volatile Supervisor.Policy supervision = Supervisor.Policy.DEFAULT;

    /**
     * @param home      the repository root (where {@code <service>/target/<service>-*-exec.jar} are)
     * @param infra     where and on which ports the infrastructure runs
     * @param gatewayPort the gateway's port; services take the three ports after it, or free ports if 0
     * @param heapMb    maximum heap per service
     * @param extraArgs more arguments per service name (e.g. property overrides), may be empty
     */
    public record Settings(Path home, InfraConfig infra, int gatewayPort, int heapMb,
                           Map<String, List<String>> extraArgs) {
    }

    /** How crashed services are restarted (default {@link Supervisor.Policy#DEFAULT}); set before {@link #start}. */
    public PlatformStack supervision(Supervisor.Policy policy) {
        this.supervision = policy;
        return this;
    }

    private static void say(String message) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + message);
    }

    public PlatformStack(Settings settings) {
        this.settings = settings;
        this.infra = new EmbeddedInfrastructure(settings.infra());
    }

    public PlatformStack start(Duration healthTimeout) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        infra.start();
        infra.postgres().ensureDatabase(DATABASE, "report", "rectification", "audit", "gateway");
        Path keys = Keys.ensure(settings.infra().dataDir().resolve("keys"));
        assignPorts();
        Path logs = settings.infra().dataDir().resolve("logs");
        String kafka = infra.kafka().bootstrapServers();
        String mongo = "mongodb://127.0.0.1:" + infra.mongo().port();
        for (String service : SERVICES) {
            List<String> args = new ArrayList<>();
            args.add("--zhenggai.security.public-key=" + keys.resolve("public.pem"));
            // every service, the gateway too (its user directory), has its own schema in the one database
            String schema = service.equals("gateway") ? "gateway" : service.substring(0, service.indexOf('-'));
            args.add("--spring.datasource.url=" + infra.postgres().jdbcUrl(DATABASE) + "?currentSchema=" + schema);
            args.add("--spring.datasource.username=" + infra.postgres().username());
            args.add("--spring.datasource.password=" + infra.postgres().password());
            // the gateway publishes the directory's events; every service reads them (ADR 0078, 0080)
            args.add("--spring.kafka.bootstrap-servers=" + kafka);
            if (service.equals("gateway")) {
                // the only door: on every interface (8080)
                args.add("--zhenggai.security.private-key=" + keys.resolve("private.pem"));
                args.add("--zhenggai.routes.report=http://127.0.0.1:" + ports.get("report-service"));
                args.add("--zhenggai.routes.rectification=http://127.0.0.1:" + ports.get("rectification-service"));
                args.add("--zhenggai.routes.audit=http://127.0.0.1:" + ports.get("audit-service"));
            } else {
                // reached only through the gateway, on this machine: loopback only (ADR 0065)
                args.add("--server.address=" + SERVICE_ADDRESS);
                args.add("--spring.mongodb.uri=" + mongo);
                if (service.equals("rectification-service")) {
                    // evidence files live with the stack's data, not in the directory the JVM was started from
                    args.add("--zhenggai.evidence.dir=" + settings.infra().dataDir().resolve("evidence"));
                }
            }
            args.addAll(settings.extraArgs().getOrDefault(service, List.of()));
            // the gateway's own health is DOWN while a service is (ADR 0066): its liveness says whether it serves
            String health = service.equals("gateway") ? "/actuator/health/liveness" : "/actuator/health";
            services.put(service, ServiceProcess.start(service, jarOf(service), ports.get(service),
                    settings.heapMb(), args, logs, health));
        }
        awaitAll(healthTimeout);
        for (ServiceProcess process : services.values()) {
            process.supervise(supervision, PlatformStack::say);
        }
        startMillis = (System.nanoTime() - begin) / 1_000_000;
        return this;
    }

    private void assignPorts() {
        int base = settings.gatewayPort();
        ports.put("gateway", base == 0 ? PortFinder.freePort() : base);
        ports.put("report-service", base == 0 ? PortFinder.freePort() : base + 1);
        ports.put("rectification-service", base == 0 ? PortFinder.freePort() : base + 2);
        ports.put("audit-service", base == 0 ? PortFinder.freePort() : base + 3);
    }

    private void awaitAll(Duration timeout) throws IOException, InterruptedException {
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<Void>> waits = new ArrayList<>();
            for (ServiceProcess process : services.values()) {
                waits.add(waiters.submit(() -> {
                    process.awaitHealthy(timeout);
                    return null;
                }));
            }
            for (Future<Void> wait : waits) {
                try {
                    wait.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    private Path jarOf(String service) {
        String version = PlatformStack.class.getPackage().getImplementationVersion();
        Path target = settings.home().resolve(service).resolve("target");
        return target.resolve(service + "-" + (version == null ? "0.1.0-SNAPSHOT" : version) + "-exec.jar");
    }

    /** Where the gateway's token keys are (created by {@link Keys} on first start). */
    public Path keysDir() {
        return settings.infra().dataDir().resolve("keys");
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public EmbeddedInfrastructure infra() {
        return infra;
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** Milliseconds from {@link #start} to every service healthy. */
    public long startMillis() {
        return startMillis;
    }

    /** Pids of this JVM and of every service JVM and infrastructure process it started. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        services.values().forEach(s -> pids.add(s.pid()));
        infra.postgres().postmasterPid().ifPresent(pids::add);
        return pids;
    }

    @Override
    public void close() {
        // Ctrl-C reaches the services too: none of them may be restarted while everything stops
        services.values().forEach(ServiceProcess::stopRestarting);
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ServiceProcess::close);
        services.clear();
        infra.close();
    }
}
