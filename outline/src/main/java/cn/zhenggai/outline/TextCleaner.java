package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes site noise and normalises characters before any structure is read: website watermarks
 * (a site name glued to a domain, e.g. {@code 笔杆儿网www.bgzjy.cn}), bare domains and URLs, bare
 * site names, zero-width characters and odd spaces; a full-width asterisk becomes the redaction
 * mark {@code *}.
 *
 * <p>Watermarks are looked for across line breaks ({@link #stripWatermarks(List)}): text copied
 * from a PDF may break {@code www.biganzi|jiayuan.com} over two lines.
 */
final class TextCleaner {

    /** Names of template sites whose watermarks are glued into copied outlines. */
    private static final String[] SITE_NAME_LIST = {
        "笔杆儿网", "笔杆子网", "笔杆儿家园", "笔杆子家园", "第一范文网", "范文先生网", "范文网", "公文素材库", "文秘帮", "公文易网",
    };
    private static final String SITE_NAMES = String.join("|", SITE_NAME_LIST);

    private static final String DOMAIN = "(?i:https?://)?(?i:www\\.)?(?:[A-Za-z0-9-]+\\.)+"
            + "(?i:com|cn|net|org|gov|edu|info|top|vip|cc|io|xyz|site|wang|club|me|co|biz)"
            + "(?![A-Za-z0-9-])(?:/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*)?";

    /** A domain or URL, with the site name and separator glued before it when there is one. */
    private static final Pattern WATERMARK = Pattern.compile("(?:(?:" + SITE_NAMES + ")[，,、:：\\s]*)?" + DOMAIN);
    /** Characters a site name plus separator can take before a domain. */
    private static final int SITE_PREFIX_CHARS = 8;
    /** The start of a URL whose end is missing (a cut-off watermark). */
    private static final Pattern LEFTOVER_URL = Pattern.compile("(?i:https?://|www\\.)[A-Za-z0-9.-]*");
    /** Spaces next to a CJK character or full-width punctuation carry no meaning in Chinese text. */
    private static final Pattern SPACE_NEAR_CJK = Pattern.compile(
            " +(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》…—])"
                    + "|(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》…—]) +");
    private static final Pattern MULTI_SPACE = Pattern.compile(" {2,}");

    private TextCleaner() {
    }

    /** Cleans one line: characters normalised, watermarks removed, spaces tidied, trimmed. */
    static String clean(String line) {
        return tidySpaces(stripWatermarks(normalizeCharacters(line)));
    }

    /**
     * Cleans lines, finding watermarks across line breaks; returns as many lines as it was given.
     */
    static List<String> cleanLines(List<String> lines) {
        List<String> normalized = new ArrayList<>(lines.size());
        lines.forEach(line -> normalized.add(normalizeCharacters(line)));
        List<String> stripped = stripWatermarks(normalized);
        List<String> out = new ArrayList<>(stripped.size());
        stripped.forEach(line -> out.add(tidySpaces(line)));
        return out;
    }

    private static String tidySpaces(String line) {
        String s = line.strip();
        if (s.indexOf(' ') >= 0) {
            s = SPACE_NEAR_CJK.matcher(s).replaceAll("");
            s = MULTI_SPACE.matcher(s).replaceAll(" ");
        }
        return s;
    }

    /** Drops zero-width characters, turns odd spaces into ' ' and ＊ into the redaction mark *. */
    private static String normalizeCharacters(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char replacement = c;
            if (isZeroWidth(c)) {
                replacement = 0;
            } else if (c == '\t' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F'
                    || c == '\u205F' || c == '\u3000') {
                replacement = ' ';
            } else if (c == '＊') {
                replacement = '*';
            }
            if (replacement != c && sb == null) {
                sb = new StringBuilder(line.length()).append(line, 0, i);
            }
            if (sb != null && replacement != 0) {
                sb.append(replacement);
            }
        }
        return sb == null ? line : sb.toString();
    }

    private static boolean isZeroWidth(char c) {
        return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** Removes watermarks from one string. */
    static String stripWatermarks(String s) {
        List<int[]> ranges = watermarkRanges(s);
        if (ranges.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        for (int[] range : ranges) {
            out.append(s, copied, range[0]);
            copied = range[1];
        }
        return out.append(s, copied, s.length()).toString();
    }

    /**
     * Removes watermarks from lines as if they were one string: the lines are glued together,
     * watermarks are found in the glued text, and their characters removed from the lines they
     * came from.
     */
    static List<String> stripWatermarks(List<String> lines) {
        StringBuilder flat = new StringBuilder();
        int[] lineStarts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = flat.length();
            flat.append(lines.get(i));
        }
        lineStarts[lines.size()] = flat.length();
        List<int[]> ranges = watermarkRanges(flat.toString());
        if (ranges.isEmpty()) {
            return lines;
        }
        boolean[] removed = new boolean[flat.length()];
        for (int[] range : ranges) {
            Arrays.fill(removed, range[0], range[1], true);
        }
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder line = new StringBuilder();
            for (int k = lineStarts[i]; k < lineStarts[i + 1]; k++) {
                if (!removed[k]) {
                    line.append(flat.charAt(k));
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /**
     * Sorted, non-overlapping [start, end) ranges of watermarks: domains and URLs (with the site
     * name glued before them), then bare site names, then cut-off URLs. The domain pattern only
     * runs on the ASCII stretch around each '.' between letters or digits, so a long Chinese
     * paragraph costs one scan for '.'.
     */
    private static List<int[]> watermarkRanges(String s) {
        List<int[]> ranges = new ArrayList<>();
        Matcher m = WATERMARK.matcher(s);
        int searched = 0;
        for (int dot = nextDomainDot(s, 0); dot >= 0; dot = nextDomainDot(s, dot + 1)) {
            if (dot < searched) {
                continue;
            }
            int runStart = dot;
            while (runStart > 0 && isUrlChar(s.charAt(runStart - 1))) {
                runStart--;
            }
            int runEnd = dot;
            while (runEnd < s.length() && isUrlChar(s.charAt(runEnd))) {
                runEnd++;
            }
            m.region(Math.max(searched, runStart - SITE_PREFIX_CHARS), runEnd);
            if (m.find()) {
                ranges.add(new int[] {m.start(), m.end()});
                searched = m.end();
            }
        }
        for (String name : SITE_NAME_LIST) {
            for (int at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length())) {
                ranges.add(new int[] {at, at + name.length()});
            }
        }
        if (s.contains("www.") || s.contains("WWW.") || s.contains("http") || s.contains("HTTP")) {
            Matcher leftover = LEFTOVER_URL.matcher(s);
            while (leftover.find()) {
                ranges.add(new int[] {leftover.start(), leftover.end()});
            }
        }
        return merge(ranges);
    }

    private static List<int[]> merge(List<int[]> ranges) {
        if (ranges.size() < 2) {
            return ranges;
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        int[] current = ranges.get(0).clone();
        for (int i = 1; i < ranges.size(); i++) {
            int[] next = ranges.get(i);
            if (next[0] <= current[1]) {
                current[1] = Math.max(current[1], next[1]);
            } else {
                merged.add(current);
                current = next.clone();
            }
        }
        merged.add(current);
        return merged;
    }

    /** Index of the next '.' between an ASCII letter or digit and another, or -1. */
    private static int nextDomainDot(String s, int from) {
        for (int i = s.indexOf('.', from); i >= 0; i = s.indexOf('.', i + 1)) {
            if (i > 0 && i < s.length() - 1 && isAsciiAlnum(s.charAt(i - 1)) && isAsciiAlnum(s.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUrlChar(char c) {
        return c < 0x7F && c > 0x20 && c != '"' && c != '<' && c != '>';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
