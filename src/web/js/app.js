// The explorer page: wires the views (graph with its side panel, targets, documents), the scope bar
// and the entity search to the view held in the address (url-state.js). Every control changes the
// address; every change of the address is rendered here, so a shared or reloaded link shows the same.

import { ApiError, entityPath, getJson } from './api-client.js';
import { createAskPanel } from './ask-panel.js';
import { h, fill } from './dom.js';
import { createDocumentsView } from './documents-view.js';
import { downloadFile, exportName } from './download-file.js';
import { renderEdgePanel } from './edge-panel.js';
import { renderEntityPanel } from './entity-panel.js';
import { createEntitySearch } from './entity-search.js';
import { loadDocumentTitles } from './evidence-quotes.js';
import { createGraphControls, drawnRelations } from './graph-controls.js';
import { renderGraphText } from './graph-text.js';
import { createGraphView } from './graph-view.js';
import { toGraphml } from './graphml.js';
import { showError } from './message-area.js';
import { createScopeFilter, scopeParams } from './scope-filter.js';
import { createSearchPanel } from './search-panel.js';
import { errorState, hideState, showState } from './state-box.js';
import { createTabs } from './tabs.js';
import { createTargetsView } from './targets-view.js';
import { getState, hrefOf, onStateChange, setState } from './url-state.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['graph', 'targets', 'documents'];
const TAB_IDS = { detail: 'tab-detail', ask: 'tab-ask', search: 'tab-search' };

/** What the graph, the panel and the answers last showed, to tell which parts a change affects. */
const shown = { graphKey: null, entity: null, edge: null, ask: null, search: null };
const data = { graph: null, detail: null, names: new Map() };
let graphToken = 0;
let detailToken = 0;

const detailPanel = $('panel-detail');
const tabs = createTabs(document.querySelector('.tabs'), { onSelect: (id) => setState({ tab: Object.keys(TAB_IDS).find((k) => TAB_IDS[k] === id) }, { replace: true }) });
const graphView = createGraphView($('graph'), {
  onNodeActivate: (node) => node && setState({ entity: node.id, edge: '', tab: 'detail' }),
  onEdgeActivate: (edge) => edge && selectEdge(edge),
});
// Tests and the frame-rate bench drive the canvas through this handle.
window.policyGraphView = graphView;
const controls = createGraphControls({ form: $('graph-controls'), typeBox: $('type-filter'), relBox: $('rel-filter'), legend: $('legend') });
const scope = createScopeFilter({ form: $('scope'), region: $('scope-region'), doc: $('scope-doc'), clearButton: $('scope-clear'), note: $('scope-note') });
const targetsView = createTargetsView();
const documentsView = createDocumentsView();

function remember(nodes) {
  for (const n of nodes ?? []) data.names.set(n.id, n);
}

function setBusy(el, busy) {
  el.classList.toggle('loading', busy);
  el.setAttribute('aria-busy', String(busy));
}

function selectEdge(edge) {
  setState({ edge: edge.id, tab: 'detail' });
}

// ---- graph ----------------------------------------------------------------------------------------

const graphKey = (s) => [s.entity, s.depth, s.limit, s.types, s.rels, s.cooc, s.region, s.doc].join('|');

function describeGraph(s, graph) {
  const counts = `${graph.nodes.length} 个实体 · ${graph.edges.length} 条关系`;
  const focus = s.entity ? data.names.get(s.entity) : null;
  const scopeText = s.region || s.doc ? '（限定范围内）' : '';
  const lonely = focus && graph.nodes.length === 1 ? '：当前筛选下没有相连的实体' : '';
  return focus
    ? `「${focus.name}」的 ${s.depth} 度邻域${scopeText}：${counts}${lonely}`
    : `总览${scopeText}（由陈述关系相连、提及最多的实体${s.cooc === '1' ? '，含共现' : ''}）：${counts}`;
}

