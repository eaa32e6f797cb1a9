package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The OCR reader's bounds and refusals, and its reading order, with engines that stand in for OCR (no model runs
 * here; {@link ScannedOutlineTest} runs the real engine).
 */
class OcrReaderTest {

    /** An engine that fails the test when it is called: the input must be refused before any OCR. */
    private static final OcrEngine MUST_NOT_RUN = new OcrEngine() {
        @Override
        public String name() {
            return "must not run";
        }

        @Override
        public List<OcrBox> read(BufferedImage page) {
            throw new AssertionError("the engine ran on input that should have been refused before OCR");
        }
    };

    /** An engine that returns the same boxes for every page, and counts the pages. */
    private static final class Scripted implements OcrEngine {
        final List<OcrBox> boxes;
        final AtomicInteger pages = new AtomicInteger();

        Scripted(OcrBox... boxes) {
            this.boxes = List.of(boxes);
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<OcrBox> read(BufferedImage page) {
            pages.incrementAndGet();
            return boxes;
        }
    }

    private static OcrEngine.OcrBox box(String text, double confidence, int left, int top) {
        return new OcrEngine.OcrBox(text, confidence, left, top, left + 30 * text.length(), top + 30);
    }

    private static BufferedImage tiny() {
        return new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
    }

    private static OutlineParseException.Code codeOf(ThrowingCall call) {
        try {
            call.run();
        } catch (OutlineParseException e) {
            return e.code();
        }
        throw new AssertionError("expected an OutlineParseException");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws OutlineParseException;
    }

    @Test
    void anImageClaiming20000By20000PixelsIsRefusedFromItsHeaderWithoutDecoding() {
        // given a PNG of 88 bytes whose header claims 400 Mpx (1.6 GB as RGBA)
        byte[] png = ScanFixtures.pngHeaderOnly(20_000, 20_000);
        assertThat(png).hasSizeLessThan(100);

        // when read, then refused before the engine or a decoder sees it
        assertThat(codeOf(() -> OcrReader.readImage(png, MUST_NOT_RUN)))
                .isEqualTo(OutlineParseException.Code.IMAGE_TOO_LARGE);
        assertThatThrownBy(() -> OutlineParser.parse(png, "scan.png"))
                .isInstanceOfSatisfying(OutlineParseException.class,
                        e -> assertThat(e.code()).isEqualTo(OutlineParseException.Code.IMAGE_TOO_LARGE));
    }

    @Test
    void anImageJustUnderTheCapIsNotRefusedForItsSize() {
        // 6000 × 6000 = 36 Mpx claims less than MAX_PIXELS: the header passes, then decoding fails (no data)
        byte[] png = ScanFixtures.pngHeaderOnly(6000, 6000);
        assertThat(codeOf(() -> OcrReader.readImage(png, MUST_NOT_RUN))).isEqualTo(OutlineParseException.Code.CORRUPT);
    }

    @Test
    void aScannedPdfWhosePageImageClaims20000By20000PixelsIsRefusedBeforeRendering() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject huge = new PDImageXObject(doc, new java.io.ByteArrayInputStream(new byte[16]),
                    COSName.FLATE_DECODE, 20_000, 20_000, 8, PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(huge, 0, 0, 595, 842);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThat(codeOf(() -> OcrReader.readScannedPdf(pdf, MUST_NOT_RUN)))
                .isEqualTo(OutlineParseException.Code.IMAGE_TOO_LARGE);
    }

    @Test
    void aPdfWithMorePagesThanTheOcrCapIsRefusedBeforeAnyPageIsRead() {
        byte[] pdf = ScanFixtures.imagePdf(Collections.nCopies(OcrReader.MAX_OCR_PAGES + 1, tiny()));
        assertThat(codeOf(() -> OcrReader.readScannedPdf(pdf, MUST_NOT_RUN)))
                .isEqualTo(OutlineParseException.Code.TOO_MANY_PAGES);
    }

    @Test
    void aTiffWithMorePagesThanTheOcrCapIsRefusedBeforeAnyPageIsRead() {
        byte[] tiff = ScanFixtures.tiff(Collections.nCopies(OcrReader.MAX_OCR_PAGES + 1, tiny()));
        assertThat(codeOf(() -> OcrReader.readImage(tiff, MUST_NOT_RUN)))
                .isEqualTo(OutlineParseException.Code.TOO_MANY_PAGES);
    }

    @Test
    void aPdfAtTheOcrCapIsRead() throws OutlineParseException {
        Scripted engine = new Scripted(box("一、整改措施落实情况", 99, 100, 100));
        byte[] pdf = ScanFixtures.imagePdf(Collections.nCopies(OcrReader.MAX_OCR_PAGES, tiny()));
        ReadResult read = OcrReader.readScannedPdf(pdf, engine);
        assertThat(engine.pages).hasValue(OcrReader.MAX_OCR_PAGES);
        assertThat(read.source().kind()).isEqualTo(FileKind.SCANNED_PDF);
        assertThat(read.source().pages()).isEqualTo(OcrReader.MAX_OCR_PAGES);
    }

    @Test
    void anEncryptedScannedPdfIsRefusedAsEncrypted() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertThat(codeOf(() -> OcrReader.readScannedPdf(pdf, MUST_NOT_RUN)))
                .isEqualTo(OutlineParseException.Code.ENCRYPTED);
    }

    @Test
    void bytesThatOnlyStartLikeAPngAreCorrupt() {
        byte[] bytes = new byte[64];
        System.arraycopy(ScanFixtures.png(tiny()), 0, bytes, 0, 16);
        assertThat(codeOf(() -> OcrReader.readImage(bytes, MUST_NOT_RUN))).isEqualTo(OutlineParseException.Code.CORRUPT);
    }

