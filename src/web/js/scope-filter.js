// The scope bar: a region and a document that narrow the graph, the targets, search and ask. Its
// options come from the documents' metadata (region facts arrive with extraction; a document
// without one is listed under its title only).

import { h, fill } from './dom.js';
import { listDocuments } from './document-list.js';
import { getState, setState } from './url-state.js';

export function createScopeFilter({ form, region, doc, clearButton, note }) {
  let documents = [];

  function fillDocuments(selectedRegion) {
    const shown = selectedRegion ? documents.filter((d) => d.region === selectedRegion) : documents;
    fill(doc, h('option', { value: '' }, selectedRegion ? `${selectedRegion}的全部文档` : '全部文档'), shown.map((d) => h('option', { value: d.id }, d.title)));
  }

  function reflect(state) {
    region.value = [...region.options].some((o) => o.value === state.region) ? state.region : '';
    fillDocuments(region.value);
    doc.value = [...doc.options].some((o) => o.value === state.doc) ? state.doc : '';
    const parts = [state.region ? `地区：${state.region}` : null, state.doc ? `文档：${documents.find((d) => d.id === state.doc)?.title ?? state.doc}` : null].filter(Boolean);
    note.textContent = parts.length ? `已限定 ${parts.join('，')}` : '';
    clearButton.hidden = !parts.length;
  }

  listDocuments().then((items) => {
    documents = items;
    const regions = [...new Set(items.map((d) => d.region).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    fill(region, h('option', { value: '' }, regions.length ? '全部地区' : '全部地区（文档尚无地区信息）'), regions.map((r) => h('option', { value: r }, r)));
    // A shared address may name a region no document has (yet): keep it visible rather than drop it.
    const wanted = getState().region;
    if (wanted && !regions.includes(wanted)) region.append(h('option', { value: wanted }, `${wanted}（无文档）`));
    reflect(getState());
  }).catch(() => reflect(getState())); // the views report the outage themselves

  region.addEventListener('change', () => setState({ region: region.value, doc: '' }));
  doc.addEventListener('change', () => setState({ doc: doc.value }));
  clearButton.addEventListener('click', () => setState({ region: '', doc: '' }));
  form.addEventListener('submit', (event) => event.preventDefault());

  return { reflect };
}

/** The API parameters of the current scope. */
export function scopeParams(state = getState()) {
  return { region: state.region || undefined, docs: state.doc || undefined };
}