function showGraph(s, graph) {
  data.graph = graph;
  remember(graph.nodes);
  controls.setCounts(graph);
  const limitNote = $('graph-limit');
  limitNote.hidden = !graph.truncated;
  limitNote.textContent = graph.truncated ? `已达节点上限 ${s.limit}：图只取提及最多的 ${s.limit} 个实体（显示其中相连的 ${graph.nodes.length} 个），其余未画出。提高“节点上限”或缩小范围可查看更多。` : '';
  $('graph-status').textContent = describeGraph(s, graph);
  renderGraphText($('graph-text-body'), graph, { onEntity: (id) => setState({ entity: id, edge: '', tab: 'detail' }), onEdge: selectEdge });
  const layout = graphView.setData(graph, { focusId: s.entity || null });
  if (!graph.nodes.length || (s.entity && graph.nodes.length === 1)) {
    const actions = [];
    if (s.cooc !== '1') actions.push({ label: '显示共现关系', onClick: () => setState({ cooc: '1' }), primary: true });
    if (s.region || s.doc) actions.push({ label: '清除范围', onClick: () => setState({ region: '', doc: '' }) });
    if (s.entity) actions.push({ label: '返回总览', onClick: () => setState({ entity: '', edge: '' }) });
    showState($('graph-state'), {
      kind: 'empty',
      title: s.entity ? '当前筛选下没有与它相连的实体' : '当前筛选下没有由关系相连的实体',
      detail: s.cooc === '1' ? '换一种实体或关系类型，或清除范围。' : '共现关系（同段出现）默认不显示；也可以换一种实体或关系类型。',
      actions,
    });
  } else hideState($('graph-state'));
  return layout;
}

async function loadGraph(s) {
  const mine = ++graphToken;
  const frame = $('graph').parentElement;
  const rels = drawnRelations(s);
  if (!rels.length) {
    showGraph(s, { nodes: [], edges: [], truncated: false });
    return;
  }
  setBusy(frame, true);
  $('graph-status').textContent = s.entity ? '正在加载邻域…' : '正在加载总览…';
  const params = { types: s.types, limit: s.limit, rels, ...scopeParams(s) };
  try {
    const graph = s.entity ? await getJson(entityPath(s.entity, '/neighbors'), { ...params, depth: s.depth }) : await getJson('/api/graph', params);
    if (mine !== graphToken) return;
    await showGraph(s, graph);
    if (getState().edge) showEdgeFromState(getState());
  } catch (error) {
    if (mine !== graphToken) return;
    data.graph = null;
    controls.setCounts(null);
    graphView.setData({ nodes: [], edges: [] });
    $('graph-limit').hidden = true;
    if (error instanceof ApiError && error.status === 404 && s.entity) {
      $('graph-status').textContent = '找不到该实体';
      showState($('graph-state'), {
        kind: 'notfound',
        title: `找不到实体「${s.entity}」`,
        detail: '链接中的实体不存在：它可能已随文档删除，或链接有误。',
        actions: [{ label: '返回总览', onClick: () => setState({ entity: '', edge: '' }), primary: true }],
      });
    } else {
      $('graph-status').textContent = '图谱加载失败';
      showState($('graph-state'), errorState(error, () => ((shown.graphKey = null), render(getState()))));
    }
  } finally {
    if (mine === graphToken) setBusy(frame, false);
  }
}

// ---- side panel -------------------------------------------------------------------------------------

function placeholder() {
  fill(detailPanel, h('div', { class: 'placeholder' }, h('p', {}, '在上方搜索实体，或点击图中的节点，查看它的别名、量化目标、关系与原文证据。'), h('p', {}, '点击连线（或“图谱的文字版”中的关系）可查看该关系的证据段落。')));
}

async function loadDetail(id) {
  const mine = ++detailToken;
  data.detail = null;
  setBusy(detailPanel, true);
  try {
    const detail = await getJson(entityPath(id));
    if (mine !== detailToken) return;
    remember([detail, ...detail.neighbors]);
    data.detail = detail;
    if (!getState().edge) renderEntity(detail);
    else showEdgeFromState(getState());
  } catch (error) {
    if (mine !== detailToken) return;
    if (error instanceof ApiError && error.status === 404) {
      fill(detailPanel, h('div', { class: 'placeholder' }, h('p', {}, `找不到实体「${id}」。`), h('p', {}, '请用上方的搜索框查找实体。')));
    } else {
      fill(detailPanel, h('p', { class: 'notice notice-error' }, `加载实体失败：${error.title ?? error.message}`));
      showError(error, '加载实体失败');
    }
  } finally {
    if (mine === detailToken) setBusy(detailPanel, false);
  }
}

function renderEntity(detail) {
  renderEntityPanel(detailPanel, detail, { onEntity: (id) => setState({ entity: id, edge: '' }), onEdge: selectEdge });
  graphView.setSelected({ nodeId: detail.id });
}

/** Shows the relation named in the address once it is known (from the graph or the entity's list). */
function showEdgeFromState(s) {
  const edge = data.graph?.edges.find((e) => e.id === s.edge) ?? data.detail?.relations.find((e) => e.id === s.edge);
  if (!edge) return;
  tabs.show(TAB_IDS.detail);
  graphView.setSelected({ edgeId: edge.id });
  const from = data.detail;
  renderEdgePanel(detailPanel, edge, data.names, {
    onEntity: (id) => setState({ entity: id, edge: '' }),
    onBack: from ? () => setState({ edge: '' }) : undefined,
  });
}

