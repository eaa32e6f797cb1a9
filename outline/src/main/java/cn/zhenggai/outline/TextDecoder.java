package cn.zhenggai.outline;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a plain-text outline into a string, detecting the encoding: a byte order
 * mark first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); then strict UTF-8 when the bytes hold no NUL;
 * then the most plausible of UTF-16 LE, UTF-16 BE and GB18030 (a superset of GBK and GB2312),
 * judged by how much of the decoded text is Chinese, ASCII or common punctuation.
 */
final class TextDecoder {

    /** The decoded text and the charset it was read with. */
    record Decoded(String text, Charset charset) {
    }

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    /** Share of plausible characters below which a decoding is rejected. */
    private static final double MIN_PLAUSIBILITY = 0.90;
    /** Characters looked at when judging plausibility. */
    private static final int SAMPLE_CHARS = 20_000;

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes) throws OutlineParseException {
        Decoded withBom = decodeByBom(bytes);
        if (withBom != null) {
            return withBom;
        }
        if (!containsNul(bytes)) {
            String utf8 = strictDecode(bytes, 0, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8);
            }
        }
        Decoded best = null;
        double bestScore = -1;
        // GB18030 first: on a tie it wins, as the more common encoding of Chinese text without a BOM.
        for (Charset charset : new Charset[] {GB18030, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            if (charset != GB18030 && bytes.length % 2 != 0) {
                continue;
            }
            String text = strictDecode(bytes, 0, charset);
            if (text == null) {
                continue;
            }
            double score = plausibility(text);
            if (score > bestScore) {
                best = new Decoded(text, charset);
                bestScore = score;
            }
        }
        if (best == null || bestScore < MIN_PLAUSIBILITY) {
            throw new OutlineParseException(OutlineParseException.Code.BINARY,
                    "content is not text in a supported encoding (UTF-8, GB18030/GBK, UTF-16)");
        }
        return best;
    }

    private static Decoded decodeByBom(byte[] b) throws OutlineParseException {
        Charset charset = null;
        int skip = 0;
        if (FileKinds.startsWithBytes(b, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = UTF_32LE;
            skip = 4;
        } else if (FileKinds.startsWithBytes(b, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = UTF_32BE;
            skip = 4;
        } else if (FileKinds.startsWithBytes(b, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (FileKinds.startsWithBytes(b, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (FileKinds.startsWithBytes(b, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (charset == null) {
            return null;
        }
        String text = strictDecode(b, skip, charset);
        if (text == null) {
            throw new OutlineParseException(OutlineParseException.Code.BINARY,
                    "content starts with a " + charset.name() + " byte order mark but is not valid "
                            + charset.name());
        }
        return new Decoded(text, charset);
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes or returns null when the bytes are malformed in that charset. */
    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Share of characters that are plausible in a Chinese outline. */
    static double plausibility(String text) {
        int n = Math.min(text.length(), SAMPLE_CHARS);
        if (n == 0) {
            return 1.0;
        }
        int good = 0;
        for (int i = 0; i < n; i++) {
            if (isPlausible(text.charAt(i))) {
                good++;
            }
        }
        return (double) good / n;
    }

    private static boolean isPlausible(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == 0x7F) {
            return false;
        }
        return c < 0x7F
                || (c >= 0xA0 && c <= 0x17F)          // Latin-1 supplement, Latin extended-A (·, ×, é)
                || (c >= 0x2000 && c <= 0x27BF)       // punctuation, letterlike, numbers, arrows, shapes
                || (c >= 0x3000 && c <= 0x303F)       // CJK symbols and punctuation
                || (c >= 0x3200 && c <= 0x4DBF)       // enclosed CJK, CJK compatibility (㎡), extension A
                || (c >= 0x4E00 && c <= 0x9FFF)       // CJK unified ideographs
                || (c >= 0xF900 && c <= 0xFAFF)       // CJK compatibility ideographs
                || (c >= 0xFE30 && c <= 0xFE4F)       // CJK compatibility forms
                || (c >= 0xFF00 && c <= 0xFFEF)       // full-width forms
                || c == 0xFEFF
                || Character.isSurrogate(c);          // strict decoding left only valid pairs
    }
}
