// Report editor: drafts, outline import with preview and warnings, problems, submission; organization
// department review (return with reasons, accept).
import * as api from '../api.js';
import { h, mount, card, field, table, attempt, say, dateTime, REPORT_STATUS } from '../dom.js';
import { hasAny, DEPARTMENT_ROLES } from '../roles.js';
import { previewWarnings } from '../warnings.js';

const statusBadge = (s) => h('span.badge.status-' + (s || '').toLowerCase(), REPORT_STATUS[s] || s || '—');

export async function render(ctx) {
  if (ctx.route === 'report') return renderOne(ctx);
  const { user } = ctx;
  const author = hasAny(user, DEPARTMENT_ROLES);
  const reviewer = hasAny(user, ['ORG_DEPT']);
  const body = await api.get('/api/reports');
  if (ctx.stale()) return;
  const names = await api.departmentNamesOnce();
  const all = body.reports || [];
  const people = await api.displayNames(all.map((r) => r.author));
  if (ctx.stale()) return;
  const personName = (u) => (u === user.sub ? user.name || people[u] : people[u]) || '—';
  let reports = all;
  const filters = author && !reviewer ? null : reviewFilters(ctx, all, names, personName);
  if (filters) reports = all.filter(filters.matches);
  if (reviewer) reports = reports.slice().sort((a, b) => (a.status === 'SUBMITTED' ? 0 : 1) - (b.status === 'SUBMITTED' ? 0 : 1));
  const list = table([
    { key: 'title', label: '标题', className: 'wide', render: (r) => h('a', { href: '#/report?id=' + encodeURIComponent(r.reportId) }, r.title || r.reportId) },
    ...(author ? [] : [{ key: 'year', label: '年度' },
      { key: 'department', label: '部门', sort: (r) => names[r.department] || '', render: (r) => names[r.department] || '—' },
      { key: 'author', label: '起草人', sort: (r) => personName(r.author), render: (r) => personName(r.author) }]),
    { key: 'problems', label: '问题数', render: (r) => String(Array.isArray(r.problems) ? r.problems.length : r.problems ?? 0) },
    { key: 'status', label: '状态', render: (r) => statusBadge(r.status) },
    { key: 'round', label: '提交次数', render: (r) => (r.round ? '第' + r.round + '次' : '—') },
    { key: 'updatedAt', label: '更新时间', className: 'nowrap', render: (r) => dateTime(r.updatedAt) },
  ], reports, { id: 'reports-table', empty: filters ? '没有符合条件的材料' : '暂无发言提纲', rowData: (r) => ({ report: r.reportId, status: r.status || '' }) });

  const waiting = all.filter((r) => r.status === 'SUBMITTED').length;
  const listCard = card(reviewer ? '提交的发言提纲（待审核在前）' : '本部门的发言提纲',
    filters ? filters.form : null, list);
  mount(
    h('div.page-head', h('h1#page-title', reviewer && !author ? '发言提纲审核' : '发言提纲')),
    reviewer ? h('p.waiting#review-waiting', { dataset: { count: waiting } }, waiting
      ? ['待审核材料 ', h('strong', String(waiting)), ' 份'] : '暂无待审核的材料') : null,
    author ? h('div.grid-2', importCard(ctx), h('div', listCard, draftCard(ctx))) : listCard);
}

/** The review list's filters (status, department, year, author), kept in the address so a reload keeps them. */
function reviewFilters(ctx, reports, names, personName) {
  const p = ctx.params;
  const chosen = { status: p.get('status') || '', department: p.get('department') || '', year: p.get('year') || '', author: p.get('author') || '' };
  const option = (value, label, current) => h('option', { value, selected: value === current }, label);
  const distinct = (key) => [...new Set(reports.map((r) => r[key]).filter((v) => v !== null && v !== undefined && v !== ''))];
  const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
  const status = h('select#filter-status', option('', '全部状态', chosen.status),
    ...Object.entries(REPORT_STATUS).map(([k, v]) => option(k, v, chosen.status)));
  const department = h('select#filter-department', option('', '全部部门', chosen.department),
    ...distinct('department').sort((a, b) => collator.compare(names[a] || a, names[b] || b))
      .map((d) => option(d, names[d] || '（未知部门）', chosen.department)));
  const year = h('select#filter-year', option('', '全部年度', chosen.year),
    ...distinct('year').sort((a, b) => b - a).map((y) => option(String(y), y + '年度', chosen.year)));
  const author = h('select#filter-author', option('', '全部起草人', chosen.author),
    ...distinct('author').sort((a, b) => collator.compare(personName(a), personName(b)))
      .map((u) => option(u, personName(u), chosen.author)));
  const apply = () => {
    const next = {};
    if (status.value) next.status = status.value;
    if (department.value) next.department = department.value;
    if (year.value) next.year = year.value;
    if (author.value) next.author = author.value;
    ctx.go('reports', next);
  };
  [status, department, year, author].forEach((s) => s.addEventListener('change', apply));
  const clear = h('button.secondary.small#filter-clear', { type: 'button', onclick: () => ctx.go('reports', {}) }, '清除筛选');
  const form = h('div.filters#review-filters', field('状态', status), field('部门', department), field('年度', year),
    field('起草人', author), clear);
  const matches = (r) => (!chosen.status || r.status === chosen.status) && (!chosen.department || r.department === chosen.department)
    && (!chosen.year || String(r.year) === chosen.year) && (!chosen.author || r.author === chosen.author);
  return { form, matches };
}

