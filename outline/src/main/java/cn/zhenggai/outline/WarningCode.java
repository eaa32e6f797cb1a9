package cn.zhenggai.outline;

/**
 * What the parser noticed, as a code the UI translates from one table. Each code has a Chinese template whose
 * {@code {name}} placeholders are filled from {@link OutlineWarning#params()}. Codes are public (outline JSON
 * {@code warningCodes}): add, never rename.
 *
 * <p>Structure codes (emitted by the assembler; every param is a string, texts are cut to 24 characters plus …):
 * <table>
 *   <caption>structure codes and their params</caption>
 *   <tr><th>code</th><th>params</th></tr>
 *   <tr><td>NO_TITLE</td><td>—</td></tr>
 *   <tr><td>PREAMBLE_NOT_PLACED</td><td>text</td></tr>
 *   <tr><td>SECTION_NOT_RECOGNISED</td><td>paragraphs, heading</td></tr>
 *   <tr><td>SECTION_MERGED</td><td>section (个人有关事项 | 上年度整改落实情况 | 问题根源 | 整改措施 | 查摆问题), heading</td></tr>
 *   <tr><td>TRAILING_LINES</td><td>lines (joined with " / ")</td></tr>
 *   <tr><td>YEAR_FROM_NOTICE</td><td>year</td></tr>
 *   <tr><td>YEAR_FROM_TEXT</td><td>year</td></tr>
 *   <tr><td>YEAR_NOT_FOUND</td><td>—</td></tr>
 *   <tr><td>SECTION_NUMERAL_REPEATED</td><td>numeral, first, second</td></tr>
 *   <tr><td>SECTION_NUMBERING_SKIPS</td><td>from, to, heading</td></tr>
 *   <tr><td>CARRY_OVER_NUMBERING_IRREGULAR</td><td>heading, position, numeral</td></tr>
 *   <tr><td>PROBLEM_NUMBERING_IRREGULAR</td><td>theme, position, numeral</td></tr>
 *   <tr><td>ACTION_NUMBERING_IRREGULAR</td><td>measure, position, numeral</td></tr>
 *   <tr><td>PROBLEM_TEXT_NOT_PLACED</td><td>text</td></tr>
 *   <tr><td>PROBLEMS_WITHOUT_THEME</td><td>text</td></tr>
 *   <tr><td>THEME_WITHOUT_PROBLEMS</td><td>theme</td></tr>
 *   <tr><td>THEME_READ_AS_ONE_PROBLEM</td><td>theme</td></tr>
 *   <tr><td>CARRY_OVER_TEXT_NOT_PLACED</td><td>text</td></tr>
 *   <tr><td>CARRY_OVER_COUNT_MISMATCH</td><td>declared, listed, heading</td></tr>
 *   <tr><td>ROOT_CAUSE_TEXT_NOT_PLACED</td><td>text</td></tr>
 *   <tr><td>PERSONAL_MATTERS_EMPTY</td><td>—</td></tr>
 *   <tr><td>MEASURE_TEXT_NOT_PLACED</td><td>text</td></tr>
 *   <tr><td>DEADLINE_UNRESOLVED</td><td>measure, deadline</td></tr>
 *   <tr><td>CARRY_OVER_SUMMARY_MISMATCH</td><td>stated, listed</td></tr>
 *   <tr><td>CARRY_OVER_SUMMARY_PARTS_MISMATCH</td><td>problems, completed, longTerm</td></tr>
 * </table>
 * The English sentences the parser wrote before map as follows: "item numbering is irregular" became three codes
 * (carry-over, problems, actions), "measure text before the first numbered measure" joined MEASURE_TEXT_NOT_PLACED;
 * the deadline and year-from-text codes had no rendering in the UI before.
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
    /** No title line at the top of the document. */
    NO_TITLE("文档开头未找到标题"),
    /** A paragraph between the opening paragraph and the first section. Params: text. */
    PREAMBLE_NOT_PLACED("第一个章节之前的文字未归入任何部分：“{text}”"),
    /** A section whose heading names no known part. Params: paragraphs (count), heading. */
    SECTION_NOT_RECOGNISED("有一个章节未能识别，其中{paragraphs}段文字未归入：“{heading}”"),
    /** A second section of a kind already seen; its text joined the first. Params: section (its Chinese name), heading. */
    SECTION_MERGED("出现了第二个同类章节（{section}），已并入第一个：“{heading}”"),
    /** Short lines after the last section (a signature, a date). Params: lines (joined with " / "). */
    TRAILING_LINES("文末几行未归入（可能是署名或日期）：{lines}"),
    /** The year came from the notice's document number, not from the title. Params: year. */
    YEAR_FROM_NOTICE("年度取自通知文号：{year}"),
    /** No 年度 anywhere: the year is the first one written in the title or the opening paragraph. Params: year. */
    YEAR_FROM_TEXT("未写明年度，年度取自标题或开头段落中的年份：{year}"),
    /** No meeting year in the title, the opening paragraph or a notice reference. */
    YEAR_NOT_FOUND("标题和开头段落中未找到年度"),
    /** A section numeral written twice. Params: numeral, first (heading), second (heading). */
    SECTION_NUMERAL_REPEATED("章节序号“{numeral}”重复使用（“{first}” / “{second}”）"),
    /** Section numbering jumps. Params: from, to (numbers), heading (the section after the gap). */
    SECTION_NUMBERING_SKIPS("章节编号从{from}跳到{to}（在“{heading}”之前）"),
    /** Items of a carry-over group numbered out of sequence. Params: heading, position, numeral. */
    CARRY_OVER_NUMBERING_IRREGULAR("落实情况“{heading}”：条目编号不连续（第{position}条编号为{numeral}）"),
    /** Problems of a theme numbered out of sequence. Params: theme, position, numeral. */
    PROBLEM_NUMBERING_IRREGULAR("“{theme}”方面的问题：条目编号不连续（第{position}条编号为{numeral}）"),
    /** Actions of a measure numbered out of sequence. Params: measure, position, numeral. */
    ACTION_NUMBERING_IRREGULAR("整改措施“{measure}”的具体举措：条目编号不连续（第{position}条编号为{numeral}）"),
    /** Text in the problems section before any theme or problem. Params: text. */
    PROBLEM_TEXT_NOT_PLACED("不属于任何方面的问题文字未归入：“{text}”"),
    /** Problems that follow text which is not a theme heading. Params: text. */
    PROBLEMS_WITHOUT_THEME("以下内容之后列出的问题缺少方面标题：“{text}”"),
    /** A theme heading with nothing under it. Params: theme. */
    THEME_WITHOUT_PROBLEMS("该方面未列出问题：“{theme}”"),
    /** A theme whose problems are not numbered: its text became one problem. Params: theme. */
    THEME_READ_AS_ONE_PROBLEM("该方面的问题未编号，整段作为一个问题：“{theme}”"),
    /** Carry-over text before its first group. Params: text. */
    CARRY_OVER_TEXT_NOT_PLACED("落实情况第一组之前的文字未归入：“{text}”"),
    /** A carry-over group whose heading declares another count than it lists. Params: declared, listed, heading. */
    CARRY_OVER_COUNT_MISMATCH("落实情况一组写明{declared}项，实际列出{listed}项：“{heading}”"),
    /** Root-cause text before the first cause. Params: text. */
    ROOT_CAUSE_TEXT_NOT_PLACED("问题根源第一条之前的文字未归入：“{text}”"),
    /** The personal matters heading has no text under it. */
    PERSONAL_MATTERS_EMPTY("个人有关事项部分为空"),
    /** Measure text before the first (numbered) measure. Params: text. */
    MEASURE_TEXT_NOT_PLACED("整改措施第一条之前的文字未归入：“{text}”"),
    /** A deadline whose date cannot be worked out (no year known). Params: measure, deadline. */
    DEADLINE_UNRESOLVED("整改措施“{measure}”中的期限“{deadline}”无法确定具体日期"),
    /**
     * The carry-over's summary sentence counts other problems than the carry-over lists. Params: stated (the
     * summary's 共N个), listed (the groups' declared counts added up, or the items listed when a group declares none).
     */
    CARRY_OVER_SUMMARY_MISMATCH("落实情况总述称上年度查摆问题共{stated}个，但各组合计{listed}个"),
    /** The summary's parts do not add up. Params: problems, completed, longTerm. */
    CARRY_OVER_SUMMARY_PARTS_MISMATCH("落实情况总述称共{problems}个问题，但已完成{completed}个与需长期坚持{longTerm}个合计不符"),
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
