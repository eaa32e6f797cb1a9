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

    /**
     * The item answering a 巡察/审计 finding: derived from the finding's text (whitespace and punctuation ignored), so
     * the same finding imported again, or raised by another source, is the same item.
     */
    public static String fromFinding(String finding) {
        return "mea-" + UUID.nameUUIDFromBytes(("finding\u0000" + normalise(finding)).getBytes(StandardCharsets.UTF_8));
    }

    /** A finding's text as compared: no whitespace or punctuation, half-width letters and digits. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        return folded.replaceAll("[\\s\\p{P}\\p{S}]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The timed supervision notice of {@code level} for {@code deadline}: issued at most once. */
    static String timedNotice(String measureId, String deadline, String level) {
        return "ntc-" + UUID.nameUUIDFromBytes(("notice\u0000" + measureId + "\u0000" + deadline + "\u0000" + level)
                .getBytes(StandardCharsets.UTF_8));
    }
}
