// Directory administration for the organization department (用户与部门管理): users (create, change name,
// department and roles, disable and enable, reset password) and departments (create, rename); and the approval of
// role grants (授权审批) for the party committee, discipline inspection and the organization department (ADR 0079):
// PARTY_COMMITTEE, DISCIPLINE and ORG_DEPT granted here take effect only when a second person approves them.
import * as api from '../api.js';
import { h, mount, card, field, table, attempt, say, dateTime } from '../dom.js';
import { ROLE_NAMES, hasAny } from '../roles.js';

/** The roles an administrator may give, in the order the form shows them. */
const GRANTABLE = ['CADRE', 'DEPT_LIAISON', 'DEPT_HEAD', 'ORG_DEPT', 'PARTY_COMMITTEE', 'DISCIPLINE'];
const NEEDS_APPROVAL = ['PARTY_COMMITTEE', 'DISCIPLINE', 'ORG_DEPT'];
const GRANT_STATUS = { PENDING: '待批准', APPROVED: '已批准', REJECTED: '已驳回' };

/** Which field of the user form a server refusal concerns. */
const USER_FIELD_OF = {
  INVALID_USERNAME: 'username', USERNAME_TAKEN: 'username', UNKNOWN_DEPARTMENT: 'department',
  UNKNOWN_ROLE: 'roles', GRANT_ALREADY_PENDING: 'roles', CANNOT_CHANGE_OWN_ROLES: 'roles', WEAK_PASSWORD: 'password',
};

const roleText = (list) => (list || []).map((r) => ROLE_NAMES[r] || r).join('、') || '—';

/** A form's fields with an error line under each: set(name, message) shows one, clear() removes all. */
function errorsOf(names) {
  const boxes = Object.fromEntries(names.map((n) => [n, h('div.field-error', { id: 'err-' + n, role: 'alert', hidden: true })]));
  return {
    box: (name) => boxes[name],
    set(name, message) {
      const box = boxes[name] || boxes.form;
      box.textContent = message;
      box.hidden = false;
    },
    clear() { Object.values(boxes).forEach((b) => { b.textContent = ''; b.hidden = true; }); },
  };
}

export async function render(ctx) {
  if (!hasAny(ctx.user, ['ORG_DEPT'])) {
    mount(card('用户与部门管理', h('p.error', '只有组织部可以管理用户和部门。')));
    return;
  }
  const [usersBody, departmentsBody, grantsBody] = await Promise.all([
    api.get('/api/directory/users'), api.get('/api/directory/departments'),
    api.get('/api/directory/grants?status=PENDING'),
  ]);
  if (ctx.stale()) return;
  const departments = departmentsBody.departments || [];
  const names = Object.fromEntries(departments.map((d) => [d.code, d.name]));
  const pendingOf = {};
  (grantsBody.grants || []).forEach((g) => { (pendingOf[g.username] = pendingOf[g.username] || []).push(...g.roles); });
  const filter = ctx.params.get('department') || '';
  const users = (usersBody.users || []).filter((u) => !filter || u.department === filter);
  const editing = ctx.params.get('user');

  const departmentFilter = h('select#admin-department-filter', { onchange: (e) => ctx.go('admin', e.target.value ? { department: e.target.value } : {}) },
    h('option', { value: '' }, '全部部门'),
    departments.map((d) => h('option', { value: d.code, selected: d.code === filter }, d.name)));

  const userTable = table([
    { key: 'displayName', label: '姓名' },
    { key: 'username', label: '登录名', className: 'mono' },
    { key: 'department', label: '部门', render: (u) => names[u.department] || u.department, sort: (u) => names[u.department] || u.department },
    { key: 'roles', label: '角色', render: (u) => h('span', roleText(u.roles),
      pendingOf[u.username] ? h('span.badge.pending', { title: '待第二人批准后生效' }, ' 待批准：' + roleText(pendingOf[u.username])) : null),
    sortable: false },
    { key: 'enabled', label: '状态', className: 'nowrap', render: (u) => h('span.badge' + (u.enabled ? '.green' : '.red'), u.enabled ? '启用' : '已停用') },
    { key: 'actions', label: '操作', className: 'nowrap', sortable: false, render: (u) => h('span.row-actions',
      h('button.small.secondary', { type: 'button', dataset: { edit: u.username }, onclick: () => ctx.go('admin', { ...(filter ? { department: filter } : {}), user: u.username }) }, '编辑'),
      u.username === ctx.user.sub ? null : h('button.small.secondary', { type: 'button', dataset: { toggle: u.username },
        onclick: () => toggle(ctx, u) }, u.enabled ? '停用' : '启用')) },
  ], users, { id: 'users-table', sortKey: 'department', rowData: (u) => ({ username: u.username }), empty: '没有用户' });

  const user = editing ? (usersBody.users || []).find((u) => u.username === editing) : null;
  mount(
    h('div.page-head', h('h1', '用户与部门管理'), h('div.actions',
      h('a', { href: '#/grants' }, '授权审批' + ((grantsBody.grants || []).length ? '（' + grantsBody.grants.length + '项待批准）' : '')))),
    h('div.grid-wide',
      card('用户（' + users.length + '）', h('div.filters', field('部门', departmentFilter)), h('div.table-box', userTable)),
      h('div', userForm(ctx, user, departments), departmentCard(ctx, departments))),
  );
}

