// The outline preview's warnings, from their codes: `warningCodes: [{code, params}]` is translated from the one table
// below; a code the table does not know (a newer parser or service) shows the server's Chinese sentence, `warnings[i]`
// at the same index. Codes come from the parser (outline WarningCode) and from report-service (ImportWarningCode).

/**
 * Chinese per code; `{name}` is filled from the warning's params. The parser's and report-service's codes share this
 * table, so their names never overlap (report-service's OutlineToReportCodesTest checks it).
 */
export const WARNING_TEXTS = {
  // how the file was read
  READ_AS_DOCX: '文件扩展名为.{extension}，实际为.docx文档，已按.docx读取',
  DOCX_TABLES_FLATTENED: '文档含有表格（{rows}行），表格内容已按普通段落读取',
  READ_AS_DOC: '文件扩展名为.{extension}，实际为Word 97-2003（.doc）文档，已按.doc读取',
  READ_AS_PDF: '文件扩展名为.{extension}，实际为PDF文档，已按PDF读取',
  READ_AS_IMAGE: '文件扩展名为.{extension}，实际为图片，已按图片识别',
  DOC_TABLES_FLATTENED: '文档含有表格（{rows}行），表格内容已按普通段落读取',
  PDF_PAGE_FURNITURE_REMOVED: '已去除PDF页眉页脚和页码（{lines}行）',
  PDF_COLUMNS_READ: 'PDF第{pages}页为分栏排版，已按先左栏后右栏的顺序读取',
  // scanned pages (OCR)
  OCR_USED: '文件为扫描件或图片，已通过文字识别（OCR）读取{pages}页，请核对识别结果',
  OCR_LOW_CONFIDENCE: '第{page}页文字识别置信度为{confidence}，有{lines}行可能识别有误，请对照原件核对',
  // structure (sections, problems, causes, measures, carry-over)
  NO_TITLE: '文档开头未找到标题',
  PREAMBLE_NOT_PLACED: '第一个章节之前的文字未归入任何部分：“{text}”',
  SECTION_NOT_RECOGNISED: '有一个章节未能识别，其中{paragraphs}段文字未归入：“{heading}”',
  SECTION_MERGED: '出现了第二个同类章节（{section}），已并入第一个：“{heading}”',
  TRAILING_LINES: '文末几行未归入（可能是署名或日期）：{lines}',
  YEAR_FROM_NOTICE: '年度取自通知文号：{year}',
  YEAR_NOT_FOUND: '标题和开头段落中未找到年度',
  YEAR_FROM_TEXT: '未写明年度，年度取自标题或开头段落中的年份：{year}',
  SECTION_NUMERAL_REPEATED: '章节序号“{numeral}”重复使用（“{first}” / “{second}”）',
  SECTION_NUMBERING_SKIPS: '章节编号从{from}跳到{to}（在“{heading}”之前）',
  CARRY_OVER_NUMBERING_IRREGULAR: '落实情况“{heading}”：条目编号不连续（第{position}条编号为{numeral}）',
  PROBLEM_NUMBERING_IRREGULAR: '“{theme}”方面的问题：条目编号不连续（第{position}条编号为{numeral}）',
  ACTION_NUMBERING_IRREGULAR: '整改措施“{measure}”的具体举措：条目编号不连续（第{position}条编号为{numeral}）',
  PROBLEM_TEXT_NOT_PLACED: '不属于任何方面的问题文字未归入：“{text}”',
  PROBLEMS_WITHOUT_THEME: '以下内容之后列出的问题缺少方面标题：“{text}”',
  THEME_WITHOUT_PROBLEMS: '该方面未列出问题：“{theme}”',
  THEME_READ_AS_ONE_PROBLEM: '该方面的问题未编号，整段作为一个问题：“{theme}”',
  CARRY_OVER_TEXT_NOT_PLACED: '落实情况第一组之前的文字未归入：“{text}”',
  CARRY_OVER_COUNT_MISMATCH: '落实情况一组写明{declared}项，实际列出{listed}项：“{heading}”',
  ROOT_CAUSE_TEXT_NOT_PLACED: '问题根源第一条之前的文字未归入：“{text}”',
  PERSONAL_MATTERS_EMPTY: '个人有关事项部分为空',
  MEASURE_TEXT_NOT_PLACED: '整改措施第一条之前的文字未归入：“{text}”',
  DEADLINE_UNRESOLVED: '整改措施“{measure}”中的期限“{deadline}”无法确定具体日期',
  CARRY_OVER_SUMMARY_MISMATCH: '落实情况总述称上年度查摆问题共{stated}个，但各组合计{listed}个',
  CARRY_OVER_SUMMARY_PARTS_MISMATCH: '落实情况总述称共{problems}个问题，但已完成{completed}个与需长期坚持{longTerm}个合计不符',
  // report-service: what the import settles
  YEAR_IGNORED: '年度“{year}”不合理，已忽略',
  TITLE_DEFAULTED: '未识别出标题，已使用“{title}”',
  CARRY_OVER_GROUP_EMPTY: '整改落实情况“{heading}”下没有具体条目，未导入',
  PROBLEM_RENUMBERED: '“{theme}”下第{ordinal}个问题的序号重复或跳号，已按顺序编为第{renumbered}个',
  PROBLEMS_UNDER_DEFAULT_THEME: '部分问题未归入任何方面，已归入“{theme}”',
  ROOT_CAUSES_NOT_LINKED: '根源与问题的对应关系未写明，请在报告中关联',
  MEASURES_NOT_LINKED: '整改措施与根源数量不同，措施未关联根源，请在报告中关联',
  THEME_OUTSIDE_MEETING: '问题所属方面“{theme}”不在本次民主生活会的主题中',
  // report-service: the carry-over compared with the cadre's earlier accepted report (ADR 0089)
  CARRY_OVER_LEDGER_MISMATCH: '上年度整改落实情况写明查摆问题{summaryProblems}个，但本人{previousYear}年度已审核通过的发言提纲查摆问题{ledgerProblems}个，请核对',
};

const CHINESE = /[\u4e00-\u9fff]/;

/** One warning in Chinese: from its code when the table knows it and its params fill it, else the server's text. */
export function warningText(warning, serverText) {
  const template = warning && WARNING_TEXTS[warning.code];
  if (template) {
    const params = warning.params || {};
    let missing = false;
    const text = template.replace(/\{(\w+)\}/g, (_, name) => {
      if (params[name] === undefined || params[name] === null) { missing = true; return ''; }
      return String(params[name]);
    });
    if (!missing) return text;
  }
  if (serverText && CHINESE.test(serverText)) return serverText;
  return serverText ? '识别提示：' + serverText : '识别提示：' + ((warning && warning.code) || '未知');
}

/**
 * The preview's warnings in Chinese, each {text, code, server}: by code when `warningCodes` pairs with `warnings`
 * index for index, otherwise the server's sentences as they are.
 */
export function previewWarnings(data) {
  const texts = (data && data.warnings) || [];
  const codes = (data && data.warningCodes) || [];
  if (codes.length === texts.length) {
    return codes.map((w, i) => ({ text: warningText(w, texts[i]), code: w && w.code, server: texts[i] }));
  }
  return texts.map((t) => ({ text: warningText(null, t), code: null, server: t }));
}
