package cn.zhenggai.devstack.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own broker in KRaft mode, in this JVM: one node that is both broker and controller
 * ({@code process.roles=broker,controller}), PLAINTEXT on 127.0.0.1:{@code port} for clients and
 * CONTROLLER on 127.0.0.1:{@code controllerPort}, a static single-voter quorum.
 *
 * <p>The log directory (which also holds the metadata log) is formatted on the first start with
 * {@link Formatter} (what {@code kafka-storage.sh format} runs) and reused afterwards. {@link #stop()} and
 * {@link #start()} may alternate any number of times on the same ports and directory. Topics are created
 * on first use with 3 partitions, replication factor 1; segments and retention are kept small.
 * While running, a JVM shutdown hook closes it (deleting a temporary log directory).
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int NODE_ID = 1;
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final boolean temporary;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private KafkaRaftServer server;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /** A broker that keeps its data in {@code logDir}. */
    public EmbeddedKafka(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, false);
    }

    /**
     * @param logDir         the broker's log directory (topic data and the KRaft metadata log)
     * @param port           client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one now and keeps it
     * @param controllerPort controller (KRaft) port on 127.0.0.1; 0 picks a free one now and keeps it
     * @param temporary      delete {@code logDir} on {@link #close()}
     */
    public EmbeddedKafka(Path logDir, int port, int controllerPort, boolean temporary) {
        this.logDir = Objects.requireNonNull(logDir, "logDir").toAbsolutePath().normalize();
        this.port = PortFinder.resolve(port);
        this.controllerPort = PortFinder.resolve(controllerPort);
        if (this.port == this.controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ: " + this.port);
        }
        this.temporary = temporary;
    }

    /** Overrides (or adds) a broker property for the next start, e.g. {@code log.retention.ms}. */
    public synchronized EmbeddedKafka withBrokerProperty(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /** Formats the log directory if needed and starts the broker; returns once it is unfenced. No-op when running. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        QuietLogging.warnOnly(QuietLogging.KAFKA_BROKER_LOGGERS);
        for (int p : new int[] {port, controllerPort}) {
            if (!PortFinder.isFree(p)) {
                throw new IllegalStateException("cannot start Kafka: port 127.0.0.1:" + p + " is in use");
            }
        }
        formatIfNeeded();
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            shutdown(s);
            throw new IllegalStateException("Kafka did not start on 127.0.0.1:" + port + " (controller "
                    + controllerPort + ") with data in " + logDir, e);
        }
        server = s;
        shutdownHook = InfraSupport.addShutdownHook("embedded-kafka-shutdown", this::closeQuietly);
        lastStartMillis = InfraSupport.millisSince(t0);
        LOG.info("Kafka {} started on {} (controller 127.0.0.1:{}, data {}) in {} ms",
                kafkaVersion(), bootstrapServers(), controllerPort, logDir, lastStartMillis);
        return this;
    }

    /** Shuts the broker down and waits for it; the data stays. No-op when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            shutdown(server);
        } finally {
            server = null;
            InfraSupport.removeShutdownHook(shutdownHook);
            shutdownHook = null;
        }
    }

    /** Stops the broker and deletes the log directory if it is temporary. */
    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            InfraSupport.deleteRecursively(logDir);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("stopping Kafka failed", e);
        }
    }

    private static void shutdown(KafkaRaftServer s) {
        long t0 = System.nanoTime();
        try {
            s.shutdown();
        } finally {
            s.awaitShutdown();
        }
        LOG.debug("Kafka stopped in {} ms", InfraSupport.millisSince(t0));
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; stays the same across restarts. */
    public String bootstrapServers() {
        return PortFinder.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** Milliseconds the last {@link #start()} took (formatting included), -1 before the first. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    /** The version of the Kafka broker on the classpath. */
    public static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }

    /** The broker properties the next start uses. */
    public synchronized Properties brokerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + PortFinder.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + PortFinder.LOOPBACK + ":" + port
                + "," + CONTROLLER_LISTENER + "://" + PortFinder.LOOPBACK + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + PortFinder.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // fail instead of hanging when the broker cannot come up
        p.put("server.max.startup.time.ms", "120000");

        // topics: created on first use, 3 partitions, one replica
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");

        // small segments and retention: benchmarks write gigabytes fast
        p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        p.put("log.retention.bytes", Long.toString(128L * 1024 * 1024));
        p.put("log.retention.hours", "24");
        p.put("log.retention.check.interval.ms", "30000");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");

        // a 2-core machine shared with PostgreSQL and the services
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        p.put("num.replica.fetchers", "1");

        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Formats {@code logDir} once, as {@code kafka-storage.sh format -t <uuid> -c server.properties} does for a
     * static quorum ({@code controller.quorum.voters}, so kraft.version 0): writes meta.properties and the
     * bootstrap.checkpoint with the latest production metadata.version.
     */
    private void formatIfNeeded() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logDir, e);
        }
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir, e);
        }
        LOG.info("formatted Kafka log directory {} (cluster id {}, metadata.version {})", logDir, clusterId,
                MetadataVersion.latestProduction());
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", controller " + controllerPort + ", " + logDir
                + (isRunning() ? ", running]" : ", stopped]");
    }
}
