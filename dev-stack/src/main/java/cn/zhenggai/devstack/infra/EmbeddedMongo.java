package cn.zhenggai.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-compatible server (de.bwaldvogel mongo-java-server) in this JVM, bound to 127.0.0.1.
 *
 * <p>With a file it uses the H2 MVStore backend, so data survives restarts (MVStore commits in the
 * background about once a second and on close); with none, the memory backend. The MVStore gets a large
 * page cache ({@value #DEFAULT_CACHE_MB} MB by default) because the store ignores non-unique indexes and
 * scans collections. No transactions, no sessions: see STACK.md. While running, a JVM shutdown hook
 * closes it (so the MVStore is committed).
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final int DEFAULT_CACHE_MB = 512;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final Path file;
    private final int port;
    private final int cacheMb;
    private final boolean deleteOnClose;

    private MongoServer server;
    private Thread shutdownHook;
    private long lastStartMillis = -1;

    /**
     * @param file H2 MVStore file (e.g. {@code data/mongo/mongo.mv}); {@code null} for the in-memory backend
     * @param port TCP port on 127.0.0.1; 0 picks a free one now and keeps it for restarts
     */
    public EmbeddedMongo(Path file, int port) {
        this(file, port, DEFAULT_CACHE_MB, false);
    }

    /**
     * @param cacheMb       MVStore page cache in MB (ignored for the memory backend)
     * @param deleteOnClose delete {@code file} on {@link #close()}
     */
    public EmbeddedMongo(Path file, int port, int cacheMb, boolean deleteOnClose) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        this.port = PortFinder.resolve(port);
        if (cacheMb <= 0) {
            throw new IllegalArgumentException("cacheMb must be positive: " + cacheMb);
        }
        this.cacheMb = cacheMb;
        this.deleteOnClose = deleteOnClose;
    }

    /** An in-memory server on {@code port} (0 = free port). */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(null, port);
    }

    /** Starts the server; a no-op when running. */
    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        QuietLogging.warnOnly(QuietLogging.MONGO_LOGGERS);
        MongoBackend backend = openBackend();
        MongoServer s = new MongoServer(backend);
        try {
            s.bind(PortFinder.LOOPBACK, port);
        } catch (RuntimeException e) {
            // bind() shuts the server (and so the backend) down itself on failure
            throw new IllegalStateException("cannot bind the MongoDB-compatible server to 127.0.0.1:" + port, e);
        }
        server = s;
        shutdownHook = InfraSupport.addShutdownHook("embedded-mongo-shutdown", this::closeQuietly);
        lastStartMillis = InfraSupport.millisSince(t0);
        LOG.info("MongoDB-compatible server started on 127.0.0.1:{} ({}) in {} ms", port,
                file == null ? "in memory" : file, lastStartMillis);
        return this;
    }

    private MongoBackend openBackend() {
        if (file == null) {
            return new MemoryBackend();
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMb)
                .open();
        try {
            return new H2Backend(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Closes client connections, stops listening and closes the store (committing it); keeps the file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow();
        } finally {
            server = null;
            InfraSupport.removeShutdownHook(shutdownHook);
            shutdownHook = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose && file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete {}", file, e);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("stopping the MongoDB-compatible server failed", e);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** The H2 file, empty for the memory backend. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** {@code mongodb://127.0.0.1:<port>} */
    public String connectionString() {
        return "mongodb://" + PortFinder.LOOPBACK + ":" + port;
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>} (the form Spring's {@code spring.mongodb.uri} takes). */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    /** Milliseconds the last {@link #start()} took, -1 before the first. */
    public synchronized long lastStartMillis() {
        return lastStartMillis;
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[127.0.0.1:" + port + ", " + (file == null ? "memory" : file)
                + (isRunning() ? ", running]" : ", stopped]");
    }
}
