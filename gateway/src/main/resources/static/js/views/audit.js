// Audit replay: the ledger as it stood on a chosen date, the difference between two dates, one item's state on a
// date with its timeline, integrity verification of the audit log, and a projection replay followed to its
// switch-over. Time travel answers on either axis (ADR 0090): by effective time (time=effective, what was true that
// day as known now) or by recorded time (time=recorded, what the system showed that day); backdated and migrated
// entries of a timeline are marked as such.
import * as api from '../api.js';
import { h, mount, card, field, table, attempt, say, statusText, colourBadge, dateTime, isoDay, progressBar, withDepartmentNames } from '../dom.js';

/** Display names of the people and departments the page has met (user name / code → name). */
const known = { people: {}, departments: {} };
const person = (u) => (u ? known.people[u] || u : null);
async function learnPeople(usernames) {
  const missing = usernames.filter((u) => u && !known.people[u]);
  if (missing.length) Object.assign(known.people, await api.displayNames(missing));
}

const yesterday = () => { const d = new Date(); d.setDate(d.getDate() - 1); return isoDay(d); };

const rowsOf = (body) => (body && (body.rows || body.items || body.ledger || body.measures)) || [];

function ledgerTable(rows, id) {
  return table([
    { key: 'title', label: '整改事项', className: 'wide', render: (r) => (id === 'asof-table' && r.measureId
      ? h('a.open-item', { href: '#', title: '查看该事项当日的状态与时间线' }, r.title || r.measureId) : r.title || r.measureId) },
    { key: 'owner', label: '责任人', render: (r) => person(r.owner) || '—' },
    { key: 'deadline', label: '完成时限', className: 'nowrap', render: (r) => (r.longTerm ? '长期坚持' : r.deadline || '—') },
    { key: 'status', label: '当时状态', className: 'nowrap', render: (r) => statusText(r.status) },
    { key: 'colour', label: '预警', render: (r) => (r.colour ? colourBadge(r.colour) : '—') },
    { key: 'lastProgress', label: '当时最新进展', className: 'wide', render: (r) => r.lastProgress || '—' },
  ], rows, { id, empty: '该日期时本部门台账中没有事项', rowData: (r) => ({ measure: r.measureId || '' }) });
}

const FIELD_NAMES = { status: '状态', deadline: '时限', owner: '责任人', lastProgress: '最新进展', colour: '预警', overdue: '逾期', title: '事项', leadDepartment: '牵头部门' };
const COLOUR_NAMES = { GREEN: '绿', YELLOW: '黄', RED: '红' };