function userForm(ctx, user, departments) {
  const creating = !user;
  const errors = errorsOf(['username', 'displayName', 'department', 'roles', 'password', 'form']);
  const username = h('input#user-username', { maxlength: 64, value: user ? user.username : '', disabled: !creating, autocomplete: 'off' });
  const displayName = h('input#user-display-name', { maxlength: 100, value: user ? user.displayName : '' });
  const department = h('select#user-department', h('option', { value: '' }, '请选择部门'),
    departments.map((d) => h('option', { value: d.code, selected: user && d.code === user.department }, d.name)));
  const boxes = GRANTABLE.map((r) => h('input', { type: 'checkbox', value: r, id: 'role-' + r, checked: !!(user && user.roles.includes(r)) }));
  const password = creating ? h('input#user-password', { type: 'password', maxlength: 128, autocomplete: 'new-password' }) : null;
  const form = h('form#user-form.subform', { onsubmit: async (e) => {
    e.preventDefault();
    errors.clear();
    const roles = boxes.filter((b) => b.checked).map((b) => b.value);
    let wrong = false;
    if (creating && !username.value.trim()) { errors.set('username', '请填写登录名'); wrong = true; }
    if (!displayName.value.trim()) { errors.set('displayName', '请填写姓名'); wrong = true; }
    if (!department.value) { errors.set('department', '请选择部门'); wrong = true; }
    if (!roles.length) { errors.set('roles', '请至少选择一个角色'); wrong = true; }
    if (creating && !password.value) { errors.set('password', '请设置初始密码'); wrong = true; }
    if (wrong) return;
    const body = { displayName: displayName.value.trim(), department: department.value, roles };
    try {
      const answer = creating
        ? await api.post('/api/directory/users', { ...body, username: username.value.trim(), password: password.value })
        : await api.api('/api/directory/users/' + encodeURIComponent(user.username), { method: 'PUT', json: body });
      const pending = answer && answer.pendingGrant;
      history.replaceState(null, '', '#/admin');
      await ctx.refresh();
      say((creating ? '已创建用户 ' : '已保存用户 ') + answer.displayName
        + (pending ? '；' + roleText(pending.roles) + '角色须经另一人批准后生效' : ''), 'ok');
    } catch (err) {
      errors.set(USER_FIELD_OF[err.code] || 'form', err.message);
    }
  } },
  field('登录名', username), errors.box('username'),
  field('姓名', displayName), errors.box('displayName'),
  field('部门', department), errors.box('department'),
  h('fieldset.links#user-roles', h('legend', '角色'), GRANTABLE.map((r, i) => h('label.check', boxes[i], ' ' + ROLE_NAMES[r]
    + (NEEDS_APPROVAL.includes(r) ? '（须经第二人批准）' : '')))), errors.box('roles'),
  creating ? [field('初始密码', password), h('p.hint', '10至128个字符，至少包含小写字母、大写字母、数字、其他字符中的三类，不能包含登录名'), errors.box('password')] : null,
  errors.box('form'),
  h('div.actions', h('button#user-save', { type: 'submit' }, creating ? '创建用户' : '保存修改'),
    creating ? null : h('button.secondary', { type: 'button', onclick: () => ctx.go('admin', {}) }, '取消')));
  return card(creating ? '新建用户' : '编辑用户：' + user.displayName, form, creating ? null : passwordForm(user));
}

