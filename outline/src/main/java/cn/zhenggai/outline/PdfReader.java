package cn.zhenggai.outline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads PDFs that carry a text layer through Apache PDFBox, and hands PDFs without one to {@link OcrReader}.
 *
 * <p>Each page's glyphs are placed by position: grouped into lines by baseline, lines ordered top to bottom, and a
 * region laid out in two columns (an empty vertical gutter in the middle band of the page, with at least three lines
 * on each side) read left column first. Page headers and footers are found by repetition — the same text (digits
 * aside) among the two top or two bottom lines of at least half the pages — and page numbers by their form in those
 * lines ({@code — 3 —}, {@code - 3 -}, {@code 第3页 共5页}, {@code 第 3 页}, {@code 3/5}, a bare numeral); both are
 * left out. Lines are then joined by geometry, which the reader knows and the paragraph builder could only guess:
 * a line that reaches its column's right margin is continued by the next one unless that one is indented (a new
 * paragraph), and the last line of a page or column that does not end a sentence is continued by the first body line
 * of the next. An indented line or a wide vertical gap starts a paragraph (a blank line is put before it, except
 * between two centred lines of a title block); the
 * {@link ParagraphBuilder} then applies its sentence rules to what is left.
 *
 * <p>Limits, each a refusal code: a user password, or an owner password that forbids extracting text
 * ({@code ENCRYPTED}: the author asked for the text not to be copied, and a password is not ours to guess); more
 * than {@link #MAX_PAGES} pages ({@code TOO_MANY_PAGES}, before any text is extracted); streams that inflate beyond
 * {@link PdfStreamLimits} ({@code STREAM_BOMB}); anything PDFBox cannot parse ({@code CORRUPT}).
 */
final class PdfReader {

    /** Most pages read ({@link OutlineParser#MAX_PAGES}); an outline runs to a few dozen at most. */
    static final int MAX_PAGES = OutlineParser.MAX_PAGES;
    /** A page with fewer meaningful characters than this carries no text layer worth reading. */
    static final int MIN_CHARS_PER_PAGE = 20;
    /**
     * Most glyphs read from all pages: the sample outline prints 6 780 characters on 6 pages, and far more is not an
     * outline; it would cost time and memory out of proportion (extraction stops as soon as it is passed).
     */
    static final int MAX_GLYPHS = 300_000;
    /** Memory PDFBox may use for its scratch buffers while parsing. */
    static final long SCRATCH_BYTES = 64L * 1024 * 1024;
    /** Lines at the top and at the bottom of a page looked at for headers, footers and page numbers. */
    private static final int FURNITURE_LINES = 2;
    /**
     * The narrowest gap, in ems, a column gutter leaves inside a line that spans both columns: word processors hang
     * full-width punctuation into the gutter (LibreOffice's 0.8 cm gutter at 12 pt kept 0.9 em free).
     */
    private static final float GUTTER_EMS = 0.6f;
    /** A page with at least this many single-column lines has margins of its own; fewer take the document's. */
    private static final int MIN_LINES_FOR_PAGE_MARGINS = 6;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－~～·•\\s]*\\d{1,4}[-—–－~～·•\\s]*"
                    + "|[-—–－\\s]*第\\s*\\d{1,4}\\s*页(?:\\s*[，,/、]?\\s*共\\s*\\d{1,4}\\s*页)?[-—–－\\s]*"
                    + "|共\\s*\\d{1,4}\\s*页\\s*[，,/、]?\\s*第\\s*\\d{1,4}\\s*页"
                    + "|\\d{1,4}\\s*[/／]\\s*\\d{1,4}"
                    + "|(?i:page)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?");

    private PdfReader() {
    }

    static ReadResult read(byte[] content) throws OutlineParseException {
        PdfStreamLimits.scanRaw(content);
        List<PageText> pages;
        try (PDDocument document = load(content)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED,
                        "the PDF is protected: its owner forbids extracting its text");
            }
            int count = document.getNumberOfPages();
            if (count > MAX_PAGES) {
                throw new OutlineParseException(OutlineParseException.Code.TOO_MANY_PAGES,
                        "the PDF has " + count + " pages; at most " + MAX_PAGES + " are read");
            }
            if (count == 0) {
                throw new OutlineParseException(OutlineParseException.Code.CORRUPT, "the PDF has no pages");
            }
            PdfStreamLimits.scanDocument(document.getDocument());
            pages = extract(document);
        } catch (TooMuchText e) {
            throw new OutlineParseException(OutlineParseException.Code.TOO_LARGE,
                    "the PDF holds more than " + MAX_GLYPHS + " characters of text; an outline holds far fewer");
        } catch (IOException | RuntimeException e) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "the PDF cannot be read: " + OutlineParseException.firstLine(e), e);
        }
        if (!hasTextLayer(pages)) {
            return OcrReader.readScannedPdf(content);
        }
        return new Layout(pages).read();
    }

    private static PDDocument load(byte[] content) throws OutlineParseException, IOException {
        try {
            return Loader.loadPDF(content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(SCRATCH_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED,
                    "the PDF is encrypted with a password", e);
        }
    }

    /** Scanned when most pages carry (almost) no text: the median page has fewer than the minimum. */
    static boolean hasTextLayer(List<PageText> pages) {
        int[] counts = pages.stream().mapToInt(PageText::meaningfulChars).sorted().toArray();
        return counts[counts.length / 2] >= MIN_CHARS_PER_PAGE;
    }

    private static List<PageText> extract(PDDocument document) throws IOException {
        Collector collector = new Collector();
        collector.getText(document);
        return collector.pages;
    }

    /** Thrown from inside PDFBox's content stream processing to stop it at {@link #MAX_GLYPHS}. */
    private static final class TooMuchText extends RuntimeException {
        TooMuchText() {
            super(null, null, false, false);
        }
    }

    /** One glyph, in page space with y growing downwards (baseline). */
    record Glyph(float x, float y, float width, float height, String text) {
        float right() {
            return x + width;
        }
    }

    /** The glyphs of one page. */
    record PageText(int number, float width, float height, List<Glyph> glyphs) {
        int meaningfulChars() {
            int n = 0;
            for (Glyph g : glyphs) {
                for (int i = 0; i < g.text().length(); i++) {
                    char c = g.text().charAt(i);
                    if (!Character.isWhitespace(c) && c != '\uFFFD' && !(c >= '\uE000' && c <= '\uF8FF')
                            && !Character.isISOControl(c)) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /** Collects every page's glyphs (PDFTextStripper has already dropped overprinted duplicates). */
    private static final class Collector extends PDFTextStripper {
        final List<PageText> pages = new ArrayList<>();
        private PDPage page;
        private int glyphs;

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > MAX_GLYPHS) {
                throw new TooMuchText();
            }
            super.processTextPosition(text);
        }

        Collector() {
            setSortByPosition(true);
            setSuppressDuplicateOverlappingText(true);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            this.page = page;
            super.startPage(page);
        }

        @Override
        protected void writePage() {
            List<Glyph> glyphs = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition p : article) {
                    String text = p.getUnicode();
                    if (text == null || text.isEmpty()) {
                        continue;
                    }
                    float width = p.getWidthDirAdj();
                    float height = Math.max(p.getHeightDir(), p.getFontSizeInPt() * 0.7f);
                    glyphs.add(new Glyph(p.getXDirAdj(), p.getYDirAdj(), width, height, text));
                }
            }
            float width = page == null ? 0 : page.getCropBox().getWidth();
            float height = page == null ? 0 : page.getCropBox().getHeight();
            pages.add(new PageText(pages.size() + 1, width, height, glyphs));
        }
    }

    /** A line of glyphs on a page (or the part of one on one side of a column gutter). */
    static final class Line {
        final List<Glyph> glyphs;
        final float x0;
        final float x1;
        final float y;
        final float height;
        final String text;
        /** The left and right margin of the column the line sits in, set when the page is laid out. */
        float left;
        float right;
        /** Set for the first line of a page or of a column. */
        boolean startsBlock;

        Line(List<Glyph> glyphs) {
            this.glyphs = glyphs;
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            float ySum = 0;
            float hMax = 0;
            for (Glyph g : glyphs) {
                min = Math.min(min, g.x());
                max = Math.max(max, g.right());
                ySum += g.y();
                hMax = Math.max(hMax, g.height());
            }
            this.x0 = min;
            this.x1 = max;
            this.y = ySum / glyphs.size();
            this.height = hMax;
            this.text = textOf(glyphs);
        }

        /**
         * The glyphs' text, a space where the gap between two Latin glyphs is wider than a third of a glyph. Next to a
         * Chinese character or full-width punctuation a gap is justification or letter-spacing, never a word space.
         */
        private static String textOf(List<Glyph> glyphs) {
            StringBuilder sb = new StringBuilder();
            Glyph prev = null;
            for (Glyph g : glyphs) {
                if (prev != null && !isWide(prev.text()) && !isWide(g.text())) {
                    float gap = g.x() - prev.right();
                    float unit = Math.max(1f, Math.min(prev.height(), g.height()));
                    if (gap > unit * 0.3f && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' '
                            && !g.text().isBlank()) {
                        sb.append(' ');
                    }
                }
                sb.append(g.text());
                prev = g;
            }
            return sb.toString();
        }

        /** A CJK character or full-width punctuation (which carry their own spacing). */
        private static boolean isWide(String text) {
            if (text.isEmpty()) {
                return false;
            }
            int cp = text.codePointAt(0);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x2010 && cp <= 0x2027) || cp == 0x00B7;
        }

        Line part(float from, float to) {
            List<Glyph> part = new ArrayList<>();
            for (Glyph g : glyphs) {
                float centre = g.x() + g.width() / 2;
                if (centre >= from && centre < to) {
                    part.add(g);
                }
            }
            return part.isEmpty() ? null : new Line(part);
        }

        /** The x of the first glyph whose centre is at or right of {@code x}, or NaN. */
        float firstStartFrom(float x) {
            for (Glyph g : glyphs) {
                if (g.x() + g.width() / 2 >= x) {
                    return g.x();
                }
            }
            return Float.NaN;
        }

        /**
         * True when the line lies wholly on one side of {@code x}, or has a gap of at least {@code gap} around it
         * between two of its glyphs. (A line may end in punctuation hung into the gutter: only its end counts.)
         */
        boolean clearAt(float x, float gap) {
            if (x <= x0 || x >= x1) {
                return true;
            }
            for (int i = 0; i + 1 < glyphs.size(); i++) {
                Glyph a = glyphs.get(i);
                Glyph b = glyphs.get(i + 1);
                if (a.right() <= x && b.x() >= x && b.x() - a.right() >= gap) {
                    return true;
                }
            }
            return false;
        }

        boolean hasLeftOf(float x) {
            return x0 < x;
        }

        boolean hasRightOf(float x) {
            return x1 > x;
        }

        String key() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                sb.append(Character.isDigit(c) ? '#' : c);
            }
            return sb.toString();
        }
    }

    /** Lays out all pages, removes page furniture and joins lines into the reader's source lines. */
    static final class Layout {
        private final List<PageText> pages;
        private final List<OutlineWarning> notes = new ArrayList<>();
        private float em;
        /** Set by {@link #order} when the page it laid out had a two-column region. */
        private boolean columns;

        Layout(List<PageText> pages) {
            this.pages = pages;
        }

        ReadResult read() {
            em = typicalGlyphWidth();
            List<List<Line>> lines = new ArrayList<>();
            for (PageText page : pages) {
                lines.add(lines(page));
            }
            int removed = removeFurniture(lines);
            if (removed > 0) {
                notes.add(OutlineWarning.of(WarningCode.PDF_PAGE_FURNITURE_REMOVED, "lines", removed));
            }
            List<Line> ordered = new ArrayList<>();
            List<Integer> columnPages = new ArrayList<>();
            List<Line> single = new ArrayList<>();
            List<List<Line>> singleByPage = new ArrayList<>();
            for (int p = 0; p < lines.size(); p++) {
                columns = false;
                List<Line> pageSingle = new ArrayList<>();
                List<Line> page = order(lines.get(p), pageSingle);
                single.addAll(pageSingle);
                singleByPage.add(pageSingle);
                if (columns) {
                    columnPages.add(pages.get(p).number());
                }
                if (!page.isEmpty()) {
                    page.get(0).startsBlock = true;
                }
                ordered.addAll(page);
            }
            setMargins(single);
            for (List<Line> pageSingle : singleByPage) {
                if (pageSingle.size() >= MIN_LINES_FOR_PAGE_MARGINS) {
                    setMargins(pageSingle); // a page set narrower than the others (a single column left of a gutter)
                }
            }
            if (!columnPages.isEmpty()) {
                notes.add(OutlineWarning.of(WarningCode.PDF_COLUMNS_READ, "pages",
                        String.join("、", columnPages.stream().map(String::valueOf).toList())));
            }
            List<SourceLine> sourceLines = new ArrayList<>();
            join(ordered).forEach(text -> sourceLines.add(SourceLine.plain(text)));
            return new ReadResult(sourceLines, notes, new OutlineSource(FileKind.PDF, pages.size(), List.of()));
        }

        /** The median width of a CJK glyph (an em), or twice the median glyph width. */
        private float typicalGlyphWidth() {
            List<Float> han = new ArrayList<>();
            List<Float> all = new ArrayList<>();
            for (PageText page : pages) {
                for (Glyph g : page.glyphs()) {
                    if (g.width() <= 0 || g.text().isBlank()) {
                        continue;
                    }
                    all.add(g.width());
                    if (Character.UnicodeScript.of(g.text().codePointAt(0)) == Character.UnicodeScript.HAN) {
                        han.add(g.width());
                    }
                }
            }
            if (!han.isEmpty()) {
                return median(han);
            }
            return all.isEmpty() ? 10f : 2 * median(all);
        }

        /** Glyphs grouped into lines by baseline, top to bottom, each line's glyphs left to right. */
        private List<Line> lines(PageText page) {
            List<Glyph> glyphs = new ArrayList<>(page.glyphs());
            glyphs.removeIf(g -> g.text().isBlank() && g.width() <= 0);
            glyphs.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
            List<Line> lines = new ArrayList<>();
            List<Glyph> current = new ArrayList<>();
            float baseline = Float.NaN;
            float tolerance = Float.NaN;
            for (Glyph g : glyphs) {
                if (!current.isEmpty() && Math.abs(g.y() - baseline) > tolerance) {
                    lines.add(line(current));
                    current = new ArrayList<>();
                }
                if (current.isEmpty()) {
                    baseline = g.y();
                    tolerance = Math.max(1f, Math.min(g.height(), em) * 0.45f);
                }
                current.add(g);
            }
            if (!current.isEmpty()) {
                lines.add(line(current));
            }
            lines.removeIf(l -> l.text.isBlank());
            return lines;
        }

        private static Line line(List<Glyph> glyphs) {
            glyphs.sort(Comparator.comparingDouble(Glyph::x));
            return new Line(glyphs);
        }

        /**
         * Drops headers and footers (the same text, digits aside, among the outer lines of at least half the pages,
         * and at least two) and page numbers (by their form, among the outer lines); returns how many lines went.
         */
        private int removeFurniture(List<List<Line>> pageLines) {
            Map<String, Integer> top = new HashMap<>();
            Map<String, Integer> bottom = new HashMap<>();
            for (List<Line> lines : pageLines) {
                Set<String> seenTop = new HashSet<>();
                Set<String> seenBottom = new HashSet<>();
                for (int i = 0; i < Math.min(FURNITURE_LINES, lines.size()); i++) {
                    seenTop.add(lines.get(i).key());
                    seenBottom.add(lines.get(lines.size() - 1 - i).key());
                }
                seenTop.forEach(k -> top.merge(k, 1, Integer::sum));
                seenBottom.forEach(k -> bottom.merge(k, 1, Integer::sum));
            }
            int needed = Math.max(2, (pageLines.size() + 1) / 2);
            int removed = 0;
            for (List<Line> lines : pageLines) {
                int n = lines.size();
                // a page's only line is its body, not a header over nothing
                boolean repeatedCounts = n > 1;
                List<Line> drop = new ArrayList<>();
                for (int i = 0; i < Math.min(FURNITURE_LINES, n); i++) {
                    Line head = lines.get(i);
                    if ((repeatedCounts && top.getOrDefault(head.key(), 0) >= needed) || isPageNumber(head.text)) {
                        drop.add(head);
                    }
                    Line foot = lines.get(n - 1 - i);
                    if ((repeatedCounts && bottom.getOrDefault(foot.key(), 0) >= needed) || isPageNumber(foot.text)) {
                        drop.add(foot);
                    }
                }
                Set<Line> unique = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                unique.addAll(drop);
                lines.removeAll(unique);
                removed += unique.size();
            }
            return removed;
        }

        static boolean isPageNumber(String text) {
            return PAGE_NUMBER.matcher(text.strip()).matches();
        }

        /**
         * The page's lines in reading order. A region of consecutive lines that all leave a gutter free, with at
         * least three lines of text on each side of it, is read left column first; other lines are collected in
         * {@code single} to find the single-column margins afterwards.
         */
        private List<Line> order(List<Line> lines, List<Line> single) {
            float gutter = findGutter(lines);
            List<Line> out = new ArrayList<>();
            if (Float.isNaN(gutter)) {
                for (Line line : lines) {
                    line.left = Float.NaN;
                    out.add(line);
                    single.add(line);
                }
                return out;
            }
            int i = 0;
            while (i < lines.size()) {
                int j = i;
                while (j < lines.size() && lines.get(j).clearAt(gutter, GUTTER_EMS * em)) {
                    j++;
                }
                List<Line> run = lines.subList(i, j);
                if (isColumnRun(run, gutter)) {
                    List<Line> leftColumn = new ArrayList<>();
                    List<Line> rightColumn = new ArrayList<>();
                    for (Line line : run) {
                        Line l = line.part(-Float.MAX_VALUE, gutter);
                        Line r = line.part(gutter, Float.MAX_VALUE);
                        if (l != null) {
                            leftColumn.add(l);
                        }
                        if (r != null) {
                            rightColumn.add(r);
                        }
                    }
                    setMargins(leftColumn);
                    setMargins(rightColumn);
                    columns = true;
                    leftColumn.get(0).startsBlock = true;
                    rightColumn.get(0).startsBlock = true;
                    out.addAll(leftColumn);
                    out.addAll(rightColumn);
                } else {
                    for (Line line : run) {
                        line.left = Float.NaN;
                        out.add(line);
                        single.add(line);
                    }
                }
                if (j < lines.size()) {
                    Line crossing = lines.get(j);
                    crossing.left = Float.NaN;
                    out.add(crossing);
                    single.add(crossing);
                }
                i = j + 1;
            }
            return out;
        }

        private boolean isColumnRun(List<Line> run, float gutter) {
            int left = 0;
            int right = 0;
            List<Float> rightStarts = new ArrayList<>();
            for (Line line : run) {
                if (line.hasLeftOf(gutter)) {
                    left++;
                }
                if (line.hasRightOf(gutter)) {
                    right++;
                    float start = line.firstStartFrom(gutter);
                    if (!Float.isNaN(start)) {
                        rightStarts.add(start);
                    }
                }
            }
            if (left < 3 || right < 2 || rightStarts.isEmpty()) {
                return false;
            }
            float min = rightStarts.stream().min(Float::compare).orElseThrow();
            long aligned = rightStarts.stream().filter(x -> x - min <= 2.5f * em).count();
            return aligned >= 2;
        }

        /** The x of a gutter between two columns, or NaN: a free vertical strip in the middle band of the page. */
        private float findGutter(List<Line> lines) {
            if (lines.size() < 6) {
                return Float.NaN;
            }
            float minX = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            for (Line line : lines) {
                minX = Math.min(minX, line.x0);
                maxX = Math.max(maxX, line.x1);
            }
            float width = maxX - minX;
            if (width < 10 * em) {
                return Float.NaN;
            }
            float best = Float.NaN;
            int bestCovered = 0;
            for (float x = minX + 0.3f * width; x <= minX + 0.7f * width; x += Math.max(1f, em / 4)) {
                int covered = 0;
                int i = 0;
                while (i < lines.size()) {
                    int j = i;
                    while (j < lines.size() && lines.get(j).clearAt(x, GUTTER_EMS * em)) {
                        j++;
                    }
                    if (j > i && isColumnRun(lines.subList(i, j), x)) {
                        covered += j - i;
                    }
                    i = j + 1;
                }
                if (covered > bestCovered) {
                    bestCovered = covered;
                    best = x;
                }
            }
            return bestCovered >= 6 ? best : Float.NaN;
        }

        /** Left margin: the leftmost start; right margin: the 90th percentile of line ends. */
        private static void setMargins(List<Line> column) {
            if (column.isEmpty()) {
                return;
            }
            float left = Float.MAX_VALUE;
            float[] rights = new float[column.size()];
            for (int i = 0; i < column.size(); i++) {
                left = Math.min(left, column.get(i).x0);
                rights[i] = column.get(i).x1;
            }
            Arrays.sort(rights);
            float right = rights[(int) Math.floor(0.9 * (rights.length - 1))];
            for (Line line : column) {
                line.left = left;
                line.right = right;
            }
        }

        /**
         * Joins lines by geometry into text lines, a blank line before each paragraph start. The lines are cleaned
         * first, as laid out, so that a watermark broken over two lines is still found ({@link TextCleaner}).
         */
        private List<String> join(List<Line> lines) {
            List<String> raw = new ArrayList<>(lines.size());
            lines.forEach(line -> raw.add(line.text));
            List<String> cleaned = TextCleaner.cleanLines(raw);
            List<String> out = new ArrayList<>();
            StringBuilder current = null;
            Line prev = null;
            float spacing = typicalSpacing(lines);
            boolean blockStarted = false;
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String text = cleaned.get(i);
                blockStarted |= line.startsBlock;
                if (text.isEmpty()) {
                    continue; // nothing but noise: the lines around it meet as if it were not there
                }
                if (prev == null) {
                    current = new StringBuilder(text);
                    prev = line;
                    blockStarted = false;
                    continue;
                }
                boolean indented = line.x0 >= line.left + 1.5f * em;
                boolean full = prev.x1 >= prev.right - 1.5f * em;
                boolean gap = !blockStarted && spacing > 0 && line.y - prev.y > 1.6f * spacing;
                String sofar = current.toString();
                boolean unfinished = !Sentences.endsSentence(sofar) || Sentences.hasOpenQuote(sofar);
                // a title too long for its line goes on centred on the next one, in the same size
                boolean titleGoesOn = full && centred(line) && unfinished && Math.abs(line.height - prev.height) < 0.5f;
                boolean continues = titleGoesOn || (!indented && !gap && (full || (blockStarted && unfinished)));
                if (continues) {
                    append(current, text);
                } else {
                    out.add(sofar);
                    boolean titleBlock = centred(prev) && centred(line) && !gap;
                    if ((indented || gap) && !titleBlock) {
                        out.add("");
                    }
                    current = new StringBuilder(text);
                }
                prev = line;
                blockStarted = false;
            }
            if (current != null) {
                out.add(current.toString());
            }
            return out;
        }

        /** A line set in the middle of its column (a title line), not one that starts a paragraph. */
        private boolean centred(Line line) {
            float before = line.x0 - line.left;
            float after = line.right - line.x1;
            return before > 2.5f * em && Math.abs(before - after) < 2f * em;
        }

        private static void append(StringBuilder text, String next) {
            if (next.isEmpty()) {
                return;
            }
            if (text.length() > 0 && isAsciiLetter(text.charAt(text.length() - 1)) && isAsciiLetter(next.charAt(0))) {
                text.append(' ');
            }
            text.append(next);
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        /** The median distance between consecutive baselines within a block. */
        private static float typicalSpacing(List<Line> lines) {
            List<Float> gaps = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                Line a = lines.get(i - 1);
                Line b = lines.get(i);
                if (!b.startsBlock && b.y > a.y) {
                    gaps.add(b.y - a.y);
                }
            }
            return gaps.isEmpty() ? 0 : median(gaps);
        }
    }

    private static float median(List<Float> values) {
        float[] sorted = new float[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i);
        }
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