function showValue(key, v) {
  if (v === null || v === undefined || v === '') return '（空）';
  if (key === 'status') return statusText(v);
  if (key === 'colour') return COLOUR_NAMES[String(v).toUpperCase()] || v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const DIFF_SECTIONS = [
  ['newItems', '新增事项'], ['newProblems', '新增问题'], ['statusChanges', '状态变化'], ['closures', '销号'],
  ['deadlineChanges', '时限调整'], ['becameOverdue', '新增逾期'], ['ownerChanges', '责任人变更'],
  ['colourChanges', '预警变化'], ['removedItems', '移出本部门'],
];

const TIME_AXES = [
  ['effective', '按生效时间', '当日实际发生的情况（含事后补录、迁移的历史）'],
  ['recorded', '按记录时间', '系统当日实际记录、显示的内容'],
];
const axisName = (time) => (TIME_AXES.find(([value]) => value === time) || [null, time || '按生效时间'])[1];
/** The axis the server answered on, as a caption: its response's time, else what was asked. */
const axisNote = (body, asked) => h('span.time-axis-note', { dataset: { time: (body && body.time) || asked } },
  '（' + axisName((body && body.time) || asked) + '）');

/** A timeline entry entered after it happened: 补录 by hand, 迁移 from a historical ledger; who, when, why. */
function backdatedNote(e) {
  if (!e.backdated && !e.backdatedBy && !e.migratedFrom) return null;
  const migrated = e.migratedFrom;
  return h('div.backdated-note',
    h('span.badge.backdated', { dataset: { backdated: migrated ? 'migrated' : 'backdated' } }, migrated ? '迁移' : '补录'),
    ' 生效于 ' + dateTime(e.effectiveAt) + '，由 ' + (person(e.backdatedBy) || '—') + ' 于 ' + dateTime(e.recordedAt || e.time) + (migrated ? ' 迁移录入' : ' 补录'),
    e.backdateReason ? '；理由：' + e.backdateReason : '',
    migrated ? h('span.migrated-from', '；迁移自 ' + migrated.fileName + (migrated.row ? '（第 ' + migrated.row + ' 行）' : ''),
      migrated.sha256 ? h('span.muted.mono', { title: 'SHA-256' }, ' ' + String(migrated.sha256).slice(0, 12) + '…') : null) : null);
}

/** One item's timeline; entries not yet in force on the chosen axis as of the date are dimmed. */
function timelineView(body, time, until) {
  const events = (body && body.events) || [];
  if (!events.length) return h('p.muted', '该对象在审计日志中没有记录');
  return h('ol#audit-timeline.timeline', events.map((e) => {
    const at = time === 'recorded' ? (e.recordedAt || e.time) : (e.effectiveAt || e.time);
    const later = until && at && new Date(at) > until;
    return h('li' + (later ? '.muted' : ''), { dataset: { type: e.type || '', backdated: e.backdated ? 'true' : 'false', sequence: String(e.sequence ?? '') } },
      h('strong', e.summary ? withDepartmentNames(e.summary, known.departments) : e.type),
      h('span.muted', '（' + [person(e.actor), '生效 ' + dateTime(e.effectiveAt || e.time), '记录 ' + dateTime(e.recordedAt || e.time)].filter(Boolean).join('，') + '）'),
      later ? h('span.muted', ' 当日尚未' + (time === 'recorded' ? '记录' : '生效')) : null,
      backdatedNote(e));
  }));
}

const eventNote = (e) => (e && (e.actor || e.time) ? '（' + [person(e.actor), e.time ? dateTime(e.time) : null].filter(Boolean).join('，') + '）' : '');

/**
 * A date and an optional time of day as the audit service reads them: a day alone is the end of that day, a time
 * is that minute in the platform's zone (UTC+8, where the services count days).
 */
export function instantParam(day, time) {
  return time ? day + 'T' + time + ':00+08:00' : day;
}
const instantText = (day, time) => (time ? day + ' ' + time : day + ' 日终');

/**
 * The difference between two instants: one list per kind of change, each change with the event behind it; an item's
 * title opens its timeline (onOpen).
 */
function diffView(body, onOpen) {
  const counts = body.counts || {};
  const total = DIFF_SECTIONS.reduce((n, [key]) => n + (counts[key] ?? (body[key] || []).length), 0);
  const line = (key, c) => {
    if (key === 'newProblems') return h('li', (c.theme ? '【' + c.theme + '】' : '') + (c.statement || c.text || ''));
    const title = c.measureId ? h('a.diff-item', { href: '#', title: '查看该事项的时间线', dataset: { timeline: c.measureId },
      onclick: (e) => { e.preventDefault(); onOpen(c.measureId); } }, c.title || c.measureId) : (c.title || '—');
    if (c.field) return h('li', h('strong', title), '：' + (FIELD_NAMES[c.field] || c.field) + ' ' + showValue(c.field, c.before) + ' → ' + showValue(c.field, c.after), h('span.muted', eventNote(c.event)));
    return h('li', h('strong', title), h('span.muted', eventNote(c.event)));
  };
  return h('div#diff-result',
    h('p', '共 ', h('strong#diff-total', String(total)), ' 处变化：',
      DIFF_SECTIONS.filter(([key]) => counts[key]).map(([key, label]) => label + ' ' + counts[key] + ' ').join('；') || '无'),
    DIFF_SECTIONS.filter(([key]) => (body[key] || []).length).map(([key, label]) =>
      h('div.diff-section', { dataset: { kind: key } }, h('h3', label + '（' + body[key].length + '）'), h('ul', body[key].slice(0, 50).map((c) => line(key, c))))));
}

function departmentSelect(id, preferred, departments) {
  return h('select#' + id, departments.map((d) => h('option', { value: d.code, selected: d.code === preferred }, d.name)));
}

export async function render(ctx) {
  const { user } = ctx;
  let departments = [];
  try { departments = (await api.get('/api/rectification/departments')).departments || []; } catch (e) { /* typed in instead */ }
  if (ctx.stale()) return;
  if (!departments.length) departments = [{ code: user.dept, name: user.dept }];
  departments.forEach((d) => { known.departments[d.code] = d.name; });
  // preselect: the department in the address, else the one with the most items, else the user's own
  let preferred = ctx.params.get('department');
  if (!preferred) {
    try {
      const overview = await api.get('/api/overview');
      const busiest = (overview.departments || []).slice().sort((a, b) => (b.total || 0) - (a.total || 0))[0];
      preferred = busiest && busiest.total ? busiest.department : user.dept;
    } catch (e) { preferred = user.dept; }
  }
  if (ctx.stale()) return;

  // 0. the time axis of the three time-travel questions
  const timeAxis = h('select#time-axis', TIME_AXES.map(([value, label, hint]) => h('option', { value, title: hint }, label)));
  const axisHint = h('span.muted#time-axis-hint', TIME_AXES[0][2]);
  const timeParam = () => '&time=' + encodeURIComponent(timeAxis.value);

  // 1. the ledger as of a date
  const dept = departmentSelect('asof-department', preferred, departments);
  const asOf = h('input#asof-date', { type: 'date', value: yesterday(), max: isoDay() });
  const asOfTime = h('input#asof-time', { type: 'time', title: '不填为当日日终' });
  const asOfResult = h('div#asof-result', { tabindex: 0 });
  const showAsOf = () => attempt(async () => {
    const time = timeAxis.value;
    const body = await api.get('/api/audit/ledger?department=' + encodeURIComponent(dept.value) + '&asOf=' + encodeURIComponent(instantParam(asOf.value, asOfTime.value)) + timeParam());
    const rows = rowsOf(body);
    await learnPeople(rows.map((r) => r.owner));
    asOfResult.replaceChildren(h('p#asof-caption', '截至 ', h('strong', instantText(asOf.value, asOfTime.value)), '，' + dept.selectedOptions[0].textContent + '的整改台账共 ',
      h('strong#asof-count', String(rows.length)), ' 项' + (body.events !== undefined ? '（据 ' + body.events + ' 个事件重放）' : '') + '。', axisNote(body, time)),
    ledgerTable(rows, 'asof-table'));
  }, asOfResult);

  // 2. compare two dates
  const dept2 = departmentSelect('diff-department', preferred, departments);
  const from = h('input#diff-from', { type: 'date', value: yesterday(), max: isoDay() });
  const fromTime = h('input#diff-from-time', { type: 'time', title: '不填为当日日终' });
  const to = h('input#diff-to', { type: 'date', value: isoDay(), max: isoDay() });
  const toTime = h('input#diff-to-time', { type: 'time', title: '不填为当日日终' });
  const diffResult = h('div#diff-box', { tabindex: 0 });
  const compare = () => attempt(async () => {
    const time = timeAxis.value;
    const body = await api.get('/api/audit/ledger/diff?department=' + encodeURIComponent(dept2.value)
      + '&from=' + encodeURIComponent(instantParam(from.value, fromTime.value))
      + '&to=' + encodeURIComponent(instantParam(to.value, toTime.value)) + timeParam());
    await learnPeople(DIFF_SECTIONS.flatMap(([key]) => (body[key] || []).map((c) => c.event && c.event.actor)));
    diffResult.replaceChildren(h('p.muted#diff-axis', '对比 ' + instantText(from.value, fromTime.value) + ' 与 '
      + instantText(to.value, toTime.value) + '，口径：', axisNote(body, time)), diffView(body, (measureId) => {
      itemId.value = measureId;
      itemDate.value = to.value;
      showItem().then(() => itemCard.scrollIntoView({ block: 'start' }));
    }));
  }, diffResult);

  // 2b. one item: its state on a date, on the chosen axis, and its whole timeline
  const itemId = h('input#item-id', { type: 'text', placeholder: '事项编号，如 mea-…；或点击上方台账中的事项', value: ctx.params.get('aggregate') || '' });
  const itemDate = h('input#item-date', { type: 'date', value: isoDay(), max: isoDay() });
  const itemResult = h('div#item-result');
  const showItem = () => attempt(async () => {
    const id = itemId.value.trim();
    if (!id) { itemResult.replaceChildren(h('p.muted', '请填写事项编号')); return; }
    const time = timeAxis.value;
    const path = '/api/audit/aggregates/' + encodeURIComponent(id);
    // an item that did not exist yet on that day (on the chosen axis) answers 404: its timeline still shows
    const notYet = (e) => { if (e && e.status === 404 && e.code === 'AGGREGATE_NOT_FOUND') return null; throw e; };
    const [state, timeline] = await Promise.all([
      api.get(path + '/state?asOf=' + encodeURIComponent(itemDate.value) + timeParam()).catch(notYet),
      api.get(path + '/timeline'),
    ]);
    await learnPeople(((timeline && timeline.events) || []).flatMap((e) => [e.actor, e.backdatedBy]));
    const item = state && (state.state || state.item);
    if (item) await learnPeople([item.owner]);
    const until = new Date(itemDate.value + 'T23:59:59.999+08:00');
    itemResult.replaceChildren(...[ // a null would be written as the text "null"
      h('p#item-caption', '截至 ', h('strong', itemDate.value), ' 日终，该事项', item ? '' : '尚不存在或无记录', axisNote(state, time), item ? '：' : '。'),
      item ? ledgerTable([item], 'item-state') : null,
      h('h3', '时间线（' + ((timeline && timeline.count) ?? 0) + ' 条记录）'),
      timelineView(timeline, time, until)].filter(Boolean));
  }, itemResult);
  const bundle = (query, name) => attempt(async () => {
    await api.download('/api/audit/export?' + query, name);
    say('审计包已下载，可用 ./zhenggai audit verify 文件名 离线核验', 'ok');
  });
  const itemBundle = h('button#item-bundle.secondary', { type: 'button', onclick: () => {
    const id = itemId.value.trim();
    if (!id) { itemResult.replaceChildren(h('p.field-error', '请先填写事项编号')); return; }
    bundle('aggregateId=' + encodeURIComponent(id), 'audit-' + id + '.json');
  } }, '下载该事项的审计包');
  const departmentBundle = h('button#department-bundle.secondary', { type: 'button', onclick: () =>
    bundle('department=' + encodeURIComponent(dept.value) + '&asOf=' + encodeURIComponent(instantParam(asOf.value, asOfTime.value)),
      'audit-' + dept.value + '-' + asOf.value + '.json') }, '下载本部门审计包');
  asOfResult.addEventListener('click', (e) => {
    const row = e.target.closest && e.target.closest('tr[data-measure]');
    if (!row || !row.dataset.measure) return;
    e.preventDefault(); // the title is a link for the keyboard; it opens the item below, not another page
    itemId.value = row.dataset.measure;
    itemDate.value = asOf.value;
    showItem();
  });
  timeAxis.addEventListener('change', () => {
    axisHint.textContent = (TIME_AXES.find(([value]) => value === timeAxis.value) || TIME_AXES[0])[2];
    showAsOf();
    if (diffResult.firstChild) compare();
    if (itemResult.firstChild && itemId.value.trim()) showItem();
  });

  // 3. integrity verification
  const verifyResult = h('div#verify-result');
  const verify = () => {
    verifyResult.replaceChildren(h('p.muted', '正在逐条校验哈希链…'), h('div.progress.indeterminate', h('div.bar')));
    return attempt(async () => {
      const body = await api.get('/api/audit/verify');
      const broken = body.firstBroken;
      verifyResult.replaceChildren(body.ok
        ? h('p.ok#verify-ok', '✔ 审计日志完整：已校验 ' + body.checked + ' 条记录，未发现篡改、缺失或断链。')
        : h('div.error#verify-broken', h('p', '✘ 发现 ' + (body.problems ?? 1) + ' 处问题，已校验 ' + body.checked + ' 条记录。'),
          broken ? h('p', '首个问题：第 ' + broken.position + ' 条记录（事件 ' + broken.eventId + '），' + broken.code + '：' + (broken.reason || '')) : null),
      body.head ? h('p.muted.mono', '链头：第 ' + body.head.position + ' 条 · ' + body.head.hash) : null);
    }, verifyResult);
  };

  // 4. projection replay
  const bar = progressBar('replay-progress', '投影重放进度');
  const replayInfo = h('p.muted#replay-info', '点击“开始重放”后进度显示在下方。');
  const replayHelp = h('div.hint#replay-help',
    h('p', '“重放”从第一条起逐条读取不可篡改的审计日志，在另一份副本中重新计算各部门整改台账（审计回放使用的台账投影），'
      + '完成后与现用的投影逐项比对，列出差异。重放只写副本，不改动现用投影，也不改动审计日志。'),
    h('p', '“切换到重建的投影”把现用投影换成重建的副本（切换前先补齐重放期间新增的记录），此后的某日台账、对比和事项状态都以它为准；'
      + '应在比对无差异、或已查明差异原因之后进行。切换记入服务日志，不能撤销，但可随时再次重放。'),
    h('p', '重放和切换仅限纪检监察和党委使用。'));
  const switchButton = h('button#replay-switch', { type: 'button', hidden: true }, '切换到重建的投影');
  const startButton = h('button#replay-start', { type: 'button' }, '开始重放');
  let replayId = null;
  let timer = null;
  const describe = (p) => {
    const pct = p.percent ?? (p.total ? 100 * (p.processed ?? p.done ?? 0) / p.total : 0);
    const left = p.secondsLeft ?? p.remainingSeconds ?? p.etaSeconds ?? p.timeLeftSeconds;
    const parts = [Math.round(pct) + '%'];
    const processed = p.processed ?? p.done;
    if (processed !== undefined) parts.push((processed || 0) + (p.total ? '/' + p.total : '') + ' 个事件');
    if (p.eventsPerSecond !== undefined) parts.push(Math.round(p.eventsPerSecond) + ' 事件/秒');
    if (left !== undefined && left !== null && pct < 100) parts.push('约剩 ' + Math.ceil(left) + ' 秒');
    return { pct, text: parts.join(' · ') };
  };
  const state = (p) => String(p.state || p.status || '').toUpperCase();
  const poll = async () => {
    try {
      const p = await api.get('/api/audit/replays/' + encodeURIComponent(replayId));
      const { pct, text } = describe(p);
      bar.set(pct, text);
      const s = state(p);
      const finished = ['DONE', 'COMPLETED', 'FINISHED', 'READY', 'SUCCEEDED', 'CAUGHT_UP'].includes(s) || (pct >= 100 && !['RUNNING'].includes(s));
      const failed = ['FAILED', 'ERROR'].includes(s);
      if (['SWITCHED', 'SWITCHED_OVER'].includes(s)) {
        replayInfo.textContent = '已切换到重建的投影。';
        clearInterval(timer); startButton.disabled = false; switchButton.hidden = true;
      } else if (finished) {
        const diffs = p.differences ?? p.differenceCount ?? (Array.isArray(p.diff) ? p.diff.length : undefined);
        replayInfo.textContent = '重放完成' + (diffs !== undefined ? '：与现用投影相比有 ' + (Array.isArray(diffs) ? diffs.length : diffs) + ' 处差异。' : '。')
          + '确认后可切换到重建的投影。';
        clearInterval(timer); startButton.disabled = false; switchButton.hidden = false;
      } else if (failed) {
        replayInfo.textContent = '重放失败：' + (p.error || p.message || '未知原因');
        clearInterval(timer); startButton.disabled = false;
      } else {
        replayInfo.textContent = '正在重放…';
      }
    } catch (e) {
      clearInterval(timer); startButton.disabled = false; replayInfo.textContent = e.message;
    }
  };
  startButton.addEventListener('click', () => attempt(async () => {
    startButton.disabled = true; switchButton.hidden = true;
    bar.set(0, '正在启动…');
    try {
      const started = await api.post('/api/audit/replays', { projection: 'ledger' });
      replayId = started.id || started.replayId;
      clearInterval(timer);
      timer = setInterval(() => { if (!document.body.contains(bar)) { clearInterval(timer); return; } poll(); }, 1000);
      poll();
    } catch (e) {
      startButton.disabled = false;
      bar.set(0, '');
      throw e;
    }
  }));
  switchButton.addEventListener('click', () => attempt(async () => {
    if (!window.confirm('确定把现用的台账投影换成本次重建的投影吗？切换不能撤销。')) return;
    await api.post('/api/audit/replays/' + encodeURIComponent(replayId) + '/switch-over');
    switchButton.hidden = true;
    replayInfo.textContent = '已切换到重建的投影。';
    say('已切换到重建的投影', 'ok');
  }));

  const itemCard = card('单个事项的某日状态与时间线',
    h('form#item-form.inline', { onsubmit: (e) => { e.preventDefault(); showItem(); } }, field('事项', itemId), field('日期', itemDate), h('button#item-button', { type: 'submit' }, '查看'), itemBundle),
    h('p.hint', '审计包是该事项或部门的全部审计记录（JSON），带哈希链，可交给他人用 ./zhenggai audit verify 离线核验。'),
    itemResult);
  itemCard.id = 'item-card';

  mount(
    h('div.page-head', h('h1#page-title', '审计回放'), h('p.muted', '所有操作均来自不可篡改的事件记录')),
    h('form#time-form.inline', { onsubmit: (e) => e.preventDefault() }, field('时间口径', timeAxis), axisHint),
    h('div',
      card('某日的台账原貌',
        h('form#asof-form.inline', { onsubmit: (e) => { e.preventDefault(); showAsOf(); } }, field('部门', dept), field('日期', asOf), field('时刻（可选）', asOfTime), h('button#asof-button', { type: 'submit' }, '查看'), departmentBundle),
        asOfResult),
      card('两个日期对比',
        h('form#diff-form.inline', { onsubmit: (e) => { e.preventDefault(); compare(); } }, field('部门', dept2), field('从', from), field('时刻', fromTime), field('到', to), field('时刻', toTime), h('button#diff-button', { type: 'submit' }, '对比')),
        h('p.hint', '时刻不填即比较两日日终；点击事项名称可查看其时间线。'),
        diffResult)),
    itemCard,
    h('div.grid-2',
      card('完整性校验', h('p.muted', '逐条重算审计日志的哈希链与每日摘要，检查是否被改写、删除或插入。'),
        h('button#verify-button', { type: 'button', onclick: verify }, '开始校验'), verifyResult),
      card('投影重放', replayHelp, replayInfo, bar, h('div.actions', startButton, switchButton))));
  showAsOf();
  if (itemId.value.trim()) showItem();
}
