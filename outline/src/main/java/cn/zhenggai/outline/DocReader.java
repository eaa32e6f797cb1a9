package cn.zhenggai.outline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.HWPFOldDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.model.StyleSheet;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads Word 97–2003 documents ({@code .doc}) and the {@code .wps} files that are OLE Word documents through Apache
 * POI HWPF: the main text's paragraphs in order, Word's automatic list numbering written out as text, heading styles
 * and outline levels kept as heading levels, table cells read as paragraphs (with a note). Headers, footers,
 * footnotes and comments are not read; field codes are dropped and their results kept.
 *
 * <p>Before HWPF parses anything, the OLE container is looked at: an {@code EncryptionInfo} stream (a
 * password-protected {@code .docx} is OOXML inside OLE) or a Word FIB with {@code fEncrypted} set is
 * {@link OutlineParseException.Code#ENCRYPTED}; an OLE file without a {@code WordDocument} stream (an old WPS
 * format, Excel, PowerPoint) is refused with a reason naming it. Memory is bounded by the input: the file is at most
 * {@link OutlineParser#MAX_BYTES} and HWPF's records are capped by POI's own record-length limit.
 */
final class DocReader {

    private static final String WORD_DOCUMENT = "WordDocument";
    /** FIB base: wIdent at 0 (0xA5EC for Word 97 and later), nFib at 2, flags at 10. */
    private static final int FIB_FLAGS_OFFSET = 10;
    private static final int F_ENCRYPTED = 0x0100;
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^\\s*(?:heading|标题)\\s*([1-6])\\s*$");
    /** Field begin … separator (the field code, dropped), and the field end mark. */
    private static final Pattern FIELD_CODE = Pattern.compile("\\u0013[^\\u0013\\u0014\\u0015]*(?:\\u0014|(?=\\u0015))");
    /** Objects, pictures, footnote marks and other control characters HWPF leaves in the text. */
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0006\\u0008\\u000E-\\u001D]");

    private DocReader() {
    }

    static ReadResult read(byte[] content, String extension) throws OutlineParseException {
        boolean wps = extension.equals("wps") || extension.equals("wpt");
        String what = wps ? ".wps" : ".doc";
        try (POIFSFileSystem fs = openContainer(content, what)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED,
                        "the file is a password-protected Office document (encrypted OOXML inside OLE)");
            }
            if (!root.hasEntry(WORD_DOCUMENT)) {
                throw notWord(root, what, wps);
            }
            checkFib(root, what);
            List<OutlineWarning> notes = new ArrayList<>();
            List<SourceLine> lines;
            try {
                lines = readWord97(new HWPFDocument(root), notes);
            } catch (OldWordFileFormatException e) {
                lines = readOldWord(new HWPFOldDocument(root));
            }
            return new ReadResult(lines, notes, OutlineSource.of(FileKind.DOC));
        } catch (EncryptedDocumentException e) {
            throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED,
                    "the " + what + " is encrypted (password-protected)", e);
        } catch (IOException | RuntimeException e) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "the " + what + " cannot be read as a Word document: " + OutlineParseException.firstLine(e), e);
        }
    }

    private static POIFSFileSystem openContainer(byte[] content, String what) throws OutlineParseException {
        try {
            return new POIFSFileSystem(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "the " + what + " is a damaged OLE compound file: " + OutlineParseException.firstLine(e), e);
        }
    }

    private static OutlineParseException notWord(DirectoryNode root, String what, boolean wps) {
        if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
            return new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "the file is an Excel workbook, not a Word document");
        }
        if (root.hasEntry("PowerPoint Document")) {
            return new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "the file is a PowerPoint presentation, not a Word document");
        }
        if (wps) {
            return new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "the .wps is not an OLE Word document (no WordDocument stream): an older WPS format that cannot"
                            + " be read; save it in WPS as .doc or .docx");
        }
        return new OutlineParseException(OutlineParseException.Code.CORRUPT,
                "the " + what + " is an OLE file without a WordDocument stream: not a Word document");
    }

    /** Refuses an encrypted or obfuscated Word document from its FIB, before HWPF tries a default password. */
    private static void checkFib(DirectoryNode root, String what) throws IOException, OutlineParseException {
        Entry entry = root.getEntry(WORD_DOCUMENT);
        if (!(entry instanceof DocumentEntry document) || document.getSize() < 32) {
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "the " + what + " has a truncated WordDocument stream");
        }
        byte[] fib = new byte[32];
        try (InputStream in = root.createDocumentInputStream(document)) {
            if (in.readNBytes(fib, 0, fib.length) < fib.length) {
                throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                        "the " + what + " has a truncated WordDocument stream");
            }
        }
        int flags = (fib[FIB_FLAGS_OFFSET] & 0xFF) | (fib[FIB_FLAGS_OFFSET + 1] & 0xFF) << 8;
        if ((flags & F_ENCRYPTED) != 0) {
            throw new OutlineParseException(OutlineParseException.Code.ENCRYPTED,
                    "the " + what + " is encrypted (password-protected)");
        }
    }

    private static List<SourceLine> readWord97(HWPFDocument document, List<OutlineWarning> notes) {
        Range range = document.getRange();
        StyleSheet styles = document.getStyleSheet();
        Numbering numbering = new Numbering();
        List<String> texts = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        int tableRows = 0;
        int paragraphs = range.numParagraphs();
        for (int i = 0; i < paragraphs; i++) {
            Paragraph paragraph = range.getParagraph(i);
            if (paragraph.isInTable() && paragraph.isTableRowEnd()) {
                tableRows++;
                continue; // the row-end mark holds no text
            }
            String label = numbering.label(paragraph);
            int level = headingLevel(paragraph, styles);
            String[] parts = plainText(paragraph.text()).split("[\\u000B\r\n\\u0007\f]", -1);
            boolean first = true;
            for (String part : parts) {
                if (!first && part.isEmpty()) {
                    continue;
                }
                texts.add(first && label != null ? label + part : part);
                levels.add(level);
                first = false;
            }
        }
        if (tableRows > 0) {
            notes.add(OutlineWarning.of(WarningCode.DOC_TABLES_FLATTENED, "rows", tableRows));
        }
        return cleaned(texts, levels);
    }

    /** Word 6/95 documents (and WPS files saved in that format): text only, no styles or numbering. */
    private static List<SourceLine> readOldWord(HWPFOldDocument document) {
        Range range = document.getRange();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < range.numParagraphs(); i++) {
            for (String part : plainText(range.getParagraph(i).text()).split("[\\u000B\r\n\\u0007\f]", -1)) {
                texts.add(part);
            }
        }
        return cleaned(texts, null);
    }

    private static List<SourceLine> cleaned(List<String> texts, List<Integer> levels) {
        List<String> cleaned = TextCleaner.cleanLines(texts);
        List<SourceLine> lines = new ArrayList<>(cleaned.size());
        for (int i = 0; i < cleaned.size(); i++) {
            lines.add(new SourceLine(cleaned.get(i), levels == null ? 0 : levels.get(i)));
        }
        return lines;
    }

    /** The paragraph's visible text: field codes dropped (their results kept), special characters mapped. */
    static String plainText(String raw) {
        String s = FIELD_CODE.matcher(raw).replaceAll("");
        s = s.replace('\u001E', '-').replace("\u001F", ""); // non-breaking hyphen; optional hyphen
        s = s.replace('\u00A0', ' ');
        return CONTROL.matcher(s).replaceAll("");
    }

    /** 1–6 for a heading style (heading n / 标题 n) or an outline level 1–6, else 0. */
    private static int headingLevel(Paragraph paragraph, StyleSheet styles) {
        try {
            StyleDescription style = styles.getStyleDescription(paragraph.getStyleIndex());
            String name = style == null ? null : style.getName();
            if (name != null) {
                if (name.equalsIgnoreCase("title") || name.equals("标题")) {
                    return 1;
                }
                Matcher m = HEADING_STYLE.matcher(name);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (RuntimeException e) {
            // a damaged style sheet: the paragraph is read as body text
        }
        int outline = paragraph.getLvl(); // 0–8 for outline levels 1–9, 9 for body text
        return outline >= 0 && outline < 6 ? outline + 1 : 0;
    }

    /** Word's automatic list numbers, counted per list and level as Word displays them. */
    private static final class Numbering {
        private final Map<Integer, int[]> counters = new HashMap<>();

        String label(Paragraph paragraph) {
            if (!paragraph.isInList()) {
                return null;
            }
            HWPFList list;
            try {
                list = paragraph.getList();
            } catch (RuntimeException e) {
                return null;
            }
            if (list == null) {
                return null;
            }
            int level = Math.max(0, Math.min(8, paragraph.getIlvl()));
            char lvl = (char) level;
            String template;
            try {
                template = list.getNumberText(lvl);
            } catch (RuntimeException e) {
                return null;
            }
            if (template == null || template.isEmpty()) {
                return null;
            }
            int[] count = counters.computeIfAbsent(list.getLsid(), k -> new int[9]);
            if (count[level] == 0) {
                count[level] = Math.max(0, list.getStartAt(lvl) - 1);
            }
            count[level]++;
            for (int deeper = level + 1; deeper < count.length; deeper++) {
                count[deeper] = 0;
            }
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c < 9) {
                    int n = Math.max(1, count[c]);
                    int format = list.getNumberFormat(c);
                    if (format == 23 || format == 255) {
                        return null; // bullets and "no number" carry no outline numbering
                    }
                    label.append(DocxReader.formatNumber(n, formatName(format)));
                } else {
                    label.append(c);
                }
            }
            String text = label.toString();
            return text.isBlank() || text.chars().allMatch(ch -> ch < 0x20 || (ch >= 0xF000 && ch <= 0xF0FF))
                    ? null : text;
        }

        /** Word's binary number format codes (nfc) as the OOXML names {@link DocxReader#formatNumber} knows. */
        private static String formatName(int nfc) {
            return switch (nfc) {
                case 1 -> "upperRoman";
                case 2 -> "lowerRoman";
                case 3 -> "upperLetter";
                case 4 -> "lowerLetter";
                case 10 -> "ideographDigital";
                case 18 -> "decimalEnclosedCircle";
                case 22 -> "decimalZero";
                case 28 -> "decimalEnclosedCircleChinese";
                case 33 -> "taiwaneseCounting";
                case 35 -> "taiwaneseCountingThousand";
                case 37 -> "chineseCounting";
                case 39 -> "chineseCountingThousand";
                default -> "decimal";
            };
        }
    }
}
