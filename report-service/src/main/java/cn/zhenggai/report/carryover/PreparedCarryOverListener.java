package cn.zhenggai.report.carryover;

import cn.zhenggai.contracts.Topics;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.TypedHandlers;
import cn.zhenggai.contracts.rectification.CarryOverPrepared;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads rectification-service's topic for the carry-overs it prepared; every other event is skipped. */
@Component
class PreparedCarryOverListener {

    private final PreparedCarryOver carryOver;
    private final MeterRegistry registry;
    /** The one event used, by class; rectification's other events are skipped (and not counted). */
    private final TypedHandlers<Boolean, EventEnvelope> handlers;

    PreparedCarryOverListener(PreparedCarryOver carryOver, MeterRegistry registry) {
        this.carryOver = carryOver;
        this.registry = registry;
        this.handlers = TypedHandlers.<Boolean, EventEnvelope>builder()
                .on(CarryOverPrepared.class, (applied, prepared, envelope) -> carryOver.apply(prepared))
                .build();
    }

    @KafkaListener(topics = Topics.RECTIFICATION_EVENTS, groupId = "${zhenggai.consuming.group}")
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EnvelopeCodec.fromJson(record.value());
        Optional<Boolean> outcome = handlers.applyEnvelope(false, envelope, envelope);
        if (outcome.isEmpty()) {
            return;
        }
        boolean applied = outcome.get();
        registry.counter("zhenggai.events.consumed", "type", envelope.type(),
                "outcome", applied ? "applied" : "skipped").increment();
    }
}
