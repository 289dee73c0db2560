// The message area: non-blocking notices stacked in a corner. Errors show the problem+json title,
// detail and code; each notice can be closed and disappears by itself after a while.

import { h } from './dom.js';

const MAX_MESSAGES = 4;
const container = () => document.getElementById('messages');

function show(kind, title, detail, meta) {
  const box = container();
  // The name holds the visible × and says what it does.
  const close = h('button', { type: 'button', class: 'message-close' }, '×', h('span', { class: 'visually-hidden' }, '关闭消息'));
  const el = h(
    'div',
    { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('div', { class: 'message-body' }, h('strong', {}, title), detail ? h('p', {}, detail) : null, meta ? h('p', { class: 'message-meta' }, meta) : null),
    close,
  );
  const remove = () => el.remove();
  close.addEventListener('click', remove);
  box.append(el);
  while (box.children.length > MAX_MESSAGES) box.firstElementChild.remove();
  setTimeout(remove, kind === 'error' ? 20_000 : 7_000);
  return el;
}

export function showInfo(title, detail) {
  return show('info', title, detail);
}

/** Shows an ApiError (or any error) with what the server said about it. */
export function showError(error, context) {
  const title = context ? `${context}：${error.title ?? '出错了'}` : (error.title ?? '出错了');
  const fields = (error.errors ?? []).map((f) => `${f.path}: ${f.message}`).join('；');
  const detail = [error.detail ?? error.message, fields].filter(Boolean).join(' — ');
  const meta = [error.code, error.status ? `HTTP ${error.status}` : null, error.requestId ? `请求 ${error.requestId}` : null].filter(Boolean).join(' · ');
  return show('error', title, detail, meta);
}
