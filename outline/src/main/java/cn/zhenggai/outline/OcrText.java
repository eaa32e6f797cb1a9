package cn.zhenggai.outline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the confusions OCR makes in Chinese text, before the cleaner and the structure see it: a notice
 * reference's year in the wrong brackets ({@code 【2024]}, {@code [2024]}, {@code (2024)} → {@code 〔2024〕}),
 * ASCII punctuation next to Chinese characters ({@code , ; : ( ) ! ?} → {@code ，；：（）！？}), spaces between
 * Chinese characters, a mark read twice ({@code 、、}, {@code 、：} → {@code 、}), and letters read for digits inside numbers
 * ({@code 2O22} → {@code 2022}, {@code l2} → {@code 12}).
 */
final class OcrText {

    private static final String HAN = "\\p{IsHan}";
    /** Chinese characters and full-width punctuation: text whose neighbours are Chinese. */
    private static final String CJK = "[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》…—*]";

    private static final Pattern SPACE_IN_CJK = Pattern.compile("(?<=" + CJK + ")\\s+(?=" + CJK + ")");
    /** 发【2024]12号, 办[2024)3号, 函(2024)7号: a year in any brackets between an issuer and a number with 号 (or the line's end). */
    private static final Pattern NOTICE_YEAR = Pattern.compile(
            "(?<=" + HAN + ")\\s*[【\\[［(（〔{｛<〈]\\s*((?:19|20)\\d{2})\\s*[】\\]］)）〕}｝>〉]\\s*(?=\\d{1,4}\\s*(?:号|$))");
    /** Letters OCR reads for digits, inside a run of digits. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("(?<![A-Za-z])[0-9OolI|]*[0-9][0-9OolI|]*(?![A-Za-z])");
    private static final Pattern LETTER_DIGIT = Pattern.compile("[OolI|]");
    private static final Pattern ASCII_AFTER_CJK = Pattern.compile("(?<=" + CJK + ")\\s*([,;:!?])");
    private static final Pattern ASCII_BEFORE_CJK = Pattern.compile("([,;:])\\s*(?=" + HAN + ")");
    /** A pair of round brackets, either width, around text without brackets. */
    private static final Pattern PAREN_PAIR = Pattern.compile("(.?)[(（]([^()（）]{0,80})[)）]");
    private static final Pattern HAN_CHAR = Pattern.compile(CJK);
    /**
     * A pause mark read twice or a speck read as a second mark (、、 ，， 、： 。，): Chinese never puts two of these
     * side by side; the first is kept.
     */
    private static final Pattern DOUBLED_MARK = Pattern.compile("([、，。；：！？])(?:\\s*[、，；：])+|([。！？])\\s*\\2+");

    private OcrText() {
    }

    /** One line as the engine read it, with the confusions undone. */
    static String normalize(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = fixNumbers(s);
        s = NOTICE_YEAR.matcher(s).replaceAll("〔$1〕");
        s = parentheses(s);
        s = ASCII_AFTER_CJK.matcher(s).replaceAll(m -> fullWidth(m.group(1)));
        s = ASCII_BEFORE_CJK.matcher(s).replaceAll(m -> fullWidth(m.group(1)));
        s = SPACE_IN_CJK.matcher(s).replaceAll("");
        s = DOUBLED_MARK.matcher(s).replaceAll(m -> m.group(1) != null ? m.group(1) : m.group(2));
        return s;
    }

    /**
     * Round brackets are full-width when they enclose or follow Chinese (a pair with one full-width side becomes
     * full-width too); {@code (1) 加强学习} keeps its ASCII pair. A bracket left unpaired on the line (the pair was
     * broken over two lines) is full-width when Chinese touches it.
     */
    private static String parentheses(String s) {
        Matcher m = PAREN_PAIR.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String before = m.group(1);
            String inner = m.group(2);
            String whole = m.group().substring(before.length());
            boolean chinese = HAN_CHAR.matcher(inner).find() || HAN_CHAR.matcher(before).matches()
                    || whole.startsWith("（") || whole.endsWith("）");
            String pair = chinese ? "（" + inner + "）" : whole;
            m.appendReplacement(out, Matcher.quoteReplacement(before + pair));
        }
        m.appendTail(out);
        char[] c = out.toString().toCharArray();
        int depth = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '(') {
                depth++;
            } else if (c[i] == ')') {
                if (depth > 0) {
                    depth--;
                } else if (touchesChinese(c, i)) {
                    c[i] = '）';
                }
            }
        }
        depth = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            if (c[i] == ')') {
                depth++;
            } else if (c[i] == '(') {
                if (depth > 0) {
                    depth--;
                } else if (touchesChinese(c, i)) {
                    c[i] = '（';
                }
            }
        }
        return new String(c);
    }

    private static boolean touchesChinese(char[] c, int i) {
        return (i > 0 && HAN_CHAR.matcher(String.valueOf(c[i - 1])).matches())
                || (i + 1 < c.length && HAN_CHAR.matcher(String.valueOf(c[i + 1])).matches());
    }

    private static String fixNumbers(String s) {
        Matcher m = NUMBER_LIKE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String run = m.group();
            String digits = run;
            if (run.length() > 1) {
                digits = LETTER_DIGIT.matcher(run).replaceAll(d -> "Oo".contains(d.group()) ? "0" : "1");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(digits));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fullWidth(String ascii) {
        return switch (ascii) {
            case "," -> "，";
            case ";" -> "；";
            case ":" -> "：";
            case "!" -> "！";
            case "?" -> "？";
            default -> ascii;
        };
    }
}
