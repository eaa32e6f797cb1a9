package cn.zhenggai.bench;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.report.ProblemIdentified;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads a topic of envelopes from its beginning (no consumer group, nothing committed) and remembers, for every
 * ProblemIdentified, the record's timestamp: the producer's create time, i.e. when report-service's publisher handed
 * the event to Kafka. That splits freshness into "accepted → on Kafka" and "on Kafka → projected".
 */
final class KafkaProbe implements AutoCloseable {

    /** The problem id of a ProblemIdentified, read as its contract record; nothing else is looked at. */
    private static final TypedHandlers<String, Void> PROBLEMS = TypedHandlers.<String, Void>builder()
            .on(ProblemIdentified.class, (none, problem, meta) -> problem.problemId())
            .build();

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final Map<String, Long> createTimes = new HashMap<>();
    private boolean assigned;

    KafkaProbe(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.topic = topic;
    }

    /**
     * Reads on until every one of {@code problemIds} was seen or {@code maxWait} passed; returns problemId → record
     * timestamp (epoch ms) for those seen.
     */
    Map<String, Long> createTimes(Collection<String> problemIds, Duration maxWait) {
        if (!assigned) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!problemIds.stream().allMatch(createTimes::containsKey) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                problemIdOf(record.value()).ifPresent(id -> createTimes.putIfAbsent(id, record.timestamp()));
            }
        }
        Map<String, Long> found = new HashMap<>();
        for (String id : problemIds) {
            Long t = createTimes.get(id);
            if (t != null) {
                found.put(id, t);
            }
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** The problem id when {@code value} is the envelope of a ProblemIdentified; empty for any other record. */
    static Optional<String> problemIdOf(String value) {
        try {
            return PROBLEMS.applyEnvelope(null, EnvelopeCodec.fromJson(value), null);
        } catch (RuntimeException notAnEnvelope) {
            return Optional.empty();
        }
    }
}
