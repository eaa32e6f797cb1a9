// The outline preview's warnings, from their codes: `warningCodes: [{code, params}]` is translated from the one table
// below; a code the table does not know (a newer parser or service) shows the server's Chinese sentence, `warnings[i]`
// at the same index. Codes come from the parser (outline WarningCode) and from report-service (ImportWarningCode).

/** Chinese per code; `{name}` is filled from the warning's params. */
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
