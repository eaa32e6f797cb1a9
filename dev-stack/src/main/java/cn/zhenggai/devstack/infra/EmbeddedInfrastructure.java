package cn.zhenggai.devstack.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka and the MongoDB-compatible store together, as {@link InfraConfig} says. {@link #start()}
 * starts the three in parallel (PostgreSQL is a separate process, so its start overlaps with the
 * broker's) and records each one's start time; {@link #close()} closes them in reverse order (Mongo,
 * Kafka, PostgreSQL) and, when ephemeral, deletes the data directory.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final InfraConfig config;
    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final Map<String, Long> startMillis = Collections.synchronizedMap(new LinkedHashMap<>());
    private long totalStartMillis = -1;
    private Thread shutdownHook;

    /** Resolves the ports (0 = free port, fixed from then on); starts nothing. */
    public EmbeddedInfrastructure(InfraConfig config) {
        this.config = config;
        this.postgres = new EmbeddedPostgres(config.postgresDir(), config.postgresPort(), config.ephemeral());
        if (!config.ephemeral()) {
            // zonky starts PostgreSQL with fsync off; data that is kept must survive an OS crash (nothing is lost)
            postgres.withServerConfig("fsync", "on")
                    .withServerConfig("synchronous_commit", "on")
                    .withServerConfig("full_page_writes", "on");
        }
        this.kafka = new EmbeddedKafka(config.kafkaDir(), config.kafkaPort(), config.kafkaControllerPort(),
                config.ephemeral());
        this.mongo = new EmbeddedMongo(config.mongoFile(), config.mongoPort(), EmbeddedMongo.DEFAULT_CACHE_MB,
                config.ephemeral());
    }

    /** Starts all three in parallel; if one fails, stops those that started and throws. */
    public synchronized EmbeddedInfrastructure start() {
        long t0 = System.nanoTime();
        startMillis.clear();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "embedded-infra-start");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> starts = List.of(
                    timed(pool, "postgres", () -> postgres.start().lastStartMillis()),
                    timed(pool, "kafka", () -> kafka.start().lastStartMillis()),
                    timed(pool, "mongo", () -> mongo.start().lastStartMillis()));
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> f : starts) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    failures.add(e.getCause() != null ? e.getCause() : e);
                }
            }
            if (!failures.isEmpty()) {
                IllegalStateException e = new IllegalStateException("embedded infrastructure did not start",
                        failures.get(0));
                failures.stream().skip(1).forEach(e::addSuppressed);
                try {
                    stopAll();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
        totalStartMillis = InfraSupport.millisSince(t0);
        if (shutdownHook == null) {
            shutdownHook = InfraSupport.addShutdownHook("embedded-infra-shutdown", this::closeQuietly);
        }
        LOG.info("embedded infrastructure started in {} ms {}: postgres {}, kafka {}, mongo {}", totalStartMillis,
                startMillis, postgres.jdbcUrl(), kafka.bootstrapServers(), mongo.connectionString());
        return this;
    }

    private CompletableFuture<Void> timed(ExecutorService pool, String name, Supplier<Long> start) {
        return CompletableFuture.runAsync(() -> startMillis.put(name, start.get()), pool);
    }

    /** Closes Mongo, Kafka, then PostgreSQL (each even if another failed); deletes the data when ephemeral. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        try {
            stopAll();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (config.ephemeral()) {
            try {
                InfraSupport.deleteRecursively(config.dataDir());
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        InfraSupport.removeShutdownHook(shutdownHook);
        shutdownHook = null;
        if (failure != null) {
            throw failure;
        }
    }

    private void stopAll() {
        RuntimeException failure = null;
        for (AutoCloseable c : List.<AutoCloseable>of(mongo, kafka, postgres)) {
            try {
                c.close();
            } catch (Exception e) {
                failure = add(failure, e instanceof RuntimeException re ? re : new IllegalStateException(e));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("closing the embedded infrastructure failed", e);
        }
    }

    public InfraConfig config() {
        return config;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    /** Start time of each server in ms of the last {@link #start()}, keys postgres, kafka, mongo. */
    public Map<String, Long> startTimesMillis() {
        synchronized (startMillis) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (String k : List.of("postgres", "kafka", "mongo")) {
                if (startMillis.containsKey(k)) {
                    ordered.put(k, startMillis.get(k));
                }
            }
            return Collections.unmodifiableMap(ordered);
        }
    }

    /** Wall-clock ms of the last {@link #start()} (the three in parallel), -1 before. */
    public synchronized long totalStartMillis() {
        return totalStartMillis;
    }

    @Override
    public String toString() {
        return "EmbeddedInfrastructure[" + postgres + ", " + kafka + ", " + mongo + "]";
    }
}
