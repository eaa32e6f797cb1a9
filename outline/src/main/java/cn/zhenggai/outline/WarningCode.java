package cn.zhenggai.outline;

/**
 * What the parser noticed, as a code the UI translates from one table. Each code has a Chinese template whose
 * {@code {name}} placeholders are filled from {@link OutlineWarning#params()}. Codes are public (outline JSON
 * {@code warningCodes}): add, never rename.
 */
public enum WarningCode {
    // --- how the file was read (readers: docx, doc/wps, pdf) ---
    /** A file with another extension held a .docx and was read as one. */
    READ_AS_DOCX("文件扩展名为.{extension}，实际为.docx文档，已按.docx读取"),
    /** Table cells of a .docx were read as plain paragraphs. */
    DOCX_TABLES_FLATTENED("文档含有表格（{rows}行），表格内容已按普通段落读取"),
    /** A file with another extension held a Word 97–2003 (or WPS) document and was read as one. */
    READ_AS_DOC("文件扩展名为.{extension}，实际为Word 97-2003（.doc）文档，已按.doc读取"),
    /** A file with another extension held a PDF and was read as one. */
    READ_AS_PDF("文件扩展名为.{extension}，实际为PDF文档，已按PDF读取"),
    /** A file with another extension held a picture and was read by OCR. */
    READ_AS_IMAGE("文件扩展名为.{extension}，实际为图片，已按图片识别"),
    /** Table cells of a .doc/.wps were read as plain paragraphs. */
    DOC_TABLES_FLATTENED("文档含有表格（{rows}行），表格内容已按普通段落读取"),
    /** Page headers, footers and page numbers of a PDF were left out. */
    PDF_PAGE_FURNITURE_REMOVED("已去除PDF页眉页脚和页码（{lines}行）"),
    /** Pages of a PDF laid out in two columns were read column by column. */
    PDF_COLUMNS_READ("PDF第{pages}页为分栏排版，已按先左栏后右栏的顺序读取"),

    // --- scanned pages (OCR) ---
    /** The text was read from page images by OCR. */
    OCR_USED("文件为扫描件或图片，已通过文字识别（OCR）读取{pages}页，请核对识别结果"),
    /** A page read by OCR has a low mean confidence or doubtful lines. */
    OCR_LOW_CONFIDENCE("第{page}页文字识别置信度为{confidence}，有{lines}行可能识别有误，请对照原件核对"),

    // --- structure (sections, problems, causes, measures, carry-over) ---
    ;

    private final String template;

    WarningCode(String template) {
        this.template = template;
    }

    /** The Chinese template with {@code {name}} placeholders. */
    public String template() {
        return template;
    }
}
