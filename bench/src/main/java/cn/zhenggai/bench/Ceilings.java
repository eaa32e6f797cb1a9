package cn.zhenggai.bench;

import cn.zhenggai.devstack.infra.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Raw ceilings of the stack's own servers at a given concurrency, each as a warm-up then a timed window in which
 * only operations completed inside the window count:
 * <ul>
 *   <li>PostgreSQL: single-row INSERT (1 KB text), autocommit, one connection per thread, into a scratch table in a
 *       scratch schema;</li>
 *   <li>Kafka closed loop: N threads share one producer and each waits for its record's ack before the next
 *       ({@code send().get()}), like N clients that each wait for an answer;</li>
 *   <li>Kafka pipelined: N threads share one producer and send without waiting (acks counted by callback): the
 *       broker's throughput ceiling.</li>
 * </ul>
 * Records are 1 KB of random bytes with a 40-character key, acks=all, idempotent, linger 5 ms, no compression, to a
 * topic of 3 partitions used by nothing else.
 */
final class Ceilings {

    static final String TOPIC = "zhenggai.bench.ceiling";
    static final String SCHEMA = "bench_ceiling";
    private static final int RECORD_BYTES = 1024;
    private static final long MAX_OPS_PER_THREAD = 50_000_000L;

    private final EmbeddedPostgres postgres;
    private final String database;
    private final String bootstrap;
    private final Duration warmUp;
    private final Duration measure;
    private final byte[] value = new byte[RECORD_BYTES];
    private final String[] keys = new String[1024];
    private final String payload;

    Ceilings(EmbeddedPostgres postgres, String database, String bootstrap, Duration warmUp, Duration measure) {
        this.postgres = postgres;
        this.database = database;
        this.bootstrap = bootstrap;
        this.warmUp = warmUp;
        this.measure = measure;
        new Random(42).nextBytes(value);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "rpt-" + UUID.randomUUID();
        }
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        while (text.length() < RECORD_BYTES) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        payload = text.toString();
    }

    /** The PostgreSQL settings that decide what a commit costs. */
    String postgresSettings() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method",
                    "shared_buffers", "max_connections")) {
                try (var rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    out.append(out.length() == 0 ? "" : ", ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return out.toString();
    }

    /** Total commits of the whole server so far (pg_stat_database; the statistics lag by up to ~0.5 s). */
    long postgresCommits() {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT sum(xact_commit) FROM pg_stat_database")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    void preparePostgres() throws SQLException {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".insert_ceiling ("
                    + "id bigserial PRIMARY KEY, thread int NOT NULL, payload text NOT NULL)");
        }
    }

    void dropPostgres() {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            Bench.progress("  could not drop schema " + SCHEMA + ": " + e.getMessage());
        }
    }

    /** INSERT commits per second with {@code threads} connections. */
    double postgresInserts(int threads) throws InterruptedException {
        return window(threads, thread -> {
            Connection c = postgres.connect(database);
            try {
                c.setAutoCommit(true);
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO " + SCHEMA + ".insert_ceiling (thread, payload) VALUES (?, ?)");
                return new Op() {
                    @Override
                    public void run() throws SQLException {
                        insert.setInt(1, thread);
                        insert.setString(2, payload);
                        insert.executeUpdate();
                    }

                    @Override
                    public void close() throws SQLException {
                        c.close();
                    }
                };
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        });
    }

    void prepareKafka() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Acked records per second, N threads each waiting for its ack, one shared producer. */
    double kafkaClosedLoop(int threads) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            return window(threads, thread -> {
                int[] n = {thread};
                return () -> producer.send(record(n[0]++)).get(30, TimeUnit.SECONDS);
            });
        }
    }

    /** Acked records per second, N threads sending without waiting, one shared producer. */
    double kafkaPipelined(int threads) throws InterruptedException {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] window = new long[2];
        try (KafkaProducer<String, byte[]> producer = producer()) {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        for (long i = 0; i < MAX_OPS_PER_THREAD && System.nanoTime() < window[1]; i++) {
                            producer.send(record((int) (thread + i)), (metadata, error) -> {
                                long now = System.nanoTime();
                                if (error != null) {
                                    failed.incrementAndGet();
                                } else if (now >= window[0] && now < window[1]) {
                                    acked.incrementAndGet();
                                }
                            });
                        }
                    } catch (InterruptedException | RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }, "bench-kafka-" + t);
                sender.setDaemon(true);
                senders.add(sender);
                sender.start();
            }
            ready.await(30, TimeUnit.SECONDS);
            long begin = System.nanoTime();
            window[0] = begin + warmUp.toNanos();
            window[1] = window[0] + measure.toNanos();
            go.countDown();
            for (Thread sender : senders) {
                sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(window[1] - System.nanoTime())) + 30_000);
                sender.interrupt();
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            Bench.progress("  kafka pipelined at " + threads + ": " + failed.get() + " failed sends");
        }
        return acked.get() / (measure.toNanos() / 1e9);
    }

    private ProducerRecord<String, byte[]> record(int n) {
        return new ProducerRecord<>(TOPIC, keys[Math.floorMod(n, keys.length)], value);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** One operation of a closed loop, with the resources it holds until closed. */
    private interface Op extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens a thread's resources and returns its operation. */
    private interface OpFactory {
        Op open(int thread) throws Exception;
    }

    /**
     * Runs {@code threads} closed loops of an operation through a warm-up then the timed window; counts the operations
     * that completed inside the window. A failed operation ends its thread (reported).
     */
    private double window(int threads, OpFactory factory) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                Op op;
                try {
                    op = factory.open(thread);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    return;
                } finally {
                    ready.countDown();
                }
                try (Op closing = op) {
                    runLoop(closing, go, window, done);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-ceiling-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await(60, TimeUnit.SECONDS);
        long begin = System.nanoTime();
        window[0] = begin + warmUp.toNanos();
        window[1] = window[0] + measure.toNanos();
        go.countDown();
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(window[1] - System.nanoTime())) + 40_000);
            worker.interrupt();
        }
        if (failure.get() != null) {
            Bench.progress("  ceiling at " + threads + " threads: a thread failed: " + failure.get());
        }
        return done.get() / (measure.toNanos() / 1e9);
    }

    private static void runLoop(Op op, CountDownLatch go, long[] window, AtomicLong done) throws Exception {
        go.await();
        for (long i = 0; i < MAX_OPS_PER_THREAD; i++) {
            long now = System.nanoTime();
            if (now >= window[1]) {
                return;
            }
            op.run();
            long end = System.nanoTime();
            if (now >= window[0] && end < window[1]) {
                done.incrementAndGet();
            }
        }
    }
}