function draftCard(ctx) {
  const title = h('input#draft-title', { required: true, maxlength: 200, value: new Date().getFullYear() + '年度民主生活会个人发言提纲' });
  const year = h('input#draft-year', { type: 'number', min: 2000, max: 2100, value: new Date().getFullYear() });
  return card('新建草稿', h('form#draft-form', { onsubmit: (e) => {
    e.preventDefault();
    attempt(async () => {
      const created = await api.post('/api/reports', { title: title.value.trim(), year: year.value ? Number(year.value) : null });
      ctx.go('report', { id: created.reportId });
    });
  } }, field('标题', title), field('年度', year), h('button', { type: 'submit' }, '新建草稿')));
}

/** Where the import leaves its result for the report page it opens (the page change clears the message line). */
const IMPORTED = 'zhenggai.imported.';

/** The kinds the outline parser reads (it finds the kind from the content; the extension only preselects). */
const OUTLINE_ACCEPT = '.txt,.md,.docx,.doc,.wps,.pdf,.png,.jpg,.jpeg,.tif,.tiff';
const SCAN_EXTENSIONS = /\.(png|jpe?g|tiff?)$/i;

const SOURCE_KINDS = {
  TEXT: '纯文本',
  MARKDOWN: 'Markdown文本',
  DOCX: 'Word文档（.docx）',
  DOC: 'Word 97-2003 / WPS文档（.doc / .wps）',
  PDF: 'PDF（含文字层）',
  SCANNED_PDF: '扫描版PDF（已文字识别）',
  IMAGE: '扫描图片（已文字识别）',
};

function importCard(ctx) {
  const file = h('input#import-file', { type: 'file', accept: OUTLINE_ACCEPT, required: true });
  const preview = h('div#import-preview');
  const confirm = h('button#import-confirm', { type: 'button', disabled: true }, '确认导入为草稿');
  const previewButton = h('button#import-preview-button', { type: 'submit' }, '预览');
  // another file is not the one previewed: it is previewed before it can be imported
  file.addEventListener('change', () => {
    confirm.disabled = true;
    preview.replaceChildren(file.files[0] ? h('p.muted#import-repreview', '已选择新文件，请先预览。') : '');
  });
  const form = h('form#import-form', { onsubmit: (e) => {
    e.preventDefault();
    confirm.disabled = true;
    const chosen = file.files[0];
    const stop = reading(preview, chosen);
    attempt(async () => {
      try {
        if (!chosen) throw new Error('请选择要导入的文件');
        const data = await api.upload('/api/outlines/preview', chosen);
        showPreview(preview, data);
        confirm.disabled = false;
      } finally {
        stop();
      }
    }, preview);
  } }, field('提纲文件（.txt / .md / .docx / .doc / .wps / .pdf，或扫描件 .png / .jpg / .tif）', file),
  h('p.hint#import-hint', '扫描件和图片将进行文字识别（OCR），每页需数秒，请耐心等待；识别结果请逐项核对。'),
  h('div.actions', previewButton, confirm));
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    const stop = reading(preview, file.files[0], '正在导入…');
    attempt(async () => {
      try {
        const created = await api.upload('/api/outlines/import', file.files[0]);
        const text = '已导入为草稿：问题' + created.counts.problems + '个' + (created.warnings && created.warnings.length ? '，提示' + created.warnings.length + '条' : '')
          + '。请逐项核对，确认无误后提交审核。';
        sessionStorage.setItem(IMPORTED + created.reportId, text);
        ctx.go('report', { id: created.reportId });
      } finally {
        stop();
      }
    }, preview);
  });
  return card('导入发言提纲', h('p.muted', '先预览识别结果，确认无误后再导入为草稿。'), form, preview);
}

/**
 * Shows that the file is being read, with the seconds elapsed; an image is a scan from the start, a PDF may be one
 * (the server finds out), so after a few seconds it says so. Returns the function that stops the clock.
 */
