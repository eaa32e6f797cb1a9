package cn.zhenggai.outline;

import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import io.github.mymonstercat.ocr.config.ParamConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * PaddleOCR's PP-OCRv4 models run by ONNX Runtime through RapidOCR's Java binding (ADR 0087). The native library
 * and the models come inside the Maven jars; they are unpacked and loaded on first use. A load that fails (no
 * library for this OS, a missing C++ runtime) is remembered and every later call is {@code OCR_UNAVAILABLE}.
 *
 * <p>The binding keeps one native engine per JVM and reads from a file path, so calls are serialised and each
 * page goes through a temporary PNG file that is deleted afterwards. Its logger {@code io.github.mymonstercat}
 * writes the recognised text at INFO: where an SLF4J backend is present, keep that logger at WARN (the text may
 * hold personal matters).
 */
final class RapidOcrEngine implements OcrEngine {

    /**
     * The longest side, in pixels, the text detector sees; larger pages are scaled down for detection (lines are
     * still recognised from the full page). Bounds the native memory and time per page.
     */
    static final int MAX_SIDE = 1600;

    /** Threads ONNX Runtime may use for one page (the binding's default is 1). */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final RapidOcrEngine SHARED = new RapidOcrEngine(() -> {
        HardwareConfig hardware = HardwareConfig.getOnnxConfig();
        hardware.setNumThread(THREADS);
        return InferenceEngine.getInstance(Model.ONNX_PPOCR_V4, hardware);
    });

    private final Supplier<InferenceEngine> loader;
    private final Object lock = new Object();
    private InferenceEngine engine;
    private String failure;

    /** @param loader loads the native engine; a seam so tests can make the load fail */
    RapidOcrEngine(Supplier<InferenceEngine> loader) {
        this.loader = loader;
    }

    static RapidOcrEngine shared() {
        return SHARED;
    }

    @Override
    public String name() {
        return "RapidOCR PP-OCRv4";
    }

    @Override
    public List<OcrBox> read(BufferedImage page) throws OutlineParseException {
        synchronized (lock) {
            InferenceEngine ocr = load();
            Path file = null;
            try {
                file = Files.createTempFile("zhenggai-ocr-", ".png");
                if (!ImageIO.write(page, "png", file.toFile())) {
                    throw new IOException("no PNG writer for the page image");
                }
                ParamConfig config = ParamConfig.getDefaultConfig();
                config.setMaxSideLen(Integer.getInteger("zhenggai.ocr.maxSide", MAX_SIDE));
                config.setDoAngle(true);
                config.setMostAngle(true);
                OcrResult result = ocr.runOcr(file.toString(), config);
                return boxes(result);
            } catch (IOException e) {
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                        "cannot hand the page to the OCR engine: " + e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE,
                        "OCR engine failed: " + e, e);
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temporary file left behind is removed with the temp directory
                    }
                }
            }
        }
    }

    private InferenceEngine load() throws OutlineParseException {
        if (engine != null) {
            return engine;
        }
        if (failure == null) {
            try {
                engine = loader.get();
                if (engine == null) {
                    failure = "the OCR engine did not load";
                }
            } catch (RuntimeException | LinkageError e) {
                // LoadException (no native library for this platform), UnsatisfiedLinkError, NoClassDefFoundError
                failure = "the OCR engine cannot be loaded on this machine: " + e;
            }
        }
        if (engine == null) {
            throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, failure);
        }
        return engine;
    }

    private static List<OcrBox> boxes(OcrResult result) {
        List<OcrBox> boxes = new ArrayList<>();
        if (result == null || result.getTextBlocks() == null) {
            return boxes;
        }
        for (TextBlock block : result.getTextBlocks()) {
            String text = block.getText();
            if (text == null || text.isBlank() || block.getBoxPoint() == null || block.getBoxPoint().isEmpty()) {
                continue;
            }
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = Integer.MIN_VALUE;
            int bottom = Integer.MIN_VALUE;
            for (Point p : block.getBoxPoint()) {
                left = Math.min(left, p.getX());
                top = Math.min(top, p.getY());
                right = Math.max(right, p.getX());
                bottom = Math.max(bottom, p.getY());
            }
            boxes.add(new OcrBox(text, confidence(block), left, top, right, bottom));
        }
        return boxes;
    }

    /** The mean of the characters' scores (0–1) as 0–100; the box score when the binding gives none. */
    private static double confidence(TextBlock block) {
        float[] scores = block.getCharScores();
        if (scores == null || scores.length == 0) {
            return Math.max(0, Math.min(100, block.getBoxScore() * 100.0));
        }
        double sum = 0;
        for (float s : scores) {
            sum += s;
        }
        return Math.max(0, Math.min(100, sum / scores.length * 100.0));
    }
}
