package cn.zhenggai.audit.log;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import cn.zhenggai.platform.kafka.DeadLetterStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends every event of every service's topic to the audit log, a polled batch at a time (ADR 0052): the batch's
 * readable records are appended with one compare-and-set of the chain head per {@link AuditLog#MAX_BATCH_RECORDS};
 * a record that cannot be read, or that the store refuses, is dead-lettered on its own and the others go on. Then the
 * {@link AppendObserver}s (the live ledger) see the batch; offsets are committed after that (ack-mode batch).
 */
@Component
class AllEventsListener {

    private static final Logger logger = LoggerFactory.getLogger(AllEventsListener.class);

    private final AuditLog log;
    private final MeterRegistry registry;
    private final DeadLetterStore deadLetters;
    private final ObjectProvider<AppendObserver> observers;
    private final String group;

    AllEventsListener(AuditLog log, MeterRegistry registry, DeadLetterStore deadLetters,
                      ObjectProvider<AppendObserver> observers, @Value("${zhenggai.consuming.group}") String group) {
        this.log = log;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.observers = observers;
        this.group = group;
    }

    @KafkaListener(topicPattern = "zhenggai\\..*\\.events", groupId = "${zhenggai.consuming.group}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<Document> bases = new ArrayList<>(records.size());
        Map<Document, ConsumerRecord<String, String>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
                if (record.key() != null && !record.key().equals(envelope.aggregateId())) {
                    throw new MalformedEnvelopeException("record key " + record.key()
                            + " differs from aggregate id " + envelope.aggregateId());
                }
                Document base = AuditLog.base(envelope, record.topic(), record.partition(), record.offset());
                bases.add(base);
                origin.put(base, record);
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (bases.isEmpty()) {
            return;
        }
        AuditLog.BatchOutcome outcome = log.appendBatch(bases);
        for (AuditLog.Refused refused : outcome.refused()) {
            deadLetter(origin.get(refused.record()), refused.error());
            bases.remove(refused.record());
        }
        registry.counter("zhenggai.audit.appended", "outcome", "appended").increment(outcome.appended());
        registry.counter("zhenggai.audit.appended", "outcome", "duplicate").increment(outcome.duplicates());
        observers.orderedStream().forEach(o -> o.appended(bases));
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException error) {
        logger.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.getMessage());
        deadLetters.store(record, group, error);
        registry.counter("zhenggai.audit.appended", "outcome", "dead-lettered").increment();
    }
}
