// The gateway's API: tokens in sessionStorage, one refresh on 401, errors {code, message} turned into
// ApiError with a message in plain Chinese.

const ACCESS = 'zhenggai.accessToken';
const REFRESH = 'zhenggai.refreshToken';

/** Chinese wording for codes whose server message is missing or not Chinese. */
const MESSAGES = {
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员',
  LOCKED: '登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  INVALID_REFRESH_TOKEN: '登录已过期，请重新登录',
  FORBIDDEN_DEPARTMENT: '无权查看或操作其他部门的数据',
  FORBIDDEN_ROLE: '您的角色无权进行此操作',
  FORBIDDEN: '您无权进行此操作',
  VALIDATION_FAILED: '填写的内容不完整或格式有误',
  MALFORMED_REQUEST: '请求格式有误',
  SEPARATION_OF_DUTIES: '完成人不能验收自己完成的事项',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  TOKEN_REVOKED: '登录状态已失效（账号已停用、调整部门、锁定或角色变更），请重新登录',
  CANNOT_CHANGE_OWN_ROLES: '不能修改自己的角色，须由其他管理员办理',
  SAME_PERSON: '不能批准自己提出的授权，须由另一人批准',
  APPROVER_NOT_ENTITLED: '您无权批准该授权',
  NETWORK: '无法连接服务器，请检查网络后重试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
};

const STATUS_MESSAGES = {
  400: '填写的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '您无权查看或进行此操作',
  404: '要找的内容不存在或功能尚未开放',
  409: '当前状态不允许此操作，请刷新后重试',
  413: '文件过大',
  415: '不支持的文件类型',
  423: '账号已暂时锁定，请稍后再试',
  429: '操作过于频繁，请稍后再试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
};

const CHINESE = /[\u4e00-\u9fff]/;

export class ApiError extends Error {
  /** fields: what a refused body names, [{field, message}] (the server's VALIDATION_FAILED answer), else []. */
  constructor(status, code, message, fields = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function chineseMessage(status, code, serverMessage) {
  if (serverMessage && CHINESE.test(serverMessage)) return serverMessage;
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
  return '服务暂时不可用（' + status + '），请稍后再试';
}

let onSignedOut = () => {};
/** Called when the session ends (refresh refused): the app shows the login page. */
export function whenSignedOut(callback) { onSignedOut = callback; }

export function accessToken() { return sessionStorage.getItem(ACCESS); }

export function saveTokens(tokens) {
  sessionStorage.setItem(ACCESS, tokens.accessToken);
  if (tokens.refreshToken) sessionStorage.setItem(REFRESH, tokens.refreshToken);
}

export function clearTokens() {
  sessionStorage.removeItem(ACCESS);
  sessionStorage.removeItem(REFRESH);
}

/** The claims of the access token (not verified here: the services verify it), or null. */
export function claims() {
  const token = accessToken();
  if (!token) return null;
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return null;
  }
}

async function send(path, options, token) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  const init = { method: options.method || 'GET', headers };
  if (options.json !== undefined) init.body = JSON.stringify(options.json);
  else if (options.body !== undefined) init.body = options.body;
  try {
    return await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'NETWORK', MESSAGES.NETWORK);
  }
}

let refreshing = null;

