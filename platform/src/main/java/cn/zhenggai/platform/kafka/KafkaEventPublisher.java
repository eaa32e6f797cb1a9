package cn.zhenggai.platform.kafka;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every event of the service's own event store to its Kafka topic, keyed by aggregate id.
 * <p>
 * It is a tracking event processor over the event store (an outbox that is the event store itself): the
 * processor's token advances only after Kafka acknowledged every record of the batch ({@code acks=all}). When
 * Kafka is down the batch fails, the processor backs off and retries from its token, so events committed
 * meanwhile are published, in order, once Kafka returns. Redelivery after a crash is possible (at-least-once);
 * consumers are idempotent by event id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration ackTimeout;
    private final Counter published;

    public KafkaEventPublisher(KafkaTemplate<String, String> kafka, String topic, Duration ackTimeout,
                               MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.published = Counter.builder("zhenggai.events.published")
                .description("Events acknowledged by Kafka")
                .tag("topic", topic)
                .register(registry);
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> message) {
        if (!EventTypes.isPublished(payload.getClass())) {
            return;
        }
        EventEnvelope envelope = EnvelopeMapper.toEnvelope(message);
        CompletableFuture<SendResult<String, String>> sent =
                kafka.send(topic, envelope.aggregateId(), EnvelopeCodec.toJson(envelope));
        if (CurrentUnitOfWork.isStarted()) {
            pendingOf(CurrentUnitOfWork.get()).add(sent);
        } else {
            await(List.of(sent));
        }
    }

    private List<CompletableFuture<?>> pendingOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            root.onPrepareCommit(u -> await(pending));
            return pending;
        });
    }

    private void await(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            published.increment(pending.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not acknowledge {} event(s) on {}; will retry from the last token: {}",
                    pending.size(), topic, e.getMessage());
            throw new KafkaUnavailableException("Kafka did not acknowledge publication to " + topic, e);
        }
    }

    /** Publication failed; the processor retries the batch. */
    public static class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
