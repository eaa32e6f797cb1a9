package cn.zhenggai.report.upcasting;

import cn.zhenggai.contracts.report.ProblemIdentified;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads revision 1 of {@link ProblemIdentified} (one {@code text} holding statement and example) as revision 2
 * ({@code statement} and {@code example}, split at the first 比如/例如).
 */
@Component
@Order(0)
public class ProblemIdentifiedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ProblemIdentified.class.getName(), "1");
    private static final Pattern EXAMPLE = Pattern.compile("^(.*?)[，,。；;]?\\s*((?:比如|例如)[，,：:]?.*)$", Pattern.DOTALL);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(ProblemIdentified.class.getName(), "2"),
                JsonNode.class,
                ProblemIdentifiedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode node = ((ObjectNode) revision1).deepCopy();
        String text = node.path("text").asText("");
        node.remove("text");
        Matcher matcher = EXAMPLE.matcher(text.strip());
        if (matcher.matches() && !matcher.group(1).isBlank()) {
            node.put("statement", matcher.group(1).strip() + "。");
            node.put("example", matcher.group(2).replaceFirst("^(比如|例如)[，,：:]?", "").strip());
        } else {
            node.put("statement", text.strip());
            node.putNull("example");
        }
        if (!node.has("ordinal")) {
            node.put("ordinal", 1);
        }
        return node;
    }
}
