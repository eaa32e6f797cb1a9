package cn.zhenggai.outline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned fixtures made by the tests themselves: outline text laid out on A4 pages with Java2D in WenQuanYi Micro
 * Hei (the font {@code ./zhenggai test} installs), page numbers "— n —" at the foot, then a scanner's damage with a
 * fixed seed (gaussian noise and speckles, a slight rotation, blur, JPEG artefacts), written as PNG, JPEG,
 * multi-page TIFF or an image-only PDF (page images, no text layer).
 *
 * <p>{@link #main} writes every fixture to {@code target/scan-fixtures/} for a look.
 */
final class ScanFixtures {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    /** A4 in inches. */
    private static final double A4_WIDTH = 8.27;
    private static final double A4_HEIGHT = 11.69;
    private static final double MARGIN = 1.0;
    private static final double FONT_POINTS = 12;
    private static final double LINE_SPACING = 1.6;

    /**
     * A scanner's damage.
     *
     * @param noiseSigma      gaussian noise on grey levels (0–255)
     * @param speckles        dark speckles per million pixels
     * @param rotationDegrees page rotation
     * @param blur            apply a 3×3 blur
     * @param seed            the random seed
     */
    record Noise(double noiseSigma, int speckles, double rotationDegrees, boolean blur, long seed) {
        static final Noise NONE = new Noise(0, 0, 0, false, 1);
        /** A noisy office scan: grey noise, speckles, 0.6° skew, blur. */
        static final Noise SCAN = new Noise(18, 400, 0.6, true, 16);
        /** Rotated by the most the reader is meant for. */
        static final Noise ROTATED = new Noise(10, 200, 1.0, true, 17);
    }

    /** One rendered page and the text on it (lines joined with '\n'). */
    record Page(BufferedImage image, String text) {
    }

    private ScanFixtures() {
    }

    /**
     * Lays the text out on A4 pages and renders them: the lines before the first blank line centred as the title,
     * each paragraph indented two characters, lines wrapped at the margin.
     */
    static List<Page> render(String text, int dpi, Noise noise) {
        Font font = font().deriveFont((float) (FONT_POINTS * dpi / 72.0));
        int width = (int) Math.round(A4_WIDTH * dpi);
        int height = (int) Math.round(A4_HEIGHT * dpi);
        int margin = (int) Math.round(MARGIN * dpi);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(font);
        pg.dispose();
        int lineHeight = (int) Math.round(metrics.getHeight() * LINE_SPACING);
        int linesPerPage = (height - 2 * margin) / lineHeight;
        int indent = metrics.charWidth('中') * 2;

        List<Line> lines = new ArrayList<>();
        boolean title = true;
        for (String paragraph : text.split("\\R")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                title = lines.isEmpty();
                continue;
            }
            if (title) {
                lines.add(new Line(p, -1));
                continue;
            }
            wrap(p, metrics, width - 2 * margin, indent, lines);
        }
        List<Page> pages = new ArrayList<>();
        for (int start = 0, number = 1; start < lines.size(); start += linesPerPage, number++) {
            List<Line> onPage = lines.subList(start, Math.min(lines.size(), start + linesPerPage));
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(font);
            StringBuilder pageText = new StringBuilder();
            int y = margin + metrics.getAscent();
            for (Line line : onPage) {
                int x = line.indent < 0 ? (width - metrics.stringWidth(line.text)) / 2 : margin + line.indent;
                g.drawString(line.text, x, y);
                y += lineHeight;
                pageText.append(line.text).append('\n');
            }
            String folio = "— " + number + " —";
            g.drawString(folio, (width - metrics.stringWidth(folio)) / 2, height - margin / 2);
            g.dispose();
            pages.add(new Page(damage(image, noise, number), pageText.toString()));
        }
        return pages;
    }

    private record Line(String text, int indent) {
    }

    private static void wrap(String paragraph, FontMetrics metrics, int width, int indent, List<Line> out) {
        int start = 0;
        int lineIndent = indent;
        while (start < paragraph.length()) {
            int end = start;
            int used = lineIndent;
            while (end < paragraph.length()) {
                int w = metrics.charWidth(paragraph.charAt(end));
                if (used + w > width) {
                    break;
                }
                used += w;
                end++;
            }
            // keep closing punctuation off the start of a line, as typesetters do
            while (end < paragraph.length() && end > start + 1 && "，。、；：）》”’！？〕".indexOf(paragraph.charAt(end)) >= 0) {
                end--;
            }
            out.add(new Line(paragraph.substring(start, end), lineIndent));
            start = end;
            lineIndent = 0;
        }
    }

    private static BufferedImage damage(BufferedImage clean, Noise noise, int page) {
        if (noise.equals(Noise.NONE)) {
            return clean;
        }
        Random random = new Random(noise.seed() * 31 + page);
        BufferedImage image = clean;
        if (noise.rotationDegrees() != 0) {
            BufferedImage rotated = new BufferedImage(clean.getWidth(), clean.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = rotated.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rotated.getWidth(), rotated.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double degrees = noise.rotationDegrees() * (page % 2 == 0 ? -1 : 1);
            g.drawImage(clean, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                    clean.getWidth() / 2.0, clean.getHeight() / 2.0), null);
            g.dispose();
            image = rotated;
        }
        if (noise.blur()) {
            float[] k = new float[9];
            Arrays.fill(k, 1f / 9);
            BufferedImage blurred = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(image, blurred);
            image = blurred;
        }
        WritableRaster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        if (noise.noiseSigma() > 0) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    row[x] = clamp(row[x] - 12 + (int) Math.round(random.nextGaussian() * noise.noiseSigma()));
                }
                raster.setSamples(0, y, w, 1, 0, row);
            }
        }
        long speckles = (long) noise.speckles() * w * h / 1_000_000;
        for (long i = 0; i < speckles; i++) {
            int x = random.nextInt(w - 2);
            int y = random.nextInt(h - 2);
            int size = 1 + random.nextInt(2);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    raster.setSample(x + dx, y + dy, 0, 40 + random.nextInt(60));
                }
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static Font font() {
        try {
            return Font.createFonts(FONT.toFile())[0];
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load " + FONT + " (Debian fonts-wqy-microhei)", e);
        }
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JPEG at the given quality (0–1); low values add block artefacts. */
    static byte[] jpeg(BufferedImage image, float quality) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multi-page TIFF (Deflate), one image per page. */
    static byte[] tiff(List<BufferedImage> images) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage image : images) {
                writer.writeToSequence(new IIOImage(image, null, null), param);
            }
            writer.endWriteSequence();
            writer.dispose();
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image-only PDF, as scanners write them: each image a JPEG (quality 0.75) filling an A4 page; no text layer. */
    static byte[] imagePdf(List<BufferedImage> images) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : images) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, 0.75f);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blank page with scanner noise only: something to read that holds no text. */
    static BufferedImage blankScan(int dpi) {
        BufferedImage white = new BufferedImage((int) Math.round(A4_WIDTH * dpi), (int) Math.round(A4_HEIGHT * dpi),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.dispose();
        return damage(white, Noise.SCAN, 1);
    }

    /**
     * The header of a PNG that claims {@code width × height} pixels, with no image data: enough for an
     * ImageReader to report its size, far too little to decode.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 0; // greyscale
        chunk(out, "IHDR", ihdr);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static List<BufferedImage> images(List<Page> pages) {
        return pages.stream().map(Page::image).toList();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the fixtures to {@code target/scan-fixtures/} (or the directory given) for inspection. */
    public static void main(String[] args) throws IOException, OutlineParseException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/scan-fixtures");
        Files.createDirectories(dir);
        String sample = Fixtures.sampleText();
        List<Page> noisy = render(sample, 200, Noise.SCAN);
        Files.write(dir.resolve("sample-noisy-200dpi-p1.png"), png(noisy.get(0).image()));
        Files.write(dir.resolve("sample-noisy-200dpi-p1.jpg"), jpeg(noisy.get(0).image(), 0.3f));
        Files.write(dir.resolve("sample-noisy-200dpi.tif"), tiff(images(noisy)));
        Files.write(dir.resolve("sample-noisy-200dpi.pdf"), imagePdf(images(noisy)));
        String bureau = TextDecoder.decode(Fixtures.resource("2023-jiaoyu-ju-banzi-gbk.txt")).text();
        Files.write(dir.resolve("bureau-noisy-200dpi.tif"), tiff(images(render(bureau, 200, Noise.SCAN))));
        Files.write(dir.resolve("sample-clean-300dpi-p1.png"), png(render(sample, 300, Noise.NONE).get(0).image()));
        Files.write(dir.resolve("sample-rotated-200dpi-p1.png"), png(render(sample, 200, Noise.ROTATED).get(0).image()));
        System.out.println("wrote " + new File(dir.toString()).getAbsolutePath());
    }

}
