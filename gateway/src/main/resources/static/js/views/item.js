// Item page: one ledger item, its event timeline, progress with evidence upload, and the actions the
// service lists for the caller in item.actions (assign, progress, complete, extension; verify, reject, decide
// extension, 督办, reopen).
import * as api from '../api.js';
import { h, mount, card, field, attempt, say, colourBadge, statusText, sourceText, dateTime, isoDay, withDepartmentNames } from '../dom.js';
import { hasAny } from '../roles.js';

/**
 * What this user may do with this item now: exactly the actions the service lists for the caller in
 * {@code item.actions} (ItemAction, from the same rules the service enforces), nothing guessed here.
 */
export function allowedActions(user, item) {
  const actions = new Set(item.actions || []);
  return {
    assign: actions.has('ASSIGN'),
    progress: actions.has('REPORT_PROGRESS'),
    evidence: actions.has('ATTACH_EVIDENCE'),
    complete: actions.has('COMPLETE'),
    extend: actions.has('REQUEST_EXTENSION'),
    verify: actions.has('VERIFY'),
    reject: actions.has('REJECT'),
    decideExtension: actions.has('DECIDE_EXTENSION'),
    supervise: actions.has('SUPERVISE'),
    reopen: actions.has('REOPEN'),
    // not an action: why a party committee member who completed the item sees no 验收
    ownCompletion: hasAny(user, ['PARTY_COMMITTEE']) && item.status === 'COMPLETED'
      && Boolean(item.completedBy) && item.completedBy === user.sub,
  };
}

/** Types the browser shows in a tab itself (the server answers them inline when asked). */
const SHOWN_INLINE = /^(application\/pdf|image\/(png|jpeg|gif|webp))\b/i;

/**
 * One evidence file as a link: a PDF or an image opens in a new tab, anything else downloads under its name; both
 * with the token, so only those who may read the item's evidence get it.
 */
function evidenceLink(id, f) {
  const path = '/api/measures/' + encodeURIComponent(id) + '/evidence/' + encodeURIComponent(f.fileId);
  const inline = SHOWN_INLINE.test(f.contentType || '');
  return h('a.file', {
    href: '#', dataset: { file: f.fileId, opens: inline ? 'tab' : 'download' },
    title: (inline ? '在新标签页中打开' : '下载') + (f.sha256 ? '（SHA-256 ' + f.sha256 + '）' : ''),
    onclick: (e) => { e.preventDefault(); attempt(() => (inline ? api.openInline(path, f.fileName) : api.download(path, f.fileName))); },
  }, f.fileName + (f.size ? '（' + Math.max(1, Math.round(f.size / 1024)) + ' KB）' : ''));
}

/** Where each refusal of an assignment belongs: the field the request names, or the one its code concerns. */
const ASSIGN_FIELD_OF_CODE = {
  MISSING_LEAD_DEPARTMENT: 'lead', LEAD_CHANGE_NEEDS_PARTY_COMMITTEE: 'lead', FORBIDDEN_DEPARTMENT: 'lead',
  TOO_MANY_DEPARTMENTS: 'cooperating',
  MISSING_OWNER: 'owner', OWNER_NOT_IN_LEAD_DEPARTMENT: 'owner',
  INVALID_DEADLINE: 'deadline', MISSING_DEADLINE: 'deadline', DEADLINE_IN_PAST: 'deadline', DEADLINE_CHANGE_NEEDS_APPROVAL: 'deadline',
  LONG_TERM_WITH_DEADLINE: 'review', INVALID_REVIEW_PERIOD: 'review',
};
const ASSIGN_FIELD_OF_BODY = { leadDepartment: 'lead', cooperatingDepartments: 'cooperating', owner: 'owner', deadline: 'deadline', reviewPeriodMonths: 'review', longTerm: 'review' };
/** What each field needs, said here: the body check's own words are a library's, not ours. */
const ASSIGN_FIELD_MESSAGE = {
  lead: '请选择牵头单位', cooperating: '配合单位有误，请重新勾选', owner: '请选择责任人，或填写无账号人员的姓名',
  deadline: '请按“年-月-日”填写完成时限', review: '长期坚持的事项须设定1至12个月的评估周期',
};

