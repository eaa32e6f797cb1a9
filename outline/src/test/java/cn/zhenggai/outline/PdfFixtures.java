package cn.zhenggai.outline;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFs made at test time with PDFBox, the way word processors print outlines: a Chinese font (WenQuanYi Micro Hei,
 * Debian fonts-wqy-microhei), the title centred, paragraphs with a two-character first-line indent wrapped at the
 * margin, a page header repeated on every page, a page number in the footer in one of six styles, and optionally one
 * page set in two columns.
 */
final class PdfFixtures {

    static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final String HEADER = "XX局文件（内部）";
    /** Footer styles, cycled page by page: %1$d the page, %2$d the page count. */
    static final String[] FOOTERS = {"— %1$d —", "- %1$d -", "第%1$d页 共%2$d页", "第 %1$d 页", "%1$d/%2$d", "%1$d"};

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN = 72;
    private static final float GUTTER = 18;
    private static final float SIZE = 12;
    private static final float LEADING = 20;
    private static final float TOP = HEIGHT - 96;
    private static final float BOTTOM = 84;

    private PdfFixtures() {
    }

    /** What {@link #outline} made, for the test to check that the fixture shows what it should. */
    record Made(byte[] pdf, int pages, int pageBreaksInsideSentences, int twoColumnPage) {
    }

    /**
     * The text (one paragraph per line, the first non-blank line the title) printed as a PDF.
     *
     * @param twoColumnPage the 1-based page set in two columns, 0 for none
     */
    static Made outline(String text, int twoColumnPage) {
        return outline(text, twoColumnPage, HEADER);
    }

