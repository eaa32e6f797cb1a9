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
  let reports = body.reports || [];
  if (reviewer) reports = reports.slice().sort((a, b) => (a.status === 'SUBMITTED' ? 0 : 1) - (b.status === 'SUBMITTED' ? 0 : 1));
  const list = table([
    { key: 'title', label: '标题', className: 'wide', render: (r) => h('a', { href: '#/report?id=' + encodeURIComponent(r.reportId) }, r.title || r.reportId) },
    ...(author ? [] : [{ key: 'year', label: '年度' }, { key: 'department', label: '部门' }, { key: 'author', label: '起草人' }]),
    { key: 'problems', label: '问题数', render: (r) => String(Array.isArray(r.problems) ? r.problems.length : r.problems ?? 0) },
    { key: 'status', label: '状态', render: (r) => statusBadge(r.status) },
    { key: 'updatedAt', label: '更新时间', render: (r) => dateTime(r.updatedAt) },
  ], reports, { id: 'reports-table', empty: '暂无发言提纲', rowData: (r) => ({ report: r.reportId, status: r.status || '' }) });

  const listCard = card(reviewer ? '提交的发言提纲（待审核在前）' : '本部门的发言提纲', list);
  mount(
    h('div.page-head', h('h1#page-title', reviewer && !author ? '发言提纲审核' : '发言提纲')),
    author ? h('div.grid-2', importCard(ctx), h('div', listCard, draftCard(ctx))) : listCard);
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
        say('已导入为草稿：问题' + created.counts.problems + '个' + (created.warnings && created.warnings.length ? '，提示' + created.warnings.length + '条' : ''), 'ok');
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
  box.replaceChildren(
    h('p#preview-summary', '《' + (o.title || '无标题') + '》' + (o.year ? o.year + '年度' : '') + '：落实情况' + (c.carryOver ?? 0) + '组，问题',
      h('strong#preview-problem-count', String(c.problems ?? 0)), '个，未发现问题的方面' + (c.cleanAreas ?? 0) + '个，根源'
      + (c.rootCauses ?? 0) + '条，整改措施' + (c.measures ?? 0) + '项' + (c.personalMatters ? '，含个人有关事项（加密保存，仅本人、组织部、纪检可见）' : '') + '。'),
    sourceLine(source),
    carryOverSummaryLine(data.carryOverSummary !== undefined ? data.carryOverSummary : o.carryOverSummary),
    ocrPages(source),
    warnings.length ? h('div.warnings#preview-warnings', h('strong', '识别提示（' + warnings.length + '条）'),
      h('ul', warnings.map((w) => h('li', { dataset: { code: w.code || '' } }, w.text)))) : h('p.muted#preview-warnings', '没有识别提示。'),
    h('div.scroll', table([
      { key: 'theme', label: '方面', className: 'muted theme-cell', sortable: false,
        render: (p) => { const list = o.problems || []; const i = list.indexOf(p); return i > 0 && list[i - 1].theme === p.theme ? '' : p.theme; } },
      { key: 'ordinal', label: '序号', sortable: false },
      { key: 'statement', label: '问题', className: 'wide', sortable: false },
    ], o.problems || [], { id: 'preview-problems', sortKey: null })));
}

