package cn.zhenggai.report.carryover;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads rectification-service's topic for the carry-overs it prepared; every other event is skipped. */
@Component
class PreparedCarryOverListener {

    private final PreparedCarryOver carryOver;
    private final MeterRegistry registry;

    PreparedCarryOverListener(PreparedCarryOver carryOver, MeterRegistry registry) {
        this.carryOver = carryOver;
        this.registry = registry;
    }

    @KafkaListener(topics = Topics.RECTIFICATION_EVENTS, groupId = "${zhenggai.consuming.group}")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
        if (!"CarryOverPrepared".equals(envelope.type())) {
            return;
        }
        boolean applied = carryOver.apply(EnvelopeCodec.payloadAs(envelope, CarryOverPrepared.class));
        registry.counter("zhenggai.events.consumed", "type", envelope.type(),
                "outcome", applied ? "applied" : "skipped").increment();
    }
}