async function refresh() {
  const refreshToken = sessionStorage.getItem(REFRESH);
  if (!refreshToken) return false;
  if (!refreshing) {
    refreshing = (async () => {
      const response = await send('/api/auth/refresh', { method: 'POST', json: { refreshToken } });
      if (!response.ok) return false;
      saveTokens(await response.json());
      return true;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function errorOf(response) {
  let body = null;
  try {
    if ((response.headers.get('Content-Type') || '').includes('json')) body = await response.json();
  } catch (e) { /* not JSON */ }
  const code = body && body.code;
  const fields = body && Array.isArray(body.fields)
    ? body.fields.filter((f) => f && typeof f.field === 'string').map((f) => ({ field: f.field, message: f.message || '' })) : [];
  return new ApiError(response.status, code, chineseMessage(response.status, code, body && body.message), fields);
}

/** A raw response (for downloads); refreshes the access token once on 401. */
export async function request(path, options = {}) {
  let response = await send(path, options, accessToken());
  if (response.status === 401 && !options.anonymous && await refresh()) {
    response = await send(path, options, accessToken());
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !options.anonymous) {
      clearTokens();
      onSignedOut(error);
    }
    throw error;
  }
  return response;
}

/** JSON in, JSON out. */
export async function api(path, options = {}) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

export const get = (path) => api(path);
export const post = (path, json) => api(path, { method: 'POST', json: json === undefined ? {} : json });
export const del = (path) => api(path, { method: 'DELETE' });

/** Uploads one file: multipart part "file" plus extra form fields. */
export function upload(path, file, fields = {}) {
  const form = new FormData();
  form.append('file', file, file.name);
  Object.entries(fields).forEach(([k, v]) => { if (v !== undefined && v !== null) form.append(k, v); });
  return api(path, { method: 'POST', body: form });
}

/** Downloads a file the browser cannot fetch by a plain link (it needs the token). */
export async function download(path, fileName) {
  const response = await request(path, { headers: { Accept: '*/*' } });
  saveBlob(await response.blob(), fileName);
}

/**
 * Opens a file in a new tab (it needs the token, so it goes by a blob: URL): asks the server for
 * ?disposition=inline; what the server still answers as an attachment is saved under fileName instead.
 * Call it straight from the click: the tab is opened before anything is awaited, so popup blockers let it be.
 */
export async function openInline(path, fileName) {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.opener = null;
    try { tab.document.title = '正在打开…'; tab.document.body.textContent = '正在打开 ' + fileName + ' …'; } catch (e) { /* not ours to write */ }
  }
  try {
    const response = await request(path + (path.includes('?') ? '&' : '?') + 'disposition=inline', { headers: { Accept: '*/*' } });
    const blob = await response.blob();
    if (!/^inline/i.test(response.headers.get('Content-Disposition') || '') || !tab) {
      if (tab) tab.close();
      saveBlob(blob, fileName);
      return;
    }
    const url = URL.createObjectURL(blob);
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    if (tab) tab.close();
    throw e;
  }
}

function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function login(username, password) {
  const tokens = await api('/api/auth/login', { method: 'POST', json: { username, password }, anonymous: true });
  saveTokens(tokens);
  return claims();
}

export async function logout() {
  const refreshToken = sessionStorage.getItem(REFRESH);
  try {
    if (refreshToken) await api('/api/auth/logout', { method: 'POST', json: { refreshToken }, anonymous: true });
  } catch (e) {
    /* the session ends here whatever the server says */
  } finally {
    clearTokens();
  }
}

/**
 * User name → display name for the given user names (rectification's copy of the directory); names it does not
 * know (labels typed for someone without an account) are left out, so show those as they are.
 */
export async function displayNames(usernames) {
  const asked = [...new Set((usernames || []).filter((u) => typeof u === 'string' && u.trim()).map((u) => u.trim()))];
  if (!asked.length) return {};
  try {
    const pages = [];
    for (let i = 0; i < asked.length; i += 100) pages.push(asked.slice(i, i + 100)); // the service answers 100 at a time
    const bodies = await Promise.all(pages.map((page) => get('/api/rectification/users?' + page.map((u) => 'username=' + encodeURIComponent(u)).join('&'))));
    return Object.fromEntries(bodies.flatMap((body) => (body.users || []).map((u) => [u.username, u.displayName])));
  } catch (e) {
    return {};
  }
}

let departmentNames = null;
/** Department code → Chinese name (cached for the page's life); codes stay as they are when unknown. */
export function departmentNamesOnce() {
  if (!departmentNames) {
    departmentNames = get('/api/rectification/departments')
      .then((body) => Object.fromEntries((body.departments || []).map((d) => [d.code, d.name])))
      .catch(() => { departmentNames = null; return {}; });
  }
  return departmentNames;
}

