package cn.zhenggai.outline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the title lines at the top and joins the remaining source lines into paragraphs of whole
 * sentences, undoing the hard line breaks of text copied from PDF or Word.
 *
 * <p>A line is glued to the previous one when the previous one does not end a sentence (a full
 * stop inside an open quotation does not count) and the line does not start with numbering, a
 * label (责任人：) or a date. Two layouts are told apart:
 * <ul>
 *   <li><b>wrapped</b> (copied from a PDF): most lines have the same display width W; a line
 *       that fills at least 80% of W is continued by the next, a shorter one ends its paragraph
 *       (it is a heading or a paragraph end); a line full to the margin is continued even after
 *       a full stop.</li>
 *   <li><b>free</b> (Word soft breaks, Markdown): any unfinished line is continued, except a
 *       short numbered heading such as {@code （一）强化理论武装} and a bare section heading.</li>
 * </ul>
 * Across a blank line, only a line ending in clause punctuation (，、“ …) is continued.
 */
final class ParagraphBuilder {

    /** Title lines, the body paragraphs and trailing lines (signature, date) set aside. */
    record Result(List<String> titleLines, List<Paragraph> paragraphs, List<String> trailing) {
    }

    private static final int MAX_TITLE_LINES = 4;
    private static final int MAX_TITLE_WIDTH = 90;
    /** A numbered line wider than this is a sentence that was broken, not a short heading. */
    private static final int MAX_HEADING_WIDTH = 60;
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "提纲|材料|发言|报告|对照检查|剖析|讲话|民主生活会|组织生活会|检视|检查");
    private static final Pattern BODY_START = Pattern.compile("^(?:根据|按照|遵照|依据|为了|为|本人|现将|今年|近年来|对照)");
    private static final Pattern DATE_LINE = Pattern.compile(
            "^[（(]?\\s*(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(?:[\\d一二三四五六七八九十]{1,3}\\s*月"
                    + "(?:\\s*[\\d一二三四五六七八九十]{1,3}\\s*日)?)?\\s*[）)]?$");
    private static final Pattern NAME_LINE = Pattern.compile("^[\\p{IsHan}*·]{1,5}$");
    private static final Pattern LABEL_LINE = Pattern.compile(
            "^(?:牵头|责任|配合|协办|协同|完成|整改)(?:单位|部门|领导|人|时限|时间|期限)[:：]");
    /** An appendix mark, alone or before the appendix's title: 附件, 附件1：, 附件：个人有关事项说明. */
    private static final Pattern APPENDIX = Pattern.compile("^附\\s*件\\s*[\\d一二三四五]?\\s*[:：.、]?\\s*([^。；]{0,40})$");
    /** A line ending in one of these is visibly unfinished. */
    private static final String CLAUSE_OPEN = "，,、“‘（(《〔【—-";

    private ParagraphBuilder() {
    }

    static Result build(List<SourceLine> sourceLines) {
        List<SourceLine> lines = TextCleaner.dropNoiseLines(sourceLines);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<String> titleLines = new ArrayList<>();
        i = readTitle(lines, i, titleLines);
        List<SourceLine> body = lines.subList(i, lines.size());
        int wrapWidth = estimateWrapWidth(body);
        List<Paragraph> paragraphs = join(body, wrapWidth);
        List<String> trailing = new ArrayList<>();
        paragraphs = openAppendices(paragraphs, trailing);
        trailing.addAll(popTrailing(paragraphs));
        return new Result(titleLines, paragraphs, trailing);
    }

    /**
     * An appendix line (附件, 附件1：个人有关事项说明) ends the body: the signature and date just before it are set
     * aside like trailing lines, and the appendix's own title (if on the same line) stays as a bare heading.
     */
    private static List<Paragraph> openAppendices(List<Paragraph> paragraphs, List<String> trailing) {
        List<Paragraph> out = new ArrayList<>(paragraphs.size());
        for (Paragraph paragraph : paragraphs) {
            java.util.regex.Matcher appendix = APPENDIX.matcher(paragraph.text());
            if (!appendix.matches() || paragraph.marker() != null) {
                out.add(paragraph);
                continue;
            }
            trailing.addAll(popTrailing(out));
            String rest = appendix.group(1).strip();
            if (!rest.isEmpty()) {
                out.add(new Paragraph(rest, paragraph.headingLevel()));
            }
        }
        return out;
    }

    /** Collects the title block; returns the index of the first body line. */
    private static int readTitle(List<SourceLine> lines, int start, List<String> titleLines) {
        List<String> block = new ArrayList<>();
        int i = start;
        boolean endedByBlank = false;
        while (i < lines.size() && block.size() < MAX_TITLE_LINES) {
            SourceLine line = lines.get(i);
            if (line.isBlank()) {
                endedByBlank = true;
                break;
            }
            if (!isTitleCandidate(line, block.isEmpty())) {
                break;
            }
            block.add(line.text());
            i++;
        }
        if (!endedByBlank) {
            // without a blank line after it, the block ends at its last line that reads like a title
            int last = -1;
            for (int k = 0; k < block.size(); k++) {
                if (TITLE_WORDS.matcher(block.get(k)).find()) {
                    last = k;
                }
            }
            int keep = last + 1;
            i -= block.size() - keep;
            block = block.subList(0, keep);
        }
        for (String line : block) {
            boolean author = NAME_LINE.matcher(line).matches() && !TITLE_WORDS.matcher(line).find();
            if (!DATE_LINE.matcher(line).matches() && !(author && !titleLines.isEmpty())) {
                titleLines.add(line);
            }
        }
        return i;
    }

    private static boolean isTitleCandidate(SourceLine line, boolean first) {
        String text = line.text();
        if (Marker.at(text) != null) {
            return false;
        }
        if (line.headingLevel() == 1) {
            return true;
        }
        boolean titleLike = first || TITLE_WORDS.matcher(text).find();
        return !Sentences.endsSentence(text)
                && text.indexOf('。') < 0
                && Sentences.width(text) <= MAX_TITLE_WIDTH
                && !BODY_START.matcher(text).find()
                && (titleLike || SectionKind.ofBareHeading(text) == null);
    }

    /**
     * The line width of a PDF-like layout, or 0 when lines are not wrapped at a fixed width:
     * at least half of the longer lines must sit just under the 90th percentile width.
     */
    static int estimateWrapWidth(List<SourceLine> lines) {
        int[] widths = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> Sentences.width(l.text()))
                .filter(w -> w >= 20)
                .sorted()
                .toArray();
        if (widths.length < 4) {
            return 0;
        }
        int p90 = widths[(int) Math.floor(0.9 * (widths.length - 1))];
        if (p90 > 200) {
            return 0;
        }
        long near = Arrays.stream(widths).filter(w -> w >= 0.9 * p90 && w <= p90 + 4).count();
        return near >= 3 && near * 2 >= widths.length ? p90 : 0;
    }

    private static List<Paragraph> join(List<SourceLine> lines, int wrapWidth) {
        List<Paragraph> out = new ArrayList<>();
        Builder current = null;
        boolean blankBefore = false;
        for (SourceLine line : lines) {
            if (line.isBlank()) {
                blankBefore = true;
                continue;
            }
            if (current != null && continues(current, line, blankBefore, wrapWidth)) {
                current.append(line);
            } else {
                if (current != null) {
                    out.add(current.build());
                }
                current = new Builder(line);
            }
            blankBefore = false;
        }
        if (current != null) {
            out.add(current.build());
        }
        return out;
    }

    private static boolean continues(Builder prev, SourceLine line, boolean blankBefore, int wrapWidth) {
        String text = line.text();
        if (prev.headingLevel > 0 || line.headingLevel() > 0) {
            return false;
        }
        String prevText = prev.text.toString();
        if (Marker.at(text) != null || LABEL_LINE.matcher(text).find() || DATE_LINE.matcher(text).matches()
                || APPENDIX.matcher(text).matches() || (prev.lineCount == 1 && DATE_LINE.matcher(prevText).matches())
                || (prev.lineCount == 1 && NAME_LINE.matcher(prevText).matches())) {
            return false; // a new item, a label, or a signature block (name, then date)
        }
        boolean insideQuote = Sentences.hasOpenQuote(prevText);
        if (Sentences.endsSentence(prevText) && !insideQuote) {
            // a PDF line that is full to the margin goes on even after a full stop
            return !blankBefore && wrapWidth > 0 && prev.lastLineWidth >= 0.9 * wrapWidth;
        }
        boolean clauseOpen = insideQuote || CLAUSE_OPEN.indexOf(prevText.charAt(prevText.length() - 1)) >= 0;
        if (blankBefore) {
            return clauseOpen;
        }
        if (wrapWidth > 0) {
            return clauseOpen || prev.lastLineWidth >= 0.8 * wrapWidth;
        }
        if (prev.lineCount == 1 && Marker.at(prevText) != null) {
            // a short numbered line is a heading, unless it is visibly a sentence being continued
            return clauseOpen || prev.lastLineWidth > MAX_HEADING_WIDTH || prevText.indexOf('。') >= 0;
        }
        return prev.lineCount > 1 || SectionKind.ofBareHeading(prevText) == null;
    }

    /** Sets aside short unfinished lines at the very end (signature, place, date). */
    private static List<String> popTrailing(List<Paragraph> paragraphs) {
        List<String> trailing = new ArrayList<>();
        while (!paragraphs.isEmpty() && trailing.size() < 4) {
            Paragraph last = paragraphs.get(paragraphs.size() - 1);
            String text = last.text();
            boolean shortLine = Sentences.width(text) <= 40 && !Sentences.endsSentence(text)
                    && last.marker() == null && last.headingLevel() == 0 && text.indexOf('，') < 0;
            if (!shortLine && !DATE_LINE.matcher(text).matches()) {
                break;
            }
            trailing.add(0, text);
            paragraphs.remove(paragraphs.size() - 1);
        }
        return trailing;
    }

    /** A paragraph being joined. */
    private static final class Builder {
        final StringBuilder text;
        final int headingLevel;
        int lineCount = 1;
        int lastLineWidth;

        Builder(SourceLine first) {
            this.text = new StringBuilder(first.text());
            this.headingLevel = first.headingLevel();
            this.lastLineWidth = Sentences.width(first.text());
        }

        void append(SourceLine line) {
            char last = text.charAt(text.length() - 1);
            char next = line.text().charAt(0);
            if (isAsciiLetter(last) && isAsciiLetter(next)) {
                text.append(' '); // English words; digits broken over two lines stay together
            }
            text.append(line.text());
            lineCount++;
            lastLineWidth = Sentences.width(line.text());
        }

        Paragraph build() {
            return new Paragraph(text.toString(), headingLevel);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
