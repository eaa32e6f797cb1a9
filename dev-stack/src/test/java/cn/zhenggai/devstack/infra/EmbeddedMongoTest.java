package cn.zhenggai.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path tmp;

    @Test
    void h2FileKeepsDocumentsAcrossRestarts() {
        Path file = tmp.resolve("mongo").resolve("mongo.mv");
        int port;
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, 0).start()) {
            port = mongo.port();
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> items = client.getDatabase("zhenggai").getCollection("items");
                items.insertOne(new Document("_id", "r-1").append("title", "整改").append("status", "OPEN"));
                assertThat(items.find(Filters.eq("status", "OPEN")).first()).containsEntry("_id", "r-1");
            }
        }
        assertThat(file).exists();

        try (EmbeddedMongo mongo = new EmbeddedMongo(file, port).start();
             MongoClient client = MongoClients.create(mongo.connectionString("zhenggai"))) {
            Document found = client.getDatabase("zhenggai").getCollection("items").find(Filters.eq("_id", "r-1")).first();
            assertThat(found).isNotNull().containsEntry("title", "整改");
        }
    }

    @Test
    void memoryBackendWorksAndForgets() {
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            assertThat(mongo.file()).isEmpty();
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            c.insertOne(new Document("k", 1));
            assertThat(c.countDocuments()).isEqualTo(1);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(port).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isZero();
        }
    }
}
