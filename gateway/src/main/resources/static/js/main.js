// The web UI: a hash router over a few screens, the menu by role, the notifications indicator.
import * as api from './api.js';
import { $, h, mount, say } from './dom.js';
import { roles, hasAny, DEPARTMENT_ROLES } from './roles.js';
import * as login from './views/login.js';
import * as ledger from './views/ledger.js';
import * as overview from './views/overview.js';
import * as reports from './views/reports.js';
import * as item from './views/item.js';
import * as audit from './views/audit.js';

/** Menu entries: route, label (maybe by role), who sees it. */
const MENU = [
  { route: 'ledger', label: '部门台账', who: [...DEPARTMENT_ROLES, 'PARTY_COMMITTEE'] },
  { route: 'overview', label: '整改总览', who: ['PARTY_COMMITTEE', 'ORG_DEPT', 'DISCIPLINE'] },
  { route: 'reports', label: (user) => (hasAny(user, ['ORG_DEPT']) ? '报告审核' : '发言提纲'),
    who: [...DEPARTMENT_ROLES, 'ORG_DEPT'] },
  { route: 'audit', label: '审计回放', who: ['DISCIPLINE', 'PARTY_COMMITTEE'] },
];

const VIEWS = { login, ledger, overview, reports, report: reports, item, audit };

function home(user) {
  if (hasAny(user, DEPARTMENT_ROLES)) return 'ledger';
  if (hasAny(user, ['PARTY_COMMITTEE'])) return 'overview';
  if (hasAny(user, ['ORG_DEPT'])) return 'reports';
  if (hasAny(user, ['DISCIPLINE'])) return 'audit';
  return 'ledger';
}

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  return { route: path || '', params: new URLSearchParams(query || '') };
}

export function go(route, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  location.hash = '#/' + route + (query ? '?' + query : '');
}

function renderChrome(user) {
  const nav = $('nav');
  const { route } = parseHash();
  nav.replaceChildren(...(user ? MENU.filter((m) => hasAny(user, m.who)).map((m) => h('a', {
    href: '#/' + m.route, dataset: { nav: m.route },
    class: route === m.route || (m.route === 'reports' && route === 'report') ? 'active' : null,
  }, typeof m.label === 'function' ? m.label(user) : m.label)) : []));
  $('who').hidden = !user;
  if (user) {
    const who = (dept) => (user.name || user.sub) + (dept ? '（' + dept + '）' : '');
    $('who-name').textContent = who(null);
    // the department by its name, not its code, once the names are known
    if (user.dept) {
      api.departmentNamesOnce().then((names) => {
        const now = api.claims();
        if (now && now.sub === user.sub) $('who-name').textContent = who(names[user.dept] || user.dept);
      });
    }
    $('who-name').title = '角色：' + roles(user).join('、');
  }
}

let generation = 0;

async function route(options) {
  const mine = ++generation;
  const user = api.claims();
  const { route: name, params } = parseHash();
  if (!(options && options.keepMessage === true)) say('');
  if (!user && name !== 'login') {
    go('login');
    return;
  }
  if (user && (name === '' || name === 'login')) {
    go(home(user));
    return;
  }
  renderChrome(user);
  const view = VIEWS[name];
  if (!view) {
    mount(h('section.card', h('h2', '页面不存在'), h('p', '没有这个页面。'), h('a', { href: '#/' }, '返回首页')));
    return;
  }
  const ctx = { user, params, route: name, stale: () => mine !== generation, go, refresh: () => route({ keepMessage: true }) };
  try {
    await view.render(ctx);
  } catch (e) {
    if (mine === generation) say(e.message || '页面加载失败');
  }
}

// Notifications: a count in the header, a list on click; missing endpoint hides the indicator.
let noticeTimer = null;

async function loadNotices() {
  if (!api.claims()) return;
  try {
    const body = await api.get('/api/notifications');
    const list = (body && (body.notifications || body.items || body)) || [];
    const items = Array.isArray(list) ? list : [];
    const unread = items.filter((n) => !n.read && !n.readAt);
    const count = body && typeof body.unread === 'number' ? body.unread : unread.length;
    $('bell').hidden = false;
    $('bell-count').hidden = count === 0;
    $('bell-count').textContent = String(count);
    $('notices').replaceChildren(...(items.length ? items.slice(0, 20).map((n) => h('div.notice' + (n.read || n.readAt ? '' : '.unread'), {
      dataset: { id: n.id || n.notificationId || '' },
      onclick: () => openNotice(n),
    }, h('strong', n.subject || n.title || '通知'), h('span', n.message || n.text || ''),
      h('small', n.createdAt ? new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false }) : ''))) : [h('p.muted', '暂无通知')]));
  } catch (e) {
    if (e.status === 404) $('bell').hidden = true;
  }
}

async function openNotice(n) {
  const id = n.id || n.notificationId;
  $('notices').hidden = true;
  if (id && !(n.read || n.readAt)) {
    try { await api.post('/api/notifications/' + encodeURIComponent(id) + '/read'); } catch (e) { /* shown as unread again */ }
  }
  if (n.measureId) go('item', { id: n.measureId });
  loadNotices();
}

function startNotices() {
  clearInterval(noticeTimer);
  loadNotices();
  noticeTimer = setInterval(loadNotices, 60000);
}

api.whenSignedOut(() => {
  clearInterval(noticeTimer);
  go('login');
  setTimeout(() => say('登录已过期，请重新登录'), 0);
});

document.addEventListener('zhenggai:signed-in', startNotices);

$('logout').addEventListener('click', async () => {
  clearInterval(noticeTimer);
  await api.logout();
  renderChrome(null);
  go('login');
  say('您已安全退出', 'ok');
});

// The API documentation (ADR 0106): a browser navigation sends no token, so the UI first asks for the docs ticket
// cookie with it, then opens Swagger UI in a new tab (which gets a copy of this tab's sessionStorage: the token the
// page sends with every request). The tab is opened before the request, while the click still allows a popup.
$('api-docs').addEventListener('click', async (e) => {
  e.preventDefault();
  const tab = window.open('about:blank', '_blank');
  try {
    await api.post('/api/docs/ticket');
    if (tab) tab.location.href = '/api/docs/ui';
    else location.href = '/api/docs/ui';
  } catch (err) {
    if (tab) tab.close();
    say(err.message || '接口文档暂时无法打开，请稍后重试');
  }
});

$('bell').addEventListener('click', (e) => {
  e.stopPropagation();
  $('notices').hidden = !$('notices').hidden;
});
document.addEventListener('click', (e) => {
  if (!$('notices').contains(e.target)) $('notices').hidden = true;
});

window.addEventListener('hashchange', () => route());
if (api.claims()) startNotices();
route();
