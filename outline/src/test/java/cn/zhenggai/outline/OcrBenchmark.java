package cn.zhenggai.outline;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints OCR character accuracy and time per page for RapidOCR (the engine chosen in ADR 0087) and Tesseract,
 * on the scanned fixtures of {@link ScanFixtures}: the first pages of the sample outline, clean at 300 dpi, noisy
 * at 200 dpi, the noisy page as a JPEG at quality 0.3, and rotated by 1°. Accuracy is 1 − Levenshtein / length on
 * the text without whitespace, before ("raw": the engine's boxes top to bottom, against the page's text) and after
 * the reader's work ("norm": reading order, {@link OcrText}, {@link TextCleaner} and page numbers dropped, against
 * the page's text through the same {@link TextCleaner}).
 *
 * <p>The bench module runs it from this module's test jar:
 * {@code ./zhenggai bench --scenario ocr [pages] [rapidocr|tesseract|both]}
 * — pages per fixture (default 2), engines (default both; Tesseract is skipped when not installed).
 */
public final class OcrBenchmark {

    private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile("[-—–－\\s]*\\d{1,3}[-—–－\\s]*");

    private OcrBenchmark() {
    }

    record Fixture(String name, List<ScanFixtures.Page> pages) {
    }

    public static void run(String[] args) throws Exception {
        int pagesPerFixture = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String sample = Fixtures.sampleText();
        List<ScanFixtures.Page> noisy = ScanFixtures.render(sample, 200, ScanFixtures.Noise.SCAN);
        List<Fixture> fixtures = List.of(
                new Fixture("clean 300 dpi PNG", first(ScanFixtures.render(sample, 300, ScanFixtures.Noise.NONE), pagesPerFixture)),
                new Fixture("noisy 200 dpi PNG", first(noisy, pagesPerFixture)),
                new Fixture("noisy 200 dpi JPEG q0.3", first(noisy, pagesPerFixture).stream()
                        .map(p -> new ScanFixtures.Page(ScanFixtures.decode(ScanFixtures.jpeg(p.image(), 0.3f)), p.text()))
                        .toList()),
                new Fixture("rotated 1° 200 dpi PNG", first(ScanFixtures.render(sample, 200, ScanFixtures.Noise.ROTATED),
                        pagesPerFixture)));
        String which = args.length > 1 ? args[1] : "both";
        List<OcrEngine> engines = new ArrayList<>();
        if (!which.equals("tesseract")) {
            engines.add(RapidOcrEngine.shared());
        }
        if (which.equals("rapidocr")) {
            // RapidOCR only
        } else if (TesseractEngine.installed()) {
            engines.add(new TesseractEngine());
        } else {
            System.out.println("tesseract with chi_sim not installed: only RapidOCR measured");
        }
        System.out.printf(Locale.ROOT, "%d vCPU; %d page(s) per fixture%n",
                Runtime.getRuntime().availableProcessors(), pagesPerFixture);
        for (OcrEngine engine : engines) {
            long loadStart = System.nanoTime();
            engine.read(ScanFixtures.render("预热", 100, ScanFixtures.Noise.NONE).get(0).image());
            System.out.printf(Locale.ROOT, "%n%s: first call (model load + a tiny page) %.2f s%n", engine.name(),
                    (System.nanoTime() - loadStart) / 1e9);
            System.out.printf(Locale.ROOT, "  %-26s %8s %8s %10s %12s%n", "fixture", "raw %", "norm %", "s/page", "〔2022〕 kept");
            for (Fixture fixture : fixtures) {
                double raw = 0;
                double norm = 0;
                long nanos = 0;
                boolean notice = true;
                for (ScanFixtures.Page page : fixture.pages()) {
                    long start = System.nanoTime();
                    List<OcrEngine.OcrBox> boxes = engine.read(page.image());
                    nanos += System.nanoTime() - start;
                    StringBuilder rawText = new StringBuilder();
                    boxes.stream().sorted(java.util.Comparator.comparingInt(OcrEngine.OcrBox::top))
                            .forEach(b -> rawText.append(b.text()));
                    String normText = String.join("", OcrReader.layout(boxes, 1).lines().stream()
                            .map(TextCleaner::clean).filter(l -> !PAGE_NUMBER.matcher(l).matches()).toList());
                    raw += accuracy(page.text(), rawText.toString());
                    norm += accuracy(String.join("", TextCleaner.cleanLines(List.of(page.text().split("\n")))), normText);
                    if (page.text().contains("〔2022〕")) {
                        notice &= normText.contains("发〔2022〕12号");
                    }
                }
                int n = fixture.pages().size();
                System.out.printf(Locale.ROOT, "  %-26s %8.2f %8.2f %10.2f %12s%n", fixture.name(), 100 * raw / n,
                        100 * norm / n, nanos / 1e9 / n, notice ? "yes" : "no");
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%nJVM heap used at the end: %d MB; peak resident set of this JVM (heap, engine's"
                + " native memory): %s%n", heap >> 20, peakRss());
    }

    private static String peakRss() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("n/a");
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static List<ScanFixtures.Page> first(List<ScanFixtures.Page> pages, int n) {
        return pages.subList(0, Math.min(n, pages.size()));
    }

    /** 1 − Levenshtein(expected, actual) / |expected|, whitespace removed from both. */
    static double accuracy(String expected, String actual) {
        String a = expected.replaceAll("\\s+", "");
        String b = actual.replaceAll("\\s+", "");
        if (a.isEmpty()) {
            return b.isEmpty() ? 1 : 0;
        }
        return Math.max(0, 1 - (double) levenshtein(a, b) / a.length());
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

}
