'use strict';
// Start page of the web UI: login, draft a report, identify a problem, watch it arrive downstream.
const state = { token: sessionStorage.getItem('accessToken'), user: null };
const $ = (id) => document.getElementById(id);

function say(text) { $('message').textContent = text || ''; }

async function api(path, options = {}) {
  const headers = Object.assign({ 'Content-Type': 'application/json' }, options.headers || {});
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401) logout();
    throw new Error((body && body.message) || ('请求失败（' + response.status + '）'));
  }
  return body;
}

function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part))));
}

function show() {
  const loggedIn = Boolean(state.token);
  $('login-panel').hidden = loggedIn;
  $('work-panel').hidden = !loggedIn;
  $('who').hidden = !loggedIn;
  if (loggedIn) {
    state.user = claims(state.token);
    $('who-name').textContent = (state.user.name || state.user.sub) + '（' + state.user.dept + '）';
    $('audit-card').hidden = !(state.user.roles || []).some((r) => r === 'DISCIPLINE' || r === 'PARTY_COMMITTEE');
    $('import-card').hidden = !(state.user.roles || []).some((r) => ['CADRE', 'DEPT_LIAISON', 'DEPT_HEAD'].includes(r));
    refreshProblems();
  }
}

function logout() { state.token = null; sessionStorage.removeItem('accessToken'); show(); }

function cell(row, text) { const td = document.createElement('td'); td.textContent = text ?? ''; row.appendChild(td); }

async function refreshProblems() {
  try {
    const data = await api('/api/rectification/problems');
    const body = $('problems'); body.replaceChildren();
    data.problems.forEach((p) => { const tr = document.createElement('tr');
      [p.department, p.theme, p.ordinal, p.statement, p.example].forEach((v) => cell(tr, v)); body.appendChild(tr); });
  } catch (e) { say(e.message); }
}

async function refreshAudit() {
  try {
    const data = await api('/api/audit/log?limit=100');
    const body = $('audit'); body.replaceChildren();
    data.entries.forEach((e) => { const tr = document.createElement('tr');
      [new Date(e.timestamp).toLocaleString('zh-CN'), e.type, e.aggregateId, e.actor, e.department].forEach((v) => cell(tr, v));
      body.appendChild(tr); });
  } catch (e) { say(e.message); }
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault(); say('');
  try {
    const tokens = await api('/api/auth/login', { method: 'POST',
      body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
    state.token = tokens.accessToken; sessionStorage.setItem('accessToken', state.token); show();
  } catch (e) { say(e.message); }
});

$('draft-form').addEventListener('submit', async (event) => {
  event.preventDefault(); say('');
  try {
    const year = $('draft-year').value ? Number($('draft-year').value) : null;
    const created = await api('/api/reports', { method: 'POST', body: JSON.stringify({ title: $('draft-title').value, year }) });
    $('problem-report').value = created.reportId; say('已新建报告 ' + created.reportId);
  } catch (e) { say(e.message); }
});

$('problem-form').addEventListener('submit', async (event) => {
  event.preventDefault(); say('');
  try {
    await api('/api/reports/' + encodeURIComponent($('problem-report').value) + '/problems', { method: 'POST',
      body: JSON.stringify({ theme: $('problem-theme').value, ordinal: Number($('problem-ordinal').value),
        statement: $('problem-statement').value, example: $('problem-example').value || null }) });
    say('问题已记录，正在同步到整改台账…'); setTimeout(refreshProblems, 800);
  } catch (e) { say(e.message); }
});

// Outline import: preview (creates nothing), then confirm to create the draft report.
async function upload(path) {
  const file = $('import-file').files[0];
  if (!file) throw new Error('请选择文件');
  return api(path + '?fileName=' + encodeURIComponent(file.name),
    { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
}

function showPreview(data) {
  const box = $('import-preview'); box.replaceChildren();
  const o = data.outline, c = data.counts;
  const summary = document.createElement('p');
  summary.textContent = (o.title || '（无标题）') + '，' + (o.year || '年度未知') + '年度；落实情况' + c.carryOver + '组，问题'
    + c.problems + '个，未发现问题的方面' + c.cleanAreas + '个，根源' + c.rootCauses + '条，整改措施' + c.measures + '项'
    + (c.personalMatters ? '，含个人有关事项（将加密保存）' : '') + '。';
  box.appendChild(summary);
  if (data.warnings.length) {
    const list = document.createElement('ul');
    data.warnings.forEach((w) => { const li = document.createElement('li'); li.textContent = '提示：' + w; list.appendChild(li); });
    box.appendChild(list);
  }
}

$('import-form').addEventListener('submit', async (event) => {
  event.preventDefault(); say(''); $('import-confirm').disabled = true;
  try { showPreview(await upload('/api/outlines/preview')); $('import-confirm').disabled = false; }
  catch (e) { $('import-preview').replaceChildren(); say(e.message); }
});

$('import-confirm').addEventListener('click', async () => {
  say(''); $('import-confirm').disabled = true;
  try {
    const created = await upload('/api/outlines/import');
    $('problem-report').value = created.reportId;
    say('已导入为草稿报告 ' + created.reportId + '（问题' + created.counts.problems + '个），正在同步到整改台账…');
    setTimeout(refreshProblems, 1500);
  } catch (e) { say(e.message); }
});

$('refresh-problems').addEventListener('click', refreshProblems);
$('refresh-audit').addEventListener('click', refreshAudit);
$('logout').addEventListener('click', logout);
show();
