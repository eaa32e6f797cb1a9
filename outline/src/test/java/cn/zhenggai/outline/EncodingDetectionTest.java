package cn.zhenggai.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample re-encoded every supported way parses to exactly the same outline. */
class EncodingDetectionTest {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    private static String text;
    private static Outline expected;

    @BeforeAll
    static void parseUtf8() throws Exception {
        text = Fixtures.sampleText();
        expected = OutlineParser.parse(text.getBytes(StandardCharsets.UTF_8), "sample.txt");
    }

    @ParameterizedTest(name = "{0}, BOM {1}")
    @CsvSource({
        "UTF-8, true",
        "GB18030, false",
        "GBK, false",
        "UTF-16LE, true",
        "UTF-16BE, true",
        "UTF-16LE, false",
        "UTF-16BE, false",
    })
    void sampleParsesIdenticallyInEveryEncoding(String charsetName, boolean bom) throws Exception {
        Charset charset = Charset.forName(charsetName);
        byte[] bytes = encode(text, charset, bom);

        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        assertThat(decoded.text()).isEqualTo(text);
        if (!charsetName.equals("GBK")) {
            assertThat(decoded.charset()).isEqualTo(charset);
        }
        assertThat(OutlineParser.parse(bytes, "sample.txt")).isEqualTo(expected);
    }

    @Test
    void crlfLineEndingsChangeNothing() throws Exception {
        byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(OutlineParser.parse(crlf, "sample.txt")).isEqualTo(expected);
    }

    @Test
    void plainAsciiIsUtf8() throws Exception {
        assertThat(TextDecoder.decode("plain ascii\n".getBytes(StandardCharsets.US_ASCII)).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void shortGbkTextIsNotMistakenForUtf16() throws Exception {
        byte[] gbk = "一、个人有关事项说明\n本人没有配备秘书。".getBytes(Charset.forName("GBK"));
        assertThat(TextDecoder.decode(gbk).text()).isEqualTo("一、个人有关事项说明\n本人没有配备秘书。");
    }

    @Test
    void shortBomLessUtf16WithoutAsciiIsRead() throws Exception {
        String chinese = "本人没有配备秘书。未配备公务用车。";
        assertThat(TextDecoder.decode(chinese.getBytes(StandardCharsets.UTF_16LE)).text()).isEqualTo(chinese);
        assertThat(TextDecoder.decode(chinese.getBytes(StandardCharsets.UTF_16BE)).text()).isEqualTo(chinese);
    }

    private static byte[] encode(String s, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(charset.equals(StandardCharsets.UTF_8) ? UTF8_BOM
                    : charset.equals(StandardCharsets.UTF_16LE) ? UTF16LE_BOM : UTF16BE_BOM);
        }
        out.writeBytes(s.getBytes(charset));
        return out.toByteArray();
    }
}
