// Turns evidence (docId, passageId, document offsets, rule) into something a reader can check: the
// document's title and, where the passage text is known, the quoted sentence with the span marked.
// Passage texts come from /api/passages (by id); passages seen in search results are remembered too.
// Every quote links to the reader, which opens the document scrolled to the quoted span.

import { getJson, ApiError } from './api-client.js';
import { listDocuments } from './document-list.js';
import { h, highlighted } from './dom.js';
import { readerHref } from './url-state.js';

const passages = new Map();
const docTitles = new Map();
let passagesAvailable = true;
let documentsLoaded = null;

/** Remembers the passages of a search response (and their documents' titles). */
export function rememberSearchResults(response) {
  for (const r of response?.results ?? []) {
    passages.set(r.passage.id, r.passage);
    if (r.docTitle) docTitles.set(r.passage.docId, r.docTitle);
  }
}

export function rememberDocTitle(docId, title) {
  if (docId && title) docTitles.set(docId, title);
}

export function loadDocumentTitles() {
  documentsLoaded ??= listDocuments()
    .then((items) => {
      for (const d of items) docTitles.set(d.id, d.title);
    })
    .catch(() => {
      documentsLoaded = null;
    });
  return documentsLoaded;
}

export function docTitle(docId) {
  return docTitles.get(docId);
}

/**
 * Makes sure the passages of `evidence` are known, fetching the missing ones by id. Never throws:
 * evidence without text is still shown by id and offsets.
 */
export async function resolvePassages(evidence) {
  await loadDocumentTitles();
  const missing = [...new Set(evidence.map((ev) => ev.passageId).filter((id) => !passages.has(id)))].slice(0, 50);
  if (!missing.length || !passagesAvailable) return;
  try {
    const page = await getJson('/api/passages', { ids: missing.join(',') });
    for (const item of page.items ?? []) {
      passages.set(item.passage.id, item.passage);
      docTitles.set(item.passage.docId, item.docTitle);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) passagesAvailable = false;
  }
}

/** The part of the passage around the evidence span, the span marked. */
function excerpt(passage, ev, context = 70) {
  const start = Math.max(0, ev.start - passage.start);
  const end = Math.min(passage.text.length, Math.max(start, ev.end - passage.start));
  const from = Math.max(0, start - context);
  const to = Math.min(passage.text.length, end + context);
  const text = passage.text.slice(from, to);
  return [from > 0 ? '…' : '', highlighted(text, [{ start: start - from, end: end - from }]), to < passage.text.length ? '…' : ''];
}

/** The link that opens the quoted span in its document. */
export function readerLink(docId, start, end, label = '在原文中查看') {
  return h('a', { class: 'reader-link', href: readerHref(docId, start, end) }, label);
}

/** One evidence item: the quote when known, always its document, passage, offsets and rule. */
export function evidenceItem(ev) {
  const passage = passages.get(ev.passageId);
  const inside = passage && ev.start >= passage.start && ev.end <= passage.end;
  const title = docTitles.get(ev.docId);
  return h(
    'li',
    { class: 'evidence', dataset: { passageId: ev.passageId } },
    inside ? h('blockquote', { class: 'quote' }, excerpt(passage, ev)) : null,
    h(
      'p',
      { class: 'source-line' },
      title ? h('cite', {}, `《${title}》`) : h('span', { class: 'mono' }, ev.docId),
      passage?.heading ? h('span', {}, passage.heading) : null,
      h('span', { class: 'mono', title: '段落 ID' }, ev.passageId),
      h('span', { class: 'mono', title: '文档中的字符位置' }, `[${ev.start}, ${ev.end})`),
      ev.rule ? h('span', { class: 'rule', title: '产生此事实的规则' }, ev.rule) : null,
      readerLink(ev.docId, ev.start, ev.end),
    ),
  );
}

/** A citation from /api/ask: the quote and its document. */
export function citationItem(c) {
  rememberDocTitle(c.docId, c.docTitle);
  return h(
    'li',
    { class: 'evidence citation' },
    h('blockquote', { class: 'quote' }, c.quote),
    h(
      'p',
      { class: 'source-line' },
      h('cite', {}, `《${c.docTitle || c.docId}》`),
      h('span', { class: 'mono', title: '段落 ID' }, c.passageId),
      h('span', { class: 'mono', title: '文档中的字符位置' }, `[${c.start}, ${c.end})`),
      readerLink(c.docId, c.start, c.end),
    ),
  );
}
