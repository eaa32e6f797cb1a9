package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhenggai.outline.OutlineParseException.Code;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * Word 97–2003 (.doc) and WPS (.wps) outlines. The fixtures under {@code legacy/} are made by
 * {@code legacy/make-fixtures.sh} (LibreOffice) from committed sources; encrypted ones are made here with POI.
 */
class LegacyWordTest {

    @Test
    void aDocReadsLikeItsText() throws Exception {
        Outline fromDoc = OutlineParser.parse(legacy("sample-2022.doc"), "提纲.doc");

        PdfReadingTest.assertSameStructure(fromDoc, Fixtures.parseResource(Fixtures.SAMPLE));
        assertThat(fromDoc.source()).isEqualTo(OutlineSource.of(FileKind.DOC));
        OutlineAssertions.assertNoSiteNoise(OutlineJson.toPrettyJson(fromDoc));
    }

    @Test
    void aWpsThatIsAnOleWordDocumentReadsLikeADoc() throws Exception {
        Outline fromWps = OutlineParser.parse(legacy("sample-2022-ole-word.wps"), "提纲.wps");

        PdfReadingTest.assertSameStructure(fromWps, Fixtures.parseResource(Fixtures.SAMPLE));
        assertThat(fromWps.source().kind()).isEqualTo(FileKind.DOC);
        assertThat(fromWps.warningCodes()).extracting(OutlineWarning::code).doesNotContain(WarningCode.READ_AS_DOC);
    }

    @Test
    void headingStylesAndTablesAreRead() throws Exception {
        // given a .doc with Heading 1/2 styles and two problems set in a table
        ReadResult read = DocReader.read(legacy("2021-ziranziyuan-ju-styled.doc"), "doc");

        assertThat(read.lines()).filteredOn(l -> l.headingLevel() > 0).extracting(SourceLine::text).containsExactly(
                "市自然资源局局长2021年度民主生活会个人发言提纲", "一、上年度民主生活会整改措施落实情况", "二、查摆的突出问题",
                "三、问题产生的根源", "四、整改措施");
        assertThat(read.notes()).containsExactly(OutlineWarning.of(WarningCode.DOC_TABLES_FLATTENED, "rows", 2));

        Outline outline = OutlineParser.parse(legacy("2021-ziranziyuan-ju-styled.doc"), "a.doc");
        assertThat(outline.title()).isEqualTo("市自然资源局局长2021年度民主生活会个人发言提纲");
        assertThat(outline.problems()).hasSize(4);
        assertThat(outline.problems()).extracting(Problem::example).allMatch(e -> e != null && !e.isBlank());
        assertThat(outline.rootCauses()).hasSize(2);
        assertThat(outline.measures()).hasSize(2);
        assertThat(outline.carryOver()).hasSize(1);
        assertThat(outline.warnings()).contains("文档含有表格（2行），表格内容已按普通段落读取");
    }

    @Test
    void wordAutomaticNumberingIsWrittenOut() throws Exception {
        // given a .doc whose section numbers 一、二、三、四、 are Word list numbering (not in the text stream)
        byte[] doc = legacy("2020-tongji-ju-numbered.doc");
        ReadResult read = DocReader.read(doc, "doc");
        assertThat(read.lines()).extracting(SourceLine::text).filteredOn(t -> t.matches("^[一二三四]、.*"))
                .containsExactly("一、上年度民主生活会整改情况", "二、存在的突出问题", "三、问题产生的原因", "四、下一步整改措施");

        // then it reads like the text with the numbers typed
        Outline fromText = OutlineParser.parse(legacy("2020-tongji-ju-numbered.txt"), "a.txt");
        PdfReadingTest.assertSameStructure(OutlineParser.parse(doc, "a.doc"), fromText);
        assertThat(fromText.problems()).hasSize(4);
        assertThat(fromText.measures()).hasSize(2);
    }

    @Test
    void fieldCodesAreDroppedAndTheirResultsKept() {
        String raw = "见\u0013 HYPERLINK \"http://x.cn\" \u0014附件1\u0015。\u0007";
        assertThat(DocReader.plainText(raw)).isEqualTo("见附件1。\u0007");
        assertThat(DocReader.plainText("页码\u0013 PAGE \u0015完")).isEqualTo("页码完");
    }

    @Test
    void aDocUnderAnotherNameIsReadAsADoc() throws Exception {
        Outline outline = OutlineParser.parse(legacy("sample-2022.doc"), "提纲.docx");

        assertThat(outline.warningCodes().get(0)).isEqualTo(OutlineWarning.of(WarningCode.READ_AS_DOC, "extension", "docx"));
        assertThat(outline.warnings().get(0)).isEqualTo("文件扩展名为.docx，实际为Word 97-2003（.doc）文档，已按.doc读取");
        PdfReadingTest.assertSameStructure(outline, Fixtures.parseResource(Fixtures.SAMPLE));
    }

    @Test
    void anEncryptedDocIsRefused() {
        byte[] encrypted = encryptedDoc(legacy("sample-2022.doc"), "mima2024");
        assertRejected(encrypted, "提纲.doc", Code.ENCRYPTED, "encrypted");
        assertRejected(encrypted, "提纲.wps", Code.ENCRYPTED, "encrypted");
    }

    @Test
    void anEncryptedDocxIsRefused() {
        // a password-protected .docx is OOXML inside an OLE file (EncryptionInfo, EncryptedPackage)
        byte[] encrypted = encryptedDocx(Fixtures.docxOutline(), "mima2024");
        assertThat(FileKinds.isOle2(encrypted)).isTrue();
        assertRejected(encrypted, "提纲.docx", Code.ENCRYPTED, "password-protected");
    }

    @Test
    void aWpsThatIsNotOleWordGetsAClearReason() {
        byte[] oldWps = oleFile("WpsContent", "WPS 2000 的正文流".getBytes(StandardCharsets.UTF_8));
        assertRejected(oldWps, "提纲.wps", Code.CORRUPT, "the .wps is not an OLE Word document");
        assertRejected(oldWps, "提纲.doc", Code.CORRUPT, "without a WordDocument stream");
    }

    @Test
    void otherOfficeFilesAreNamed() {
        assertRejected(oleFile("Workbook", new byte[64]), "提纲.doc", Code.UNSUPPORTED_TYPE, "Excel");
        assertRejected(oleFile("PowerPoint Document", new byte[64]), "提纲.doc", Code.UNSUPPORTED_TYPE, "PowerPoint");
    }

    @Test
    void aDamagedDocIsCorrupt() {
        byte[] doc = legacy("sample-2022.doc");
        byte[] truncated = java.util.Arrays.copyOf(doc, doc.length / 3);
        assertRejected(truncated, "提纲.doc", Code.CORRUPT, ".doc");
        byte[] wordStreamTooShort = oleFile("WordDocument", new byte[16]);
        assertRejected(wordStreamTooShort, "提纲.doc", Code.CORRUPT, "truncated WordDocument");
    }

    static byte[] legacy(String name) {
        try (InputStream in = LegacyWordTest.class.getResourceAsStream("/legacy/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource legacy/" + name + "; run legacy/make-fixtures.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .doc written again by HWPF with RC4 CryptoAPI encryption under the password. */
    static byte[] encryptedDoc(byte[] doc, String password) {
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(doc));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static byte[] encryptedDocx(byte[] docx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] oleFile(String streamName, byte[] data) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(data), streamName);
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRejected(byte[] content, String name, Code code, String messagePart) {
        assertThatThrownBy(() -> OutlineParser.parse(content, name))
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart).doesNotContain("\n");
                });
    }
}
