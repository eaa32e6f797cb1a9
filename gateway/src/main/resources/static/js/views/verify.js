// The party committee's work queue (待验收): every department's completed items waiting for verification, the
// longest waiting first; each opens on its item page, where the evidence is read and the item verified or returned.
import * as api from '../api.js';
import { h, mount, card, field, table, stat, dateTime } from '../dom.js';

/** Whole days from an instant to now. */
export function daysWaiting(completedAt, now = Date.now()) {
  const at = Date.parse(completedAt);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 86400000));
}

/** The most items the queue lists at once (the longest waiting). */
const SHOWN = 500;

export async function render(ctx) {
  const department = ctx.params.get('department') || '';
  const [body, names] = await Promise.all([
    api.get('/api/ledger/awaiting-verification?limit=' + SHOWN + (department ? '&department=' + encodeURIComponent(department) : '')),
    api.departmentNamesOnce(),
  ]);
  if (ctx.stale()) return;
  const rows = body.rows || [];
  const nameOf = (code) => names[code] || code;
  const choose = h('select#verify-department', { onchange: (e) => ctx.go('verify', e.target.value ? { department: e.target.value } : {}) },
    h('option', { value: '' }, '全部部门'),
    Object.entries(names).sort((a, b) => a[1].localeCompare(b[1], 'zh-CN')).map(([code, name]) =>
      h('option', { value: code, selected: code === department }, name)));
  const oldest = rows.length ? daysWaiting(rows[0].completedAt) : null;
  mount(
    h('div.page-head', h('h1#page-title', '待验收事项'), h('p.muted', '各部门已报完成、待党委验收销号的整改事项，等待最久的在前。打开事项可查看佐证材料并验收或退回。')),
    h('div.stats#verify-stats',
      stat('待验收', body.total ?? rows.length, rows.length ? 'yellow' : 'green', 'awaiting'),
      stat('涉及部门', new Set(rows.map((r) => r.leadDepartment)).size, null, 'departments'),
      stat('最长等待（天）', oldest ?? '—', oldest !== null && oldest > 7 ? 'red' : null, 'oldest')),
    card(null, h('div.filters', field('部门', choose)),
      (body.total ?? 0) > rows.length ? h('p.hint', '先列出等待最久的 ' + rows.length + ' 项，共 ' + body.total + ' 项；可按部门查看。') : null,
      table([
      { key: 'leadDepartment', label: '部门', className: 'nowrap', render: (r) => nameOf(r.leadDepartment), sort: (r) => nameOf(r.leadDepartment) },
      { key: 'title', label: '整改事项', className: 'wide', render: (r) => h('a', { href: '#/item?id=' + encodeURIComponent(r.measureId), dataset: { measure: r.measureId } }, r.title || r.measureId) },
      { key: 'completionSummary', label: '完成情况', className: 'wide', render: (r) => h('div.clip', r.completionSummary || '—') },
      { key: 'evidenceCount', label: '佐证材料', render: (r) => (r.evidenceCount ? r.evidenceCount + ' 份' : h('span.warn-text', '无')) },
      { key: 'completedAt', label: '报完成时间', className: 'nowrap', render: (r) => dateTime(r.completedAt) },
      { key: 'waiting', label: '已等待', className: 'nowrap', sort: (r) => -Date.parse(r.completedAt || 0), render: (r) => {
        const d = daysWaiting(r.completedAt);
        return d === null ? '—' : h('span' + (d > 7 ? '.badge.red' : ''), d + ' 天');
      } },
      { key: 'open', label: '操作', sortable: false, render: (r) => h('a.button-link', { href: '#/item?id=' + encodeURIComponent(r.measureId) }, '验收') },
    ], rows, { id: 'verify-table', rowData: (r) => ({ measure: r.measureId }), empty: '没有待验收的事项' })),
  );
}