    @Test
    void aPageWithoutRecognisableTextIsNoText() {
        Scripted engine = new Scripted(box("·", 40, 100, 100), box("—1—", 80, 500, 3000));
        byte[] png = ScanFixtures.png(tiny());
        assertThat(codeOf(() -> OcrReader.readImage(png, engine))).isEqualTo(OutlineParseException.Code.NO_TEXT);
        assertThat(codeOf(() -> OcrReader.readImage(png, new Scripted()))).isEqualTo(OutlineParseException.Code.NO_TEXT);
    }

    @Test
    void ocrSwitchedOffIsOcrUnavailableForImagesAndScannedPdfs() {
        String before = System.getProperty(OcrEngine.PROPERTY);
        System.setProperty(OcrEngine.PROPERTY, "none");
        try {
            byte[] png = ScanFixtures.png(tiny());
            assertThatThrownBy(() -> OutlineParser.parse(png, "scan.png"))
                    .isInstanceOfSatisfying(OutlineParseException.class,
                            e -> assertThat(e.code()).isEqualTo(OutlineParseException.Code.OCR_UNAVAILABLE));
            byte[] pdf = ScanFixtures.imagePdf(List.of(tiny()));
            assertThat(codeOf(() -> OcrReader.readScannedPdf(pdf))).isEqualTo(OutlineParseException.Code.OCR_UNAVAILABLE);
        } finally {
            if (before == null) {
                System.clearProperty(OcrEngine.PROPERTY);
            } else {
                System.setProperty(OcrEngine.PROPERTY, before);
            }
        }
    }

    @Test
    void aNativeLibraryThatFailsToLoadIsOcrUnavailableAndIsNotRetriedOnEveryPage() {
        // given the binding's load failing as it does on a platform without its native library
        AtomicInteger loads = new AtomicInteger();
        RapidOcrEngine engine = new RapidOcrEngine(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no RapidOcr in java.library.path");
        });
        byte[] png = ScanFixtures.png(tiny());

        // when two files are read, then each is OCR_UNAVAILABLE and the load was tried once
        assertThat(codeOf(() -> OcrReader.readImage(png, engine))).isEqualTo(OutlineParseException.Code.OCR_UNAVAILABLE);
        assertThat(codeOf(() -> OcrReader.readImage(png, engine))).isEqualTo(OutlineParseException.Code.OCR_UNAVAILABLE);
        assertThat(loads).hasValue(1);
    }

    @Test
    void boxesAreReadTopToBottomLeftToRightWithABlankLineBeforeEachIndentedParagraph() throws OutlineParseException {
        // given boxes in the engine's arbitrary order: a centred title, a paragraph of two lines (first indented,
        // its first line in two boxes), a low-confidence line, and a page number
        Scripted engine = new Scripted(
                box("深入查摆问题。", 96, 100, 300),
                box("个人发言提纲", 98, 400, 100),
                box("本人通过认真学习,", 97, 160, 200),
                box("广泛征求意见，", 95, 700, 205),
                box("一是学习不够系统。", 42, 160, 400),
                box("—2—", 90, 450, 3000));

        ReadResult read = OcrReader.readImage(ScanFixtures.png(tiny()), engine);

        String text = String.join("\n", read.lines().stream().map(SourceLine::text).toList()).strip();
        assertThat(text).isEqualTo("个人发言提纲\n\n本人通过认真学习，广泛征求意见，\n深入查摆问题。\n\n一是学习不够系统。");
        OutlineSource.OcrPage page = read.source().ocr().get(0);
        assertThat(read.source().kind()).isEqualTo(FileKind.IMAGE);
        assertThat(read.source().pages()).isEqualTo(1);
        assertThat(page.lowConfidence()).containsExactly("一是学习不够系统。");
        assertThat(page.confidence()).isBetween(80.0, 90.0);
        assertThat(read.notes()).extracting(OutlineWarning::code)
                .containsExactly(WarningCode.OCR_USED, WarningCode.OCR_LOW_CONFIDENCE);
        assertThat(read.notes().get(0).params()).containsEntry("pages", "1");
        assertThat(read.notes().get(1).params()).containsEntry("page", "1").containsEntry("lines", "1");
        assertThat(read.notes().get(1).text()).isEqualTo("第1页文字识别置信度为" + read.notes().get(1).params().get("confidence")
                + "，有1行可能识别有误，请对照原件核对");
    }

    @Test
    void aMultiPageTiffIsReadPageByPageInOrder() throws OutlineParseException {
        List<OcrEngine.OcrBox> perPage = new ArrayList<>();
        OcrEngine numbered = new OcrEngine() {
            int page;

            @Override
            public String name() {
                return "numbered";
            }

            @Override
            public List<OcrBox> read(BufferedImage image) {
                page++;
                OcrBox line = box("第" + page + "页的正文内容", 99, 100, 100);
                perPage.add(line);
                return List.of(line);
            }
        };
        ReadResult read = OcrReader.readImage(ScanFixtures.tiff(List.of(tiny(), tiny(), tiny())), numbered);
        assertThat(read.source().pages()).isEqualTo(3);
        assertThat(read.source().ocr()).extracting(OutlineSource.OcrPage::page).containsExactly(1, 2, 3);
        assertThat(read.lines()).extracting(SourceLine::text).filteredOn(t -> !t.isEmpty())
                .containsExactly("第1页的正文内容", "第2页的正文内容", "第3页的正文内容");
    }
}
