// Login: errors in plain Chinese (wrong password, locked account, too many attempts).
import * as api from '../api.js';
import { h, mount, card, field } from '../dom.js';

export async function render(ctx) {
  const error = h('p.error#login-error', { role: 'alert', hidden: true });
  const username = h('input#username', { name: 'username', autocomplete: 'username', required: true, maxlength: 64 });
  const password = h('input#password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 128 });
  const button = h('button#login-button', { type: 'submit' }, '登录');
  const form = h('form#login-form', {
    onsubmit: async (event) => {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      button.textContent = '正在登录…';
      try {
        await api.login(username.value.trim(), password.value);
        document.dispatchEvent(new CustomEvent('zhenggai:signed-in'));
        ctx.go('');
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        password.value = '';
        password.focus();
      } finally {
        button.disabled = false;
        button.textContent = '登录';
      }
    },
  }, field('用户名', username), field('密码', password), button);
  mount(h('div.login',
    card('用户登录', form, error,
      h('p.hint', '演示账号（密码均为 demo）：demo-dept 行政审批局联络员、demo-party 党委、demo-org 组织部、demo-audit 纪检监察。')),
    h('aside.login-side',
      h('h2', '民主生活会查摆问题整改落实'),
      h('ul',
        h('li', '发言提纲起草、导入与组织部审核'),
        h('li', '整改台账：三色预警、到期提醒、逾期督办'),
        h('li', '党委总览：各部门完成率与逾期排名'),
        h('li', '审计回放：任意日期的台账原貌，防篡改校验')))));
  username.focus();
}
