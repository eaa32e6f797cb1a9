package cn.zhenggai.rectification;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The MongoDB-wire-compatible store in memory, reached through the official driver, for read-model tests. */
public final class ReadModelStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    public ReadModelStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("rectification-test");
    }

    public MongoDatabase database() {
        return database;
    }

    /** 10:00 China time on {@code date}. */
    public static Clock on(String date) {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(china).toInstant(), china);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
