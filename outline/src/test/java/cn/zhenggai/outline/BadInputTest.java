package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhenggai.outline.OutlineParseException.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejected input gets a machine code and a clear message, and never a partial outline. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void emptyFile() {
        assertRejected(() -> OutlineParser.parse(new byte[0], "a.txt"), Code.EMPTY, "empty");
    }

    @Test
    void whitespaceOrWatermarkOnly() {
        assertRejected(() -> OutlineParser.parse(" \r\n\t\n".getBytes(StandardCharsets.UTF_8), "a.txt"), Code.EMPTY, "no text");
        assertRejected(() -> OutlineParser.parse("笔杆儿网www.bgzjy.cn\n".getBytes(StandardCharsets.UTF_8), "a.txt"),
                Code.EMPTY, "no text");
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[64 * 1024];
        new Random(20220101).nextBytes(junk);
        assertRejected(() -> OutlineParser.parse(junk, "junk.txt"), Code.BINARY, "not text");
        assertRejected(() -> OutlineParser.parse(junk, "junk.md"), Code.BINARY, "not text");
    }

    @Test
    void fileOverTenMegabytes() throws IOException {
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertRejected(() -> OutlineParser.parse(big, "big.txt"), Code.TOO_LARGE, "limit is 10 MB");
        Path file = dir.resolve("big.txt");
        Files.write(file, big);
        assertRejected(() -> OutlineParser.parse(file), Code.TOO_LARGE, "20.0 MB");
    }

    @Test
    void docxThatIsNotAZip() {
        byte[] text = "一、个人有关事项说明\n本人没有配备秘书。".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> OutlineParser.parse(text, "outline.docx"), Code.NOT_DOCX, "not a ZIP");
        assertRejected(() -> OutlineParser.parse(Fixtures.zip("readme.txt", "not a word document"), "outline.docx"),
                Code.NOT_DOCX, "word/document.xml");
        byte[] brokenParts = Fixtures.zip("[Content_Types].xml", "x", "word/document.xml", "<garbage");
        assertRejected(() -> OutlineParser.parse(brokenParts, "outline.docx"), Code.NOT_DOCX, "not a readable .docx");
        // an OLE2 header is read by content (as .doc), whatever the name: a bare header is a damaged OLE file
        byte[] oleHeaderOnly = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertRejected(() -> OutlineParser.parse(oleHeaderOnly, "outline.docx"), Code.CORRUPT, "damaged OLE");
    }

    @Test
    void docxZipBomb() {
        byte[] bomb = Fixtures.zipBomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertRejected(() -> OutlineParser.parse(bomb, "bomb.docx"), Code.ZIP_BOMB, "zip bomb");
        // a bomb renamed to .txt is still caught: ZIP content is read as .docx
        assertRejected(() -> OutlineParser.parse(bomb, "bomb.txt"), Code.ZIP_BOMB, "zip bomb");
    }

    @Test
    void inflationLimitIsBoundedByTheHeap() {
        long mb = 1024L * 1024;
        assertThat(DocxReader.inflationLimit(256 * mb)).isEqualTo(256 * mb / 10);
        assertThat(DocxReader.inflationLimit(512 * mb)).isEqualTo(512 * mb / 10);
        assertThat(DocxReader.inflationLimit(8192 * mb)).isEqualTo(100 * mb);
        assertThat(DocxReader.inflationLimit(Long.MAX_VALUE)).isEqualTo(100 * mb);
        assertThat(DocxReader.inflationLimit(Runtime.getRuntime().maxMemory()))
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / 10);
    }

    @Test
    void docxThatInflatesBeyondWhatTheHeapHoldsIsRefusedWithoutTheRatioCheck() {
        // 30 MB inflated at a modest ratio (~60x): the ratio check passes it, a 256 MB heap's bound (25.6 MB) does not
        byte[] docx = Fixtures.lowRatioDocx(30);
        assertThat(docx.length).isLessThan(2 * 1024 * 1024);
        long heapOf256Mb = DocxReader.inflationLimit(256L * 1024 * 1024);
        assertRejected(() -> DocxReader.read(docx, heapOf256Mb), Code.ZIP_BOMB, "more than 25.6 MB");
        assertRejected(() -> DocxReader.read(docx, heapOf256Mb), Code.ZIP_BOMB, "memory allows");
    }

    @Test
    void textWithoutStructure() {
        String prose = "今天天气晴朗，气温适宜。\n上午召开了部门例会，通报了近期工作进展。\n下午组织全体人员参加了业务培训。\n";
        assertRejected(() -> OutlineParser.parse(prose.getBytes(StandardCharsets.UTF_8), "notes.txt"), Code.NO_STRUCTURE,
                "no outline structure");
    }

    @Test
    void headingsWithNothingUnderThem() {
        String headingsOnly = "某局2023年度民主生活会发言提纲\n\n一、查摆的问题\n二、整改措施\n";
        assertRejected(() -> OutlineParser.parse(headingsOnly.getBytes(StandardCharsets.UTF_8), "empty.txt"),
                Code.NO_STRUCTURE, "no outline structure");
    }

    @Test
    void unsupportedTypes() {
        byte[] rtf = "{\\rtf1\\ansi 一、查摆的问题}".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> OutlineParser.parse(rtf, "outline.doc"), Code.UNSUPPORTED_TYPE, "RTF");
        assertRejected(() -> OutlineParser.parse(rtf, "outline.rtf"), Code.UNSUPPORTED_TYPE, "RTF");
        assertRejected(() -> OutlineParser.parse(new byte[] {1, 2, 3}, "outline.exe"), Code.UNSUPPORTED_TYPE, ".exe");
    }

    @Test
    void contentThatIsNotWhatItsNamePromises() {
        // a damaged PDF (the header and nothing readable) read by content, whatever its name
        byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
        assertRejected(() -> OutlineParser.parse(pdf, "outline.pdf"), Code.CORRUPT, "PDF cannot be read");
        assertRejected(() -> OutlineParser.parse(pdf, "outline.txt"), Code.CORRUPT, "PDF cannot be read");
        // bytes with no known signature under a name that promises a binary kind
        assertRejected(() -> OutlineParser.parse(new byte[] {1, 2, 3}, "outline.doc"), Code.CORRUPT, ".doc");
        assertRejected(() -> OutlineParser.parse(new byte[] {1, 2, 3}, "outline.wps"), Code.CORRUPT, ".wps");
        assertRejected(() -> OutlineParser.parse(new byte[] {1, 2, 3}, "scan.png"), Code.CORRUPT, ".png");
    }

    @Test
    void missingFile() {
        assertRejected(() -> OutlineParser.parse(dir.resolve("nope.txt")), Code.UNREADABLE, "not found");
        assertRejected(() -> OutlineParser.parse(dir), Code.UNREADABLE, "not a regular file");
    }

    private static void assertRejected(ThrowingCallable call, Code code, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(OutlineParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(messagePart).doesNotContain("\n");
                });
    }
}
