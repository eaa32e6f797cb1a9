// Department dashboard: the ledger (整改台账) with filters and sorting, three-colour status, due this month,
// overdue, charts (status distribution, overdue trend), export to .xlsx.
import * as api from '../api.js';
import { h, mount, card, field, table, stat, colourBadge, colourOf, statusText, sourceText, percent, isoDay, attempt, say, COLOUR } from '../dom.js';
import { chart, pie, lines, COLOURS } from '../charts.js';
import { crossDepartment, canSee } from '../roles.js';

const CLOSED = ['COMPLETED', 'VERIFIED'];

export function isOverdue(r) {
  return !CLOSED.includes(r.status) && (r.overdue === true || colourOf(r.colour) === 'red');
}

export function dueThisMonth(r, today = new Date()) {
  if (!r.deadline || CLOSED.includes(r.status)) return false;
  const month = isoDay(today).slice(0, 7);
  return r.deadline.slice(0, 7) === month && !isOverdue(r);
}

function lastMonths(n, today = new Date()) {
  const months = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(today.getFullYear(), today.getMonth() - i, 1);
    months.push(d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'));
  }
  return months;
}

/** The overdue trend: the service's monthly trend when it has one, else overdue items by deadline month. */
function overdueTrend(rows, figures) {
  const trend = figures && (figures.monthlyTrend || figures.trend || figures.monthly);
  if (Array.isArray(trend) && trend.length) {
    const months = trend.map((t) => t.month || t.period);
    return { months, title: '逾期趋势（按月）', series: [
      { name: '逾期', data: trend.map((t) => t.overdue ?? 0), color: COLOURS.red },
      { name: '完成', data: trend.map((t) => t.completed ?? t.closed ?? 0), color: COLOURS.green },
    ] };
  }
  const months = lastMonths(6);
  const overdue = months.map((m) => rows.filter((r) => isOverdue(r) && (r.deadline || '').startsWith(m)).length);
  const due = months.map((m) => rows.filter((r) => (r.deadline || '').startsWith(m)).length);
  return { months, title: '逾期趋势（按截止月份）', series: [
    { name: '到期事项', data: due, color: COLOURS.blue },
    { name: '其中逾期', data: overdue, color: COLOURS.red },
  ] };
}

function departmentPicker(ctx, current) {
  const select = h('select#department-picker', { 'aria-label': '部门',
    onchange: () => ctx.go('ledger', { department: select.value }) });
  api.get('/api/rectification/departments').then((body) => {
    (body.departments || []).forEach((d) => select.appendChild(h('option', { value: d.code, selected: d.code === current }, d.name)));
  }).catch(() => {});
  return field('部门', select);
}

