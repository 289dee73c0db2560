// The documents view: every document with the facts read from it (region, issuer, date, genre, plan
// period — blank until extraction states them), a CSV of the list, and the reader beside it.

import { toCsv } from './csv.js';
import { h, clear, fill } from './dom.js';
import { listDocuments } from './document-list.js';
import { createDocumentReader } from './document-reader.js';
import { downloadFile, exportName } from './download-file.js';
import { errorState, hideState, showState } from './state-box.js';
import { hrefOf } from './url-state.js';

const $ = (id) => document.getElementById(id);

const COLUMNS = [
  { label: '标题', value: (d) => d.title },
  { label: '地区', value: (d) => d.region ?? '' },
  { label: '发布机关', value: (d) => d.issuer ?? '' },
  { label: '日期', value: (d) => d.publishedAt ?? '' },
  { label: '类型', value: (d) => d.genre ?? '' },
  { label: '规划期', value: (d) => d.period ?? '' },
  { label: '字数', value: (d) => d.chars },
];

export function createDocumentsView() {
  const body = $('documents-table').tBodies[0];
  const stateBox = $('documents-state');
  const reader = createDocumentReader($('reader'));
  let documents = [];

  function renderList(s) {
    const visible = s.region ? documents.filter((d) => d.region === s.region) : documents;
    fill(body, 
      visible.map((d) =>
        h(
          'tr',
          { class: d.id === s.read ? 'current' : '', dataset: { docId: d.id } },
          h('td', {}, h('a', { href: hrefOf({ ...s, read: d.id, span: '' }), 'aria-current': d.id === s.read ? 'true' : null }, d.title)),
          COLUMNS.slice(1).map((c) => h('td', { class: c.label === '字数' ? 'num' : '' }, String(c.value(d) || '—'))),
        ),
      ),
    );
    if (!documents.length) showState(stateBox, { kind: 'empty', title: '还没有文档', detail: '用 POST /api/documents 或 policygraph ingest 导入文档。' });
    else if (!visible.length) showState(stateBox, { kind: 'empty', title: `没有地区为「${s.region}」的文档` });
    else hideState(stateBox);
  }

  async function update(s) {
    try {
      documents = await listDocuments();
      renderList(s);
    } catch (error) {
      clear(body);
      showState(stateBox, errorState(error, () => listDocuments({ refresh: true }).then(() => update(s), () => update(s))));
    }
    reader.show(s.read, s.span);
  }

  $('documents-csv').addEventListener('click', () => downloadFile(toCsv([...COLUMNS, { label: 'ID', value: (d) => d.id }, { label: '来源', value: (d) => d.source }], documents), exportName('documents', 'csv')));

  return { update };
}
