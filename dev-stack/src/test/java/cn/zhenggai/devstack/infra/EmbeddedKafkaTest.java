package cn.zhenggai.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "rectification-events";

    @TempDir
    Path tmp;

    @Test
    void deliversRecordsProducedBeforeAStopAndWhileTheBrokerWasDown() throws Exception {
        Path logDir = tmp.resolve("kafka");
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, 0, 0, true).start();
        try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            RecordMetadata first = producer.send(new ProducerRecord<>(TOPIC, "agg-1", "before-stop"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(first.offset()).isGreaterThanOrEqualTo(0);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(TOPIC).partitions()).hasSize(3);
            }

            String bootstrap = kafka.bootstrapServers();
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(PortFinder.isFree(kafka.port())).isTrue();

            // the outbox keeps producing while the broker is down: the producer retries until it is back
            Future<RecordMetadata> duringDowntime = producer.send(new ProducerRecord<>(TOPIC, "agg-2", "while-down"));
            Thread.sleep(300);
            assertThat(duringDowntime).isNotDone();

            kafka.start();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            duringDowntime.get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(TOPIC, "agg-3", "after-restart")).get(30, TimeUnit.SECONDS);
        }

        Map<String, String> received = consumeAll(kafka.bootstrapServers(), 3);
        assertThat(received).containsEntry("agg-1", "before-stop")
                .containsEntry("agg-2", "while-down")
                .containsEntry("agg-3", "after-restart");

        kafka.close();
        assertThat(logDir).doesNotExist();
        assertThat(PortFinder.isFree(kafka.port())).isTrue();
        assertThat(PortFinder.isFree(kafka.controllerPort())).isTrue();
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        // Kafka 4 clients "rebootstrap" (forget the cluster metadata) once no broker is reachable; send() then
        // blocks up to max.block.ms waiting for metadata of the topic and fails if the broker stays down that
        // long. Keeping the last metadata lets send() buffer the record until the broker is back.
        p.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static Map<String, String> consumeAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, String> received = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    received.put(r.key(), r.value());
                }
            }
        }
        return received;
    }
}
