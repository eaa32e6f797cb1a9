// The outline parser's warnings are English (like logs); the UI shows them in Chinese.
const PATTERNS = [
  [/^no title line found at the top of the document$/, () => '文档开头未找到标题'],
  [/^text before the first section was not placed: (.*)$/s, (m) => '第一个章节之前的文字未归入任何部分：' + m[1]],
  [/^section not recognised, its (\d+) paragraph\(s\) were not placed: (.*)$/s, (m) => '有一个章节未能识别，其中' + m[1] + '段文字未归入：' + m[2]],
  [/^a second (.*) section was merged into the first: (.*)$/s, (m) => '出现了第二个同类章节（' + m[1] + '），已并入第一个：' + m[2]],
  [/^lines at the end were not placed \(signature or date\?\): (.*)$/s, (m) => '文末几行未归入（可能是署名或日期）：' + m[1]],
  [/^meeting year taken from the notice reference: (\d+)$/, (m) => '年度取自通知文号：' + m[1]],
  [/^meeting year not found in the title or the opening paragraph$/, () => '标题和开头段落中未找到年度'],
  [/^section numeral (\S+) is used twice \((.*)\)$/s, (m) => '章节序号“' + m[1] + '”重复使用（' + m[2] + '）'],
  [/^section numbering skips from (\d+) to (\d+) before (.*)$/s, (m) => '章节编号从' + m[1] + '跳到' + m[2] + '（在' + m[3] + '之前）'],
  [/^(.*): item numbering is irregular \(item (\d+) is numbered (\d+)\)$/s, (m) => m[1] + '：条目编号不连续（第' + m[2] + '条编号为' + m[3] + '）'],
  [/^problem text outside any theme was not placed: (.*)$/s, (m) => '不属于任何方面的问题文字未归入：' + m[1]],
  [/^problems listed without a theme heading after: (.*)$/s, (m) => '以下内容之后列出的问题缺少方面标题：' + m[1]],
  [/^theme lists no problems: (.*)$/s, (m) => '该方面未列出问题：' + m[1]],
  [/^theme has no numbered problems, its text was read as one problem: (.*)$/s, (m) => '该方面的问题未编号，整段作为一个问题：' + m[1]],
  [/^carry-over text before the first group was not placed: (.*)$/s, (m) => '落实情况第一组之前的文字未归入：' + m[1]],
  [/^carry-over group declares (\d+) item\(s\) but lists (\d+): (.*)$/s, (m) => '落实情况一组写明' + m[1] + '项，实际列出' + m[2] + '项：' + m[3]],
  [/^root-cause text before the first item was not placed: (.*)$/s, (m) => '问题根源第一条之前的文字未归入：' + m[1]],
  [/^the personal matters section is empty$/, () => '个人有关事项部分为空'],
  [/^measure text before the first item was not placed: (.*)$/s, (m) => '整改措施第一条之前的文字未归入：' + m[1]],
];

export function warningText(warning) {
  for (const [pattern, text] of PATTERNS) {
    const m = pattern.exec(warning);
    if (m) return text(m);
  }
  return /[\u4e00-\u9fff]/.test(warning) ? warning : '识别提示：' + warning;
}
