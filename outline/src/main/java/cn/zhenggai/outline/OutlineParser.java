package cn.zhenggai.outline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses speech outlines (发言提纲 / 对照检查材料) into an {@link Outline}: plain text and Markdown, Word .docx,
 * Word 97–2003 .doc and WPS .wps ({@link DocReader}), PDFs with a text layer ({@link PdfReader}), and scans — PDFs
 * without a text layer and pictures — by OCR ({@link OcrReader}). The kind of file is found from its content
 * ({@link FileKinds}). Offline, stateless and thread-safe: call it from a CLI or a request handler alike.
 *
 * <p>Rejected input never yields a partial result: {@link OutlineParseException#code()} says why
 * (see {@link OutlineParseException.Code}).
 */
public final class OutlineParser {

    /** Largest file accepted: 10 MiB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Most pages of a PDF read; more is {@link OutlineParseException.Code#TOO_MANY_PAGES}, refused before any text is read. */
    public static final int MAX_PAGES = 100;

    private OutlineParser() {
    }

    /** Reads and parses a file; its kind comes from its content (see {@link #parse(byte[], String)}). */
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
     * Parses the bytes of an uploaded or stored file. The kind of file comes from the content
     * ({@link FileKinds#detect}); a name whose extension says otherwise adds a {@code READ_AS_*} warning.
     *
     * @param content  the file's bytes
     * @param fileName its name, or null; its extension only tells plain text from Markdown, and names the kind
     *                 expected when the content is none that is known
     */
    public static Outline parse(byte[] content, String fileName) throws OutlineParseException {
        if (content.length > MAX_BYTES) {
            throw tooLarge(content.length);
        }
        if (content.length == 0) {
            throw new OutlineParseException(OutlineParseException.Code.EMPTY, "file is empty");
        }
        FileKind kind = FileKinds.detect(content, fileName);
        ReadResult read = switch (kind) {
            case TEXT, MARKDOWN -> new ReadResult(
                    PlainTextReader.read(TextDecoder.decode(content).text(), kind == FileKind.MARKDOWN), List.of(),
                    OutlineSource.of(kind));
            case DOCX -> {
                DocxReader.Result docx = DocxReader.read(content);
                yield new ReadResult(docx.lines(), docx.notes(), OutlineSource.of(FileKind.DOCX));
            }
            case DOC -> DocReader.read(content, FileKinds.extensionOf(fileName));
            case PDF, SCANNED_PDF -> PdfReader.read(content);
            case IMAGE -> OcrReader.readImage(content);
        };
        Optional<OutlineWarning> mismatch = FileKinds.mismatch(read.source() == null ? kind : read.source().kind(),
                fileName);
        if (mismatch.isPresent()) {
            List<OutlineWarning> notes = new ArrayList<>();
            notes.add(mismatch.get());
            notes.addAll(read.notes());
            read = new ReadResult(read.lines(), notes, read.source());
        }
        return parseLines(read);
    }

    /** Parses text that is already decoded (plain text, not Markdown). */
    public static Outline parseText(String text) throws OutlineParseException {
        return parseLines(new ReadResult(PlainTextReader.read(text, false), List.of(), null));
    }

    private static Outline parseLines(ReadResult read) throws OutlineParseException {
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

    private static OutlineParseException tooLarge(long size) {
        return new OutlineParseException(OutlineParseException.Code.TOO_LARGE,
                String.format(Locale.ROOT, "file is %.1f MB; the limit is %d MB", size / 1048576.0, MAX_BYTES >> 20));
    }
}
