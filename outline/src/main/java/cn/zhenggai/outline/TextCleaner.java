package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes site noise and normalises characters before any structure is read. Noise is recognised by its
 * form, never by a list of known sites:
 * <ul>
 *   <li>a domain or URL (letters, digits and dots ending in a top-level domain), with the site name glued
 *       before it: the name is the run of Chinese characters before the domain, cut to what all the
 *       domain's occurrences in the document share (a watermark repeats; the text before it varies) or, for
 *       a single occurrence, the run after the last punctuation when it is short. A name learnt this way is
 *       also removed where it stands without its domain;</li>
 *   <li>site phrases: {@code 来源：…} to the end of the line, {@code 本文由…整理}, {@code 更多…请访问…},
 *       {@code 文档下载自…}, {@code （内部）} marks;</li>
 *   <li>zero-width characters and odd spaces; a full-width asterisk becomes the redaction mark {@code *}.</li>
 * </ul>
 * Lines that are noise as a whole (page numbers, repeated page headers and footers, 内部资料 headers) are
 * dropped by {@link #dropNoiseLines(List)} once the whole document is read.
 *
 * <p>Watermarks are looked for across line breaks ({@link #stripWatermarks(List)}): text copied
 * from a PDF may break {@code www.biganzi|jiayuan.com} over two lines.
 */
final class TextCleaner {

    private static final String DOMAIN = "(?i:https?://)?(?i:www\\.)?(?:[A-Za-z0-9-]+\\.)+"
            + "(?i:com|cn|net|org|gov|edu|info|top|vip|cc|io|xyz|site|wang|club|me|co|biz|tv|ink|tech|link|work|pro|"
            + "fun|shop|online|space|store|red|love|live|asia|mobi|name|la|ws|us|hk|tw)"
            + "(?![A-Za-z0-9-])(?:/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*)?";

    /** A domain or URL. */
    private static final Pattern WATERMARK = Pattern.compile(DOMAIN);
    /** Brackets left empty once a watermark inside them is gone. */
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("[（(]\\s*[）)]|【\\s*】|\\[\\s*]|《\\s*》|<\\s*>");
    private static final Pattern OPEN_BRACKET_AT_END = Pattern.compile("[（(【\\[]\\s*$");
    /** The last character of a site's name: 某某范文网, 某某文库, 某某之家, 某某站. */
    private static final String SITE_SUFFIX = "网站库吧帮园家台馆城汇苑阁坊屋圈";
    /** Words that end headings and sentences: a glued site name starts after them. */
    private static final Pattern TEXT_END_WORD = Pattern.compile(
            "问题|情况|措施|根源|原因|方向|说明|方面|不足|差距|剖析|分析|打算|工作|要求|目标|成效|提纲|材料|报告|意见"
                    + "|建设|机制|制度|能力|水平|作用|意识|精神|思想|责任|任务|事项|部署|落实|整改|提升|加强|推进|到位|明显|不够|还需");
    /** Separators between a site name and its domain. */
    private static final String NAME_SEPARATORS = "，,、:：| \u3000-—";
    /** A glued site name is at most this many characters. */
    private static final int MAX_SITE_NAME = 10;
    /** A learnt name shorter than this is not removed where it stands alone (it could be a word). */
    private static final int MIN_BARE_NAME = 3;
    /** A document carries a few sites' watermarks; more learnt names than this are not looked for bare. */
    private static final int MAX_BARE_NAMES = 16;
    /** The start of a URL whose end is missing (a cut-off watermark). */
    private static final Pattern LEFTOVER_URL = Pattern.compile("(?i:https?://|www\\.)[A-Za-z0-9.-]*");
    /** Site phrases inside a line: where they start, they run to the end of their sentence or line. */
    private static final Pattern SITE_PHRASE = Pattern.compile(
            "(?:^|(?<=[。！？!?；;）)（(【\\[\\s]))(?:来源|出处|转载自|稿件来源|文章来源|资料来源)\\s*[:：][^\\n]{0,80}$"
                    + "|(?:^|(?<=[。！？!?；;\\s]))欢迎(?:访问|登录|登陆|光临|关注)[^。！!\\n]{0,40}?(?:[。！!]|$)"
                    + "|(?:本文|本篇|该文|此文|文章|本文档|本资料)(?:由|系|为|来自|转自|选自|摘自)[^。！!\\n]{0,40}?"
                    + "(?:整理|提供|发布|编辑|收集|原创|上传|分享|编写)[^。！!\\n]{0,24}?(?:[。！!]|$)"
                    + "|更多(?:精彩|优秀|相关|同类)?(?:范文|资料|文章|内容|材料|公文|文档|信息)?[^。！!\\n]{0,12}?(?:请|欢迎|敬请)"
                    + "(?:访问|关注|登录|登陆|搜索|下载|查看|浏览|点击)[^。！!\\n]{0,40}?(?:[。！!]|$)"
                    + "|更多(?:精彩|优秀|相关|同类)?(?:范文|资料|文章|材料|公文|文档)[^。！!\\n]{0,12}?"
                    + "(?:访问|关注|登录|登陆|搜索|下载|查看|浏览|点击|见)[^。！!\\n]{0,40}?(?:[。！!]|$)"
                    + "|(?:文档|资料|文章|范文|本文档?|本资料)?(?:下载|转载)(?:自|于)[^。！!，,\\n]{0,40}?(?:[。！!]|$)"
                    + "|(?:文档|资料|文章|本文档?|本资料)(?:来自|来源于|出自)[^。！!，,\\n]{0,40}?(?:[。！!]|$)"
                    + "|[（(【\\[]\\s*内部\\s*(?:资料|材料|文件|使用|传阅|参考|学习)?\\s*[）)】\\]]"
                    + "|[（(【\\[]\\s*(?:仅供|只供)(?:学习)?参考\\s*[）)】\\]]");
    /** Spaces next to a CJK character or full-width punctuation carry no meaning in Chinese text. */
    private static final Pattern SPACE_NEAR_CJK = Pattern.compile(
            " +(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》…—])"
                    + "|(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’《》…—]) +");
    private static final Pattern MULTI_SPACE = Pattern.compile(" {2,}");

    /** Page numbers: "- 2 -", "— 3 —", "第2页 共5页", "2/5", "第 3 页". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－\\s]*\\d{1,3}[-—–－\\s]*|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?"
                    + "|共\\s*\\d{1,3}\\s*页\\s*[，,]?\\s*第\\s*\\d{1,3}\\s*页|\\d{1,3}\\s*/\\s*\\d{1,3}|[Pp]age\\s*\\d{1,3}.*");
    /** A short line that carries a page number beside other words: a running header or footer. */
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "^[^。！？；]{0,30}(?:第\\s*\\d{1,3}\\s*页|[-—–－]\\s*\\d{1,3}\\s*[-—–－])[^。！？；]{0,20}$");
    /** A header line marking the document internal: 内部资料, （内部）, 内部文件 注意保存. */
    private static final Pattern INTERNAL_HEADER = Pattern.compile(
            "^[（(【\\[]?\\s*内部\\s*(?:资料|材料|文件|使用|传阅|参考|学习)?\\s*[）)】\\]]?"
                    + "(?:[，,、\\s]*(?:注意保[存管密]|请勿外传|严禁外传|不得外传|妥善保管|仅供参考))*[。！]?$");
    /** A line repeated this often, short and not a heading, is a running header or footer. */
    private static final int REPEATS = 3;
    private static final int MAX_FURNITURE_WIDTH = 60;

    private TextCleaner() {
    }

    /** Cleans one line: characters normalised, watermarks and site phrases removed, spaces tidied, trimmed. */
    static String clean(String line) {
        return cleanLines(List.of(line)).get(0);
    }

    /**
     * Cleans the lines of one document, finding watermarks across line breaks and learning site names from
     * all of them; returns as many lines as it was given.
     */
    static List<String> cleanLines(List<String> lines) {
        List<String> normalized = new ArrayList<>(lines.size());
        lines.forEach(line -> normalized.add(normalizeCharacters(line)));
        List<String> stripped = stripWatermarks(normalized);
        List<String> out = new ArrayList<>(stripped.size());
        for (int i = 0; i < stripped.size(); i++) {
            String line = stripped.get(i);
            if (line.length() != normalized.get(i).length()) {
                line = EMPTY_BRACKETS.matcher(line).replaceAll(""); // 【某某网 www…】 leaves 【 】
            }
            out.add(tidySpaces(stripPhrases(line)));
        }
        return out;
    }

    /** Removes site phrases (来源：…, 本文由…整理, 更多范文请访问…, 文档下载自…, （内部）). */
    static String stripPhrases(String line) {
        if (line.isEmpty() || !mayHoldPhrase(line)) {
            return line;
        }
        String s = SITE_PHRASE.matcher(line).replaceAll("");
        if (s.length() == line.length()) {
            return s;
        }
        // a phrase that ran to the line's end may leave its opening bracket behind: （来源：…）
        return OPEN_BRACKET_AT_END.matcher(EMPTY_BRACKETS.matcher(s).replaceAll("")).replaceAll("");
    }

    /** Words every site phrase contains: lines without any of them skip the phrase pattern. */
    private static final String[] PHRASE_WORDS = {"来源", "出处", "转载", "本文", "本篇", "该文", "此文", "文章", "文档",
        "资料", "更多", "下载", "欢迎", "内部", "仅供", "只供"};

    private static boolean mayHoldPhrase(String line) {
        for (String word : PHRASE_WORDS) {
            if (line.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops lines that are noise as a whole: page numbers, short lines with a page number (第3页, - 3 -),
     * 内部资料 headers, and running headers and footers — the same short line (digits aside) seen
     * {@value #REPEATS} times or more, or a second time when it repeats the first line. Headings (a
     * numbering marker, a section name, a closing colon) are never dropped as repeats.
     */
    static List<SourceLine> dropNoiseLines(List<SourceLine> lines) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        String first = null;
        for (SourceLine line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String key = repeatKey(line.text());
            if (first == null && !isNoiseLine(line.text().strip())) {
                first = key;
            }
            counts.merge(key, 1, Integer::sum);
        }
        List<SourceLine> out = new ArrayList<>(lines.size());
        boolean seenFirst = false;
        for (SourceLine line : lines) {
            String text = line.text().strip();
            if (text.isEmpty()) {
                out.add(line);
                continue;
            }
            String key = repeatKey(text);
            if (isNoiseLine(text)) {
                continue;
            }
            boolean isFirst = !seenFirst && key.equals(first);
            seenFirst = true;
            int count = counts.getOrDefault(key, 0);
            boolean repeated = count >= REPEATS || (count >= 2 && key.equals(first));
            if (repeated && !isFirst && mayBeFurniture(text)) {
                continue;
            }
            out.add(line);
        }
        return out;
    }

    /** A page number, a 内部资料 header or a short line with a page number. */
    private static boolean isNoiseLine(String text) {
        return PAGE_NUMBER.matcher(text).matches() || INTERNAL_HEADER.matcher(text).matches()
                || (PAGE_FURNITURE.matcher(text).matches() && Marker.at(text) == null);
    }

    private static String repeatKey(String text) {
        return text.strip().replaceAll("\\d+", "#");
    }

    private static boolean mayBeFurniture(String text) {
        return Sentences.width(text) <= MAX_FURNITURE_WIDTH && Marker.at(text) == null
                && !text.endsWith("：") && !text.endsWith(":") && text.indexOf('。') < 0
                && SectionKind.ofBareHeading(text) == null;
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
     * A domain found in the text: where it is, its host without www, and the run of name characters before it
     * (separators such as ， between them skipped), whether that run began at punctuation or a line start.
     */
    private record DomainHit(int start, int end, String key, String run, int runStart, boolean bounded) {
    }

    /**
     * Sorted, non-overlapping [start, end) ranges of watermarks: domains and URLs with the site name glued
     * before them, then the learnt names where they stand alone, then cut-off URLs. The domain pattern only
     * runs on the ASCII stretch around each '.' between letters or digits, so a long Chinese paragraph costs
     * one scan for '.'.
     */
    private static List<int[]> watermarkRanges(String s) {
        List<DomainHit> hits = new ArrayList<>();
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
            m.region(Math.max(searched, runStart), runEnd);
            if (m.find()) {
                hits.add(domainHit(s, m.start(), m.end()));
                searched = m.end();
            }
        }
        List<int[]> ranges = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.Map<String, List<DomainHit>> byDomain = new java.util.HashMap<>();
        for (DomainHit hit : hits) {
            byDomain.computeIfAbsent(hit.key(), k -> new ArrayList<>()).add(hit);
        }
        java.util.Map<String, String> nameByDomain = new java.util.HashMap<>();
        byDomain.forEach((key, ofDomain) -> nameByDomain.put(key, siteName(ofDomain)));
        for (DomainHit hit : hits) {
            String name = nameByDomain.get(hit.key());
            int start = hit.start();
            if (!name.isEmpty() && hit.run().endsWith(name)) {
                start = hit.runStart() + hit.run().length() - name.length();
                if (names.size() < MAX_BARE_NAMES) {
                    names.add(name);
                }
            }
            ranges.add(new int[] {start, hit.end()});
        }
        for (String name : names) {
            if (name.length() < MIN_BARE_NAME) {
                continue;
            }
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

    /** The domain at [start, end) and the name characters (Chinese, letters, digits) glued before it. */
    private static DomainHit domainHit(String s, int start, int end) {
        String key = s.substring(start, end).toLowerCase(java.util.Locale.ROOT)
                .replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/.*$", "");
        int nameEnd = start;
        int separators = 0;
        while (nameEnd > 0 && separators < 2 && NAME_SEPARATORS.indexOf(s.charAt(nameEnd - 1)) >= 0) {
            nameEnd--;
            separators++;
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart <= MAX_SITE_NAME && isNameChar(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        boolean bounded = nameEnd - nameStart <= MAX_SITE_NAME;
        return new DomainHit(start, end, key, s.substring(nameStart, nameEnd), nameStart, bounded);
    }

    /**
     * The site name of a domain, from all its occurrences: what the text before them has in common (a watermark
     * repeats, the text it is glued to changes); for a domain seen once, the run after the last punctuation
     * when it is short, else the few characters ending in a site word (网, 库, 站 …).
     */
    private static String siteName(List<DomainHit> hits) {
        List<String> runs = new ArrayList<>();
        boolean anyBounded = false;
        for (DomainHit hit : hits) {
            runs.add(hit.run());
            anyBounded |= hit.bounded();
        }
        String name;
        if (runs.stream().distinct().count() > 1) {
            name = runs.get(0);
            for (String run : runs) {
                name = commonSuffix(name, run);
            }
        } else {
            String run = runs.get(0);
            boolean siteLike = !run.isEmpty()
                    && (SITE_SUFFIX.indexOf(run.charAt(run.length() - 1)) >= 0 || run.length() >= 4);
            if (anyBounded && run.length() <= 8 && siteLike) {
                name = afterLastTextWord(run, run);
            } else if (!run.isEmpty() && SITE_SUFFIX.indexOf(run.charAt(run.length() - 1)) >= 0) {
                String tail = run.substring(Math.max(0, run.length() - 8));
                name = afterLastTextWord(tail, tail.substring(Math.max(0, tail.length() - 5)));
            } else {
                name = "";
            }
        }
        return name.length() < 2 ? "" : name; // one character before a domain is text (见www…)
    }

    /**
     * A glued name's start when it is seen once: after the last word that ends headings and sentences
     * (问题, 情况, 措施 …) if at least two characters are left, else {@code otherwise}.
     */
    private static String afterLastTextWord(String run, String otherwise) {
        Matcher m = TEXT_END_WORD.matcher(run);
        int end = -1;
        while (m.find()) {
            if (run.length() - m.end() >= 2) {
                end = m.end();
            }
        }
        return end >= 0 ? run.substring(end) : otherwise;
    }

    private static String commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return a.substring(a.length() - n);
    }

    private static boolean isNameChar(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || isAsciiAlnum(c);
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
