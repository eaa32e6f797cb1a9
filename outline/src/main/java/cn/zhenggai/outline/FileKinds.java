package cn.zhenggai.outline;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the kind of an outline file from its first bytes, the extension only breaking ties between plain text and
 * Markdown. Cadres rename files, WPS saves Word documents as {@code .wps}, browsers drop extensions: the content is
 * what a reader can read, so it decides.
 *
 * <ul>
 *   <li>OLE2 compound file ({@code D0 CF 11 E0}): {@link FileKind#DOC} — a Word 97–2003 {@code .doc}, a {@code .wps}
 *       that is an OLE Word document, or an encrypted {@code .docx} (OOXML inside OLE); {@link DocReader} tells them
 *       apart.</li>
 *   <li>ZIP ({@code PK 03 04}): {@link FileKind#DOCX}.</li>
 *   <li>{@code %PDF} in the first KiB (the PDF specification lets junk precede it): {@link FileKind#PDF}.</li>
 *   <li>PNG, JPEG, TIFF ({@code II*} / {@code MM*}), BMP, GIF: {@link FileKind#IMAGE}.</li>
 *   <li>RTF: refused ({@link OutlineParseException.Code#UNSUPPORTED_TYPE}).</li>
 *   <li>anything else: {@link FileKind#TEXT} or {@link FileKind#MARKDOWN} by extension — when the extension is one
 *       of text's; a file named {@code .doc}, {@code .pdf}, an image … whose bytes are none of these is damaged
 *       ({@link OutlineParseException.Code#CORRUPT}), a {@code .docx} that is not a ZIP is
 *       {@link OutlineParseException.Code#NOT_DOCX}, and an unknown extension is
 *       {@link OutlineParseException.Code#UNSUPPORTED_TYPE}.</li>
 * </ul>
 */
public final class FileKinds {

    static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "");
    static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown");
    static final Set<String> DOCX_EXTENSIONS = Set.of("docx", "docm", "dotx", "dotm");
    static final Set<String> DOC_EXTENSIONS = Set.of("doc", "dot", "wps", "wpt");
    static final Set<String> PDF_EXTENSIONS = Set.of("pdf");
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "jpe", "tif", "tiff", "bmp", "gif");

    /** How far into the file {@code %PDF} may start. */
    private static final int PDF_HEADER_WINDOW = 1024;

    private FileKinds() {
    }

    /**
     * The kind of file the bytes hold.
     *
     * @param content  the file's bytes (not empty)
     * @param fileName its name, or null; only its extension is used
     * @throws OutlineParseException RTF ({@code UNSUPPORTED_TYPE}); bytes that are none of the kinds above under an
     *                               extension that promises one of them ({@code CORRUPT}, {@code NOT_DOCX}) or
     *                               under an unknown extension ({@code UNSUPPORTED_TYPE})
     */
    public static FileKind detect(byte[] content, String fileName) throws OutlineParseException {
        String extension = extensionOf(fileName);
        if (isOle2(content)) {
            return FileKind.DOC;
        }
        if (isZip(content)) {
            return FileKind.DOCX;
        }
        if (isPdf(content)) {
            return FileKind.PDF;
        }
        if (isImage(content)) {
            return FileKind.IMAGE;
        }
        if (startsWith(content, 0, "{\\rtf")) {
            throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                    "RTF content is not supported; save the file as .docx or .doc");
        }
        if (MARKDOWN_EXTENSIONS.contains(extension)) {
            return FileKind.MARKDOWN;
        }
        if (TEXT_EXTENSIONS.contains(extension)) {
            return FileKind.TEXT;
        }
        if (DOCX_EXTENSIONS.contains(extension)) {
            throw new OutlineParseException(OutlineParseException.Code.NOT_DOCX,
                    "file is not a .docx: it is not a ZIP container");
        }
        if (DOC_EXTENSIONS.contains(extension) || PDF_EXTENSIONS.contains(extension)
                || IMAGE_EXTENSIONS.contains(extension)) {
            boolean wps = extension.equals("wps") || extension.equals("wpt");
            throw new OutlineParseException(OutlineParseException.Code.CORRUPT,
                    "file named ." + extension + " is not a " + expected(extension)
                            + ": its content has no known signature (" + (wps
                            ? "an older WPS format that cannot be read, or damaged; save it in WPS as .doc or .docx"
                            : "damaged or another format") + ")");
        }
        throw new OutlineParseException(OutlineParseException.Code.UNSUPPORTED_TYPE,
                "unsupported file type ." + extension + "; expected .txt, .md, .docx, .doc, .wps, .pdf or an image");
    }

    /**
     * A note when the extension promised another kind than the content holds (a .txt holding a .docx, a .doc holding
     * a PDF …); none when they agree or the name has no extension.
     */
    static Optional<OutlineWarning> mismatch(FileKind kind, String fileName) {
        String extension = extensionOf(fileName);
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        WarningCode code = switch (kind) {
            case DOCX -> DOCX_EXTENSIONS.contains(extension) ? null : WarningCode.READ_AS_DOCX;
            case DOC -> DOC_EXTENSIONS.contains(extension) ? null : WarningCode.READ_AS_DOC;
            case PDF, SCANNED_PDF -> PDF_EXTENSIONS.contains(extension) ? null : WarningCode.READ_AS_PDF;
            case IMAGE -> IMAGE_EXTENSIONS.contains(extension) ? null : WarningCode.READ_AS_IMAGE;
            case TEXT, MARKDOWN -> null;
        };
        return code == null ? Optional.empty() : Optional.of(OutlineWarning.of(code, "extension", extension));
    }

    static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String expected(String extension) {
        if (DOC_EXTENSIONS.contains(extension)) {
            return "Word 97-2003 or WPS document";
        }
        return PDF_EXTENSIONS.contains(extension) ? "PDF" : "picture";
    }

    static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1 && (b[6] & 0xFF) == 0x1A
                && (b[7] & 0xFF) == 0xE1;
    }

    static boolean isZip(byte[] b) {
        return DocxReader.isZip(b);
    }

    static boolean isPdf(byte[] b) {
        int window = Math.min(b.length, PDF_HEADER_WINDOW);
        for (int i = 0; i + 4 <= window; i++) {
            if (b[i] == '%' && startsWith(b, i, "%PDF-")) {
                return true;
            }
        }
        return false;
    }

    static boolean isImage(byte[] b) {
        return startsWithBytes(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || startsWithBytes(b, 0xFF, 0xD8, 0xFF)
                || startsWithBytes(b, 'I', 'I', 0x2A, 0x00)
                || startsWithBytes(b, 'M', 'M', 0x00, 0x2A)
                || isBmp(b)
                || startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a");
    }

    /** "BM", then at offset 14 the size of a known DIB header: text that starts with "BM" is not a bitmap. */
    private static boolean isBmp(byte[] b) {
        if (b.length < 26 || !startsWithBytes(b, 'B', 'M')) {
            return false;
        }
        int dib = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
        return dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length - offset < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b} starts with the given unsigned byte values (magic numbers, byte order marks). */
    static boolean startsWithBytes(byte[] b, int... expected) {
        if (b.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
