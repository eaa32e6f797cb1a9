package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits decoded text (plain or Markdown) into cleaned source lines. */
final class PlainTextReader {

    private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s*(.*?)\\s*#*\\s*$");
    private static final Pattern MD_RULE = Pattern.compile("^\\s{0,3}([-*_=])(\\s*\\1){2,}\\s*$");
    private static final Pattern MD_BULLET = Pattern.compile("^\\s*(?:[-+•·▪●]|\\*(?=\\s))\\s+");
    private static final Pattern MD_QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    /** Paired bold or strike markers only: a lone {@code **} may be a two-character redaction. */
    private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|~~)(?=\\S)(.+?)(?<=\\S)\\1|`([^`]*)`");
    private static final Pattern HTML_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    /** Page numbers left by PDF copies: "- 2 -", "— 3 —", "第2页 共5页", "2/5". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－\\s]*\\d{1,3}[-—–－\\s]*|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]{0,200}>");

    private PlainTextReader() {
    }

    static List<SourceLine> read(String text, boolean markdown) {
        List<String> texts = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        boolean inFence = false;
        for (String line : splitLines(text)) {
            if (PAGE_NUMBER.matcher(line.strip()).matches()) {
                continue; // page furniture, not text: dropping it lets the sentence around it rejoin
            }
            if (markdown && line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (markdown && !inFence) {
                for (String part : HTML_BREAK.split(line, -1)) {
                    levels.add(markdownLine(part, texts));
                }
            } else {
                texts.add(line);
                levels.add(0);
            }
        }
        List<String> cleaned = TextCleaner.cleanLines(texts);
        List<SourceLine> lines = new ArrayList<>(cleaned.size());
        for (int i = 0; i < cleaned.size(); i++) {
            lines.add(new SourceLine(cleaned.get(i), levels.get(i)));
        }
        return lines;
    }

    /** Splits at \\n, \\r\\n, \\r, form feed and the Unicode line and paragraph separators. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\f' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /** Strips Markdown syntax from one line, adds its text to {@code texts}, returns its heading level. */
    private static int markdownLine(String line, List<String> texts) {
        if (MD_RULE.matcher(line).matches()) {
            texts.add("");
            return 0;
        }
        int level = 0;
        String s = line;
        Matcher heading = MD_HEADING.matcher(s);
        if (heading.matches()) {
            level = heading.group(1).length();
            s = heading.group(2);
        }
        s = MD_QUOTE.matcher(s).replaceFirst("");
        s = MD_BULLET.matcher(s).replaceFirst("");
        s = MD_LINK.matcher(s).replaceAll("$1");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = MD_EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : m.group(3)));
        texts.add(s.replace("\\*", "*"));
        return level;
    }
}