    /** As {@link #outline(String, int)}, with the given page header. */
    static Made outline(String text, int twoColumnPage, String header) {
        try (TrueTypeCollection collection = new TrueTypeCollection(FONT); PDDocument doc = new PDDocument()) {
            TrueTypeFont ttf = collection.getFontByName("WenQuanYiMicroHei");
            PDFont font = PDType0Font.load(doc, ttf, true);
            List<String> paragraphs = new ArrayList<>();
            for (String line : text.replace("\uFEFF", "").split("\\R")) {
                if (!line.isBlank()) {
                    paragraphs.add(line.strip());
                }
            }
            return print(doc, font, List.of(paragraphs.get(0)), paragraphs.subList(1, paragraphs.size()), twoColumnPage,
                    header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The paragraphs the text parser finds in {@code text} ({@link ParagraphBuilder}: title lines, body paragraphs,
     * the signature lines) printed as a PDF: for outlines whose text is itself broken into lines.
     */
    static Made paragraphsOf(String text, int twoColumnPage) {
        ParagraphBuilder.Result built = ParagraphBuilder.build(PlainTextReader.read(text, false));
        List<String> body = new ArrayList<>();
        built.paragraphs().forEach(p -> body.add(p.text()));
        body.addAll(built.trailing());
        try (TrueTypeCollection collection = new TrueTypeCollection(FONT); PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, collection.getFontByName("WenQuanYiMicroHei"), true);
            return print(doc, font, built.titleLines(), body, twoColumnPage, HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Made print(PDDocument doc, PDFont font, List<String> title, List<String> paragraphs,
            int twoColumnPage, String header) throws IOException {
        Typesetter setter = new Typesetter(font, twoColumnPage);
        for (String line : title) {
            setter.title(line);
        }
        setter.gapAfterTitle();
        for (String paragraph : paragraphs) {
            setter.paragraph(paragraph);
        }
        List<List<Placed>> pages = setter.finish();
        for (int p = 0; p < pages.size(); p++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                centred(cs, font, 10.5f, HEIGHT - 54, header);
                String footer = String.format(Locale.ROOT, FOOTERS[p % FOOTERS.length], p + 1, pages.size());
                centred(cs, font, 10.5f, 44, footer);
                for (Placed placed : pages.get(p)) {
                    show(cs, font, placed.size, placed.x, placed.y, placed.text);
                }
            }
        }
        return new Made(save(doc), pages.size(), setter.breaksInsideSentences, twoColumnPage);
    }

    /** One run of text at a position. */
    private record Placed(float x, float y, float size, String text) {
    }

    /** Flows paragraphs into lines, columns and pages. */
    private static final class Typesetter {
        private final PDFont font;
        private final int twoColumnPage;
        private final List<List<Placed>> pages = new ArrayList<>();
        private List<Placed> page;
        private int column;
        private float y;
        int breaksInsideSentences;

        Typesetter(PDFont font, int twoColumnPage) {
            this.font = font;
            this.twoColumnPage = twoColumnPage;
            newPage();
        }

        private boolean twoColumns() {
            return pages.size() == twoColumnPage;
        }

        private float left() {
            if (!twoColumns()) {
                return MARGIN;
            }
            return column == 0 ? MARGIN : MARGIN + columnWidth() + GUTTER;
        }

        private float columnWidth() {
            float full = WIDTH - 2 * MARGIN;
            return twoColumns() ? (full - GUTTER) / 2 : full;
        }

        private void newPage() {
            page = new ArrayList<>();
            pages.add(page);
            column = 0;
            y = TOP;
        }

        /** Moves to the next line; returns true when that crossed a page or column. */
        private boolean nextLine() {
            y -= LEADING;
            if (y >= BOTTOM) {
                return false;
            }
            if (twoColumns() && column == 0) {
                column = 1;
                y = TOP;
            } else {
                newPage();
            }
            return true;
        }

        void title(String title) throws IOException {
            float w = width(title, 16);
            page.add(new Placed((WIDTH - w) / 2, y, 16, title));
            nextLine();
        }

        void gapAfterTitle() {
            y -= LEADING * 0.5f;
        }

        void paragraph(String text) throws IOException {
            float indent = 2 * SIZE;
            int start = 0;
            boolean first = true;
            while (start < text.length()) {
                float room = columnWidth() - (first ? indent : 0);
                int end = start;
                float used = 0;
                while (end < text.length()) {
                    int cp = text.codePointAt(end);
                    float w = width(new String(Character.toChars(cp)), SIZE);
                    if (used + w > room) {
                        break;
                    }
                    used += w;
                    end += Character.charCount(cp);
                }
                if (end == start) {
                    end = start + Character.charCount(text.codePointAt(start));
                }
                page.add(new Placed(left() + (first ? indent : 0), y, SIZE, text.substring(start, end)));
                String sofar = text.substring(0, end);
                boolean crossed = nextLine();
                if (crossed && end < text.length() && !Sentences.endsSentence(sofar)) {
                    breaksInsideSentences++;
                }
                start = end;
                first = false;
            }
        }

        List<List<Placed>> finish() {
            if (page.isEmpty()) {
                pages.remove(pages.size() - 1);
            }
            return pages;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }
    }

    private static void centred(PDPageContentStream cs, PDFont font, float size, float y, String text) throws IOException {
        float w = font.getStringWidth(text) / 1000 * size;
        show(cs, font, size, (WIDTH - w) / 2, y, text);
    }

    private static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /**
     * One page whose lines are all set from the left margin, 12 pt, 20 pt apart, as given: a paragraph's indent is
     * then only what the text itself holds (full-width spaces typed at its start, as many cadres indent).
     */
    static byte[] linesFromTheMargin(List<String> lines) {
        try (TrueTypeCollection collection = new TrueTypeCollection(FONT); PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, collection.getFontByName("WenQuanYiMicroHei"), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = HEIGHT - 90;
                for (String line : lines) {
                    show(cs, font, 12, 72, y, line);
                    y -= 20;
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** A PDF of {@code pages} pages, each with one line of Latin text (no Chinese font needed). */
    static byte[] pages(int pages) {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    show(cs, font, 12, 72, 700, "Page " + i + " of a long report with enough text on it.");
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pages} pages of tiny Latin text, {@code lines} lines of {@code chars} characters each. */
    static byte[] dense(int pages, int lines, int chars) {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.COURIER);
            String line = "x".repeat(chars);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 2);
                    cs.newLineAtOffset(10, HEIGHT - 10);
                    for (int i = 0; i < lines; i++) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -2);
                    }
                    cs.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample printed as a PDF, then encrypted with the given passwords and permissions. */
    static byte[] encrypted(byte[] pdf, String owner, String user, boolean canExtract) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            AccessPermission permission = new AccessPermission();
            permission.setCanExtractContent(canExtract);
            permission.setCanExtractForAccessibility(canExtract);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permission);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page holding only a picture of text-coloured noise: a scan, no text layer. */
    static byte[] scanned() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 280,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 200, 280);
            g.setColor(java.awt.Color.BLACK);
            for (int row = 20; row < 260; row += 12) {
                g.fillRect(20, row, 160, 3);
            }
            g.dispose();
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, 0, 0, WIDTH, HEIGHT);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-page PDF whose content stream is {@code gigabytes} GB of zeros, FlateDecode-compressed (about 1 MB per
     * GB). With {@code asciiHex} the compressed data is also ASCIIHex-encoded ({@code [/ASCIIHexDecode /FlateDecode]}),
     * so that it does not start with a zlib header.
     */
    static byte[] streamBomb(int gigabytes, boolean asciiHex) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            byte[] compressed = zerosCompressed((long) gigabytes << 30);
            try (OutputStream out = stream.createRawOutputStream()) {
                if (asciiHex) {
                    byte[] hex = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
                    byte[] buffer = new byte[compressed.length * 2 + 1];
                    for (int i = 0; i < compressed.length; i++) {
                        buffer[2 * i] = hex[(compressed[i] >> 4) & 0xF];
                        buffer[2 * i + 1] = hex[compressed[i] & 0xF];
                    }
                    buffer[buffer.length - 1] = '>';
                    out.write(buffer);
                } else {
                    out.write(compressed);
                }
            }
            if (asciiHex) {
                org.apache.pdfbox.cos.COSArray filters = new org.apache.pdfbox.cos.COSArray();
                filters.add(COSName.ASCII_HEX_DECODE);
                filters.add(COSName.FLATE_DECODE);
                stream.setItem(COSName.FILTER, filters);
            } else {
                stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            }
            page.setContents(new PDStream(stream));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * zlib data that inflates to {@code size} zero bytes, made without compressing them all: after a full flush
     * deflate starts afresh, so the compressed form of one MiB of zeros can be repeated; the Adler-32 trailer is
     * computed over all of them.
     */
    static byte[] zerosCompressed(long size) {
        int chunk = 1 << 20;
        byte[] zeros = new byte[chunk];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(zeros);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
            block.write(buffer, 0, n);
        }
        deflater.setInput(zeros);
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
            repeated.write(buffer, 0, n);
        }
        deflater.finish();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            n = deflater.deflate(buffer);
            tail.write(buffer, 0, n);
        }
        deflater.end();
        Adler32 adler = new Adler32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        out.writeBytes(block.toByteArray());
        adler.update(zeros);
        byte[] again = repeated.toByteArray();
        for (long done = chunk; done < size; done += chunk) {
            out.writeBytes(again);
            adler.update(zeros);
        }
        out.writeBytes(tail.toByteArray());
        long sum = adler.getValue();
        out.write((int) (sum >>> 24) & 0xFF);
        out.write((int) (sum >>> 16) & 0xFF);
        out.write((int) (sum >>> 8) & 0xFF);
        out.write((int) sum & 0xFF);
        return out.toByteArray();
    }
}