function reading(box, chosen, first) {
  const scan = chosen && SCAN_EXTENSIONS.test(chosen.name);
  const pdf = chosen && /\.pdf$/i.test(chosen.name);
  const label = h('span#import-progress-text', first || (scan ? '正在识别扫描件…' : '正在解析…'));
  const elapsed = h('span.muted#import-progress-time', '');
  box.replaceChildren(h('div#import-progress', { role: 'status', 'aria-live': 'polite' },
    h('div.progress.indeterminate', h('div.bar')), label, ' ', elapsed));
  const started = Date.now();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    elapsed.textContent = '已用时' + seconds + '秒';
    if (!first && pdf && seconds >= 3) label.textContent = '正在识别扫描件…（无文字层的PDF需逐页识别）';
  }, 1000);
  return () => clearInterval(timer);
}

function sourceLine(source) {
  if (!source || !source.kind) return null;
  const kind = SOURCE_KINDS[source.kind] || source.kind;
  return h('p#preview-source', '文件类型：' + kind + (source.pages ? '，共' + source.pages + '页' : ''));
}

function ocrPages(source) {
  const pages = (source && source.ocr) || [];
  if (!pages.length) return null;
  return h('div#preview-ocr', h('strong', '文字识别结果（请与原件核对）'), h('ul', pages.map((p) => {
    const percent = Math.round(Number(p.confidence) || 0) + '%';
    const doubtful = p.lowConfidence || [];
    return h('li', { dataset: { page: p.page } }, '第' + p.page + '页 识别置信度 ' + percent
      + (doubtful.length ? '，以下几行请核对：' : '，未发现识别存疑的行。'),
    doubtful.length ? h('ul.low-confidence', doubtful.map((line) => h('li', h('mark', line)))) : null);
  })));
}

function carryOverSummaryLine(summary) {
  if (!summary) return null;
  const n = (v) => (v === null || v === undefined ? '（未写明）' : v + '个');
  return h('p#preview-carryover-summary', '上年度问题' + n(summary.problems) + '，已完成' + n(summary.completed)
    + '，需长期坚持' + n(summary.longTerm));
}

function showPreview(box, data) {
  const o = data.outline || {};
  const c = data.counts || {};
  const warnings = previewWarnings(data);
  const source = data.source || o.source;
  box.replaceChildren(...[ // replaceChildren writes a null as the text "null": the parts a file lacks are left out
    h('p#preview-summary', '《' + (o.title || '无标题') + '》' + (o.year ? o.year + '年度' : '') + '：落实情况' + (c.carryOver ?? 0) + '组，问题',
      h('strong#preview-problem-count', String(c.problems ?? 0)), '个，未发现问题的方面' + (c.cleanAreas ?? 0) + '个，根源'
      + (c.rootCauses ?? 0) + '条，整改措施' + (c.measures ?? 0) + '项' + (c.personalMatters ? '，含个人有关事项（加密保存，仅本人、组织部、纪检可见）' : '') + '。'),
    sourceLine(source),
    carryOverSummaryLine(data.carryOverSummary !== undefined ? data.carryOverSummary : o.carryOverSummary),
    ocrPages(source),
    warnings.length ? h('div.warnings#preview-warnings', h('strong', '识别提示（' + warnings.length + '条）'),
      h('ul', warnings.map((w) => h('li', { dataset: { code: w.code || '' } }, w.text)))) : h('p.muted#preview-warnings', '没有识别提示。'),
    previewChecks(o),
    h('div.scroll', table([
      { key: 'theme', label: '方面', className: 'muted theme-cell', sortable: false,
        render: (p) => { const list = o.problems || []; const i = list.indexOf(p); return i > 0 && list[i - 1].theme === p.theme ? '' : p.theme; } },
      { key: 'ordinal', label: '序号', sortable: false },
      { key: 'statement', label: '问题', className: 'wide', sortable: false,
        render: (p) => [p.statement, p.example ? h('div.muted', '比如：' + p.example) : null] },
    ], o.problems || [], { id: 'preview-problems', sortKey: null })),
    previewPart('preview-carryover', '上年度整改落实情况（' + (o.carryOver || []).length + '组）', (o.carryOver || []).map((g) =>
      h('li', h('strong', g.heading), h('span.muted', '（' + (g.items || []).length + '条）')))),
    previewPart('preview-clean-areas', '未发现问题的方面（' + (o.cleanAreas || []).length + '个）', (o.cleanAreas || []).map((a) => h('li', a))),
    previewPart('preview-root-causes', '问题根源（' + (o.rootCauses || []).length + '条）', (o.rootCauses || []).map((r) =>
      h('li', h('strong', r.title), r.analysis ? h('div.muted.clip', r.analysis) : null))),
    previewPart('preview-measures', '整改措施（' + (o.measures || []).length + '项）', (o.measures || []).map((m) => h('li',
      { dataset: { past: pastDeadlines(m).length ? 'true' : 'false' } }, h('strong', m.title),
      h('div.muted', [deadlineOf(m) ? '时限：' + deadlineOf(m) : '未写明时限', m.owner ? '责任人：' + m.owner : null,
        (m.actions || []).length ? '具体举措' + m.actions.length + '条' : null].filter(Boolean).join('；'))))),
    o.personalMatters ? h('p#preview-personal-matters', '个人有关事项：已识别' + personalMatterCount(o.personalMatters)
      + '项内容（导入后加密保存，仅本人、组织部、纪检监察可查看；此处不显示内容）。') : h('p.muted#preview-personal-matters', '未识别到个人有关事项。'),
  ].filter(Boolean));
}

