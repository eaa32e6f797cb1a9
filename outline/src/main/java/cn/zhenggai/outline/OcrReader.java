package cn.zhenggai.outline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads scans by OCR: image files (.png, .jpg, .tif — multi-page TIFF too), and PDFs whose pages have no text
 * layer. Its lines go through the same cleaner and structure as any other reader's; {@link ReadResult#source()}
 * carries each page's confidence and its doubtful lines.
 *
 * <p>Bounded: an image's size is read from its header before any pixel is decoded (over {@link #MAX_PIXELS}:
 * {@code IMAGE_TOO_LARGE}); large images are decoded subsampled to about {@link #DECODE_PIXELS}; a PDF's page
 * images are checked from their dictionaries before rendering; more than {@link #MAX_OCR_PAGES} pages is
 * {@code TOO_MANY_PAGES}. The engine runs in a worker process with a timeout per page ({@link ProcessOcrEngine},
 * ADR 0087); the pixels it is given bound the time as well.
 */
final class OcrReader {

    /** Most pixels an image (or one page image inside a PDF) may claim: 40 Mpx (A4 at 600 dpi is 35 Mpx). */
    static final long MAX_PIXELS = 40_000_000L;
    /** Pixels a page is decoded and rendered at, at most: about A4 at 300 dpi (8.7 Mpx). */
    static final long DECODE_PIXELS = 9_000_000L;
    /** Most pages read by OCR in one file (an outline is 5–15 pages; about 2–4 s a page on 2 vCPUs). */
    public static final int MAX_OCR_PAGES = 30;
    /** Resolution scanned PDF pages are rendered at. */
    static final float RENDER_DPI = 200f;
    /** A line under this confidence (0–100) is listed as doubtful. */
    static final double LOW_CONFIDENCE = 80.0;
    /** Fewer recognised letters and digits than this on all pages: the scan holds no text. */
    static final int MIN_TEXT_CHARS = 8;

    private OcrReader() {
    }

    /** An image file (.png, .jpg, .tif …), read by OCR. */
    static ReadResult readImage(byte[] content) throws OutlineParseException {
        return readImage(content, OcrEngine.configured());
    }

    /** A PDF whose pages carry no text layer: each page rendered and read by OCR. */
    static ReadResult readScannedPdf(byte[] content) throws OutlineParseException {
        return readScannedPdf(content, OcrEngine.configured());
    }

    static ReadResult readImage(byte[] content, OcrEngine engine) throws OutlineParseException {
        List<PageText> pages = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "not an image format this reader knows");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int count = countImages(reader);
                for (int index = 0; index < count; index++) {
                    long width = reader.getWidth(index);
                    long height = reader.getHeight(index);
                    checkPixels(width, height, index + 1);
                    ImageReadParam param = reader.getDefaultReadParam();
                    int step = subsampling(width * height);
                    param.setSourceSubsampling(step, step, 0, 0);
                    BufferedImage image = reader.read(index, param);
                    pages.add(read(engine, image, index + 1));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "cannot decode the image: " + e.getMessage(), e);
        }
        return result(FileKind.IMAGE, pages);
    }

    static ReadResult readScannedPdf(byte[] content, OcrEngine engine) throws OutlineParseException {
        List<PageText> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(content, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int count = doc.getNumberOfPages();
            if (count > MAX_OCR_PAGES) {
                throw tooManyPages(count);
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int index = 0; index < count; index++) {
                PDPage page = doc.getPage(index);
                checkPageImages(page.getResources(), index + 1, 0);
                float widthInches = page.getCropBox().getWidth() / 72f;
                float heightInches = page.getCropBox().getHeight() / 72f;
                double pixelsAtDpi = (double) widthInches * heightInches * RENDER_DPI * RENDER_DPI;
                float dpi = pixelsAtDpi > DECODE_PIXELS ? (float) (RENDER_DPI * Math.sqrt(DECODE_PIXELS / pixelsAtDpi)) : RENDER_DPI;
                BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
                pages.add(read(engine, image, index + 1));
            }
        } catch (InvalidPasswordException e) {
            throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED, "the PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "cannot read the PDF: " + e.getMessage(), e);
        }
        return result(FileKind.SCANNED_PDF, pages);
    }

    private static int countImages(ImageReader reader) throws IOException, OutlineParseException {
        // a TIFF's directories are walked one by one up to the cap, so a file claiming a million pages costs little
        int count = 0;
        while (true) {
            try {
                reader.getWidth(count);
            } catch (IndexOutOfBoundsException end) {
                return count;
            }
            count++;
            if (count > MAX_OCR_PAGES) {
                throw tooManyPages(count);
            }
        }
    }

    /** Refuses a page whose image XObjects (also inside forms) claim more than {@link #MAX_PIXELS}, before decoding. */
    private static void checkPageImages(PDResources resources, int page, int depth) throws IOException, OutlineParseException {
        if (resources == null || depth > 3) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDImageXObject image) {
                checkPixels(image.getWidth(), image.getHeight(), page);
            } else if (xobject instanceof PDFormXObject form) {
                checkPageImages(form.getResources(), page, depth + 1);
            }
        }
    }

    private static void checkPixels(long width, long height, int page) throws OutlineParseException {
        if (width <= 0 || height <= 0) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "page " + page + " has no pixels");
        }
        if (width * height > MAX_PIXELS) {
            throw new OutlineParseException(OutlineParseException.Code.IMAGE_TOO_LARGE, String.format(Locale.ROOT,
                    "page %d is %d × %d pixels; the limit is %d Mpx", page, width, height, MAX_PIXELS / 1_000_000));
        }
    }

    private static int subsampling(long pixels) {
        int step = 1;
        while (pixels / ((long) step * step) > DECODE_PIXELS) {
            step++;
        }
        return step;
    }

    private static OutlineParseException tooManyPages(int count) {
        return new OutlineParseException(OutlineParseException.Code.TOO_MANY_PAGES, String.format(Locale.ROOT,
                "%s pages to read by OCR; the limit is %d", count > MAX_OCR_PAGES ? "more than " + MAX_OCR_PAGES : count,
                MAX_OCR_PAGES));
    }

    /** One page as read: its lines (a blank line before each paragraph), confidence and doubtful lines. */
    record PageText(int page, List<String> lines, double confidence, List<String> lowConfidence, int chars) {
    }

    private static PageText read(OcrEngine engine, BufferedImage image, int page) throws OutlineParseException {
        return layout(engine.read(grey(image)), page);
    }

    /** The page as 8-bit grey: what the engines read best, and a quarter of the memory of RGBA. */
    private static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    /**
     * Puts the engine's boxes in reading order: boxes whose vertical centres fall within one another's height make
     * a line, lines go top to bottom, boxes in a line left to right. A line that starts clearly right of the page's
     * left margin (an indented first line, a centred title) begins a paragraph: a blank line goes before it, except
     * between two centred lines (a title set over two lines).
     */
    static PageText layout(List<OcrEngine.OcrBox> boxes, int page) {
        List<OcrEngine.OcrBox> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(OcrEngine.OcrBox::centerY));
        List<List<OcrEngine.OcrBox>> rows = new ArrayList<>();
        for (OcrEngine.OcrBox box : sorted) {
            List<OcrEngine.OcrBox> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && sameRow(row, box)) {
                row.add(box);
            } else {
                rows.add(new ArrayList<>(List.of(box)));
            }
        }
        int margin = Integer.MAX_VALUE;
        int rightMargin = Integer.MIN_VALUE;
        List<Integer> heights = new ArrayList<>();
        for (List<OcrEngine.OcrBox> row : rows) {
            row.sort(Comparator.comparingInt(OcrEngine.OcrBox::left));
            margin = Math.min(margin, row.get(0).left());
            rightMargin = Math.max(rightMargin, row.get(row.size() - 1).right());
            row.forEach(b -> heights.add(b.height()));
        }
        heights.sort(null);
        int charHeight = heights.isEmpty() ? 0 : heights.get(heights.size() / 2);
        List<String> lines = new ArrayList<>();
        List<String> low = new ArrayList<>();
        double weighted = 0;
        int chars = 0;
        boolean previousCentred = false;
        for (List<OcrEngine.OcrBox> row : rows) {
            StringBuilder text = new StringBuilder();
            double rowWeighted = 0;
            int rowChars = 0;
            for (OcrEngine.OcrBox box : row) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(box.text().strip());
                int n = box.text().strip().length();
                rowWeighted += box.confidence() * n;
                rowChars += n;
            }
            String line = OcrText.normalize(text.toString());
            if (line.isEmpty()) {
                continue;
            }
            int leftGap = row.get(0).left() - margin;
            int rightGap = rightMargin - row.get(row.size() - 1).right();
            boolean centred = leftGap > 2 * charHeight && Math.abs(leftGap - rightGap) < 2 * charHeight;
            // a title set over two centred lines stays one block; any other indented line starts a paragraph
            if (leftGap > charHeight && !lines.isEmpty() && !(centred && previousCentred)) {
                lines.add("");
            }
            previousCentred = centred;
            lines.add(line);
            double rowConfidence = rowChars == 0 ? 0 : rowWeighted / rowChars;
            if (rowConfidence < LOW_CONFIDENCE && line.codePoints().anyMatch(OcrReader::isHan)) {
                low.add(line);
            }
            weighted += rowWeighted;
            chars += (int) line.codePoints().filter(Character::isLetterOrDigit).count();
        }
        int boxChars = rows.stream().flatMap(List::stream).mapToInt(b -> b.text().strip().length()).sum();
        double confidence = boxChars == 0 ? 0 : Math.round(weighted / boxChars * 10) / 10.0;
        return new PageText(page, lines, confidence, low, chars);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static boolean sameRow(List<OcrEngine.OcrBox> row, OcrEngine.OcrBox box) {
        OcrEngine.OcrBox first = row.get(0);
        double overlapTop = Math.max(first.top(), box.top());
        double overlapBottom = Math.min(first.bottom(), box.bottom());
        return overlapBottom - overlapTop > 0.5 * Math.min(first.height(), box.height());
    }

    private static ReadResult result(FileKind kind, List<PageText> pages) throws OutlineParseException {
        int chars = pages.stream().mapToInt(PageText::chars).sum();
        if (chars < MIN_TEXT_CHARS) {
            throw new OutlineParseException(OutlineParseException.Code.NO_TEXT,
                    "OCR found no text on " + pages.size() + (pages.size() == 1 ? " page" : " pages"));
        }
        StringBuilder text = new StringBuilder();
        List<OutlineSource.OcrPage> ocr = new ArrayList<>();
        List<OutlineWarning> notes = new ArrayList<>();
        notes.add(OutlineWarning.of(WarningCode.OCR_USED, "pages", pages.size()));
        for (PageText page : pages) {
            page.lines().forEach(line -> text.append(line).append('\n'));
            ocr.add(new OutlineSource.OcrPage(page.page(), page.confidence(), page.lowConfidence()));
            if (page.confidence() < LOW_CONFIDENCE || !page.lowConfidence().isEmpty()) {
                notes.add(OutlineWarning.of(WarningCode.OCR_LOW_CONFIDENCE, "page", page.page(),
                        "confidence", String.format(Locale.ROOT, "%.0f", page.confidence()),
                        "lines", page.lowConfidence().size()));
            }
        }
        // the same splitting, page-number removal and cleaning as plain text
        List<SourceLine> lines = PlainTextReader.read(text.toString(), false);
        return new ReadResult(lines, notes, new OutlineSource(kind, pages.size(), ocr));
    }
}
