package cn.zhenggai.rectification.upcasting;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision-1 item events read through the upcaster chain as revision 2, not backdated (ADR 0090). */
class ItemEventUpcasterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ItemEventUpcaster());

    @Test
    void aStoredRevision1CompletionReadsAsRevision2NotBackdated() throws IOException {
        IntermediateEventRepresentation event = upcast(MeasureCompleted.class.getName(), "1",
                fixture("measure-completed-r1.json"));

        assertThat(event.getType().getRevision()).isEqualTo("2");
        assertThat(event.getData(JsonNode.class).getData().get("backdating").isNull()).isTrue();
        assertThat(read(event)).isEqualTo(new MeasureCompleted("mea-rpt-2021-0001-m1", "XZSPJ",
                "已建立党规党纪学习制度并开展专题学习。", "xzspj-head", "2021-06-30", false, null));
    }

    @Test
    void aStoredRevision1AssignmentWithoutBackfilledReadsAsNeitherBackfilledNorBackdated() throws IOException {
        IntermediateEventRepresentation event = upcast(MeasureAssigned.class.getName(), "1",
                fixture("measure-assigned-r1.json"));

        assertThat(read(event)).isEqualTo(new MeasureAssigned("mea-rpt-2021-0001-m1", "XZSPJ", "XZSPJ",
                List.of("ZZB"), "张三", "2021-06-30", false, null, "xzspj-head", false, null));
    }

    static Stream<Object> itemEvents() {
        return Stream.of(
                new MeasurePlanned("mea-1", "XZSPJ", "REPORT", "rpt-1", "m1", "XZSPJ", "李四", 2021, 1, "标题", "内容",
                        List.of(new MeasurePlanned.Action("学习", "2021-06-30", null)), "2021-06-30", null, "张三",
                        "XZSPJ", List.of(), List.of("rc-1"), List.of(new MeasurePlanned.Problem("p1", "主题", 1, "问题"))),
                new MeasureAssigned("mea-1", "XZSPJ", "XZSPJ", List.of(), "张三", "2021-06-30", false, null, "u1", true),
                new ProgressReported("mea-1", "XZSPJ", "已学习", "u1", "XZSPJ",
                        List.of(new ProgressReported.Evidence("f1", "a.pdf", "application/pdf", 3, "abc"))),
                new MeasureCompleted("mea-1", "XZSPJ", "完成", "u1", "2021-06-30", true),
                new MeasureVerified("mea-1", "XZSPJ", "u2", "同意销号"),
                new MeasureRejected("mea-1", "XZSPJ", "u2", List.of("材料不全")),
                new MeasureReopened("mea-1", "XZSPJ", "u2", "材料不全"),
                new DeadlineExtended("mea-1", "XZSPJ", "2021-06-30", "2021-09-30", "u1", "u2"),
                new MeasureOverdue("mea-1", "XZSPJ", "2021-06-30", "张三"));
    }

    @ParameterizedTest
    @MethodSource("itemEvents")
    void eachItemEventStoredAsRevision1ReadsWithBackdatingNull(Object event) throws IOException {
        ObjectNode revision1 = (ObjectNode) mapper.readTree(serializer.serialize(event, byte[].class).getData());
        revision1.remove("backdating");

        IntermediateEventRepresentation upcast = upcast(event.getClass().getName(), "1", revision1.toString());

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(read(upcast)).isEqualTo(event);
    }

    @Test
    void anEventStoredWithoutRevisionIsReadAsRevision2() throws IOException {
        IntermediateEventRepresentation event = upcast(MeasureCompleted.class.getName(), null,
                fixture("measure-completed-r1.json"));
        assertThat(event.getType().getRevision()).isEqualTo("2");
        assertThat(((MeasureCompleted) read(event)).backdating()).isNull();
    }

    @Test
    void revision2EventsPassUntouched() throws IOException {
        MeasureCompleted backdated = new MeasureCompleted("mea-1", "XZSPJ", "完成", "u1", "2023-05-31", false,
                new Backdating(Instant.parse("2023-05-09T16:00:00Z"), "pc", "纸质台账补录", null));
        String stored = new String(serializer.serialize(backdated, byte[].class).getData());

        IntermediateEventRepresentation event = upcast(MeasureCompleted.class.getName(), "2", stored);

        assertThat(event.getData(JsonNode.class).getData()).isEqualTo(mapper.readTree(stored));
        assertThat(read(event)).isEqualTo(backdated);
    }

    @Test
    void otherEventsAreNotItsConcern() {
        assertThat(ItemEventUpcaster.ITEM_EVENTS).hasSize(10)
                .contains("cn.zhenggai.contracts.rectification.MeasureColourChanged")
                .doesNotContain("cn.zhenggai.contracts.rectification.SupervisionNoticeIssued");
        JsonNode upcast = ItemEventUpcaster.toRevision2(mapper.createObjectNode().put("measureId", "mea-1"));
        assertThat(upcast.has("backdating")).isTrue();
    }

    private IntermediateEventRepresentation upcast(String type, String revision, String payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Measure", "mea-1", 3, "evt-1",
                Instant.parse("2021-12-20T08:00:00Z"), type, revision, payload.getBytes(), "{}".getBytes());
        List<IntermediateEventRepresentation> upcasted = chain
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcasted).hasSize(1);
        return upcasted.get(0);
    }

    private Object read(IntermediateEventRepresentation event) {
        SerializedObject<JsonNode> data = event.getData(JsonNode.class);
        return serializer.deserialize(new SimpleSerializedObject<>(data.getData().toString().getBytes(),
                byte[].class, data.getType()));
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/upcasting/" + name)) {
            return new String(in.readAllBytes());
        }
    }
}
