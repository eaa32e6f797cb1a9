package cn.zhenggai.outline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Tesseract 5 with {@code chi_sim} (Debian tesseract-ocr, tesseract-ocr-chi-sim) as a process, for the comparison
 * in {@link OcrBenchmark} (ADR 0087 chose RapidOCR). One process per page with a timeout; TSV output gives a
 * confidence per word, words of one line are one box.
 */
final class TesseractEngine implements OcrEngine {

    static final long TIMEOUT_SECONDS = 60;

    @Override
    public String name() {
        return "Tesseract chi_sim";
    }

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && out.contains("chi_sim");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public List<OcrBox> read(BufferedImage page) throws OutlineParseException {
        Path file = null;
        try {
            file = Files.createTempFile("zhenggai-tess-", ".png");
            ImageIO.write(page, "png", file.toFile());
            Process p = new ProcessBuilder("tesseract", file.toString(), "-", "-l", "chi_sim", "tsv")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "tesseract timed out");
            }
            return parseTsv(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "tesseract: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "interrupted", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static List<OcrBox> parseTsv(String tsv) {
        record Acc(StringBuilder text, double[] conf, int[] box) {
        }
        Map<String, Acc> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0]) || f[11].isBlank()) {
                continue;
            }
            String key = f[2] + "/" + f[3] + "/" + f[4];
            int left = Integer.parseInt(f[6]);
            int top = Integer.parseInt(f[7]);
            int right = left + Integer.parseInt(f[8]);
            int bottom = top + Integer.parseInt(f[9]);
            double conf = Double.parseDouble(f[10]);
            String word = f[11].strip();
            Acc acc = lines.computeIfAbsent(key, k -> new Acc(new StringBuilder(), new double[2],
                    new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE}));
            if (!acc.text().isEmpty()) {
                acc.text().append(' ');
            }
            acc.text().append(word);
            acc.conf()[0] += conf * word.length();
            acc.conf()[1] += word.length();
            acc.box()[0] = Math.min(acc.box()[0], left);
            acc.box()[1] = Math.min(acc.box()[1], top);
            acc.box()[2] = Math.max(acc.box()[2], right);
            acc.box()[3] = Math.max(acc.box()[3], bottom);
        }
        List<OcrBox> boxes = new ArrayList<>();
        for (Acc acc : lines.values()) {
            boxes.add(new OcrBox(acc.text().toString(), acc.conf()[0] / Math.max(1, acc.conf()[1]),
                    acc.box()[0], acc.box()[1], acc.box()[2], acc.box()[3]));
        }
        return boxes;
    }
}
