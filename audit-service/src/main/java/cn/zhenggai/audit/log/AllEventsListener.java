package cn.zhenggai.audit.log;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.MalformedEnvelopeException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Appends every event of every service's topic to the audit log. */
@Component
class AllEventsListener {

    private final AuditLog log;
    private final MeterRegistry registry;

    AllEventsListener(AuditLog log, MeterRegistry registry) {
        this.log = log;
        this.registry = registry;
    }

    @KafkaListener(topicPattern = "zhenggai\\..*\\.events", groupId = "${zhenggai.consuming.group}")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
        if (record.key() != null && !record.key().equals(envelope.aggregateId())) {
            throw new MalformedEnvelopeException("record key " + record.key()
                    + " differs from aggregate id " + envelope.aggregateId());
        }
        boolean appended = log.append(envelope, record.topic(), record.partition(), record.offset());
        registry.counter("zhenggai.audit.appended", "outcome", appended ? "appended" : "duplicate").increment();
    }
}
