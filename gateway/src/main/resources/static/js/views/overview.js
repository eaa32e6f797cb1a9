// Party-committee overview portal: departments ranked by completion and overdue, theme × department heat map,
// monthly trend; drill-down to a department's ledger and from there to an item.
import * as api from '../api.js';
import { h, mount, card, field, table, stat, percent, say } from '../dom.js';
import { hasAny } from '../roles.js';
import { chart, lines, COLOURS, escapeHtml, wrapLabel } from '../charts.js';

/** Ranking: completion rate high first, then fewer overdue, then more items. */
export function rank(departments) {
  return departments.slice().sort((a, b) => (b.completionRate ?? 0) - (a.completionRate ?? 0)
    || (a.overdue ?? 0) - (b.overdue ?? 0) || (b.total ?? 0) - (a.total ?? 0));
}

/** Theme × department cells [{theme, department, value}] from the shapes the service may answer with. */
export function heatCells(body) {
  const cells = [];
  const count = (c) => c.count ?? c.total ?? c.value ?? c.open ?? 0;
  const hm = body.heatmap;
  if (hm && Array.isArray(hm.values) && Array.isArray(hm.themes) && Array.isArray(hm.departments)) {
    hm.values.forEach(([x, y, n]) => cells.push({ theme: hm.themes[y], department: hm.departments[x], value: n }));
    return cells;
  }
  if (Array.isArray(body.matrix)) {
    body.matrix.forEach((c) => {
      if (c.theme !== undefined && c.department !== undefined) cells.push({ theme: c.theme, department: c.department, value: count(c) });
      else if (c.theme !== undefined && (c.departments || c.byDepartment || c.cells)) {
        const per = c.departments || c.byDepartment || c.cells;
        if (Array.isArray(per)) per.forEach((d) => cells.push({ theme: c.theme, department: d.department, value: count(d) }));
        else Object.entries(per).forEach(([d, v]) => cells.push({ theme: c.theme, department: d, value: typeof v === 'number' ? v : count(v) }));
      }
    });
  } else if (body.matrix && typeof body.matrix === 'object') {
    Object.entries(body.matrix).forEach(([theme, per]) => Object.entries(per).forEach(([d, v]) =>
      cells.push({ theme, department: d, value: typeof v === 'number' ? v : count(v) })));
  } else if (Array.isArray(body.themes)) {
    body.themes.forEach((t) => {
      const per = t.departments || t.byDepartment;
      if (!per) return;
      const theme = t.theme || t.name;
      if (Array.isArray(per)) per.forEach((d) => cells.push({ theme, department: d.department, value: count(d) }));
      else Object.entries(per).forEach(([d, v]) => cells.push({ theme, department: d, value: typeof v === 'number' ? v : count(v) }));
    });
  }
  return cells;
}

function heatmap(cells, names, onPick) {
  const themes = [...new Set(cells.map((c) => c.theme))];
  const departments = [...new Set(cells.map((c) => c.department))];
  const max = Math.max(1, ...cells.map((c) => c.value));
  const short = (t) => (t.length > 16 ? t.slice(0, 16) + '…' : t);
  return chart({
    tooltip: { position: 'top', formatter: (p) => escapeHtml(themes[p.value[1]]) + '<br>' + escapeHtml(names[departments[p.value[0]]] || departments[p.value[0]]) + '：' + p.value[2] + ' 项' },
    grid: { left: 8, right: 70, top: 10, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: departments.map((d) => names[d] || d), splitArea: { show: true },
      axisLabel: { interval: 0, rotate: departments.length > 6 ? 40 : 0, fontSize: 11,
        formatter: (name) => (departments.length > 6 ? name : wrapLabel(name, 5)) } },
    yAxis: { type: 'category', data: themes.map(short), splitArea: { show: true }, axisLabel: { interval: 0, fontSize: 11 } },
    visualMap: { min: 0, max, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 100,
      inRange: { color: ['#fff5f5', '#ef9a9a', '#b71c1c'] } },
    series: [{ name: '问题数', type: 'heatmap', label: { show: true },
      data: cells.map((c) => [departments.indexOf(c.department), themes.indexOf(c.theme), c.value]) }],
  }, { name: 'heatmap', className: 'tall', onClick: (p) => onPick(departments[p.value[0]]) });
}

/** How many overdue and soon-due items the overview lists (each list is asked for that many). */
const ATTENTION = 50;

/** Overdue items first (longest overdue first), then those due soonest; each item once. */
export function needingAttention(overdue, due) {
  const seen = new Set();
  return [...overdue, ...due].filter((r) => !seen.has(r.measureId) && seen.add(r.measureId))
    .sort((a, b) => (a.daysToDeadline ?? 0) - (b.daysToDeadline ?? 0));
}

