package cn.zhenggai.outline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Parse time per kind of file for the sample outline: the .txt, the same text as a .docx (one paragraph per line,
 * made with POI), as a .doc ({@code legacy/sample-2022.doc}, made by LibreOffice) and as a text PDF
 * ({@link PdfFixtures}: repeated header, page numbers, page 3 in two columns; and {@code legacy/sample-2022-libreoffice.pdf},
 * printed by LibreOffice), and one page of it scanned ({@link ScanFixtures}, read by OCR). Prints {@link ParseTiming#run}'s
 * figures for each. Test code, not a test: figures, no assertions; the bench module runs it from this module's test
 * jar: {@code ./zhenggai bench --scenario parse-kinds [N] [WARMUP] [SCAN_RUNS]}.
 */
public final class KindsBenchmark {

    private KindsBenchmark() {
    }

    public static void run(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String text = Fixtures.sampleText();
        System.out.println(ParseTiming.run(text.getBytes(StandardCharsets.UTF_8), "sample-2022.txt", runs, warmup));
        System.out.println(ParseTiming.run(docx(text), "sample-2022.docx", runs, warmup));
        System.out.println(ParseTiming.run(LegacyWordTest.legacy("sample-2022.doc"), "sample-2022.doc", runs, warmup));
        PdfFixtures.Made pdf = PdfFixtures.outline(text, 3);
        System.out.println(ParseTiming.run(pdf.pdf(), "sample-2022.pdf", runs, warmup) + "  (" + pdf.pages() + " pages)");
        byte[] printed = LegacyWordTest.legacy("sample-2022-libreoffice.pdf");
        System.out.println(ParseTiming.run(printed, "sample-2022-libreoffice.pdf", runs, warmup));
        // A scanned page costs seconds of OCR: a few runs of the first page of the sample as a noisy 200-dpi scan,
        // as an image-only PDF, the first of them with the OCR worker's start and model load.
        int scanRuns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        java.util.List<ScanFixtures.Page> pages = ScanFixtures.render(text, 200, ScanFixtures.Noise.SCAN);
        byte[] scan = ScanFixtures.imagePdf(ScanFixtures.images(pages.subList(0, 1)));
        System.out.println(ParseTiming.run(scan, "sample-2022-scan-page1.pdf", scanRuns, 1) + "  (1 scanned page)");
    }

    private static byte[] docx(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\\R")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
