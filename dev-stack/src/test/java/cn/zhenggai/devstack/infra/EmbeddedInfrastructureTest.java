package cn.zhenggai.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void startsAllThreeInParallelAndCleansUpWhenEphemeral() throws Exception {
        InfraConfig config = InfraConfig.temporary();
        Path dataDir = config.dataDir();
        try (EmbeddedInfrastructure infra = new EmbeddedInfrastructure(config).start()) {
            Map<String, Long> times = infra.startTimesMillis();
            System.out.println("start times (ms): " + times + ", total " + infra.totalStartMillis());
            assertThat(times).containsOnlyKeys("postgres", "kafka", "mongo");
            assertThat(times.values()).allSatisfy(ms -> assertThat(ms).isNotNegative());

            infra.postgres().ensureDatabase("zhenggai", "audit");
            try (Connection c = infra.postgres().connect("zhenggai"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            try (KafkaProducer<String, String> producer = EmbeddedKafkaTest.producer(infra.kafka().bootstrapServers())) {
                producer.send(new ProducerRecord<>("infra-check", "k", "v")).get(30, TimeUnit.SECONDS);
            }
            try (MongoClient client = MongoClients.create(infra.mongo().connectionString())) {
                client.getDatabase("zhenggai").getCollection("c").insertOne(new Document("_id", 1));
                assertThat(client.getDatabase("zhenggai").getCollection("c").countDocuments()).isEqualTo(1);
            }
        }
        assertThat(dataDir).doesNotExist();
    }
}