const deadlineOf = (m) => m.deadline || m.deadlineText || null;

/** The deadlines of a measure and its actions that are already past today. */
function pastDeadlines(m) {
  const today = new Date().toISOString().slice(0, 10);
  return [m.deadline, ...(m.actions || []).map((a) => a.deadline)].filter((d) => d && d < today);
}

function personalMatterCount(pm) {
  return Object.entries(pm).filter(([k, v]) => k !== 'text' && v !== null && v !== undefined && !(Array.isArray(v) && !v.length)).length
    || (pm.text ? 1 : 0);
}

/** What the reader should check before importing: past deadlines and root causes not yet linked to problems. */
function previewChecks(o) {
  const checks = [];
  (o.measures || []).forEach((m) => pastDeadlines(m).forEach((d) =>
    checks.push(h('li', { dataset: { check: 'DEADLINE_PAST' } }, '整改措施“' + m.title + '”的时限' + d + '已过，请核对或修改。'))));
  if ((o.rootCauses || []).length) {
    checks.push(h('li', { dataset: { check: 'ROOT_CAUSES_UNLINKED' } }, '提纲中的' + o.rootCauses.length
      + '条根源尚未与问题关联：导入后请在编辑页为每条根源勾选它对应的问题。'));
  }
  return checks.length ? h('div.warnings#preview-checks', h('strong', '导入前请核对（' + checks.length + '条）'), h('ul', checks)) : null;
}

function previewPart(id, title, items) {
  return h('details.preview-part#' + id, { open: items.length > 0 && items.length <= 6 }, h('summary', title),
    items.length ? h('ul', items) : h('p.muted', '无'));
}