async function toggle(ctx, u) {
  const verb = u.enabled ? '停用' : '启用';
  if (!window.confirm('确定' + verb + '用户“' + u.displayName + '”吗？' + (u.enabled ? '停用后其登录立即失效。' : ''))) return;
  const done = await attempt(() => api.post('/api/directory/users/' + encodeURIComponent(u.username) + (u.enabled ? '/disable' : '/enable')));
  if (done) { await ctx.refresh(); say('已' + verb + '用户 ' + u.displayName, 'ok'); }
}

/** Resetting a user's password: a field of its own, confirmed; the user's sessions end. */
function passwordForm(u) {
  const password = h('input#reset-password', { type: 'password', maxlength: 128, autocomplete: 'new-password' });
  const error = h('div.field-error#err-reset-password', { role: 'alert', hidden: true });
  return h('form#password-form.subform', { onsubmit: async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (!password.value) { error.textContent = '请填写新密码'; error.hidden = false; return; }
    if (!window.confirm('确定重置“' + u.displayName + '”的密码吗？其已登录的会话将立即失效。')) return;
    try {
      await api.post('/api/directory/users/' + encodeURIComponent(u.username) + '/password', { password: password.value });
      password.value = '';
      say('已重置 ' + u.displayName + ' 的密码，其原有登录已失效', 'ok');
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  } }, h('h3', '重置密码'), field('新密码', password), h('p.hint', '10至128个字符，至少包含小写字母、大写字母、数字、其他字符中的三类，不能包含登录名'), error,
  h('div.actions', h('button#reset-password-button.secondary', { type: 'submit' }, '重置密码')));
}

function departmentCard(ctx, departments) {
  const errors = errorsOf(['code', 'name', 'form']);
  const code = h('input#department-code', { maxlength: 40, placeholder: '如 XZSPJ', autocomplete: 'off' });
  const name = h('input#department-name', { maxlength: 100 });
  const form = h('form#department-form.subform', { onsubmit: async (e) => {
    e.preventDefault();
    errors.clear();
    if (!code.value.trim()) { errors.set('code', '请填写部门代码'); return; }
    if (!name.value.trim()) { errors.set('name', '请填写部门名称'); return; }
    try {
      await api.post('/api/directory/departments', { code: code.value.trim(), name: name.value.trim() });
      await ctx.refresh();
      say('已新增部门 ' + name.value.trim(), 'ok');
    } catch (err) {
      errors.set({ INVALID_DEPARTMENT: 'code', DEPARTMENT_TAKEN: 'code' }[err.code] || 'form', err.message);
    }
  } }, field('部门代码', code), errors.box('code'), field('部门名称', name), errors.box('name'), errors.box('form'),
  h('div.actions', h('button#department-save', { type: 'submit' }, '新增部门')));
  const list = table([
    { key: 'name', label: '部门名称' },
    { key: 'code', label: '代码', className: 'mono' },
    { key: 'actions', label: '操作', className: 'nowrap', sortable: false, render: (d) => h('button.small.secondary', { type: 'button', dataset: { rename: d.code },
      onclick: async () => {
        const to = window.prompt('将“' + d.name + '”更名为：', d.name);
        if (!to || to.trim() === d.name) return;
        const done = await attempt(() => api.api('/api/directory/departments/' + encodeURIComponent(d.code), { method: 'PUT', json: { name: to.trim() } }));
        if (done) { await ctx.refresh(); say('部门已更名为 ' + done.name, 'ok'); }
      } }, '更名') },
  ], departments, { id: 'departments-table', sortKey: 'name' });
  return card('部门（' + departments.length + '）', h('div.scroll.short', list), form);
}