/** 督办 from the overview: every department's overdue and soon-due items, each with a form to supervise it (党委). */
function overdueCard(ctx, rows, total, names, people) {
  const mayIssue = hasAny(ctx.user, ['PARTY_COMMITTEE']);
  const formBox = h('div#supervise-box');
  const open = (r) => {
    const level = h('select#supervise-level', h('option', { value: 'DEPT_HEAD' }, '督办部门负责人'), h('option', { value: 'OWNER' }, '督办责任人'));
    const reason = h('textarea#supervise-reason', { maxlength: 1000 },
      '整改事项“' + (r.title || r.measureId) + '”已逾期，请抓紧落实并报告进展。');
    const error = h('div.field-error#supervise-error', { role: 'alert', hidden: true });
    formBox.replaceChildren(h('form.subform#supervise-form', { onsubmit: async (e) => {
      e.preventDefault();
      error.hidden = true;
      if (!reason.value.trim()) { error.textContent = '请填写督办事由'; error.hidden = false; return; }
      if (!window.confirm('确定向' + (names[r.leadDepartment] || r.leadDepartment) + '发出督办通知吗？督办记录将进入审计日志，不能撤回。')) return;
      try {
        await api.post('/api/measures/' + encodeURIComponent(r.measureId) + '/supervision', { level: level.value, reason: reason.value.trim() });
        formBox.replaceChildren();
        await ctx.refresh();
        say('已督办：' + (r.title || r.measureId), 'ok');
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      }
    } }, h('h3', '督办：' + (r.title || r.measureId)), field('督办对象', level), field('督办事由', reason), error,
    h('div.actions', h('button#supervise-submit', { type: 'submit' }, '发出督办'),
      h('button.secondary', { type: 'button', onclick: () => formBox.replaceChildren() }, '取消'))));
    reason.focus();
  };
  const list = table([
    { key: 'leadDepartment', label: '部门', render: (r) => names[r.leadDepartment] || r.leadDepartment, sort: (r) => names[r.leadDepartment] || r.leadDepartment },
    { key: 'title', label: '整改事项', className: 'wide', render: (r) => h('a', { href: '#/item?id=' + encodeURIComponent(r.measureId) }, r.title || r.measureId) },
    { key: 'owner', label: '责任人', render: (r) => (r.owner ? people[r.owner] || r.owner : '—') },
    { key: 'deadline', label: '完成时限', className: 'nowrap' },
    { key: 'daysToDeadline', label: '逾期/剩余', render: (r) => (r.overdue || (r.daysToDeadline ?? 0) < 0
      ? h('span.badge.red', '逾期 ' + Math.abs(r.daysToDeadline ?? 0) + ' 天') : h('span.badge.yellow', '剩 ' + (r.daysToDeadline ?? '?') + ' 天')) },
    { key: 'notices', label: '已督办', render: (r) => (r.supervisionNotices ?? r.notices ?? 0) + ' 次' },
    mayIssue ? { key: 'act', label: '操作', sortable: false, render: (r) => h('button.small', { type: 'button', dataset: { supervise: r.measureId }, onclick: () => open(r) }, '督办') } : null,
  ].filter(Boolean), rows, { id: 'overdue-table', rowData: (r) => ({ measure: r.measureId }), empty: '没有逾期或30天内到期的事项' });
  return card('逾期及临期事项（' + total + '）' + (mayIssue ? '：可直接督办' : ''),
    total > rows.length ? h('p.hint', '先列出逾期最久和最先到期的 ' + rows.length + ' 项；全部事项见各部门台账。') : null,
    h('div.scroll.short', list), formBox);
}