// ---- rendering the view -----------------------------------------------------------------------------

function showView(s) {
  const view = VIEWS.includes(s.view) ? s.view : 'graph';
  for (const v of VIEWS) {
    $(`view-${v}`).hidden = v !== view;
    const link = $(`nav-${v}`);
    link.href = hrefOf({ ...s, view: v });
    if (v === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  return view;
}

function renderGraphView(s) {
  controls.reflect(s);
  tabs.show(TAB_IDS[s.tab] ?? TAB_IDS.detail);
  const key = graphKey(s);
  if (key !== shown.graphKey) {
    shown.graphKey = key;
    loadGraph(s);
  }
  if (s.entity !== shown.entity) {
    shown.entity = s.entity;
    if (s.entity) loadDetail(s.entity);
    else {
      ++detailToken;
      data.detail = null;
      placeholder();
    }
  }
  if (s.edge !== shown.edge) {
    shown.edge = s.edge;
    if (s.edge) showEdgeFromState(s);
    else if (data.detail) renderEntity(data.detail);
    else graphView.setSelected({});
  }
  const scopeKey = `${s.region}|${s.doc}`;
  if (s.q && `${s.q}|${scopeKey}` !== shown.ask) {
    shown.ask = `${s.q}|${scopeKey}`;
    askPanel.ask(s.q, scopeParams(s));
  }
  if (s.sq && `${s.sq}|${s.mode}|${scopeKey}` !== shown.search) {
    shown.search = `${s.sq}|${s.mode}|${scopeKey}`;
    searchPanel.search(s.sq, s.mode, scopeParams(s));
  }
}

function render(s, previous) {
  const view = showView(s);
  scope.reflect(s);
  if (view === 'graph') {
    renderGraphView(s);
    // The canvas was hidden while another view showed: it must measure its box again.
    if (previous && previous.view !== 'graph') requestAnimationFrame(() => graphView.cy.resize());
  } else if (view === 'targets') targetsView.update(s);
  else documentsView.update(s);
  if (previous && previous.view !== s.view) $('main').focus({ preventScroll: true });
}

async function loadStats() {
  try {
    const s = await getJson('/api/stats');
    const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);
    $('stats-line').textContent = `${s.documents} 篇文档 · ${s.passages} 个段落 · ${sum(s.entities)} 个实体 · ${s.targets} 个量化目标 · ${sum(s.relations) - (s.relations?.CO_OCCURS ?? 0)} 条陈述关系`;
    if (s.embedder?.fallback) $('stats-line').title = `向量模型不可用，使用回退嵌入：${s.embedder.name}`;
  } catch (error) {
    $('stats-line').textContent = '统计不可用';
    showError(error, '读取统计失败');
  }
}

createEntitySearch({
  form: $('entity-search'),
  input: $('entity-query'),
  typeSelect: $('entity-type'),
  list: $('entity-results'),
  onSelect: (item) => setState({ view: 'graph', entity: item.id, edge: '', tab: 'detail' }),
});
const askPanel = createAskPanel({
  form: $('ask-form'),
  input: $('ask-input'),
  examples: $('ask-examples'),
  result: $('ask-result'),
  onEntity: (id) => setState({ entity: id, edge: '', tab: 'detail' }),
  onSubmit: (q) => ((shown.ask = null), setState({ q, tab: 'ask' })),
});
const searchPanel = createSearchPanel({
  form: $('search-form'),
  input: $('search-input'),
  mode: $('search-mode'),
  result: $('search-result'),
  onEntity: (id) => setState({ entity: id, edge: '', tab: 'detail' }),
  onSubmit: (q, mode) => ((shown.search = null), setState({ sq: q, mode, tab: 'search' })),
});

$('show-overview').addEventListener('click', () => setState({ entity: '', edge: '' }));
$('fit-view').addEventListener('click', () => graphView.fit());
$('zoom-in').addEventListener('click', () => graphView.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graphView.zoomBy(0.8));
$('export-png').addEventListener('click', async () => downloadFile(await graphView.toPng(), exportName('graph', 'png')));
$('export-graphml').addEventListener('click', () => data.graph && downloadFile(toGraphml(data.graph), exportName('graph', 'graphml')));

onStateChange(render);
loadStats();
loadDocumentTitles();
render(getState());
