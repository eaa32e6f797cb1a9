package cn.zhenggai.outline;

/**
 * The input cannot be parsed into an outline. {@link #code()} is machine-readable; the message
 * is a short English sentence fit for a log line; services give the user a Chinese message per code.
 */
public final class OutlineParseException extends Exception {

    /** Why the input was rejected. */
    public enum Code {
        /** The file could not be read (missing, a directory, no permission). */
        UNREADABLE,
        /** The file holds no text. */
        EMPTY,
        /** The bytes are not text in a supported encoding. */
        BINARY,
        /** The file is over {@link OutlineParser#MAX_BYTES}, or a PDF holds more text than an outline could. */
        TOO_LARGE,
        /** A file named .docx that is not a Word document. */
        NOT_DOCX,
        /** A .docx whose content expands suspiciously (a zip bomb). */
        ZIP_BOMB,
        /** The text has no outline structure: no sections, problems or measures. */
        NO_STRUCTURE,
        /** A file type the parser does not read (neither text, Word, PDF nor an image). */
        UNSUPPORTED_TYPE,
        /** The document is encrypted or password-protected (.doc, .docx, .pdf). */
        ENCRYPTED,
        /** A .doc, .wps, PDF or image whose content cannot be read (damaged, or a WPS format that is not OLE Word). */
        CORRUPT,
        /** A PDF or image with no recognisable text (no text layer and OCR found none). */
        NO_TEXT,
        /** A scan needs OCR and no OCR engine is available on this machine. */
        OCR_UNAVAILABLE,
        /** A PDF with more pages than the parser reads ({@link OutlineParser#MAX_PAGES}). */
        TOO_MANY_PAGES,
        /** An image (or a scanned page) with more pixels than the parser decodes. */
        IMAGE_TOO_LARGE,
        /** A PDF whose streams inflate beyond the limit (a decompression bomb). */
        STREAM_BOMB
    }

    private final Code code;

    public OutlineParseException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public OutlineParseException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** The first line of a library's exception message (or its class name), for the reason in a refusal. */
    static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