async function renderOne(ctx) {
  const { user, params } = ctx;
  const id = params.get('id');
  const report = await api.get('/api/reports/' + encodeURIComponent(id));
  if (ctx.stale()) return;
  // only the author, or a colleague the author delegated to, edits and submits (the service decides again)
  const isAuthor = user.sub === report.author;
  const delegates = report.delegates || [];
  const editable = (isAuthor || delegates.includes(user.sub)) && ['DRAFT', 'RETURNED'].includes(report.status);
  const reviewable = hasAny(user, ['ORG_DEPT']) && report.status === 'SUBMITTED';
  const reload = () => ctx.refresh();

  const byTheme = new Map();
  (report.problems || []).forEach((p) => { if (!byTheme.has(p.theme)) byTheme.set(p.theme, []); byTheme.get(p.theme).push(p); });
  const problems = [...byTheme.entries()].map(([theme, list]) => h('div.theme',
    h('h3', theme), h('ol', list.sort((a, b) => a.ordinal - b.ordinal).map((p) => h('li', { value: p.ordinal, dataset: { problem: p.problemId } },
      p.statement, p.example ? h('div.muted', '比如：' + p.example) : null)))));

  const actions = [];
  if (editable) {
    actions.push(h('button#submit-report', { type: 'button', onclick: () => attempt(async () => {
      await api.post('/api/reports/' + encodeURIComponent(id) + '/submission');
      say('已提交组织部审核', 'ok');
      reload();
    }) }, '提交审核'));
  }
  if (reviewable) {
    const reasons = h('textarea#return-reasons', { placeholder: '退回理由，每行一条', maxlength: 5000 });
    actions.push(h('button#accept-report', { type: 'button', onclick: () => attempt(async () => {
      await api.post('/api/reports/' + encodeURIComponent(id) + '/acceptance');
      say('审核通过：整改措施已转入各部门整改台账', 'ok');
      reload();
    }) }, '审核通过'));
    actions.push(h('div.return-box', field('退回理由', reasons), h('button#return-report.secondary', { type: 'button', onclick: () => attempt(async () => {
      const list = reasons.value.split('\n').map((r) => r.trim()).filter(Boolean);
      if (!list.length) throw new Error('请填写退回理由');
      await api.post('/api/reports/' + encodeURIComponent(id) + '/return', { reasons: list });
      say('已退回起草人修改', 'ok');
      reload();
    }) }, '退回修改')));
  }

  mount(
    h('div.page-head', h('h1#page-title', report.title || id),
      h('div.actions', h('a', { href: '#/reports' }, '返回列表'))),
    h('div.meta', statusBadge(report.status), ' ', (report.year || '') + '年度 · 部门 ' + (report.department || '—') + ' · 起草人 ' + (report.author || '—')
      + (report.round ? ' · 第' + report.round + '次提交' : '')),
    report.returnReasons && report.returnReasons.length && report.status === 'RETURNED'
      ? h('div.warnings', h('strong', '退回理由'), h('ul', report.returnReasons.map((r) => h('li', r)))) : null,
    actions.length ? card('操作', h('div.actions.review', actions)) : null,
    h('div.grid-2',
      card('查摆问题（' + (report.problems || []).length + '个）', h('div#report-problems', problems.length ? problems : h('p.muted', '尚无问题')),
        editable ? problemForm(id, reload, byTheme) : null),
      h('div',
        card('整改措施（' + (report.measures || []).length + '项）', h('ol#report-measures', (report.measures || []).map((m) => h('li',
          h('strong', m.title), m.content ? h('div', m.content) : null,
          h('div.muted', [m.deadline || m.deadlineText ? '时限：' + (m.deadline || m.deadlineText) : null, m.owner ? '责任人：' + m.owner : null].filter(Boolean).join('；')))))),
        card('问题根源（' + (report.rootCauses || []).length + '条）', h('ol', (report.rootCauses || []).map((r) => h('li', h('strong', r.title), r.analysis ? h('div.muted.clip', r.analysis) : null)))),
        isAuthor && report.status !== 'ACCEPTED' ? delegationCard(id, delegates, reload)
          : delegates.length ? card('授权代为修改', h('p.muted#report-delegates', '作者已授权：' + delegates.join('、'))) : null,
        report.personalMattersDeclared ? card('个人有关事项', h('p.muted', '已申报（加密保存，仅本人、组织部、纪检监察可查看，每次查看均留痕）。')) : null)));
}

function problemForm(reportId, reload, byTheme) {
  const theme = h('input#problem-theme', { required: true, maxlength: 500, list: 'themes' });
  const themes = h('datalist#themes', [...byTheme.keys()].map((t) => h('option', { value: t })));
  const ordinal = h('input#problem-ordinal', { type: 'number', min: 1, max: 99, required: true, value: 1 });
  const statement = h('textarea#problem-statement', { required: true, maxlength: 4000 });
  const example = h('textarea#problem-example', { maxlength: 4000 });
  return h('form#problem-form.subform', { onsubmit: (e) => {
    e.preventDefault();
    attempt(async () => {
      await api.post('/api/reports/' + encodeURIComponent(reportId) + '/problems', {
        theme: theme.value.trim(), ordinal: Number(ordinal.value), statement: statement.value.trim(), example: example.value.trim() || null });
      say('问题已添加', 'ok');
      reload();
    });
  } }, h('h3', '添加问题'), field('方面', theme), themes, field('序号', ordinal), field('问题', statement), field('比如（举例）', example),
  h('button', { type: 'submit' }, '添加问题'));
}

// The author lets a colleague of the department (typically the liaison) edit and submit the report; each grant
// and revocation is recorded. Personal matters stay the author's own.
function delegationCard(reportId, delegates, reload) {
  const base = '/api/reports/' + encodeURIComponent(reportId) + '/delegations';
  const delegate = h('input#delegate-username', { required: true, maxlength: 64, placeholder: '同事的用户名，如 demo-dept' });
  const list = delegates.length
    ? h('ul#report-delegates', delegates.map((d) => h('li', d, ' ', h('button.secondary', { type: 'button', dataset: { revoke: d },
      onclick: () => attempt(async () => {
        if (!window.confirm('撤销对 ' + d + ' 的授权？撤销后其不能再修改、提交本报告。')) return;
        await api.del(base + '/' + encodeURIComponent(d));
        say('已撤销授权', 'ok');
        reload();
      }) }, '撤销'))))
    : h('p.muted#report-delegates', '尚未授权他人。');
  return card('授权代为修改', h('p.muted', '被授权的本部门同事可以修改、提交本报告（个人有关事项除外），授权和撤销均留痕。'), list,
    h('form#delegation-form.subform', { onsubmit: (e) => {
      e.preventDefault();
      attempt(async () => {
        await api.post(base, { delegate: delegate.value.trim() });
        say('已授权 ' + delegate.value.trim() + ' 代为修改、提交', 'ok');
        reload();
      });
    } }, field('被授权人', delegate), h('button', { type: 'submit' }, '授权')));
}
