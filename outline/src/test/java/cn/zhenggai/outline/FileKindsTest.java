package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.zhenggai.outline.OutlineParseException.Code;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The kind of a file comes from its bytes; the name only tells text from Markdown. */
class FileKindsTest {

    @Test
    void signaturesDecideWhateverTheName() throws Exception {
        assertThat(FileKinds.detect(LegacyWordTest.legacy("sample-2022.doc"), "a.txt")).isEqualTo(FileKind.DOC);
        assertThat(FileKinds.detect(Fixtures.docxOutline(), "a.pdf")).isEqualTo(FileKind.DOCX);
        assertThat(FileKinds.detect(PdfFixtures.pages(1), "a.docx")).isEqualTo(FileKind.PDF);
        assertThat(FileKinds.detect(image("png"), "a.doc")).isEqualTo(FileKind.IMAGE);
        assertThat(FileKinds.detect(image("jpg"), null)).isEqualTo(FileKind.IMAGE);
        assertThat(FileKinds.detect(image("bmp"), "a")).isEqualTo(FileKind.IMAGE);
        assertThat(FileKinds.detect(image("gif"), "a.txt")).isEqualTo(FileKind.IMAGE);
        assertThat(FileKinds.detect(image("tiff"), "a.txt")).isEqualTo(FileKind.IMAGE);
        assertThat(FileKinds.detect(new byte[] {'M', 'M', 0, 0x2A, 0, 0, 0, 8}, "a")).isEqualTo(FileKind.IMAGE);
    }

    @Test
    void pdfMayStartAfterSomeJunk() throws Exception {
        byte[] pdf = PdfFixtures.pages(1);
        byte[] prefixed = new byte[pdf.length + 100];
        java.util.Arrays.fill(prefixed, 0, 100, (byte) ' ');
        System.arraycopy(pdf, 0, prefixed, 100, pdf.length);
        assertThat(FileKinds.detect(prefixed, "a.pdf")).isEqualTo(FileKind.PDF);
    }

    @Test
    void textIsTextOrMarkdownByExtension() throws Exception {
        byte[] text = "一、查摆的问题\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileKinds.detect(text, "a.txt")).isEqualTo(FileKind.TEXT);
        assertThat(FileKinds.detect(text, "无扩展名")).isEqualTo(FileKind.TEXT);
        assertThat(FileKinds.detect(text, null)).isEqualTo(FileKind.TEXT);
        assertThat(FileKinds.detect(text, "a.MD")).isEqualTo(FileKind.MARKDOWN);
        // text that starts like a bitmap header is still text
        assertThat(FileKinds.detect("BMW汽车采购情况说明：一、…二、…三、…四、…五、…".getBytes(StandardCharsets.UTF_8), "a.txt"))
                .isEqualTo(FileKind.TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.doc", "a.wps", "a.pdf", "a.png", "a.jpg", "a.tif"})
    void aBinaryNameOverBytesOfNoKnownKindIsCorrupt(String name) {
        assertThatThrownBy(() -> FileKinds.detect("一、查摆的问题".getBytes(StandardCharsets.UTF_8), name))
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.CORRUPT);
                    assertThat(e.getMessage()).contains(name.substring(1)).contains("no known signature");
                });
    }

    @Test
    void aWpsOfNoKnownKindIsNamedAsAnOlderWpsFormat() {
        assertThatThrownBy(() -> FileKinds.detect(new byte[] {0x57, 0x50, 0x53, 0x00, 1, 2, 3, 4}, "提纲.wps"))
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.CORRUPT);
                    assertThat(e.getMessage()).contains("older WPS format").contains("save it in WPS as .doc or .docx");
                });
    }

    @Test
    void rtfIsRefusedWithAReason() {
        assertThatThrownBy(() -> FileKinds.detect("{\\rtf1\\ansi}".getBytes(StandardCharsets.US_ASCII), "a.doc"))
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.UNSUPPORTED_TYPE);
                    assertThat(e.getMessage()).contains("RTF").contains(".docx or .doc");
                });
    }

    @Test
    void aMismatchIsNotedOnlyWhenTheNameSaysSomethingElse() {
        assertThat(FileKinds.mismatch(FileKind.DOC, "a.wps")).isEmpty();
        assertThat(FileKinds.mismatch(FileKind.DOC, "a.doc")).isEmpty();
        assertThat(FileKinds.mismatch(FileKind.PDF, "a")).isEmpty();
        assertThat(FileKinds.mismatch(FileKind.DOC, "a.txt"))
                .isEqualTo(Optional.of(OutlineWarning.of(WarningCode.READ_AS_DOC, "extension", "txt")));
        assertThat(FileKinds.mismatch(FileKind.IMAGE, "a.pdf"))
                .isEqualTo(Optional.of(OutlineWarning.of(WarningCode.READ_AS_IMAGE, "extension", "pdf")));
        assertThat(FileKinds.mismatch(FileKind.SCANNED_PDF, "a.jpg"))
                .isEqualTo(Optional.of(OutlineWarning.of(WarningCode.READ_AS_PDF, "extension", "jpg")));
        assertThat(FileKinds.mismatch(FileKind.DOCX, "a.txt"))
                .isEqualTo(Optional.of(OutlineWarning.of(WarningCode.READ_AS_DOCX, "extension", "txt")));
    }

    @Test
    void picturesGoToOcr() throws Exception {
        Throwable thrown = catchThrowable(() -> {
            Outline outline = OutlineParser.parse(image("png"), "扫描件.png");
            assertThat(outline.source().kind()).isEqualTo(FileKind.IMAGE);
        });
        if (thrown instanceof OutlineParseException e) {
            assertThat(e.code()).isIn(Code.OCR_UNAVAILABLE, Code.NO_TEXT, Code.NO_STRUCTURE);
        } else {
            assertThat(thrown).isNull();
        }
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
        return out.toByteArray();
    }
}
