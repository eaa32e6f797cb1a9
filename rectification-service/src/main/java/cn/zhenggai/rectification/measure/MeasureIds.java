package cn.zhenggai.rectification.measure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Ids of rectification items, derived from their source so that redelivery cannot plan an item twice. */
public final class MeasureIds {

    private MeasureIds() {
    }

    /** The item planned from measure {@code reportMeasureId} of report {@code reportId}. */
    public static String fromReport(String reportId, String reportMeasureId) {
        return "mea-" + UUID.nameUUIDFromBytes(("report\u0000" + reportId + "\u0000" + reportMeasureId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