/**
 * 分派 (assign): the lead department (牵头单位) from the directory's departments, names shown and codes sent; the
 * cooperating departments (配合单位) as checkboxes; the owner (责任人) picked by name from the lead department's users,
 * who then receive the item's notices, or typed in for someone without an account; a deadline, or 长期坚持 with a
 * review period of 1 to 12 months. The service decides; each refusal is shown under the field it concerns.
 */
async function assignmentForm(id, item, names, refreshSoon) {
  const codes = Object.keys(names);
  if (item.leadDepartment && !codes.includes(item.leadDepartment)) codes.unshift(item.leadDepartment);
  const dept = (code) => names[code] || code;
  const errors = {};
  const errorBox = (key) => (errors[key] = h('div.field-error#assign-' + key + '-error', { role: 'alert', hidden: true }));
  const lead = h('select#assign-lead', codes.map((code) => h('option', { value: code, selected: code === item.leadDepartment }, dept(code))));
  const cooperatingBox = h('div.checks#assign-cooperating');
  const chosenCooperating = new Set(item.cooperatingDepartments || []);
  const drawCooperating = () => cooperatingBox.replaceChildren(...codes.filter((code) => code !== lead.value).map((code) =>
    h('label.check', h('input', { type: 'checkbox', name: 'cooperating', value: code, checked: chosenCooperating.has(code),
      onchange: (e) => { if (e.target.checked) chosenCooperating.add(code); else chosenCooperating.delete(code); } }), ' ' + dept(code))));
  const picker = h('select#assign-owner-user');
  const ownerHint = h('small.muted#assign-owner-hint');
  const owner = h('input#assign-owner', { maxlength: 100, placeholder: '无账号人员的姓名' });
  const ownerLabel = h('span', '责任人');
  let people = [];
  async function loadPeople() {
    const code = lead.value;
    people = await api.get('/api/rectification/departments/' + encodeURIComponent(code) + '/users')
      .then((body) => body.users || []).catch(() => null);
    if (code !== lead.value) return; // another department was chosen meanwhile
    ownerLabel.textContent = '责任人（' + dept(code) + '人员）';
    const list = people || [];
    const current = list.some((p) => p.username === item.owner) ? item.owner : '';
    picker.replaceChildren(h('option', { value: '' }, '（无账号人员，在下方填写姓名）'),
      ...list.map((p) => h('option', { value: p.username, selected: p.username === current }, p.displayName || p.username)));
    ownerHint.textContent = people === null ? '无法读取' + dept(code) + '的人员名单，请在下方填写责任人姓名。' : '';
  }
  lead.addEventListener('change', () => { chosenCooperating.delete(lead.value); drawCooperating(); loadPeople(); });
  drawCooperating();
  await loadPeople();
  if (item.owner && !(people || []).some((p) => p.username === item.owner)) owner.value = item.owner;
  const deadline = h('input#assign-deadline', { type: 'date', min: isoDay(), value: item.deadline || item.proposedDeadline || '' });
  const review = h('input#assign-review', { type: 'number', min: 1, max: 12, step: 1, value: item.reviewPeriodMonths || 6 });
  const deadlineField = h('div#assign-deadline-field', field('完成时限', deadline), errorBox('deadline'));
  const reviewField = h('div#assign-review-field', field('评估周期（月，1至12）', review), errorBox('review'));
  const longTerm = h('input#assign-long-term', { type: 'checkbox', checked: Boolean(item.longTerm) });
  const showTerm = () => { deadlineField.hidden = longTerm.checked; reviewField.hidden = !longTerm.checked; };
  longTerm.addEventListener('change', showTerm);
  showTerm();
  const formError = h('div#assign-form-error');
  const clear = () => { Object.values(errors).forEach((box) => { box.hidden = true; box.replaceChildren(); }); formError.replaceChildren(); };
  const show = (key, message) => { const box = errors[key]; box.replaceChildren(message); box.hidden = false; };

  return h('form#assign-form.subform', { novalidate: true, onsubmit: (e) => { e.preventDefault();
    clear();
    const body = {
      leadDepartment: lead.value,
      cooperatingDepartments: [...chosenCooperating].filter((code) => code !== lead.value && codes.includes(code)),
      owner: picker.value || owner.value.trim(),
    };
    if (longTerm.checked) {
      body.longTerm = true;
      body.reviewPeriodMonths = review.value === '' ? null : Number(review.value);
    } else {
      body.deadline = deadline.value || null;
    }
    attempt(async () => {
      try {
        await api.post('/api/measures/' + encodeURIComponent(id) + '/assignment', body);
      } catch (err) {
        const placed = new Set();
        (err.fields || []).forEach((f) => {
          const key = ASSIGN_FIELD_OF_BODY[f.field.replace(/[[.].*$/, '')];
          if (key && !placed.has(key)) { placed.add(key); show(key, ASSIGN_FIELD_MESSAGE[key]); }
        });
        const key = ASSIGN_FIELD_OF_CODE[err.code];
        if (key && !placed.has(key)) { placed.add(key); show(key, err.message); }
        if (!placed.size) throw err;
        return;
      }
      say(item.status === 'PLANNED' ? '已分解落实' : '已调整分派', 'ok');
      refreshSoon();
    }, formError);
  } },
  h('h3', item.status === 'PLANNED' ? '分解落实' : '调整分派'),
  field('牵头单位', lead), errorBox('lead'),
  h('div.field', h('span', '配合单位'), cooperatingBox), errorBox('cooperating'),
  h('label.field', ownerLabel, picker), ownerHint,
  field('无账号人员姓名', owner), errorBox('owner'),
  h('label.check', longTerm, ' 长期坚持（不设完成时限，定期评估）'),
  deadlineField, reviewField, formError,
  h('button', { type: 'submit' }, '确认分派'));
}

function act(id, path, body, done) {
  return attempt(async () => {
    await api.post('/api/measures/' + encodeURIComponent(id) + '/' + path, body);
    say(done, 'ok');
    return true;
  });
}

export async function render(ctx) {
  const { user, params } = ctx;
  const id = params.get('id');
  let item;
  try {
    item = await api.get('/api/measures/' + encodeURIComponent(id));
  } catch (e) {
    if (ctx.stale()) return;
    if (e.status === 403 || e.status === 404) {
      // another department's item answers 404 like an unknown id (ADR 0072): say both possibilities
      mount(card(e.status === 403 ? '无权查看' : '事项不存在', h('p.refusal#refusal', { role: 'alert' }, e.message),
        e.status === 404 ? h('p.muted', '该事项不存在，或不是您所在部门牵头、配合的事项。') : null));
      return;
    }
    throw e;
  }
  if (ctx.stale()) return;
  const names = await api.departmentNamesOnce();
  if (ctx.stale()) return;
  const dept = (code) => names[code] || code || '—';
  // people by their directory name, not their user name; a name typed for someone without an account stays as typed
  const people = await api.displayNames([item.owner, item.assignedBy, item.completedBy, item.verifiedBy, item.lastProgressBy,
    item.lastRejectedBy, item.pendingExtension && item.pendingExtension.requestedBy, ...(item.progress || []).map((p) => p.by)]);
  if (ctx.stale()) return;
  const person = (username) => (username ? people[username] || username : '—');
  const can = allowedActions(user, item);
  const refreshSoon = () => setTimeout(() => { if (!ctx.stale()) ctx.refresh(); }, 700);
  const run = async (path, body, done) => { if (await act(id, path, body, done)) refreshSoon(); };

  const forms = [];
  if (can.assign) {
    const form = await assignmentForm(id, item, names, refreshSoon);
    if (ctx.stale()) return;
    forms.push(form);
  }
  if (can.progress) {
    const text = h('textarea#progress-text', { required: true, maxlength: 4000, placeholder: '本次整改进展' });
    const files = h('input#evidence-files', { type: 'file', multiple: true });
    const status = h('div.muted#evidence-status');
    forms.push(h('form#progress-form.subform', { onsubmit: (e) => { e.preventDefault();
      attempt(async () => {
        const fileIds = [];
        const chosen = [...files.files];
        for (let i = 0; i < chosen.length; i++) {
          status.textContent = '正在上传佐证材料 ' + (i + 1) + '/' + chosen.length + '：' + chosen[i].name;
          const uploaded = await api.upload('/api/measures/' + encodeURIComponent(id) + '/evidence', chosen[i]);
          fileIds.push(uploaded.fileId);
        }
        status.textContent = '';
        await api.post('/api/measures/' + encodeURIComponent(id) + '/progress', fileIds.length ? { text: text.value.trim(), fileIds } : { text: text.value.trim() });
        say('进展已报送' + (fileIds.length ? '（佐证材料' + fileIds.length + '份）' : ''), 'ok');
        refreshSoon();
      });
    } }, h('h3', '报送进展'), field('进展情况', text), can.evidence ? field('佐证材料', files) : null, status, h('button', { type: 'submit' }, '报送进展')));
  }
  if (can.complete) {
    const summary = h('textarea#complete-summary', { required: true, maxlength: 4000, placeholder: '整改完成情况' });
    forms.push(h('form#complete-form.subform', { onsubmit: (e) => { e.preventDefault(); run('completion', { summary: summary.value.trim() }, '已提交完成，等待党委验收'); } },
      h('h3', '完成整改'), field('完成情况', summary), h('button#complete-button', { type: 'submit' }, '提交完成')));
  }
  if (can.extend) {
    const deadline = h('input#extend-deadline', { type: 'date', required: true, min: isoDay() });
    const reason = h('textarea#extend-reason', { required: true, maxlength: 1000 });
    forms.push(h('form#extend-form.subform', { onsubmit: (e) => { e.preventDefault(); run('extension-request', { deadline: deadline.value, reason: reason.value.trim() }, '延期申请已提交'); } },
      h('h3', '申请延期'), field('延至', deadline), field('理由', reason), h('button.secondary', { type: 'submit' }, '申请延期')));
  }
  if (can.verify) {
    const opinion = h('textarea#verify-opinion', { maxlength: 4000, placeholder: '验收意见（可选）' });
    forms.push(h('form#verify-form.subform', { onsubmit: (e) => { e.preventDefault(); run('verification', { opinion: opinion.value.trim() || null }, '已验收销号'); } },
      h('h3', '验收销号'), field('验收意见', opinion), h('button#verify-button', { type: 'submit' }, '验收销号')));
  }
  if (can.reject) {
    const reasons = h('textarea#reject-reasons', { maxlength: 5000, placeholder: '退回理由，每行一条' });
    forms.push(h('form#reject-form.subform', { onsubmit: (e) => { e.preventDefault();
      const list = reasons.value.split('\n').map((r) => r.trim()).filter(Boolean);
      if (!list.length) { say('请填写退回理由'); return; }
      run('rejection', { reasons: list }, '已退回重新整改'); } },
    h('h3', '退回整改'), field('退回理由', reasons), h('button#reject-button.secondary', { type: 'submit' }, '退回整改')));
  }
  if (can.decideExtension) {
    const p = item.pendingExtension;
    forms.push(h('div.subform#extension-decision', h('h3', '延期审批'),
      h('p', '申请延至 ' + (p.deadline || '—') + (p.reason ? '，理由：' + p.reason : '')),
      h('div.actions',
        h('button#approve-extension', { type: 'button', onclick: () => run('extension-approval', {}, '已批准延期') }, '批准延期'),
        h('button#refuse-extension.secondary', { type: 'button', onclick: () => run('extension-refusal', {}, '已不同意延期') }, '不同意'))));
  }
  if (can.supervise) {
    const level = h('select#supervise-level', h('option', { value: 'OWNER' }, '责任人'), h('option', { value: 'DEPT_HEAD' }, '牵头部门负责人'));
    const reason = h('textarea#supervise-reason', { required: true, maxlength: 1000, placeholder: '督办事由和要求' });
    forms.push(h('form#supervise-form.subform', { onsubmit: (e) => { e.preventDefault(); run('supervision', { level: level.value, reason: reason.value.trim() }, '已发出督办通知'); } },
      h('h3', '督办'), field('督办对象', level), field('督办事由', reason), h('button#supervise-button.secondary', { type: 'submit' }, '发出督办')));
  }
  if (can.reopen) {
    const reason = h('textarea#reopen-reason', { required: true, maxlength: 1000 });
    forms.push(h('form#reopen-form.subform', { onsubmit: (e) => { e.preventDefault(); run('reopening', { reason: reason.value.trim() }, '已重新打开'); } },
      h('h3', '重新打开'), field('理由', reason), h('button.secondary', { type: 'submit' }, '重新打开')));
  }
  if (can.ownCompletion) forms.push(h('p.muted', '本事项由您本人提交完成，按职责分离须由党委其他同志验收。'));

  const timeline = h('ol.timeline#timeline', h('li.muted', '正在加载…'));
  mount(
    h('div.page-head', h('h1#page-title', item.title || id),
      h('div.actions', h('a', { href: '#/ledger?department=' + encodeURIComponent(item.leadDepartment || '') }, '返回台账'))),
    h('div.meta#item-meta', colourBadge(item.colour), ' ', h('span.status#item-status', { dataset: { status: item.status } }, statusText(item.status)),
      ' · 来源 ' + sourceText(item.source) + ' · 牵头单位 ' + dept(item.leadDepartment)
      + ((item.cooperatingDepartments || []).length ? ' · 配合单位 ' + item.cooperatingDepartments.map(dept).join('、') : '')
      + ' · 责任人 ' + person(item.owner) + ' · 时限 ' + (item.longTerm ? '长期坚持' + (item.reviewPeriodMonths ? '（每' + item.reviewPeriodMonths + '个月评估）' : '') : item.deadline || item.deadlineText || '—')),
    h('div.grid-2',
      h('div',
        card('整改内容',
          item.problem ? h('p', h('strong', '对应问题：'), item.problem) : null,
          item.content ? h('p', item.content) : null,
          item.lastProgress ? h('p', h('strong', '最新进展：'), item.lastProgress) : null,
          item.lastRejection ? h('div.warnings', h('strong', '上次退回理由'), h('ul', [].concat(item.lastRejection).map((r) => h('li', r)))) : null,
          item.pendingExtension ? h('p.muted', '延期申请待审批：延至 ' + item.pendingExtension.deadline) : null,
          item.completionSummary ? h('p', h('strong', '完成情况：'), item.completionSummary) : null,
          item.notices ? h('div.warnings#notices-info', h('strong', '已督办 ' + item.notices + ' 次'),
            item.lastNotice && item.lastNotice.reason ? h('div', '最近一次：' + item.lastNotice.reason) : null) : null),
        Array.isArray(item.progress) && item.progress.length ? card('进展记录（' + item.progress.length + '次）', h('ol.progress-list#progress-list',
          item.progress.slice().reverse().map((p) => h('li',
            h('div', h('time.muted', dateTime(p.at)), ' ', p.by ? person(p.by) : '', p.department ? '（' + dept(p.department) + '）' : ''),
            h('div', p.text),
            (p.evidence || []).length ? h('div.evidence', '佐证材料：', p.evidence.map((f) => evidenceLink(id, f))) : null)))) : null,
        card('事件时间线', timeline)),
      forms.length ? card('办理', h('div#actions', forms)) : card('办理', h('p.muted#actions', '当前状态下您没有可办理的操作。'))));

  try {
    const body = await api.get('/api/audit/aggregates/' + encodeURIComponent(id) + '/timeline');
    if (ctx.stale()) return;
    const events = body.events || [];
    Object.assign(people, await api.displayNames(events.map((e) => e.actor).filter((a) => a && !(a in people))));
    if (ctx.stale()) return;
    timeline.replaceChildren(...(events.length ? events.map((e) => h('li', { dataset: { type: e.type } },
      h('time', dateTime(e.time)), h('span', e.summary ? withDepartmentNames(e.summary, names) : e.type),
      h('small.muted', (e.actor ? person(e.actor) : '') + (e.department ? '（' + dept(e.department) + '）' : '')))) : [h('li.muted', '暂无事件')]));
  } catch (e) {
    timeline.replaceChildren(h('li.muted', e.status === 403 ? '事件时间线仅对党委、纪检监察开放。' : e.status === 404 ? '审计日志中暂无该事项的记录。' : e.message));
  }
}
