package cn.zhenggai.outline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads the body of a .docx into source lines: one line per paragraph (the text of all its runs,
 * hyperlinks and fields, in order), Word's automatic numbering written out as text (一、, （一）,
 * 1. …), heading styles kept as heading levels, table cells read row by row. Headers, footers
 * and comments are not read.
 *
 * <p>Before POI sees the file, the ZIP container is scanned with fixed limits so that a zip bomb
 * is rejected without inflating it; POI's own global zip-bomb settings are left untouched. The most
 * a document may inflate to is {@link #MAX_INFLATED_BYTES} or a tenth of the heap this JVM may
 * grow to, whichever is smaller (POI's XML tree of a document takes several times its inflated size).
 */
final class DocxReader {

    /** Most bytes all entries may inflate to, whatever the heap. */
    static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;
    /** The inflated document may take at most this fraction (1/n) of the JVM's maximum heap. */
    static final long HEAP_FRACTION = 10;
    /** Above this inflated size, the overall inflation ratio is checked. */
    static final long RATIO_CHECK_FROM_BYTES = 10L * 1024 * 1024;
    /** Most inflated bytes per byte of the archive once the size above is passed. */
    static final long MAX_INFLATION_RATIO = 100;
    static final int MAX_ENTRIES = 5_000;

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^\\s*(?:heading|标题)\\s*([1-6])\\s*$");
    private static final Pattern LEVEL_REF = Pattern.compile("%([1-9])");

    private DocxReader() {
    }

    /** Lines of the document and notes about what was read in a simplified way. */
    record Result(List<SourceLine> lines, List<OutlineWarning> notes) {
    }

    static Result read(byte[] bytes) throws OutlineParseException {
        return read(bytes, inflationLimit(Runtime.getRuntime().maxMemory()));
    }

    /** The most bytes a document may inflate to in a JVM whose heap may grow to {@code maxMemory} bytes. */
    static long inflationLimit(long maxMemory) {
        if (maxMemory <= 0 || maxMemory == Long.MAX_VALUE) {
            return MAX_INFLATED_BYTES;
        }
        return Math.min(MAX_INFLATED_BYTES, maxMemory / HEAP_FRACTION);
    }

    static Result read(byte[] bytes, long inflationLimit) throws OutlineParseException {
        if (!isZip(bytes)) {
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a .docx: it is not a ZIP container");
        }
        scanContainer(bytes, inflationLimit);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return new DocxWalker(document).walk();
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new OutlineParseException(OutlineParseException.Code.ZIP_BOMB,
                        "the .docx expands suspiciously (zip bomb)", e);
            }
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a readable .docx: " + firstLine(message), e);
        }
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }

    /** Inflates every entry into nothing, counting, and stops at the first limit passed. */
    private static void scanContainer(byte[] bytes, long inflationLimit) throws OutlineParseException {
        boolean hasDocument = false;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw bomb("more than " + MAX_ENTRIES + " entries");
                }
                if ("word/document.xml".equals(entry.getName())) {
                    hasDocument = true;
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > inflationLimit) {
                        throw bomb(String.format(Locale.ROOT,
                                "content inflates to more than %.1f MB, the most this service's memory allows",
                                inflationLimit / 1048576.0));
                    }
                    if (inflated > RATIO_CHECK_FROM_BYTES && inflated / bytes.length > MAX_INFLATION_RATIO) {
                        throw bomb("content inflates more than " + MAX_INFLATION_RATIO + " times");
                    }
                }
            }
        } catch (ZipException e) {
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a .docx: corrupt ZIP container (" + firstLine(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a .docx: unreadable ZIP container (" + firstLine(e.getMessage()) + ")", e);
        }
        if (!hasDocument) {
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a .docx: the ZIP container has no word/document.xml");
        }
    }

    private static OutlineParseException bomb(String why) {
        return new OutlineParseException(OutlineParseException.Code.ZIP_BOMB,
                "the .docx looks like a zip bomb: " + why);
    }

    /** The first line of an exception message, without a leading "some.package.SomeException: ". */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).strip();
        return line.replaceFirst("^(?:[a-z0-9_]+\\.)+[A-Za-z0-9_$]+(?:Exception|Error): ", "");
    }

    /** Walks the body in order, keeping the state automatic numbering needs. */
    private static final class DocxWalker {

        private final XWPFDocument document;
        private final XWPFStyles styles;
        /** Raw line texts and their heading levels; cleaned together at the end. */
        private final List<String> texts = new ArrayList<>();
        private final List<Integer> levels = new ArrayList<>();
        private final List<OutlineWarning> notes = new ArrayList<>();
        /** numId → counter per level; numId → number format per level. */
        private final Map<BigInteger, int[]> counters = new HashMap<>();
        private final Map<BigInteger, String[]> formats = new HashMap<>();
        private int tableRows;

        DocxWalker(XWPFDocument document) {
            this.document = document;
            this.styles = document.getStyles();
        }

        Result walk() {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    addParagraph(paragraph);
                } else if (element instanceof XWPFTable table) {
                    addTable(table);
                } else if (element instanceof XWPFSDT sdt) {
                    for (String line : sdt.getContent().getText().split("\\R")) {
                        add(line, 0);
                    }
                }
            }
            if (tableRows > 0) {
                notes.add(OutlineWarning.of(WarningCode.DOCX_TABLES_FLATTENED, "rows", tableRows));
            }
            List<String> cleaned = TextCleaner.cleanLines(texts);
            List<SourceLine> lines = new ArrayList<>(cleaned.size());
            for (int i = 0; i < cleaned.size(); i++) {
                lines.add(new SourceLine(cleaned.get(i), levels.get(i)));
            }
            return new Result(lines, notes);
        }

        private void add(String text, int headingLevel) {
            texts.add(text);
            levels.add(headingLevel);
        }

        private void addTable(XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                tableRows++;
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (XWPFParagraph paragraph : cell.getParagraphs()) {
                        addParagraph(paragraph);
                    }
                }
            }
        }

        private void addParagraph(XWPFParagraph paragraph) {
            String text = paragraph.getText(); // all runs, hyperlinks, fields and content controls
            String label = numberingLabel(paragraph);
            int level = headingLevel(paragraph);
            // A soft line break (w:br) inside a paragraph becomes a line of its own. Paragraphs
            // are not trusted as sentence boundaries either (converted PDFs make one paragraph per
            // line): the joiner glues the pieces of one sentence back together.
            String[] parts = text.split("\\R", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = i == 0 && label != null ? label + parts[i] : parts[i];
                add(part, level);
            }
        }

        private int headingLevel(XWPFParagraph paragraph) {
            String styleId = paragraph.getStyleID();
            if (styleId == null || styles == null) {
                return 0;
            }
            XWPFStyle style = styles.getStyle(styleId);
            String name = style != null ? style.getName() : styleId;
            if (name == null) {
                return 0;
            }
            if (name.equalsIgnoreCase("title") || name.equals("标题")) {
                return 1;
            }
            Matcher m = HEADING_STYLE.matcher(name);
            return m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }

        /** The text Word would show for automatic numbering (e.g. "（一）"), or null. */
        private String numberingLabel(XWPFParagraph paragraph) {
            BigInteger numId = paragraph.getNumID();
            if (numId == null || BigInteger.ZERO.equals(numId)) {
                return null;
            }
            String format = paragraph.getNumFmt();
            String levelText = paragraph.getNumLevelText();
            if (format == null || levelText == null || "bullet".equals(format) || "none".equals(format)) {
                return null;
            }
            BigInteger ilvl = paragraph.getNumIlvl();
            int level = ilvl == null ? 0 : Math.min(8, Math.max(0, ilvl.intValue()));
            int[] count = counters.computeIfAbsent(numId, k -> new int[9]);
            String[] fmt = formats.computeIfAbsent(numId, k -> new String[9]);
            if (count[level] == 0) {
                BigInteger start = paragraph.getNumStartOverride();
                count[level] = start != null ? start.intValue() - 1 : 0;
            }
            count[level]++;
            fmt[level] = format;
            for (int deeper = level + 1; deeper < count.length; deeper++) {
                count[deeper] = 0;
            }
            Matcher m = LEVEL_REF.matcher(levelText);
            StringBuilder label = new StringBuilder();
            while (m.find()) {
                int ref = Integer.parseInt(m.group(1)) - 1;
                String refFormat = fmt[ref] != null ? fmt[ref] : "decimal";
                m.appendReplacement(label, Matcher.quoteReplacement(formatNumber(Math.max(1, count[ref]), refFormat)));
            }
            m.appendTail(label);
            return label.toString();
        }
    }

    /** Formats a list number the way Word's numFmt does, for the formats outlines use. */
    static String formatNumber(int n, String numFmt) {
        return switch (numFmt) {
            case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                 "taiwaneseCountingThousand", "ideographDigital" ->
                    n >= 1 && n <= 99 ? ChineseNumerals.format(n) : String.valueOf(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                    n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : String.valueOf(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
            case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
            case "upperRoman" -> roman(n);
            case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
            default -> String.valueOf(n);
        };
    }

    private static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length && n > 0; i++) {
            while (n >= values[i]) {
                sb.append(symbols[i]);
                n -= values[i];
            }
        }
        return sb.toString();
    }
}
