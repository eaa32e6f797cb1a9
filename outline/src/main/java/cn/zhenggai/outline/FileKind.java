package cn.zhenggai.outline;

/** The kind of file an outline came in, found from its content (the extension only breaks ties for text). */
public enum FileKind {
    TEXT, MARKDOWN, DOCX, DOC, PDF, SCANNED_PDF, IMAGE
}
