// One way to say what a view shows when it shows no data: loading, empty, not found, or the server
// out of reach — with the actions that get the reader out of it (retry, back to the overview).

import { h, clear, fill } from './dom.js';

/**
 * kind: 'empty' | 'notfound' | 'error'. actions: [{label, onClick}]. The box is a status region:
 * a screen reader hears the change.
 */
export function showState(box, { kind, title, detail, actions = [] }) {
  box.hidden = false;
  box.dataset.kind = kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  fill(box, 
    h('p', { class: 'state-title' }, title),
    detail ? h('p', { class: 'state-detail' }, detail) : null,
    actions.length ? h('p', { class: 'state-actions' }, actions.map((a) => h('button', { type: 'button', class: `btn btn-small${a.primary ? ' btn-primary' : ''}`, onclick: a.onClick }, a.label))) : null,
  );
}

export function hideState(box) {
  box.hidden = true;
  delete box.dataset.kind;
  clear(box);
}

/** An API failure as a state: the server's outage (retry) apart from a request it refused. */
export function errorState(error, retry) {
  const outage = !error.status || error.status >= 500;
  return {
    kind: 'error',
    title: outage ? '服务暂时不可用' : `请求失败：${error.title}`,
    detail: [error.detail, error.code ? `（${error.code}${error.status ? ` · HTTP ${error.status}` : ''}）` : ''].join(''),
    actions: retry ? [{ label: '重试', onClick: retry, primary: true }] : [],
  };
}
