package cn.zhenggai.platform.kafka;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeMapperTest {

    @Test
    void aStoredEventBecomesAnEnvelopeKeyedByItsAggregate() {
        ProblemIdentified payload = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null);
        GenericDomainEventMessage<ProblemIdentified> message = new GenericDomainEventMessage<>("Report", "r1", 4,
                payload, MetaData.from(Map.of("actor", "demo-party", "department", "DW")));

        EventEnvelope envelope = EnvelopeMapper.toEnvelope(message);

        assertThat(envelope.eventId()).isEqualTo(message.getIdentifier());
        assertThat(envelope.type()).isEqualTo("ProblemIdentified");
        assertThat(envelope.revision()).isEqualTo("2");
        assertThat(envelope.aggregateType()).isEqualTo("Report");
        assertThat(envelope.aggregateId()).isEqualTo("r1");
        assertThat(envelope.sequence()).isEqualTo(4);
        assertThat(envelope.timestamp()).isEqualTo(message.getTimestamp());
        assertThat(envelope.actor()).isEqualTo("demo-party");
        assertThat(envelope.department()).as("the report's department, not the actor's").isEqualTo("XZSPJ");
        assertThat(envelope.payload().get("statement").asText()).isEqualTo("问题。");
    }

    @Test
    void withoutActorMetadataTheActorIsTheSystem() {
        GenericDomainEventMessage<ReportDrafted> message = new GenericDomainEventMessage<>("Report", "r1", 0,
                new ReportDrafted("r1", "提纲", null, "demo-dept", "XZSPJ"));
        EventEnvelope envelope = EnvelopeMapper.toEnvelope(message);
        assertThat(envelope.actor()).isEqualTo("system");
        assertThat(envelope.revision()).isEqualTo("1");
        assertThat(envelope.payload().get("year").isNull()).isTrue();
    }
}
