// The reader: a document as its passages under their headings, opened at a span (document offsets,
// as in every evidence and citation) that is marked and scrolled into view.

import { getJson, ApiError } from './api-client.js';
import { h, highlighted, fill } from './dom.js';
import { errorState, showState } from './state-box.js';

/** 'start-end' → {start, end}, or null. */
function parseSpan(span) {
  const m = /^(\d+)-(\d+)$/.exec(span ?? '');
  return m && Number(m[2]) > Number(m[1]) ? { start: Number(m[1]), end: Number(m[2]) } : null;
}

const FACTS = [
  ['region', '地区'],
  ['issuer', '发布机关'],
  ['publishedAt', '日期'],
  ['genre', '类型'],
  ['period', '规划期'],
];

export function createDocumentReader(container) {
  const cache = new Map();
  let shownKey = null;
  let token = 0;

  function renderDocument({ document: doc, passages }, span) {
    const facts = FACTS.filter(([key]) => doc[key]).map(([key, label]) => h('span', {}, `${label}：${doc[key]}`));
    let lastHeading = '';
    const body = passages.map((p) => {
      const local = span && span.start < p.end && span.end > p.start ? [{ start: span.start - p.start, end: span.end - p.start }] : [];
      const heading = p.heading && p.heading !== lastHeading ? h('h4', { class: 'reader-heading' }, p.heading.split(' / ').pop()) : null;
      lastHeading = p.heading;
      return [heading, h('p', { class: `reader-passage${local.length ? ' has-mark' : ''}`, id: `passage-${p.ordinal}`, dataset: { passageId: p.id, start: p.start, end: p.end } }, highlighted(p.text, local))];
    });
    fill(container, 
      h('header', { class: 'reader-header' }, h('h3', { id: 'reader-title' }, doc.title), h('p', { class: 'entity-meta' }, facts, h('span', {}, `${doc.chars} 字`), h('span', { class: 'mono' }, doc.id))),
      span ? h('p', { class: 'reader-span-note', role: 'status' }, `已标出字符 [${span.start}, ${span.end}) 处的原文。`) : null,
      h('div', { class: 'reader-body' }, body),
    );
    const mark = container.querySelector('mark');
    if (mark) {
      mark.id = 'reader-mark';
      mark.tabIndex = -1;
      mark.scrollIntoView({ block: 'center' });
      mark.focus({ preventScroll: true });
    } else container.scrollTop = 0;
  }

  /** Opens `docId` at `spanText` ('start-end'); nothing open shows the placeholder. */
  async function show(docId, spanText) {
    const key = `${docId}|${spanText}`;
    if (key === shownKey) return;
    shownKey = key;
    const mine = ++token;
    if (!docId) {
      fill(container, h('p', { class: 'placeholder' }, '选择一篇文档阅读；引用、检索结果和目标的“原文”链接会在这里打开文档并标出所引的句子。'));
      return;
    }
    container.setAttribute('aria-busy', 'true');
    try {
      if (!cache.has(docId)) cache.set(docId, await getJson(`/api/documents/${encodeURIComponent(docId)}/passages`));
      if (mine === token) renderDocument(cache.get(docId), parseSpan(spanText));
    } catch (error) {
      if (mine !== token) return;
      const box = h('div', { class: 'state-box inline' });
      fill(container, box);
      if (error instanceof ApiError && error.status === 404) showState(box, { kind: 'notfound', title: `找不到文档「${docId}」`, detail: '它可能已被删除，或链接有误。' });
      else
        showState(box, errorState(error, () => {
          shownKey = null;
          show(docId, spanText);
        }));
    } finally {
      if (mine === token) container.removeAttribute('aria-busy');
    }
  }

  return { show };
}