export async function render(ctx) {
  const { user, params } = ctx;
  let department = params.get('department') || user.dept;
  if (!params.get('department') && crossDepartment(user)) {
    // the party committee has no ledger of its own to watch: open the department with the most items
    try {
      const all = await api.get('/api/overview');
      const busiest = (all.departments || []).slice().sort((a, b) => (b.total || 0) - (a.total || 0))[0];
      if (busiest && busiest.total) department = busiest.department;
    } catch (e) { /* the own department then */ }
    if (ctx.stale()) return;
  }
  const refusal = (message) => mount(card('无权查看',
    h('p.refusal#refusal', { role: 'alert' }, message),
    h('p', h('a', { href: '#/ledger' }, '返回本部门台账'))));

  let data;
  try {
    data = await api.get('/api/ledger?department=' + encodeURIComponent(department));
  } catch (e) {
    if (ctx.stale()) return;
    if (e.status === 403 || !canSee(user, department)) {
      refusal(e.status === 403 ? e.message : '无权查看其他部门的整改台账');
      return;
    }
    throw e;
  }
  if (ctx.stale()) return;
  let figures = null;
  try {
    figures = await api.get('/api/overview?department=' + encodeURIComponent(department));
  } catch (e) { /* the dashboard works from the rows alone */ }
  if (ctx.stale()) return;

  const rows = (data.rows || []).map((r) => Object.assign({}, r, { colour: colourOf(r.colour) }));
  // an owner picked from the directory is kept by user name: show the person's name (a typed label stays as typed)
  const people = await api.displayNames(rows.map((r) => r.owner));
  if (ctx.stale()) return;
  const ownerName = (owner) => people[owner] || owner;
  const filters = {
    quick: params.get('view') || 'all', status: '', colour: params.get('colour') || '', source: '', owner: '', text: '',
  };
  const distinct = (key, text) => [...new Set(rows.map((r) => r[key]).filter(Boolean))].map((v) => h('option', { value: v }, text ? text(v) : v));
  const select = (id, label, options, key) => field(label, h('select#' + id, { onchange: (e) => { filters[key] = e.target.value; draw(); } },
    h('option', { value: '' }, '全部'), options));

  const closed = rows.filter((r) => CLOSED.includes(r.status)).length;
  const stats = h('div.stats#ledger-stats',
    stat('整改事项', rows.length, null, 'total'),
    stat('已完成', closed, 'green', 'completed'),
    stat('本月到期', rows.filter((r) => dueThisMonth(r)).length, 'yellow', 'due'),
    stat('已逾期', rows.filter(isOverdue).length, 'red', 'overdue'),
    stat('完成率', rows.length ? percent(closed / rows.length) : '—', null, 'rate'));

  const quick = h('div.tabs#quick', ['all:全部', 'due:本月到期', 'overdue:已逾期', 'open:未完成'].map((q) => {
    const [key, label] = q.split(':');
    return h('button', { type: 'button', class: 'tab' + (filters.quick === key ? ' active' : ''), dataset: { quick: key },
      onclick: (e) => { filters.quick = key; e.target.parentNode.querySelectorAll('.tab').forEach((b) => b.classList.toggle('active', b === e.target)); draw(); } }, label);
  }));

  const textInput = h('input#filter-text', { type: 'search', placeholder: '事项、问题、进展', oninput: (e) => { filters.text = e.target.value.trim(); draw(); } });
  const filterBar = h('div.filters',
    select('filter-status', '状态', distinct('status', statusText), 'status'),
    select('filter-colour', '预警', ['green', 'yellow', 'red'].map((c) => h('option', { value: c, selected: filters.colour === c }, COLOUR[c])), 'colour'),
    select('filter-source', '来源', distinct('source', sourceText), 'source'),
    select('filter-owner', '责任人', distinct('owner', ownerName), 'owner'),
    field('搜索', textInput));

  const columns = [
    { key: 'colour', label: '预警', render: (r) => colourBadge(r.colour), sort: (r) => ({ red: 0, yellow: 1, green: 2 }[r.colour] ?? 3) },
    { key: 'title', label: '整改事项', className: 'wide', render: (r) => h('a', { href: '#/item?id=' + encodeURIComponent(r.measureId) }, r.title || r.measureId) },
    ...(rows.some((r) => r.problem) ? [{ key: 'problem', label: '对应问题', className: 'wide muted', render: (r) => (r.problem ? h('div.clip', { title: r.problem }, r.problem) : '—') }] : []),
    { key: 'source', label: '来源', className: 'nowrap', render: (r) => sourceText(r.source) },
    { key: 'owner', label: '责任人', className: 'person', render: (r) => (r.owner ? ownerName(r.owner) : '—'), sort: (r) => ownerName(r.owner || '') },
    { key: 'deadline', label: '完成时限', className: 'nowrap', render: (r) => (r.longTerm ? '长期坚持' : r.deadline || r.deadlineText || '—') },
    { key: 'status', label: '状态', className: 'nowrap', render: (r) => h('span.status', statusText(r.status)), sort: (r) => statusText(r.status) },
    { key: 'lastProgress', label: '最新进展', className: 'wide', render: (r) => r.lastProgress || '—' },
  ];
  const tableBox = h('div.table-box');
  const counter = h('span.muted#ledger-count');

  function visible() {
    return rows.filter((r) => {
      if (filters.quick === 'due' && !dueThisMonth(r)) return false;
      if (filters.quick === 'overdue' && !isOverdue(r)) return false;
      if (filters.quick === 'open' && CLOSED.includes(r.status)) return false;
      if (filters.status && r.status !== filters.status) return false;
      if (filters.colour && r.colour !== filters.colour) return false;
      if (filters.source && r.source !== filters.source) return false;
      if (filters.owner && r.owner !== filters.owner) return false;
      if (filters.text) {
        const hay = [r.title, r.problem, r.content, r.lastProgress, r.owner, ownerName(r.owner)].filter(Boolean).join(' ');
        if (!hay.includes(filters.text)) return false;
      }
      return true;
    });
  }
  function draw() {
    const list = visible();
    counter.textContent = '共 ' + list.length + ' 项';
    tableBox.replaceChildren(table(columns, list, { id: 'ledger-table', sortKey: null,
      rowData: (r) => ({ measure: r.measureId, status: r.status, colour: r.colour || '' }),
      empty: rows.length ? '没有符合条件的事项' : '本部门暂无整改事项' }));
  }
  draw();

  const byStatus = {};
  rows.forEach((r) => { const s = statusText(r.status); byStatus[s] = (byStatus[s] || 0) + 1; });
  const byColour = ['green', 'yellow', 'red'].map((c) => ({ name: COLOUR[c], value: rows.filter((r) => r.colour === c).length, itemStyle: { color: COLOURS[c] } }));
  const trend = overdueTrend(rows, figures);

  const exportButton = h('button#export-xlsx', { type: 'button', onclick: () => attempt(async () => {
    await api.download('/api/ledger/export.xlsx?department=' + encodeURIComponent(department), '整改台账-' + (data.name || department) + '-' + isoDay() + '.xlsx');
    say('台账已导出', 'ok');
  }) }, '导出 Excel');

  mount(
    h('div.page-head',
      h('h1#page-title', (data.name || department) + ' · 整改台账'),
      h('div.actions', crossDepartment(user) ? departmentPicker(ctx, department) : null, exportButton)),
    stats,
    h('div.grid-2',
      card('状态分布', chart(pie('', Object.entries(byStatus).map(([name, value]) => ({ name, value }))), { name: 'status' }),
        h('div.legend-line', byColour.map((c) => h('span', colourBadge(Object.keys(COLOUR).find((k) => COLOUR[k] === c.name)), ' ', c.value)))),
      card(trend.title, chart(lines('', trend.months, trend.series), { name: 'trend' }))),
    card(null, h('div.card-head', h('h2', '台账明细'), counter), quick, filterBar, tableBox));
}
