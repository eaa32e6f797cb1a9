package cn.zhenggai.report.upcasting;

import cn.zhenggai.contracts.report.ProblemIdentified;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the stored form of revision 1 (fixture) through the upcaster chain and compares with revision 2. */
class ProblemIdentifiedUpcasterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void aStoredRevision1EventIsReadAsRevision2() throws IOException {
        String stored = new String(fixture("problem-identified-r1.json").readAllBytes());
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Report", "rpt-2021-0001", 3,
                "evt-1", Instant.parse("2021-12-20T08:00:00Z"), ProblemIdentified.class.getName(), "1",
                stored.getBytes(), "{}".getBytes());

        List<IntermediateEventRepresentation> upcasted = new EventUpcasterChain(new ProblemIdentifiedUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();

        assertThat(upcasted).hasSize(1);
        IntermediateEventRepresentation event = upcasted.get(0);
        assertThat(event.getType().getRevision()).isEqualTo("2");
        SerializedObject<JsonNode> data = event.getData(JsonNode.class);
        JsonNode expected = mapper.readTree(fixture("problem-identified-r2.json"));
        assertThat(data.getData()).isEqualTo(expected);

        ProblemIdentified read = serializer.deserialize(new SimpleSerializedObject<>(
                data.getData().toString().getBytes(), byte[].class, data.getType()));
        assertThat(read).isEqualTo(new ProblemIdentified("rpt-2021-0001", "prb-2021-0007", "XZSPJ",
                "在带头增强党性、严守纪律规矩方面", 2, "对党规党纪学习不够系统。", "对新修订的纪律处分条例只是泛泛而读。"));
    }

    @Test
    void revision2EventsPassUntouched() throws IOException {
        String stored = new String(fixture("problem-identified-r2.json").readAllBytes());
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Report", "rpt-2021-0001", 3,
                "evt-2", Instant.now(), ProblemIdentified.class.getName(), "2", stored.getBytes(), "{}".getBytes());
        IntermediateEventRepresentation event = new EventUpcasterChain(new ProblemIdentifiedUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
        assertThat(event.getData(JsonNode.class).getData()).isEqualTo(mapper.readTree(stored));
    }

    @Test
    void aTextWithoutExampleBecomesTheStatement() {
        JsonNode upcast = ProblemIdentifiedUpcaster.toRevision2(mapper.createObjectNode()
                .put("text", "调查研究不够深入。"));
        assertThat(upcast.get("statement").asText()).isEqualTo("调查研究不够深入。");
        assertThat(upcast.get("example").isNull()).isTrue();
        assertThat(upcast.get("ordinal").asInt()).isEqualTo(1);
    }

    private InputStream fixture(String name) {
        return getClass().getResourceAsStream("/upcasting/" + name);
    }
}
