package cn.zhenggai.platform.security;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.directory.Revocation;
import cn.zhenggai.contracts.directory.RevokedUsers;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds the service's {@link RevokedUsers} from the directory's topic (ADR 0080). Every instance reads every
 * partition itself, without a consumer group (each must see every revocation, and none commits offsets): on start
 * from the records of the last access-token lifetime (a revocation older than that refuses nothing), then as they
 * come, so a user disabled at the gateway is refused here within about a second of the event's publication.
 */
public class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECHECK_PARTITIONS = Duration.ofSeconds(30);

    private final RevokedUsers revoked;
    private final String bootstrapServers;
    private final Duration lookBack;
    private final Clock clock;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public RevocationFeed(RevokedUsers revoked, String bootstrapServers, Duration lookBack, Clock clock) {
        this.revoked = revoked;
        this.bootstrapServers = bootstrapServers;
        this.lookBack = lookBack;
        this.clock = clock;
    }

    /** Applies one record of the directory topic; anything that is not a revoking event is ignored. */
    public Optional<Revocation> apply(String value) {
        try {
            Optional<Revocation> revocation = Revocation.of(EnvelopeCodec.fromJson(value));
            revocation.ifPresent(r -> {
                revoked.revoke(r);
                log.info("Tokens of '{}' issued before {} are refused from now on", r.username(), r.at());
            });
            return revocation;
        } catch (MalformedEnvelopeException e) {
            log.warn("Unreadable record on {} ignored: {}", Topics.DIRECTORY_EVENTS, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("enable.auto.commit", "false");
        props.put("allow.auto.create.topics", "false");
        props.put("client.id", "revocation-feed");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props)) {
            consumer = kafka;
            List<TopicPartition> assigned = new ArrayList<>();
            Instant checked = Instant.EPOCH;
            Instant pruned = clock.instant();
            while (running) {
                try {
                    if (assigned.isEmpty() || Instant.now().isAfter(checked.plus(RECHECK_PARTITIONS))) {
                        checked = Instant.now();
                        assign(kafka, assigned);
                        if (assigned.isEmpty()) {
                            sleep();
                            continue;
                        }
                    }
                    for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                        apply(record.value());
                    }
                    if (clock.instant().isAfter(pruned.plusSeconds(60))) {
                        pruned = clock.instant();
                        revoked.forgetOld();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Kafka away or the topic changing: keep what is known, try again shortly
                    log.warn("Revocation feed: {}; retrying", e.getMessage());
                    sleep();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            if (running) {
                log.error("Revocation feed stopped: {}", e.getMessage(), e);
            }
        }
    }

    /** Assigns partitions not yet assigned, each from the first record of the look-back window. */
    private void assign(KafkaConsumer<String, String> kafka, List<TopicPartition> assigned) {
        List<PartitionInfo> partitions;
        try {
            partitions = kafka.partitionsFor(Topics.DIRECTORY_EVENTS, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            log.debug("Directory topic not readable yet: {}", e.getMessage());
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionInfo info : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (!assigned.contains(partition)) {
                added.add(partition);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>(assigned);
        all.addAll(added);
        kafka.assign(all);
        long from = clock.instant().minus(lookBack).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        added.forEach(p -> times.put(p, from));
        // the end as it is now, before the look-up by time: a record written meanwhile is read, not skipped
        Map<TopicPartition, Long> ends = kafka.endOffsets(added, Duration.ofSeconds(5));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(times, Duration.ofSeconds(5));
        for (TopicPartition partition : added) {
            OffsetAndTimestamp at = offsets.get(partition);
            kafka.seek(partition, at != null ? at.offset() : ends.getOrDefault(partition, 0L));
        }
        assigned.clear();
        assigned.addAll(all);
        log.info("Reading revocations from {} partition(s) of {}", all.size(), Topics.DIRECTORY_EVENTS);
    }

    private void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