async function renderOne(ctx) {
  const { user, params } = ctx;
  const id = params.get('id');
  const report = await api.get('/api/reports/' + encodeURIComponent(id));
  if (ctx.stale()) return;
  const names = await api.departmentNamesOnce();
  const people = await api.displayNames([report.author, ...(report.delegates || []),
    ...(report.rounds || []).flatMap((r) => [r.submittedBy, r.decidedBy])]);
  const colleagues = user.sub === report.author && report.status !== 'ACCEPTED'
    ? await api.get('/api/rectification/departments/' + encodeURIComponent(report.department) + '/users')
      .then((body) => body.users || []).catch(() => []) : [];
  if (ctx.stale()) return;
  // names from the directory (rectification's copy answers any signed-in user); one it does not know is not shown as a user name
  const personName = (u, otherwise) => (u && u === user.sub ? user.name || people[u] : people[u]) || (u ? otherwise || '本部门同事' : '—');
  // only the author, or a colleague the author delegated to, edits and submits (the service decides again)
  const isAuthor = user.sub === report.author;
  const delegates = report.delegates || [];
  const editable = (isAuthor || delegates.includes(user.sub)) && ['DRAFT', 'RETURNED'].includes(report.status);
  const reviewable = hasAny(user, ['ORG_DEPT']) && report.status === 'SUBMITTED';
  const rounds = report.rounds || [];
  const lastReturn = [...rounds].reverse().find((r) => r.outcome === 'RETURNED') || null;
  // the reviewer's comments on single problems of the latest return, shown beside each problem until it is resubmitted
  const comments = lastReturn && ['RETURNED', 'DRAFT'].includes(report.status) ? lastReturn.problemComments || {} : {};
  const commentInputs = new Map();
  const reload = () => ctx.refresh();
  const base = '/api/reports/' + encodeURIComponent(id);
  const problemsById = new Map((report.problems || []).map((p) => [p.problemId, p]));
  const causesById = new Map((report.rootCauses || []).map((r) => [r.rootCauseId, r]));
  const problemName = (pid) => { const p = problemsById.get(pid); return p ? '“' + p.theme + '”第' + p.ordinal + '个问题' : '（已删除的问题）'; };
  const causeName = (rid) => { const r = causesById.get(rid); return r ? '根源' + r.ordinal + '：' + r.title : '（已删除的根源）'; };

  const imported = sessionStorage.getItem(IMPORTED + id);
  sessionStorage.removeItem(IMPORTED + id);

  const problemEditor = editable ? problemForm(base, reload, report.problems || []) : null;
  const causeEditor = editable ? rootCauseForm(base, reload, report.problems || [], problemName) : null;
  const measureEditor = editable ? measureForm(base, reload, report.rootCauses || [], causeName) : null;

  const byTheme = new Map();
  (report.problems || []).forEach((p) => { if (!byTheme.has(p.theme)) byTheme.set(p.theme, []); byTheme.get(p.theme).push(p); });
  const problems = [...byTheme.entries()].map(([theme, list]) => h('div.theme',
    h('h3', theme), h('ol', list.sort((a, b) => a.ordinal - b.ordinal).map((p) => h('li', { value: p.ordinal, dataset: { problem: p.problemId } },
      h('span.statement', p.statement), p.example ? h('div.muted', '比如：' + p.example) : null,
      comments[p.problemId] ? h('div.problem-comment', { dataset: { commentFor: p.problemId } }, h('strong', '审核意见：'), comments[p.problemId]) : null,
      reviewable ? problemCommentInput(p, commentInputs) : null,
      editable ? h('div.row-actions',
        h('button.secondary.small', { type: 'button', dataset: { editProblem: p.problemId }, onclick: () => problemEditor.edit(p) }, '修改'),
        h('button.secondary.small', { type: 'button', dataset: { withdrawProblem: p.problemId }, onclick: () => attempt(async () => {
          if (!window.confirm('删除“' + p.theme + '”第' + p.ordinal + '个问题？删除后可重新添加，删除记录留痕。')) return;
          await api.del(base + '/problems/' + encodeURIComponent(p.problemId));
          say('问题已删除', 'ok');
          reload();
        }) }, '删除')) : null)))));

  const rootCauses = (report.rootCauses || []).map((r) => h('li', { dataset: { rootCause: r.rootCauseId } },
    h('strong', r.title), r.analysis ? h('div.muted.clip', r.analysis) : null,
    h('div.links', (r.problemIds || []).length ? '对应问题：' + r.problemIds.map(problemName).join('、') : h('span.warn-text', '未关联问题')),
    editable ? h('div.row-actions', h('button.secondary.small', { type: 'button', dataset: { editRootCause: r.rootCauseId },
      onclick: () => causeEditor.edit(r) }, '修改')) : null));

  const measures = (report.measures || []).map((m) => h('li', { dataset: { measure: m.measureId } },
    h('strong', m.title), m.content && m.content !== m.title ? h('div', m.content) : null,
    h('div.muted', [m.deadline || m.deadlineText ? '时限：' + (m.deadline || m.deadlineText) : null, m.owner ? '责任人：' + m.owner : null,
      m.leadDepartment ? '牵头单位：' + (names[m.leadDepartment] || m.leadDepartment) : null].filter(Boolean).join('；')),
    (m.rootCauseIds || []).length ? h('div.links', '针对：' + m.rootCauseIds.map(causeName).join('、')) : null,
    editable ? h('div.row-actions', h('button.secondary.small', { type: 'button', dataset: { editMeasure: m.measureId },
      onclick: () => measureEditor.edit(m) }, '修改')) : null));

  const actions = [];
  if (editable) {
    actions.push(h('button#submit-report', { type: 'button', onclick: () => attempt(async () => {
      if (!window.confirm('提交组织部审核？审核期间不能修改；如被退回，可修改后再次提交。')) return;
      await api.post(base + '/submission');
      say('已提交组织部审核', 'ok');
      reload();
    }) }, '提交审核'));
  }
  if (reviewable) {
    const reasons = h('textarea#return-reasons', { placeholder: '退回理由，每行一条', maxlength: 5000 });
    const reviewError = h('div#review-error');
    actions.push(h('button#accept-report', { type: 'button', onclick: () => attempt(async () => {
      if (!window.confirm('审核通过后，整改措施将转入各部门整改台账，不能撤回。确认通过？')) return;
      await api.post(base + '/acceptance');
      say('审核通过：整改措施已转入各部门整改台账', 'ok');
      reload();
    }, reviewError) }, '审核通过'));
    actions.push(h('div.return-box', field('退回理由', reasons), h('button#return-report.secondary', { type: 'button', onclick: () => attempt(async () => {
      const list = reasons.value.split('\n').map((r) => r.trim()).filter(Boolean);
      if (!list.length) throw new Error('请填写退回理由');
      if (!window.confirm('退回起草人修改？退回理由将通知起草人。')) return;
      const problemComments = {};
      commentInputs.forEach((input, pid) => { if (input.value.trim()) problemComments[pid] = input.value.trim(); });
      await api.post(base + '/return', { reasons: list, problemComments });
      say('已退回起草人修改', 'ok');
      reload();
    }, reviewError) }, '退回修改'), reviewError));
  }
  if (isAuthor && report.status === 'SUBMITTED') {
    const withdrawError = h('div#withdraw-error');
    actions.push(h('button#withdraw-submission.secondary', { type: 'button', onclick: () => attempt(async () => {
      if (!window.confirm('撤回本次提交？撤回后报告回到草稿，可修改后重新提交。')) return;
      await api.post(base + '/withdrawal');
      say('已撤回提交，报告回到草稿', 'ok');
      reload();
    }, withdrawError) }, '撤回提交'), withdrawError);
  }
  const exportButton = h('button#export-report.secondary', { type: 'button', onclick: () => attempt(() =>
    api.download(base + '/export.docx', (report.title || id) + '.docx')) }, '导出Word');

  mount(
    h('div.page-head', h('h1#page-title', report.title || id),
      h('div.actions', exportButton, h('a', { href: '#/reports' }, '返回列表'))),
    h('div.meta', statusBadge(report.status), ' ', (report.year || '') + '年度 · 部门 ' + (names[report.department] || report.department || '—')
      + ' · 起草人 ' + personName(report.author) + (report.round ? ' · 第' + report.round + '次提交' : '')),
    imported ? h('div.done#import-result', { role: 'status' }, imported) : null,
    report.returnReasons && report.returnReasons.length && report.status === 'RETURNED'
      ? h('div.warnings#return-reasons-shown', h('strong', '退回理由'), h('ul', report.returnReasons.map((r) => h('li', r)))) : null,
    actions.length ? card('操作', h('div.actions.review', actions),
      reviewable ? h('p.hint', '可在下方每个问题旁填写针对该问题的意见，随退回一并告知起草人。') : null) : null,
    rounds.length > 1 || lastReturn ? roundsCard(rounds, problemsById, personName) : null,
    h('div.grid-2',
      card('查摆问题（' + (report.problems || []).length + '个）', h('div#report-problems', problems.length ? problems : h('p.muted', '尚无问题')),
        problemEditor ? problemEditor.form : null),
      h('div',
        card('整改措施（' + (report.measures || []).length + '项）', h('ol#report-measures', measures), measureEditor ? measureEditor.form : null),
        card('问题根源（' + (report.rootCauses || []).length + '条）', h('ol#report-root-causes', rootCauses), causeEditor ? causeEditor.form : null),
        isAuthor && report.status !== 'ACCEPTED' ? delegationCard(report, delegates, personName, colleagues, reload)
          : delegates.length ? card('授权代为修改', h('p.muted#report-delegates', '作者已授权：' + delegates.map((d) => personName(d)).join('、'))) : null,
        report.personalMattersDeclared ? card('个人有关事项', h('p.muted', '已申报（加密保存，仅本人、组织部、纪检监察可查看，每次查看均留痕）。')) : null)));
}

