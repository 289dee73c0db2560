// The targets view: every quantitative target in the scope (region, document) as a table that can be
// filtered by metric, year and measured entity, sorted by any column and saved as CSV; each row
// links its quote to the reader. Beside it, a chart of one metric across regions or years.

import { getJson } from './api-client.js';
import { toCsv } from './csv.js';
import { h, clear, fill } from './dom.js';
import { listDocuments } from './document-list.js';
import { downloadFile, exportName } from './download-file.js';
import { readerLink } from './evidence-quotes.js';
import { scopeParams } from './scope-filter.js';
import { errorState, hideState, showState } from './state-box.js';
import { renderTargetsChart } from './targets-chart.js';
import { setState } from './url-state.js';
import { formatTargetValue } from './vocabulary.js';

const $ = (id) => document.getElementById(id);
const nameOf = (id) => id.replace(/^[A-Za-z]+:/, '');

/** Where a target applies: the region it measures, else the region of the document stating it. */
export function regionOf(target, docs) {
  const measured = target.measures.find((id) => id.startsWith('Region:'));
  return measured ? nameOf(measured) : (docs.get(target.evidence.docId)?.region ?? '');
}

const COLUMNS = [
  { key: 'metric', label: '指标', value: (t) => t.metric, cell: (t) => h('span', { class: 'metric' }, t.metric) },
  { key: 'value', label: '目标值', value: (t) => t.value, cell: (t) => formatTargetValue(t), numeric: true },
  { key: 'year', label: '年份', value: (t) => t.year ?? 0, cell: (t) => [t.year ? String(t.year) : '', t.period ? h('span', { class: 'muted' }, ` ${t.period}`) : null] },
  { key: 'measures', label: '度量对象', value: (t) => t.measures.map(nameOf).join('、'), cell: (t) => t.measures.map(nameOf).join('、') },
  { key: 'region', label: '地区', value: (t, ctx) => regionOf(t, ctx.docs), cell: (t, ctx) => regionOf(t, ctx.docs) },
  { key: 'doc', label: '文档', value: (t, ctx) => ctx.docs.get(t.evidence.docId)?.title ?? t.evidence.docId, cell: (t, ctx) => ctx.docs.get(t.evidence.docId)?.title ?? t.evidence.docId },
  { key: 'quote', label: '原文', value: (t) => t.quote, cell: (t) => readerLink(t.evidence.docId, t.evidence.start, t.evidence.end, t.quote.length > 60 ? `${t.quote.slice(0, 60)}…` : t.quote), sortable: false },
];

