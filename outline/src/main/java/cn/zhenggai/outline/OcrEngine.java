package cn.zhenggai.outline;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * An OCR engine: reads the text lines of one page image. The reader ({@link OcrReader}) depends on this seam only,
 * so that an engine whose native library is missing or fails to load gives {@code OCR_UNAVAILABLE} instead of a
 * crash, and tests (and the benchmark) can put another engine in its place.
 */
interface OcrEngine {

    /**
     * System property choosing the engine: {@code rapidocr} (the default: RapidOCR in a worker process),
     * {@code rapidocr-inprocess} (RapidOCR in this JVM) or {@code none} (OCR switched off).
     */
    String PROPERTY = "zhenggai.ocr.engine";

    /** A short name for logs and the benchmark. */
    String name();

    /**
     * Reads one page.
     *
     * @return the text boxes found, in any order, each with its confidence
     * @throws OutlineParseException {@code OCR_UNAVAILABLE} when the engine cannot run on this machine
     */
    List<OcrBox> read(BufferedImage page) throws OutlineParseException;

    /**
     * One run of text the engine found, with its bounding box in page pixels.
     *
     * @param confidence 0–100
     */
    record OcrBox(String text, double confidence, int left, int top, int right, int bottom) {
        int height() {
            return bottom - top;
        }

        double centerY() {
            return (top + bottom) / 2.0;
        }
    }

    /** The engine chosen by {@link #PROPERTY}. */
    static OcrEngine configured() {
        String choice = System.getProperty(PROPERTY, "rapidocr").strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "rapidocr", "" -> ProcessOcrEngine.shared();
            case "rapidocr-inprocess" -> RapidOcrEngine.shared();
            case "none", "off" -> unavailable("OCR is switched off (" + PROPERTY + "=" + choice + ")");
            default -> unavailable("unknown OCR engine '" + choice + "' (" + PROPERTY + ")");
        };
    }

    /** An engine that always refuses with {@code OCR_UNAVAILABLE}. */
    static OcrEngine unavailable(String reason) {
        return new OcrEngine() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public List<OcrBox> read(BufferedImage page) throws OutlineParseException {
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, reason);
            }
        };
    }
}
