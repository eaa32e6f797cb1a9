package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scans read by the real OCR engine (RapidOCR, ADR 0087) parse into the same structure as the text they were
 * printed from. The scans are made by {@link ScanFixtures}: noisy 200-dpi pages, as an office scanner gives them.
 */
class ScannedOutlineTest {

    private static final String BUREAU = "2023-jiaoyu-ju-banzi-gbk.txt";

    private static void assertSameStructure(Outline scanned, Outline text) {
        assertThat(scanned.title()).isEqualTo(text.title());
        assertThat(scanned.year()).isEqualTo(text.year());
        assertThat(scanned.notice()).isEqualTo(text.notice());
        assertThat(scanned.carryOver()).extracting(g -> g.items().size())
                .containsExactlyElementsOf(text.carryOver().stream().map(g -> g.items().size()).toList());
        assertThat(scanned.problems()).hasSameSizeAs(text.problems());
        assertThat(scanned.problems()).extracting(Problem::ordinal)
                .containsExactlyElementsOf(text.problems().stream().map(Problem::ordinal).toList());
        assertThat(scanned.problems().stream().filter(p -> p.example() != null).count())
                .isEqualTo(text.problems().stream().filter(p -> p.example() != null).count());
        assertThat(scanned.cleanAreas()).hasSameSizeAs(text.cleanAreas());
        assertThat(scanned.rootCauses()).hasSameSizeAs(text.rootCauses());
        assertThat(scanned.measures()).hasSameSizeAs(text.measures());
        assertThat(scanned.measures()).extracting(Measure::deadline)
                .containsExactlyElementsOf(text.measures().stream().map(Measure::deadline).toList());
        assertThat(scanned.personalMatters() == null).isEqualTo(text.personalMatters() == null);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SampleAsAnImageOnlyPdf {

        private final Outline text;
        private final Outline scanned;

        SampleAsAnImageOnlyPdf() throws Exception {
            text = Fixtures.parseResource(Fixtures.SAMPLE);
            List<ScanFixtures.Page> pages = ScanFixtures.render(Fixtures.sampleText(), 200, ScanFixtures.Noise.SCAN);
            byte[] pdf = ScanFixtures.imagePdf(ScanFixtures.images(pages));
            scanned = OutlineParser.parse(pdf, "扫描件.pdf"); // through the kind detection: no text layer, so OCR
        }

        @Test
        void parsesIntoTheSameStructureAsTheText() {
            assertSameStructure(scanned, text);
            assertThat(scanned.problems()).hasSize(21);
            assertThat(scanned.carryOver()).extracting(g -> g.items().size()).containsExactly(3, 3, 3, 3, 3, 4);
        }

        @Test
        void readsTheNoticeReferenceWithItsChineseBrackets() {
            assertThat(scanned.notice()).isEqualTo("*发〔2022〕12号");
            assertThat(scanned.year()).isEqualTo(2022);
        }

        @Test
        void saysEveryPageWasReadByOcrWithItsConfidence() {
            OutlineSource source = scanned.source();
            assertThat(source.kind()).isEqualTo(FileKind.SCANNED_PDF);
            assertThat(source.pages()).isEqualTo(source.ocr().size()).isGreaterThan(1);
            assertThat(source.ocr()).allSatisfy(page -> assertThat(page.confidence()).isBetween(90.0, 100.0));
            assertThat(scanned.warningCodes().get(0))
                    .isEqualTo(OutlineWarning.of(WarningCode.OCR_USED, "pages", source.pages()));
            assertThat(scanned.warnings().get(0)).isEqualTo(scanned.warningCodes().get(0).text());
        }

        @Test
        void keepsNoSiteNoiseInAnyField() throws Exception {
            String json = new ObjectMapper().writeValueAsString(new Outline(scanned.title(), scanned.year(),
                    scanned.notice(), scanned.carryOver(), scanned.problems(), scanned.cleanAreas(),
                    scanned.rootCauses(), scanned.personalMatters(), scanned.measures(), List.of(),
                    scanned.carryOverSummary(), List.of(), null));
            OutlineAssertions.assertNoSiteNoise(json);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BureauOutlineAsAMultiPageTiff {

        private final Outline text;
        private final Outline scanned;

        BureauOutlineAsAMultiPageTiff() throws Exception {
            text = Fixtures.parseResource(BUREAU);
            String source = TextDecoder.decode(Fixtures.resource(BUREAU)).text();
            List<ScanFixtures.Page> pages = ScanFixtures.render(source, 200, ScanFixtures.Noise.SCAN);
            scanned = OutlineParser.parse(ScanFixtures.tiff(ScanFixtures.images(pages)), "扫描件.tif");
        }

        @Test
        void parsesIntoTheSameStructureAsTheText() {
            assertSameStructure(scanned, text);
            assertThat(scanned.notice()).isEqualTo("县委办发〔2023〕45号");
            assertThat(scanned.title()).isEqualTo("县教育局领导班子2023年度民主生活会对照检查材料");
        }

        @Test
        void isAnImageOfAsManyPagesAsWereScanned() {
            assertThat(scanned.source().kind()).isEqualTo(FileKind.IMAGE);
            assertThat(scanned.source().pages()).isEqualTo(2);
        }
    }

    @Test
    void aJpegPhotoOfOnePageReadsItsNoticeReference() throws Exception {
        String source = TextDecoder.decode(Fixtures.resource(BUREAU)).text();
        ScanFixtures.Page first = ScanFixtures.render(source, 200, ScanFixtures.Noise.ROTATED).get(0);
        ReadResult read = OcrReader.readImage(ScanFixtures.jpeg(first.image(), 0.3f));
        String text = String.join("", read.lines().stream().map(SourceLine::text).toList());
        assertThat(text).contains("（县委办发〔2023〕45号）");
        assertThat(read.source().kind()).isEqualTo(FileKind.IMAGE);
    }

    @Test
    void aBlankScanIsNoText() {
        byte[] png = ScanFixtures.png(ScanFixtures.blankScan(200));
        assertThatThrownBy(() -> OcrReader.readImage(png))
                .isInstanceOfSatisfying(OutlineParseException.class,
                        e -> assertThat(e.code()).isEqualTo(OutlineParseException.Code.NO_TEXT));
    }
}
