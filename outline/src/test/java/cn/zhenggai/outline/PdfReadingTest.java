package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.zhenggai.outline.OutlineParseException.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDFs with a text layer, printed at test time from the outline texts ({@link PdfFixtures}): the outline read from
 * the PDF is the outline read from the text, without the pages' furniture; and every refusal has its code.
 */
class PdfReadingTest {

    @TempDir
    Path dir;

    @Test
    void aPrintedOutlineReadsLikeItsText() throws Exception {
        // given the sample printed over several pages, with a repeated header, six page-number styles,
        // sentences running over page breaks and page 3 set in two columns
        PdfFixtures.Made made = PdfFixtures.outline(Fixtures.sampleText(), 3);
        assertThat(made.pages()).isGreaterThanOrEqualTo(PdfFixtures.FOOTERS.length);
        assertThat(made.pageBreaksInsideSentences()).isGreaterThan(0);

        // when
        Outline fromPdf = OutlineParser.parse(made.pdf(), "提纲.pdf");
        Outline fromText = Fixtures.parseResource(Fixtures.SAMPLE);

        // then
        assertSameStructure(fromPdf, fromText);
        assertThat(fromPdf.source()).isEqualTo(new OutlineSource(FileKind.PDF, made.pages(), List.of()));
        assertThat(fromPdf.warningCodes()).extracting(OutlineWarning::code)
                .contains(WarningCode.PDF_PAGE_FURNITURE_REMOVED, WarningCode.PDF_COLUMNS_READ);
        assertThat(fromPdf.warningCodes()).filteredOn(w -> w.code() == WarningCode.PDF_COLUMNS_READ)
                .extracting(w -> w.params().get("pages")).containsExactly("3");
        assertNoFurniture(OutlineJson.toPrettyJson(fromPdf), made.pages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample-2022-libreoffice.pdf", "sample-2022-libreoffice-two-columns.pdf"})
    void aPdfPrintedByAWordProcessorReadsLikeItsText(String name) throws Exception {
        // given the sample printed by LibreOffice (legacy/make-fixtures.sh): justified and letter-spaced lines,
        // punctuation hung into the margin, first-line indents, a header and 第n页 共m页 on every page, watermarks
        // broken over lines; once in one column, once in two columns on every page (a title wrapped in its column)
        byte[] pdf = LegacyWordTest.legacy(name);

        Outline fromPdf = OutlineParser.parse(pdf, "提纲.pdf");

        assertSameStructure(fromPdf, Fixtures.parseResource(Fixtures.SAMPLE));
        assertNoFurniture(OutlineJson.toPrettyJson(fromPdf), fromPdf.source().pages());
        assertThat(OutlineJson.toPrettyJson(fromPdf)).doesNotContain("页 共").doesNotContain("笔杆");
    }

    @Test
    void headersAreFoundByRepetitionNotByTheirWords() throws Exception {
        String header = "某某市审计局 · 2024年第6期 · 供内部参阅";
        PdfFixtures.Made made = PdfFixtures.outline(Fixtures.sampleText(), 0, header);

        Outline fromPdf = OutlineParser.parse(made.pdf(), "提纲.pdf");

        assertSameStructure(fromPdf, Fixtures.parseResource(Fixtures.SAMPLE));
        assertThat(OutlineJson.toPrettyJson(fromPdf)).doesNotContain("审计局").doesNotContain("供内部参阅");
        assertThat(fromPdf.warningCodes()).extracting(OutlineWarning::code).doesNotContain(WarningCode.PDF_COLUMNS_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-jiaoyu-ju-banzi-gbk.txt", "2024-renmin-yiyuan-utf16le-nobom.txt",
        "2023-dongcheng-jiedao-word-breaks-utf16be.txt", "2023-shuiwu-ju-pdf-wrapped.txt", "sample-2022.txt"})
    void otherOutlinesPrintedReadLikeTheirText(String name) throws Exception {
        // given the paragraphs the text parser finds, printed with page 2 in two columns
        String text = TextDecoder.decode(Fixtures.resource(name)).text();
        PdfFixtures.Made made = PdfFixtures.paragraphsOf(text, 2);

        assertSameStructure(OutlineParser.parse(made.pdf(), name + ".pdf"), OutlineParser.parseText(text));
    }

    @Test
    void pageNumbersAreKnownByTheirForm() {
        for (String number : List.of("— 3 —", "- 3 -", "第3页 共5页", "第 3 页", "3/5", "3", "－12－", "共5页 第3页",
                "Page 2 of 9")) {
            assertThat(PdfReader.Layout.isPageNumber(number)).as(number).isTrue();
        }
        for (String text : List.of("2023年", "3月底前完成", "一、查摆的问题", "第三季度", "XX局文件（内部）")) {
            assertThat(PdfReader.Layout.isPageNumber(text)).as(text).isFalse();
        }
    }

    @Test
    void aPdfWithAUserPasswordIsEncrypted() {
        byte[] pdf = PdfFixtures.encrypted(PdfFixtures.outline(Fixtures.sampleText(), 0).pdf(), "owner", "secret", true);
        assertRejected(pdf, Code.ENCRYPTED, "password");
    }

    @Test
    void anOwnerPasswordThatForbidsCopyingIsRespected() throws Exception {
        byte[] printed = PdfFixtures.outline(Fixtures.sampleText(), 0).pdf();
        assertRejected(PdfFixtures.encrypted(printed, "owner", "", false), Code.ENCRYPTED, "forbids extracting");
        // the same protection that allows copying reads as usual
        Outline allowed = OutlineParser.parse(PdfFixtures.encrypted(printed, "owner", "", true), "提纲.pdf");
        assertSameStructure(allowed, Fixtures.parseResource(Fixtures.SAMPLE));
    }

    @Test
    void tooManyPagesAreRefusedBeforeAnyTextIsRead() {
        assertRejected(PdfFixtures.pages(PdfReader.MAX_PAGES + 1), Code.TOO_MANY_PAGES, "101 pages");
        // at the limit the pages are read (and hold no outline)
        Throwable atLimit = catchThrowable(() -> OutlineParser.parse(PdfFixtures.pages(PdfReader.MAX_PAGES), "a.pdf"));
        assertThat(atLimit).isInstanceOfSatisfying(OutlineParseException.class,
                e -> assertThat(e.code()).isEqualTo(Code.NO_STRUCTURE));
    }

    @Test
    void morePrintedTextThanAnOutlineHoldsIsRefused() {
        // 4 pages of 400 lines of 200 characters: 320 000 glyphs, each page within the stream limits
        byte[] pdf = PdfFixtures.dense(4, 400, 200);
        assertRejected(pdf, Code.TOO_LARGE, "more than " + PdfReader.MAX_GLYPHS + " characters");
    }

    @Test
    void aStreamThatInflatesToGigabytesIsABomb() {
        byte[] bomb = PdfFixtures.streamBomb(2, false);
        assertThat(bomb.length).isLessThan(4 * 1024 * 1024);
        assertRejected(bomb, Code.STREAM_BOMB, "decompression bomb");
    }

    @Test
    void aBombBehindAnotherFilterIsFoundOnceTheFileIsLoaded() {
        byte[] bomb = PdfFixtures.streamBomb(2, true);
        assertThat((long) bomb.length).isLessThan(OutlineParser.MAX_BYTES);
        assertRejected(bomb, Code.STREAM_BOMB, "decompression bomb");
    }

    @Test
    void theBombIsRefusedInASmallHeap() throws Exception {
        // given a JVM with -Xmx512m, a quarter of the 2 GB the stream inflates to
        Path file = dir.resolve("bomb.pdf");
        Files.write(file, PdfFixtures.streamBomb(2, false));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-Dlog4j2.statusLoggerLevel=OFF", "-cp",
                System.getProperty("java.class.path"), OutlineCli.class.getName(), "parse", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        // when / then: it exits 2 with the code, well before a wait that only stops a hang
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(OutlineCli.FAILED);
        assertThat(output).contains("STREAM_BOMB").doesNotContain("OutOfMemoryError");
    }

    @Test
    void aDamagedPdfIsCorrupt() {
        assertRejected("%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII), Code.CORRUPT,
                "PDF cannot be read");
        byte[] garbage = new byte[4096];
        new java.util.Random(3).nextBytes(garbage);
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 9);
        assertRejected(garbage, Code.CORRUPT, "PDF cannot be read");
    }

    @Test
    void aPdfWithoutATextLayerGoesToOcr() {
        byte[] scan = PdfFixtures.scanned();
        // OCR reads it, or says why it could not: never read as an empty text PDF
        Throwable thrown = catchThrowable(() -> {
            Outline outline = OutlineParser.parse(scan, "扫描件.pdf");
            assertThat(outline.source().kind()).isEqualTo(FileKind.SCANNED_PDF);
        });
        if (thrown instanceof OutlineParseException e) {
            assertThat(e.code()).isIn(Code.OCR_UNAVAILABLE, Code.NO_TEXT, Code.NO_STRUCTURE);
        } else {
            assertThat(thrown).isNull();
        }
    }

    @Test
    void aTextLayerIsWhatMostPagesCarry() {
        PdfReader.PageText empty = new PdfReader.PageText(1, 595, 842, List.of());
        PdfReader.PageText stamp = new PdfReader.PageText(2, 595, 842,
                List.of(new PdfReader.Glyph(10, 10, 5, 5, "扫"), new PdfReader.Glyph(15, 10, 5, 5, "描")));
        List<PdfReader.Glyph> many = new java.util.ArrayList<>();
        for (int i = 0; i < PdfReader.MIN_CHARS_PER_PAGE; i++) {
            many.add(new PdfReader.Glyph(10 + 5 * i, 10, 5, 5, "字"));
        }
        PdfReader.PageText text = new PdfReader.PageText(3, 595, 842, many);
        assertThat(PdfReader.hasTextLayer(List.of(empty, stamp, stamp))).isFalse();
        assertThat(PdfReader.hasTextLayer(List.of(text, text, stamp))).isTrue();
        PdfReader.PageText privateUse = new PdfReader.PageText(4, 595, 842,
                many.stream().map(g -> new PdfReader.Glyph(g.x(), g.y(), g.width(), g.height(), "\uE001")).toList());
        assertThat(PdfReader.hasTextLayer(List.of(privateUse))).isFalse();
    }

    @Test
    void aPdfUnderAnotherNameIsReadAsAPdf() throws Exception {
        byte[] pdf = PdfFixtures.outline(Fixtures.sampleText(), 0).pdf();
        Outline outline = OutlineParser.parse(pdf, "提纲.doc");
        assertThat(outline.warningCodes().get(0)).isEqualTo(OutlineWarning.of(WarningCode.READ_AS_PDF, "extension", "doc"));
        assertThat(outline.warnings().get(0)).isEqualTo("文件扩展名为.doc，实际为PDF文档，已按PDF读取");
        assertSameStructure(outline, Fixtures.parseResource(Fixtures.SAMPLE));
    }

    @Test
    void theCliReadsAPdf() throws Exception {
        Path file = dir.resolve("提纲.pdf");
        Files.write(file, PdfFixtures.outline(Fixtures.sampleText(), 3).pdf());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = OutlineCli.run(new String[] {"parse", file.toString()},
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(OutlineCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"kind\" : \"PDF\"").contains("行政审批局");
    }

    static void assertSameStructure(Outline actual, Outline expected) {
        assertThat(actual.title()).isEqualTo(expected.title());
        assertThat(actual.year()).isEqualTo(expected.year());
        assertThat(actual.notice()).isEqualTo(expected.notice());
        assertThat(actual.carryOver()).isEqualTo(expected.carryOver());
        assertThat(actual.problems()).isEqualTo(expected.problems());
        assertThat(actual.cleanAreas()).isEqualTo(expected.cleanAreas());
        assertThat(actual.rootCauses()).isEqualTo(expected.rootCauses());
        assertThat(actual.personalMatters()).isEqualTo(expected.personalMatters());
        assertThat(actual.measures()).isEqualTo(expected.measures());
    }

    private static void assertNoFurniture(String json, int pages) {
        assertThat(json).doesNotContain("XX局").doesNotContain("（内部）").doesNotContain("共" + pages + "页");
        assertThat(json).doesNotContain("— 1 —").doesNotContain("- 2 -").doesNotContain("第 4 页")
                .doesNotContain("5/" + pages);
        OutlineAssertions.assertNoSiteNoise(json);
    }

    private static void assertRejected(byte[] pdf, Code code, String messagePart) {
        assertThatThrownBy(() -> OutlineParser.parse(pdf, "outline.pdf"))
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart).doesNotContain("\n");
                });
    }
}