// ------------------------------------------------------------------ 授权审批

export const grants = {
  async render(ctx) {
    const status = ctx.params.get('status') || 'PENDING';
    const body = await api.get('/api/directory/grants' + (status === 'ALL' ? '' : '?status=' + status));
    if (ctx.stale()) return;
    const departments = await api.departmentNamesOnce();
    const list = body.grants || [];
    const tabs = h('div.tabs', [['PENDING', '待批准'], ['APPROVED', '已批准'], ['REJECTED', '已驳回'], ['ALL', '全部']].map(([s, label]) =>
      h('button.tab' + (s === status ? '.active' : ''), { type: 'button', dataset: { status: s }, onclick: () => ctx.go('grants', { status: s }) }, label)));
    mount(
      h('div.page-head', h('h1', '授权审批'), h('p.hint', '授予党委、纪检监察、组织部角色须由提出人以外的人批准：党委角色由党委批准，纪检监察角色由党委或纪检监察批准，组织部角色由党委或另一位组织部人员批准。')),
      card(null, tabs, table([
        { key: 'displayName', label: '用户', render: (g) => (g.displayName || g.username) },
        { key: 'department', label: '部门', render: (g) => departments[g.department] || g.department || '—' },
        { key: 'roles', label: '申请授予', render: (g) => roleText(g.roles) },
        { key: 'proposedBy', label: '提出人', render: (g) => h('span', g.proposedByName || g.proposedBy, h('br'), h('small.muted', dateTime(g.proposedAt))) },
        { key: 'status', label: '状态', className: 'nowrap', render: (g) => h('span.badge.grant-' + g.status.toLowerCase(), GRANT_STATUS[g.status] || g.status) },
        { key: 'decidedBy', label: '处理', render: (g) => (g.decidedBy ? h('span', (g.decidedByName || g.decidedBy) + ' ' + dateTime(g.decidedAt), g.reason ? h('br') : null, g.reason ? '理由：' + g.reason : null) : '—') },
        { key: 'actions', label: '操作', className: 'nowrap', sortable: false, render: (g) => (g.status !== 'PENDING' ? '—' : h('span.row-actions',
          g.mayApprove ? h('button.small', { type: 'button', dataset: { approve: g.grantId }, onclick: () => decide(ctx, g, true) }, '批准') : null,
          h('button.small.secondary', { type: 'button', dataset: { reject: g.grantId }, onclick: () => decide(ctx, g, false) },
            g.proposedBy === ctx.user.sub ? '撤回' : '驳回'),
          g.mayApprove ? null : h('small.muted', ' 您不能批准此项'))) },
      ], list, { id: 'grants-table', rowData: (g) => ({ grant: g.grantId }), empty: status === 'PENDING' ? '没有待批准的授权' : '没有记录' })),
    );
  },
};

async function decide(ctx, g, approve) {
  const who = g.displayName || g.username;
  let reason = null;
  if (approve) {
    if (!window.confirm('批准授予“' + who + '”' + roleText(g.roles) + '角色吗？批准后立即生效。')) return;
  } else {
    reason = window.prompt((g.proposedBy === ctx.user.sub ? '撤回' : '驳回') + '授予“' + who + '”' + roleText(g.roles) + '角色的申请，理由（可不填）：', '');
    if (reason === null) return;
  }
  const done = await attempt(() => api.post('/api/directory/grants/' + encodeURIComponent(g.grantId) + (approve ? '/approve' : '/reject'),
    approve ? {} : { reason: reason.trim() || null }));
  if (done) {
    await ctx.refresh();
    say((approve ? '已批准：' : '已驳回：') + who + ' ' + roleText(g.roles), 'ok');
  }
}