/**
 * A form that adds a part of the report or, after {@code edit(part)}, saves the changes of that part; its errors are
 * shown beside it. {@code fill(part)} puts a part's values into the inputs (null: empty), {@code read()} answers the
 * request body.
 */
function partForm(idPrefix, nouns, fields, fill, read, send, reload) {
  const heading = h('h3', '添加' + nouns);
  const submit = h('button', { type: 'submit' }, '添加' + nouns);
  const cancel = h('button.secondary', { type: 'button', hidden: true, onclick: () => edit(null) }, '取消修改');
  const error = h('div#' + idPrefix + '-error');
  let editing = null;
  function edit(part) {
    editing = part;
    fill(part);
    heading.textContent = part ? '修改' + nouns : '添加' + nouns;
    submit.textContent = part ? '保存修改' : '添加' + nouns;
    cancel.hidden = !part;
    error.replaceChildren();
    if (part) form.scrollIntoView({ block: 'center' });
  }
  const form = h('form#' + idPrefix + '.subform', { onsubmit: (e) => {
    e.preventDefault();
    error.replaceChildren();
    attempt(async () => {
      await send(editing, read(editing));
      say(editing ? nouns + '已修改' : nouns + '已添加', 'ok');
      reload();
    }, error);
  } }, heading, ...fields, error, h('div.actions', submit, cancel));
  return { form, edit };
}

