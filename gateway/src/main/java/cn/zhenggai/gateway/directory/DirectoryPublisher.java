package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends the directory outbox to {@link Topics#DIRECTORY_EVENTS}, oldest first, keyed by aggregate id; an event is
 * marked published only after Kafka acknowledged it ({@code acks=all}, idempotent producer). When Kafka is down the
 * rows wait and are sent, in order, once it is back; a crash between acknowledgement and marking sends an event
 * twice, which consumers absorb by event id (ADR 0078).
 */
public class DirectoryPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPublisher.class);
    static final int BATCH = 200;

    private final DirectoryOutbox outbox;
    private final Producer<String, String> producer;
    private final Duration ackTimeout;
    private final Clock clock;
    private Instant lastWarning = Instant.EPOCH;

    public DirectoryPublisher(DirectoryOutbox outbox, String bootstrapServers, Duration ackTimeout, Clock clock) {
        this(outbox, new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "acks", "all",
                "enable.idempotence", "true",
                "max.block.ms", "5000",
                "delivery.timeout.ms", "15000",
                "request.timeout.ms", "10000",
                "linger.ms", "0",
                "client.id", "gateway-directory")), ackTimeout, clock);
    }

    public DirectoryPublisher(DirectoryOutbox outbox, Producer<String, String> producer, Duration ackTimeout, Clock clock) {
        this.outbox = outbox;
        this.producer = producer;
        this.ackTimeout = ackTimeout;
        this.clock = clock;
    }

    /** Publishes what is waiting; returns how many events Kafka acknowledged. */
    @Scheduled(fixedDelayString = "${zhenggai.directory.publish-interval:PT0.2S}", initialDelayString = "PT1S")
    public int publishPending() {
        int total = 0;
        List<DirectoryOutbox.Entry> batch;
        do {
            batch = outbox.unpublished(BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
            try {
                for (DirectoryOutbox.Entry entry : batch) {
                    sent.add(producer.send(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, entry.envelope().aggregateId(),
                            EnvelopeCodec.toJson(entry.envelope()))));
                }
                for (Future<RecordMetadata> ack : sent) {
                    ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                warn(batch.size(), e);
                return total;
            }
            outbox.markPublished(batch, clock.instant());
            total += batch.size();
        } while (batch.size() == BATCH);
        return total;
    }

    private void warn(int waiting, Exception e) {
        Instant now = Instant.now();
        if (now.isAfter(lastWarning.plusSeconds(60))) {
            lastWarning = now;
            log.warn("Kafka did not acknowledge {} directory event(s); they stay in the outbox and are retried: {}",
                    waiting, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