export function createTargetsView() {
  const table = $('targets-table');
  const metricInput = $('tf-metric');
  const yearSelect = $('tf-year');
  const measureSelect = $('tf-measure');
  const stateBox = $('targets-state');
  let rows = [];
  let docs = new Map();
  let loadedScope = null;
  let pending = null;
  let shownRows = [];
  let typing = 0;

  /** Reads the scope's targets once; false when a newer scope superseded this one meanwhile. */
  async function load(s) {
    const key = `${s.region}|${s.doc}`;
    if (key === loadedScope) return true;
    if (pending?.key !== key) {
      const promise = Promise.all([getJson('/api/targets', { limit: 500, ...scopeParams(s) }), listDocuments().catch(() => [])])
        .then(([page, items]) => {
          if (pending?.key !== key) return;
          rows = page.items ?? [];
          docs = new Map(items.map((d) => [d.id, d]));
          loadedScope = key;
          hideState(stateBox);
        })
        .finally(() => {
          if (pending?.key === key) pending = null;
        });
      pending = { key, promise };
    }
    await pending.promise;
    return loadedScope === key;
  }

  function filtered(s) {
    return rows.filter(
      (t) => (!s.metric || t.metric.includes(s.metric)) && (!s.year || String(t.year ?? '') === s.year) && (!s.measure || t.measures.includes(s.measure)),
    );
  }

  function sorted(list, sort) {
    const descending = sort.startsWith('-');
    const column = COLUMNS.find((c) => c.key === sort.replace(/^-/, '')) ?? COLUMNS[2];
    const ctx = { docs };
    const compare = (a, b) => {
      const x = column.value(a, ctx);
      const y = column.value(b, ctx);
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    };
    return [...list].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
  }

  function fillSelect(select, values, current, allLabel) {
    fill(select, h('option', { value: '' }, allLabel), values.map(([value, label]) => h('option', { value }, label)));
    if (current && !values.some(([v]) => v === current)) select.append(h('option', { value: current }, `${current}（无）`));
    select.value = current;
  }

  function renderHead(sort) {
    const active = sort.replace(/^-/, '');
    const descending = sort.startsWith('-');
    fill(table.tHead, 
      h(
        'tr',
        {},
        COLUMNS.map((c) => {
          if (c.sortable === false) return h('th', { scope: 'col' }, c.label);
          const on = c.key === active;
          return h(
            'th',
            { scope: 'col', 'aria-sort': on ? (descending ? 'descending' : 'ascending') : 'none', class: c.numeric ? 'num' : '' },
            h('button', { type: 'button', class: 'sort-button', onclick: () => setState({ sort: on && !descending ? `-${c.key}` : c.key }, { replace: true }) }, c.label, h('span', { 'aria-hidden': 'true' }, on ? (descending ? ' ▼' : ' ▲') : ' ↕')),
          );
        }),
      ),
    );
  }

  function render(s) {
    if (document.activeElement !== metricInput) metricInput.value = s.metric;
    const years = [...new Set(rows.map((t) => t.year).filter(Boolean))].sort((a, b) => a - b).map((y) => [String(y), `${y} 年`]);
    fillSelect(yearSelect, years, s.year, '全部年份');
    const measured = [...new Set(rows.flatMap((t) => t.measures))].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'zh-CN')).map((id) => [id, nameOf(id)]);
    fillSelect(measureSelect, measured, s.measure, '全部实体');
    shownRows = sorted(filtered(s), s.sort);
    renderHead(s.sort);
    const ctx = { docs };
    fill(table.tBodies[0], shownRows.map((t) => h('tr', { dataset: { targetId: t.id } }, COLUMNS.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.cell(t, ctx))))));
    const scopeText = s.region || s.doc ? '（限定范围内）' : '';
    $('targets-summary').textContent = `${shownRows.length} / ${rows.length} 个量化目标${scopeText}`;
    if (!rows.length) showState(stateBox, { kind: 'empty', title: '范围内没有量化目标', detail: s.region || s.doc ? '清除范围可查看全部文档的目标。' : '导入文档后，抽取出的量化目标会列在这里。', actions: s.region || s.doc ? [{ label: '清除范围', onClick: () => setState({ region: '', doc: '' }) }] : [] });
    else if (!shownRows.length) showState(stateBox, { kind: 'empty', title: '没有符合筛选条件的目标', actions: [{ label: '清除筛选', onClick: clearFilters }] });
    else hideState(stateBox);
    renderTargetsChart({ rows: filtered({ ...s, metric: '' }), docs, state: s, regionOf });
  }

  async function update(s) {
    try {
      if (await load(s)) render(s);
    } catch (error) {
      $('targets-summary').textContent = '';
      clear(table.tBodies[0]);
      showState(stateBox, errorState(error, () => update(s)));
    }
  }

  const clearFilters = () => setState({ metric: '', year: '', measure: '' }, { replace: true });
  metricInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => setState({ metric: metricInput.value.trim() }, { replace: true }), 250);
  });
  yearSelect.addEventListener('change', () => setState({ year: yearSelect.value }));
  measureSelect.addEventListener('change', () => setState({ measure: measureSelect.value }));
  $('target-filters').addEventListener('submit', (event) => event.preventDefault());
  $('targets-clear').addEventListener('click', clearFilters);
  $('targets-csv').addEventListener('click', () => {
    const ctx = { docs };
    const columns = [
      ...COLUMNS.filter((c) => c.key !== 'value').map((c) => ({ label: c.label, value: (t) => (c.key === 'year' ? (t.year ?? '') : c.value(t, ctx)) })),
      { label: '比较', value: (t) => t.comparator },
      { label: '数值', value: (t) => t.value },
      { label: '上限', value: (t) => t.valueMax ?? '' },
      { label: '单位', value: (t) => t.unit },
      { label: '时期', value: (t) => t.period ?? '' },
      { label: '文档ID', value: (t) => t.evidence.docId },
      { label: '起', value: (t) => t.evidence.start },
      { label: '止', value: (t) => t.evidence.end },
    ];
    downloadFile(toCsv(columns, shownRows), exportName('targets', 'csv'));
  });

  return { update };
}