function problemForm(base, reload, problems) {
  const theme = h('input#problem-theme', { required: true, maxlength: 500, list: 'themes' });
  const themes = h('datalist#themes', [...new Set(problems.map((p) => p.theme))].map((t) => h('option', { value: t })));
  const ordinal = h('input#problem-ordinal', { type: 'number', min: 1, max: 99, required: true, value: 1 });
  const statement = h('textarea#problem-statement', { required: true, maxlength: 4000 });
  const example = h('textarea#problem-example', { maxlength: 4000 });
  return partForm('problem-form', '问题', [field('方面', theme), themes, field('序号', ordinal), field('问题', statement), field('比如（举例）', example)],
    (p) => { theme.value = p ? p.theme : ''; ordinal.value = p ? p.ordinal : 1; statement.value = p ? p.statement : ''; example.value = p ? p.example || '' : ''; },
    () => ({ theme: theme.value.trim(), ordinal: Number(ordinal.value), statement: statement.value.trim(), example: example.value.trim() || null }),
    (p, body) => (p ? api.api(base + '/problems/' + encodeURIComponent(p.problemId), { method: 'PUT', json: body })
      : api.post(base + '/problems', body)), reload);
}

/** Checkboxes of the ids a part links to; {@code name} is the input name the tests and labels use. */
function checkList(name, legend, options) {
  const boxes = options.map((o) => h('input', { type: 'checkbox', name, value: o.id, id: name + '-' + o.id }));
  const set = h('fieldset.links#' + name, h('legend', legend), options.length
    ? options.map((o, i) => h('label.check', { for: boxes[i].id }, boxes[i], ' ' + o.label))
    : h('p.muted', '（尚无可关联的条目）'));
  return {
    set,
    value: () => boxes.filter((b) => b.checked).map((b) => b.value),
    fill: (ids) => boxes.forEach((b) => { b.checked = (ids || []).includes(b.value); }),
  };
}

function rootCauseForm(base, reload, problems, problemName) {
  const title = h('input#root-cause-title', { required: true, maxlength: 500 });
  const analysis = h('textarea#root-cause-analysis', { maxlength: 4000 });
  const links = checkList('root-cause-problem', '对应的问题（可多选）', problems.map((p) => ({ id: p.problemId, label: problemName(p.problemId) })));
  return partForm('root-cause-form', '根源', [field('根源', title), field('剖析', analysis), links.set],
    (r) => { title.value = r ? r.title : ''; analysis.value = r ? r.analysis || '' : ''; links.fill(r ? r.problemIds : []); },
    () => ({ title: title.value.trim(), analysis: analysis.value.trim() || null, problemIds: links.value() }),
    (r, body) => (r ? api.api(base + '/root-causes/' + encodeURIComponent(r.rootCauseId), { method: 'PUT', json: body })
      : api.post(base + '/root-causes', body)), reload);
}

function measureForm(base, reload, rootCauses, causeName) {
  const title = h('input#measure-title', { required: true, maxlength: 500 });
  const content = h('textarea#measure-content', { maxlength: 4000 });
  const deadline = h('input#measure-deadline', { type: 'date' });
  const deadlineText = h('input#measure-deadline-text', { maxlength: 100, placeholder: '如：长期坚持、2027年6月底前' });
  const owner = h('input#measure-owner', { maxlength: 100 });
  const links = checkList('measure-root-cause', '针对的根源（可多选）', rootCauses.map((r) => ({ id: r.rootCauseId, label: causeName(r.rootCauseId) })));
  return partForm('measure-form', '整改措施', [field('措施', title), field('具体内容', content), field('完成时限', deadline),
    field('时限说明', deadlineText), field('责任人', owner), links.set],
  (m) => {
    title.value = m ? m.title : ''; content.value = m && m.content !== m.title ? m.content || '' : '';
    deadline.value = m ? m.deadline || '' : ''; deadlineText.value = m ? m.deadlineText || '' : '';
    owner.value = m ? m.owner || '' : ''; links.fill(m ? m.rootCauseIds : []);
  },
  // a revision keeps what this form does not show (the actions and the departments), as the report has them
  (m) => ({ title: title.value.trim(), content: content.value.trim() || null, deadline: deadline.value || null,
    deadlineText: deadlineText.value.trim() || null, owner: owner.value.trim() || null, rootCauseIds: links.value(),
    actions: m ? m.actions || [] : [], leadDepartment: m ? m.leadDepartment || null : null,
    cooperatingDepartments: m ? m.cooperatingDepartments || [] : [] }),
  (m, body) => (m ? api.api(base + '/measures/' + encodeURIComponent(m.measureId), { method: 'PUT', json: body })
    : api.post(base + '/measures', body)), reload);
}

