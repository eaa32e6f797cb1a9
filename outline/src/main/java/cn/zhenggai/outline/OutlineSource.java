package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How the outline was read (outline JSON {@code source}).
 *
 * @param kind  the kind of file, found from its content
 * @param pages pages of a PDF or an image file, null for other kinds
 * @param ocr   per page read by OCR, its confidence and its doubtful lines; empty when nothing was read by OCR
 */
@JsonPropertyOrder({"kind", "pages", "ocr"})
public record OutlineSource(FileKind kind, Integer pages, List<OcrPage> ocr) {

    public OutlineSource {
        ocr = ocr == null ? List.of() : List.copyOf(ocr);
    }

    public static OutlineSource of(FileKind kind) {
        return new OutlineSource(kind, null, List.of());
    }

    /**
     * One page read by OCR.
     *
     * @param page            1-based page number
     * @param confidence      the engine's mean confidence for the page, 0–100
     * @param lowConfidence   lines whose confidence is under the threshold, as read
     */
    @JsonPropertyOrder({"page", "confidence", "lowConfidence"})
    public record OcrPage(int page, double confidence, List<String> lowConfidence) {
        public OcrPage {
            lowConfidence = lowConfidence == null ? List.of() : List.copyOf(lowConfidence);
        }
    }
}
