package cn.zhenggai.outline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses speech outlines (发言提纲 / 对照检查材料) from .txt, .md and .docx into an {@link Outline}.
 * Offline, stateless and thread-safe: call it from a CLI or a request handler alike.
 *
 * <p>Rejected input never yields a partial result: {@link OutlineParseException#code()} says why
 * (see {@link OutlineParseException.Code}).
 */
public final class OutlineParser {

    /** Largest file accepted: 10 MiB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Set<String> DOCX = Set.of("docx", "docm", "dotx");
    private static final Set<String> MARKDOWN = Set.of("md", "markdown");
    private static final Set<String> TEXT = Set.of("txt", "text", "");

    private OutlineParser() {
    }

    /** Reads and parses a file; the type comes from its extension (.txt, .md, .docx). */
    public static Outline parse(Path file) throws OutlineParseException {
        byte[] content;
        try {
            if (!Files.isRegularFile(file)) {
                throw new OutlineParseException(OutlineParseException.Code.UNREADABLE,
                        Files.exists(file) ? "not a regular file: " + file : "file not found: " + file);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(size);
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OutlineParseException(OutlineParseException.Code.UNREADABLE, "file not found: " + file, e);
        } catch (IOException | SecurityException e) {
            throw new OutlineParseException(OutlineParseException.Code.UNREADABLE,
                    "cannot read " + file + ": " + e.getMessage(), e);
        }
        Path name = file.getFileName();
        return parse(content, name == null ? "" : name.toString());
    }

    /**
     * Parses the bytes of an uploaded or stored file.
     *
     * @param content  the file's bytes
     * @param fileName its name, used for the type (.txt, .md, .docx); null or no extension means
     *                 plain text, or .docx when the bytes are a ZIP container
     */
    public static Outline parse(byte[] content, String fileName) throws OutlineParseException {
        if (content.length > MAX_BYTES) {
            throw tooLarge(content.length);
        }
        if (content.length == 0) {
            throw new OutlineParseException(OutlineParseException.Code.EMPTY, "file is empty");
        }
        if (isImage(content)) {
            // TEMPORARY (issue 16, OCR helper): images by their magic bytes; the kind-detection helper's dispatch
            // replaces this branch at merge.
            return parseLines(OcrReader.readImage(content));
        }
        String extension = extensionOf(fileName);
        List<OutlineWarning> notes = new ArrayList<>();
        FileKind kind;
        List<SourceLine> lines;
        if (DOCX.contains(extension)) {
            if (startsWithOle2(content)) {
                throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                        "file is not a .docx: it is a legacy .doc or an encrypted document");
            }
            DocxReader.Result docx = DocxReader.read(content);
            lines = docx.lines();
            notes.addAll(docx.notes());
            kind = FileKind.DOCX;
        } else if (TEXT.contains(extension) || MARKDOWN.contains(extension)) {
            rejectKnownBinaryFormats(content);
            if (DocxReader.isZip(content)) {
                DocxReader.Result docx = DocxReader.read(content);
                lines = docx.lines();
                notes.add(OutlineWarning.of(WarningCode.READ_AS_DOCX, "extension", extension));
                notes.addAll(docx.notes());
                kind = FileKind.DOCX;
            } else {
                String text = TextDecoder.decode(content).text();
                lines = PlainTextReader.read(text, MARKDOWN.contains(extension));
                kind = MARKDOWN.contains(extension) ? FileKind.MARKDOWN : FileKind.TEXT;
            }
        } else {
            throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "unsupported file type ." + extension + "; expected .txt, .md or .docx");
        }
        return parseLines(new ReadResult(lines, notes, OutlineSource.of(kind)));
    }

    /** Parses text that is already decoded (plain text, not Markdown). */
    public static Outline parseText(String text) throws OutlineParseException {
        return parseLines(new ReadResult(PlainTextReader.read(text, false), List.of(), null));
    }

    static Outline parseLines(ReadResult read) throws OutlineParseException {
        List<SourceLine> lines = read.lines();
        if (lines.stream().allMatch(SourceLine::isBlank)) {
            throw new OutlineParseException(OutlineParseException.Code.EMPTY, "file holds no text");
        }
        ParagraphBuilder.Result document = ParagraphBuilder.build(lines);
        Outline outline = new OutlineAssembler().assemble(document);
        if (outline == null) {
            throw new OutlineParseException(OutlineParseException.Code.NO_STRUCTURE,
                    "no outline structure found: no sections (一、…), problems, root causes or measures");
        }
        // The readers' notes come first, then what the assembler noticed; warnings[i] is warningCodes[i].text().
        List<String> warnings = new ArrayList<>();
        List<OutlineWarning> codes = new ArrayList<>(read.notes());
        read.notes().forEach(note -> warnings.add(note.text()));
        warnings.addAll(outline.warnings());
        codes.addAll(outline.warningCodes());
        return new Outline(outline.title(), outline.year(), outline.notice(), outline.carryOver(), outline.problems(),
                outline.cleanAreas(), outline.rootCauses(), outline.personalMatters(), outline.measures(), warnings,
                outline.carryOverSummary(), codes, read.source());
    }

    private static void rejectKnownBinaryFormats(byte[] content) throws OutlineParseException {
        if (startsWithOle2(content)) {
            throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "legacy Word (.doc/.wps) content is not supported; save the file as .docx");
        }
        if (startsWith(content, "%PDF")) {
            throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "PDF content is not supported; copy its text into a .txt file");
        }
        if (startsWith(content, "{\\rtf")) {
            throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "RTF content is not supported; save the file as .docx");
        }
    }

    /** PNG, JPEG, TIFF (both byte orders). TEMPORARY: see the image branch in parse. */
    private static boolean isImage(byte[] b) {
        return startsWith(b, "\u0089PNG") || (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8
                && (b[2] & 0xFF) == 0xFF) || startsWith(b, "II*\u0000") || startsWith(b, "MM\u0000*");
    }

    private static boolean startsWithOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
    }

    private static boolean startsWith(byte[] b, String ascii) {
        if (b.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[i] & 0xFF) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static OutlineParseException tooLarge(long size) {
        return new OutlineParseException(OutlineParseException.Code.TOO_LARGE,
                String.format(Locale.ROOT, "file is %.1f MB; the limit is %d MB", size / 1048576.0, MAX_BYTES >> 20));
    }
}