export async function render(ctx) {
  const none = () => ({ rows: [] });
  const [body, overdue, due, awaiting] = await Promise.all([api.get('/api/overview'),
    api.get('/api/ledger/overdue?limit=' + ATTENTION).catch(none), api.get('/api/ledger/due?days=30&limit=' + ATTENTION).catch(none),
    hasAny(ctx.user, ['PARTY_COMMITTEE']) ? api.get('/api/ledger/awaiting-verification?limit=1').catch(() => null) : null]);
  if (ctx.stale()) return;
  const attention = needingAttention(overdue.rows || [], due.rows || []).slice(0, ATTENTION);
  const attentionTotal = (overdue.total ?? (overdue.rows || []).length) + (due.total ?? (due.rows || []).length);
  const people = await api.displayNames(attention.map((r) => r.owner));
  if (ctx.stale()) return;
  const departments = rank(body.departments || []);
  const names = Object.fromEntries(departments.map((d) => [d.department, d.name]));
  const totals = body.totals || {};
  const drill = (code) => ctx.go('ledger', { department: code });

  const ranking = table([
    { key: 'rank', label: '排名', sortable: false, render: (d) => String(departments.indexOf(d) + 1) },
    { key: 'name', label: '部门', render: (d) => h('a', { href: '#/ledger?department=' + encodeURIComponent(d.department), dataset: { department: d.department } }, d.name || d.department) },
    { key: 'total', label: '整改事项' },
    { key: 'completed', label: '已完成' },
    { key: 'verified', label: '已销号' },
    { key: 'overdue', label: '逾期', render: (d) => (d.overdue ? h('span.badge.red', String(d.overdue)) : '0') },
    { key: 'completionRate', label: '完成率', render: (d) => h('div.rate', h('div.rate-bar', { 'aria-hidden': 'true' }, h('i', { style: 'width:' + Math.round((d.completionRate || 0) * 100) + '%' })), percent(d.completionRate)) },
  ], departments, { id: 'ranking', empty: '暂无部门数据', rowData: (d) => ({ department: d.department }) });

  const bars = chart({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 48, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: departments.map((d) => d.name || d.department),
      axisLabel: { interval: 0, rotate: departments.length > 8 ? 40 : 0, fontSize: 11,
        formatter: (name) => (departments.length > 8 ? name : wrapLabel(name, departments.length > 5 ? 4 : 6)) } },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: '已完成', type: 'bar', stack: 'n', barMaxWidth: 48, data: departments.map((d) => d.completed), color: COLOURS.green },
      { name: '未完成', type: 'bar', stack: 'n', data: departments.map((d) => Math.max(0, (d.total || 0) - (d.completed || 0) - (d.overdue || 0))), color: COLOURS.blue },
      { name: '逾期', type: 'bar', stack: 'n', data: departments.map((d) => d.overdue), color: COLOURS.red },
      { name: '完成率', type: 'line', yAxisIndex: 1, data: departments.map((d) => Math.round((d.completionRate || 0) * 1000) / 10), color: '#6a1b9a' },
    ],
  }, { name: 'ranking', onClick: (p) => drill(departments[p.dataIndex].department) });

  const cells = heatCells(body);
  const trend = body.monthlyTrend || body.trend || body.monthly;
  const trendChart = Array.isArray(trend) && trend.length
    ? chart(lines('', trend.map((t) => t.month || t.period), [
      { name: '新增', data: trend.map((t) => t.planned ?? t.opened ?? t.created ?? t.total ?? 0), color: COLOURS.blue },
      { name: '完成', data: trend.map((t) => t.completed ?? t.closed ?? 0), color: COLOURS.green },
      { name: '逾期', data: trend.map((t) => t.overdue ?? 0), color: COLOURS.red },
    ]), { name: 'monthly' })
    : h('p.muted', '暂无按月统计数据。');

  mount(
    h('div.page-head', h('h1#page-title', '整改落实总览'), h('p.muted', '点击部门可查看其整改台账'),
      h('div.actions',
        awaiting ? h('a#awaiting-link', { href: '#/verify' }, '待验收 ' + (awaiting.total ?? awaiting.count ?? 0) + ' 项') : null,
        h('button#export-all', { type: 'button', onclick: async (e) => {
          e.target.disabled = true;
          try {
            await api.download('/api/ledger/export.xlsx', '全部单位整改台账.xlsx');
            say('已导出全部部门的整改台账', 'ok');
          } catch (err) {
            say(err.message || '导出失败，请稍后重试');
          } finally {
            e.target.disabled = false;
          }
        } }, '导出全部部门台账'))),
    h('div.stats#overview-stats',
      stat('部门', departments.length, null, 'departments'),
      stat('整改事项', totals.total ?? 0, null, 'total'),
      stat('已完成', totals.completed ?? 0, 'green', 'completed'),
      stat('已销号', totals.verified ?? 0, 'green', 'verified'),
      stat('已逾期', totals.overdue ?? 0, 'red', 'overdue'),
      stat('总体完成率', percent(totals.completionRate), null, 'rate')),
    h('div.grid-2',
      card('各部门完成情况', bars),
      card('部门排名（按完成率、逾期）', h('div.scroll.short', ranking))),
    h('div.grid-wide',
      card('问题主题 × 部门（问题数）', cells.length ? heatmap(cells, names, drill) : h('p.muted', '暂无主题分布数据。')),
      card('月度趋势', trendChart)),
    overdueCard(ctx, attention, attentionTotal, names, people));
}
