package cn.zhenggai.outline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbering marker at the start of a paragraph: {@code 一、}, {@code （一）}, {@code 1.},
 * {@code （1）}, {@code ①} or {@code 一是}. Half- and full-width brackets and stops are all accepted.
 *
 * @param kind    the numbering style
 * @param ordinal the number it carries (1 for 一, 1, ①)
 * @param numeral the numeral as written (一, 1, ①)
 * @param length  characters the marker and its trailing separator take at the start of the text
 */
record Marker(Kind kind, int ordinal, String numeral, int length) {

    /** Numbering styles, roughly from outer to inner level. */
    enum Kind {
        /** 一、 二、 or 第一部分: the outline's sections. */
        SECTION,
        /** （一） (一). */
        PAREN_CN,
        /** 1. 1、 1． */
        NUMBER,
        /** （1） (1). */
        PAREN_NUMBER,
        /** ① ②. */
        CIRCLED,
        /** 一是 / 其一， / 第一，: enumerations usually written inline. */
        INLINE
    }

    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final Pattern SECTION = Pattern.compile(
            "^(?:(" + CN + ")\\s*[、.．]|第(" + CN + ")(?:部分|章|篇)[、.．:：,，]?)\\s*");
    private static final Pattern PAREN_CN = Pattern.compile(
            "^[（(]\\s*(" + CN + ")\\s*[）)]\\s*[、.．]?\\s*");
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})\\s*[、.．](?!\\d)\\s*");
    private static final Pattern PAREN_NUMBER = Pattern.compile(
            "^[（(]\\s*(\\d{1,2})\\s*[）)]\\s*[、.．]?\\s*");
    private static final Pattern CIRCLED = Pattern.compile("^([①-⑳])\\s*[、.．]?\\s*");
    private static final Pattern INLINE = Pattern.compile(
            "^(?:其?(" + CN + ")是|[第其](" + CN + ")[，,、：:])\\s*[，,：:]?\\s*");

    private static final Pattern[] PATTERNS = {SECTION, PAREN_CN, NUMBER, PAREN_NUMBER, CIRCLED, INLINE};
    private static final Kind[] KINDS = Kind.values();

    /** The marker at the start of {@code text}, or null. */
    static Marker at(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (!couldStartMarker(first)) {
            return null;
        }
        for (int i = 0; i < PATTERNS.length; i++) {
            Matcher m = PATTERNS[i].matcher(text);
            if (m.find()) {
                String numeral = m.group(1) != null ? m.group(1) : m.group(2);
                int ordinal = ChineseNumerals.parseAny(numeral);
                if (ordinal > 0) {
                    return new Marker(KINDS[i], ordinal, numeral, m.end());
                }
            }
        }
        return null;
    }

    /** True for the paragraph-level styles (everything but {@link Kind#INLINE}). */
    boolean isBlockLevel() {
        return kind != Kind.INLINE;
    }

    private static boolean couldStartMarker(char c) {
        return "一二三四五六七八九十第其（(".indexOf(c) >= 0 || (c >= '0' && c <= '9') || (c >= '①' && c <= '⑳');
    }
}
