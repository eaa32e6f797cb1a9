// Small DOM helpers: elements without innerHTML (no injection), tables, badges, messages, progress.

/** The classes of boxes that scroll their content (app.css): each gets tabindex 0. */
const SCROLLING = ['scroll', 'table-box', 'timeline', 'progress-list'];

/** h('div.card#id', {attrs}, children…) */
export function h(spec, attrs, ...children) {
  const tag = spec.match(/^[a-z0-9]*/i)[0] || 'div';
  const el = document.createElement(tag);
  const classes = [];
  (spec.slice(tag.length).match(/[.#][^.#]+/g) || []).forEach((part) => {
    if (part[0] === '#') el.id = part.slice(1);
    else classes.push(part.slice(1));
  });
  if (classes.length) el.className = classes.join(' ');
  // a box that scrolls is reached from the keyboard (tab to it, then the arrow keys scroll it)
  if (classes.some((c) => SCROLLING.includes(c))) el.tabIndex = 0;
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  });
  append(el, children);
  return el;
}

function append(el, children) {
  children.flat(Infinity).forEach((c) => {
    if (c === undefined || c === null || c === false) return;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  });
}

export const $ = (id) => document.getElementById(id);

export function mount(...children) {
  const view = $('view');
  view.replaceChildren();
  append(view, children);
  return view;
}

/** A message under the header; kind: 'error' | 'ok' | 'info'. */
export function say(text, kind = 'error') {
  const box = $('message');
  box.textContent = text || '';
  box.className = kind;
  box.hidden = !text;
  if (text && kind !== 'error') setTimeout(() => { if (box.textContent === text) box.hidden = true; }, 6000);
}

let busyCount = 0;
/** Runs a long operation with the indeterminate bar at the top of the page. */
export async function busy(promise) {
  busyCount++;
  $('progress').hidden = false;
  try {
    return await promise;
  } finally {
    busyCount--;
    if (!busyCount) $('progress').hidden = true;
  }
}

/** Runs an action; an error is shown in Chinese instead of thrown. Returns the result or undefined. */
export async function attempt(action, target) {
  try {
    const result = await busy(action());
    return result;
  } catch (e) {
    if (target) {
      target.replaceChildren(h('p.error', { role: 'alert' }, e.message));
    } else {
      say(e.message);
    }
    return undefined;
  }
}

export const STATUS = {
  PLANNED: '待分解',
  ASSIGNED: '整改中',
  IN_PROGRESS: '整改中',
  COMPLETED: '待验收',
  VERIFIED: '已销号',
  REOPENED: '重新整改',
  REJECTED: '重新整改',
};
export const statusText = (s) => STATUS[s] || s || '—';

export const COLOUR = { green: '正常', yellow: '临期', red: '逾期' };

/** 'GREEN' / 'green' → 'green' (the ledger answers in capitals). */
export const colourOf = (value) => (value ? String(value).toLowerCase() : '');

export function colourBadge(value) {
  const colour = colourOf(value);
  return h('span.badge.' + (colour || 'none'), { title: COLOUR[colour] || '', dataset: { colour } }, COLOUR[colour] || '—');
}

export const SOURCE = { REPORT: '民主生活会', INSPECTION: '巡察', AUDIT: '审计', CARRY_OVER: '上年结转', SUPERVISION: '督办' };
export const sourceText = (s) => SOURCE[s] || s || '—';

/**
 * A text that may name a department by its code (an audit summary: 分派整改措施：牵头部门 XZSPJ) with each code
 * replaced by its name from {@code names} (code → name); a code without a name stays as it is.
 */
export const withDepartmentNames = (text, names) =>
  String(text).replace(/\b[A-Z][A-Z0-9_]{1,31}\b/g, (code) => names[code] || code);

export const REPORT_STATUS = { DRAFT: '草稿', SUBMITTED: '已提交待审', RETURNED: '已退回', ACCEPTED: '已通过' };

export function date(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function dateTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString('zh-CN', { hour12: false });
}

export const percent = (rate) => (rate === undefined || rate === null ? '—' : (Math.round(rate * 1000) / 10) + '%');

/** Local calendar day as YYYY-MM-DD. */
export function isoDay(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

/**
 * A sortable table. columns: [{key, label, render?(row), sort?(row)}]. Clicking a header sorts by it
 * (Chinese collation for text).
 */
export function table(columns, rows, options = {}) {
  const state = { key: options.sortKey || null, dir: 1 };
  const body = h('tbody');
  const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
  const heads = columns.map((c) => h('th', {
    scope: 'col', class: c.sortable === false ? null : 'sortable', dataset: { key: c.key },
    onclick: c.sortable === false ? null : () => { state.dir = state.key === c.key ? -state.dir : 1; state.key = c.key; draw(); },
  }, c.label));
  const value = (c, r) => (c.sort ? c.sort(r) : r[c.key]);
  function draw() {
    let list = rows.slice();
    if (state.key) {
      const c = columns.find((x) => x.key === state.key);
      list.sort((a, b) => {
        const x = value(c, a); const y = value(c, b);
        if (x === y) return 0;
        if (x === undefined || x === null || x === '') return 1;
        if (y === undefined || y === null || y === '') return -1;
        return state.dir * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
      });
    }
    heads.forEach((th) => th.setAttribute('aria-sort', th.dataset.key === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none'));
    body.replaceChildren(...list.map((r) => h('tr', { dataset: options.rowData ? options.rowData(r) : {} },
      columns.map((c) => h('td', c.className ? { class: c.className } : null, c.render ? c.render(r) : (r[c.key] ?? '—'))))));
    if (!list.length) body.appendChild(h('tr.empty', h('td', { colspan: columns.length }, options.empty || '暂无数据')));
  }
  draw();
  return h('table' + (options.className ? '.' + options.className : ''), options.id ? { id: options.id } : null,
    h('thead', h('tr', heads)), body);
}

export function field(label, input) {
  return h('label.field', h('span', label), input);
}

export function card(title, ...children) {
  return h('section.card', title ? h('h2', title) : null, ...children);
}

export function stat(label, value, kind, testId) {
  return h('div.stat' + (kind ? '.' + kind : ''), { dataset: testId ? { stat: testId } : {} },
    h('strong', String(value)), h('span', label));
}

/** A determinate progress bar; {@code name} is what it is the progress of, for screen readers. */
export function progressBar(id, name) {
  const bar = h('div.bar');
  const label = h('span.bar-label');
  const box = h('div.progress', { id, role: 'progressbar', 'aria-label': name || '进度', 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar, label);
  box.set = (pct, text) => {
    const p = Math.max(0, Math.min(100, Number(pct) || 0));
    bar.style.width = p + '%';
    box.setAttribute('aria-valuenow', String(Math.round(p)));
    label.textContent = text || '';
  };
  return box;
}
