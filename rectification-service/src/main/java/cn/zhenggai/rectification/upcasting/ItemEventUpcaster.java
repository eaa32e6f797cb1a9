package cn.zhenggai.rectification.upcasting;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Reads revision 1 (or a payload stored without a revision) of the ten item events as revision 2 (ADR 0090): the
 * payload gains {@code "backdating": null}, i.e. the event happened when it was recorded. Nothing else changes.
 */
@Component
@Order(0)
public class ItemEventUpcaster extends SingleEventUpcaster {

    /** The revision the item events are read as. */
    static final String REVISION_2 = "2";

    /** Class names of the item events that gained {@code backdating} in revision 2. */
    static final Set<String> ITEM_EVENTS = Set.of(
            MeasurePlanned.class.getName(), MeasureAssigned.class.getName(), ProgressReported.class.getName(),
            MeasureCompleted.class.getName(), MeasureVerified.class.getName(), MeasureRejected.class.getName(),
            MeasureReopened.class.getName(), DeadlineExtended.class.getName(), MeasureOverdue.class.getName(),
            MeasureColourChanged.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return ITEM_EVENTS.contains(representation.getType().getName())
                && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), REVISION_2),
                JsonNode.class,
                ItemEventUpcaster::toRevision2);
    }

    /** Revision 1 payload to revision 2: {@code backdating} null unless present. */
    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode node = ((ObjectNode) revision1).deepCopy();
        if (!node.has("backdating")) {
            node.putNull("backdating");
        }
        return node;
    }
}