// The author lets a colleague of the department (typically the liaison) edit and submit the report; each grant
// and revocation is recorded. Personal matters stay the author's own.
function delegationCard(report, delegates, personName, colleagues, reload) {
  const base = '/api/reports/' + encodeURIComponent(report.reportId) + '/delegations';
  // a colleague of the report's department, picked by name (the service refuses anyone else)
  const delegate = h('select#delegate-username', { required: true }, h('option', { value: '' }, '请选择本部门同事'),
    colleagues.filter((c) => c.username !== report.author && !delegates.includes(c.username))
      .map((c) => h('option', { value: c.username }, c.displayName || c.username)));
  const list = delegates.length
    ? h('ul#report-delegates', delegates.map((d) => h('li', personName(d), ' ', h('button.secondary', { type: 'button', dataset: { revoke: d },
      onclick: () => attempt(async () => {
        if (!window.confirm('撤销对 ' + personName(d) + ' 的授权？撤销后其不能再修改、提交本报告。')) return;
        await api.del(base + '/' + encodeURIComponent(d));
        say('已撤销授权', 'ok');
        reload();
      }) }, '撤销'))))
    : h('p.muted#report-delegates', '尚未授权他人。');
  return card('授权代为修改', h('p.muted', '被授权的本部门同事可以修改、提交本报告（个人有关事项除外），授权和撤销均留痕。'), list,
    h('form#delegation-form.subform', { onsubmit: (e) => {
      e.preventDefault();
      attempt(async () => {
        if (!delegate.value) throw new Error('请选择被授权的同事');
        await api.post(base, { delegate: delegate.value });
        say('已授权 ' + delegate.selectedOptions[0].textContent + ' 代为修改、提交', 'ok');
        reload();
      });
    } }, field('被授权人', delegate), h('button', { type: 'submit' }, '授权')));
}

/** The reviewer's comment on one problem, sent with a return. */
function problemCommentInput(p, inputs) {
  const input = h('textarea.problem-comment-input', { maxlength: 1000, rows: 2, placeholder: '对该问题的意见（选填，退回时一并告知）',
    dataset: { problemComment: p.problemId }, 'aria-label': '对“' + p.theme + '”第' + p.ordinal + '个问题的意见' });
  inputs.set(p.problemId, input);
  return input;
}

const ROUND_OUTCOME = { PENDING: '待审核', RETURNED: '已退回', ACCEPTED: '已通过' };
const CHANGE = { ADDED: '新增', REMOVED: '删除', CHANGED: '修改' };
const PART = { PROBLEM: '问题', MEASURE: '整改措施' };

/**
 * Each submission round side by side: who submitted it and when, what became of it, the reasons and per-problem
 * comments of its return, and what changed since the round before.
 */
function roundsCard(rounds, problemsById, personName) {
  const problemLabel = (pid) => { const p = problemsById.get(pid); return p ? '“' + p.theme + '”第' + p.ordinal + '个问题' : '（已删除的问题）'; };
  return card('审核轮次（' + rounds.length + '次提交）', h('div.rounds#review-rounds', rounds.map((r) => h('section.round', { dataset: { round: r.round, outcome: r.outcome } },
    h('h3', '第' + r.round + '次提交 ', h('span.badge.status-' + (r.outcome === 'PENDING' ? 'submitted' : r.outcome.toLowerCase()), ROUND_OUTCOME[r.outcome] || r.outcome)),
    h('p.muted', '提交：' + personName(r.submittedBy) + ' ' + dateTime(r.submittedAt)
      + (r.decidedAt ? '；' + (r.outcome === 'RETURNED' ? '退回' : '审核') + '：' + personName(r.decidedBy, '组织部') + ' ' + dateTime(r.decidedAt) : '')),
    (r.reasons || []).length ? h('div.round-reasons', h('strong', '退回理由'), h('ul', r.reasons.map((x) => h('li', x)))) : null,
    Object.keys(r.problemComments || {}).length ? h('div.round-comments', h('strong', '对问题的意见'),
      h('ul', Object.entries(r.problemComments).map(([pid, text]) => h('li', { dataset: { commentFor: pid } }, problemLabel(pid) + '：' + text)))) : null,
    r.round > 1 ? h('div.round-changes', h('strong', '与上次提交相比'), r.changes === null || r.changes === undefined
      ? h('p.muted', '（早期记录未保留提交内容）')
      : r.changes.length ? h('ul', r.changes.map((c) => h('li', { dataset: { change: c.change, part: c.part } },
        h('span.change-kind', CHANGE[c.change] + PART[c.part] + '：'),
        c.change === 'CHANGED' ? [h('del', c.before), ' → ', h('ins', c.after)] : c.change === 'ADDED' ? h('ins', c.after) : h('del', c.before))))
        : h('p.muted', '问题和整改措施没有变化')) : null))));
}
