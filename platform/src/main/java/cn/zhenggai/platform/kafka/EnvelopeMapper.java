package cn.zhenggai.platform.kafka;

import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.platform.axon.AxonStorageAutoConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.util.Objects;

/** Turns a stored Axon event into the envelope published on Kafka. */
public final class EnvelopeMapper {

    private EnvelopeMapper() {
    }

    public static EventEnvelope toEnvelope(EventMessage<?> message) {
        Object payload = message.getPayload();
        String aggregateType = null;
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Object actor = message.getMetaData().get(AxonStorageAutoConfiguration.ACTOR);
        JsonNode tree = EnvelopeCodec.toTree(payload);
        // the department an event belongs to is its own (a report's); the actor's department is only a fallback
        JsonNode ownDepartment = tree.get("department");
        Object department = ownDepartment != null && ownDepartment.isTextual() ? ownDepartment.asText()
                : message.getMetaData().get(AxonStorageAutoConfiguration.DEPARTMENT);
        return new EventEnvelope(
                message.getIdentifier(),
                EventTypes.nameOf(payload.getClass()),
                EventTypes.revisionOf(payload.getClass()),
                aggregateType,
                aggregateId,
                sequence,
                message.getTimestamp(),
                Objects.toString(actor, "system"),
                department == null ? null : department.toString(),
                tree,
                EffectiveDated.effectiveAt(payload, message.getTimestamp()));
    }
}
