package cn.zhenggai.outline;

/**
 * The input cannot be parsed into an outline. {@link #code()} is machine-readable; the message
 * is a short English sentence fit for a log line or an API error body.
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
        /** The file is over {@link OutlineParser#MAX_BYTES}. */
        TOO_LARGE,
        /** A file named .docx that is not a Word document. */
        NOT_DOCX,
        /** A .docx whose content expands suspiciously (a zip bomb). */
        ZIP_BOMB,
        /** The text has no outline structure: no sections, problems or measures. */
        NO_STRUCTURE,
        /** A file type the parser does not read (.doc, .pdf, images …). */
        UNSUPPORTED_TYPE
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
}
