// The explorer page: wires the entity search, the graph view and its filters, the side panel
// (entity, relation, question, passage search) and the message area, and keeps the selected entity
// in the address (#entity=…) so a view can be bookmarked and the back button works.

import { entityPath, getJson } from './api-client.js';
import { h, clear } from './dom.js';
import { renderEdgePanel } from './edge-panel.js';
import { createAskPanel } from './ask-panel.js';
import { renderEntityPanel } from './entity-panel.js';
import { createEntitySearch } from './entity-search.js';
import { loadDocumentTitles } from './evidence-quotes.js';
import { createGraphControls } from './graph-controls.js';
import { createGraphView } from './graph-view.js';
import { showError } from './message-area.js';
import { createSearchPanel } from './search-panel.js';
import { createTabs } from './tabs.js';

const $ = (id) => document.getElementById(id);

const state = {
  mode: 'overview',
  focusId: null,
  overview: null,
  neighbourhood: null,
  detail: null,
  selectedEdgeId: null,
  names: new Map(),
};
let graphToken = 0;
let detailToken = 0;

const detailPanel = $('panel-detail');
const tabs = createTabs(document.querySelector('.tabs'));
const graphView = createGraphView($('graph'), {
  onNodeActivate: (node) => selectEntity(node.id),
  onEdgeActivate: (edge) => showEdge(edge),
});
const controls = createGraphControls({
  form: $('graph-controls'),
  typeBox: $('type-filter'),
  relBox: $('rel-filter'),
  legend: $('legend'),
  onChange: (_s, field) => {
    if (state.mode === 'focus') loadNeighbourhood(state.focusId);
    else if (field === 'types' || field === 'limit') loadOverview();
    else showGraph(state.overview);
  },
});

function remember(nodes) {
  for (const n of nodes ?? []) state.names.set(n.id, n);
}

/** Applies the relation and type filters on the client too (the overview route has no rels filter). */
function filtered(graph, s, keepId) {
  const types = new Set(s.types);
  const rels = new Set(s.rels);
  const nodes = graph.nodes.filter((n) => n.id === keepId || types.has(n.type));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => rels.has(e.type) && ids.has(e.source) && ids.has(e.target));
  return { nodes, edges };
}

function setBusy(el, busy) {
  el.classList.toggle('loading', busy);
  el.setAttribute('aria-busy', String(busy));
}

function showGraph(graph) {
  if (!graph) return;
  const s = controls.state();
  const focusId = state.mode === 'focus' ? state.focusId : null;
  const view = filtered(graph, s, focusId);
  graphView.setData(view, { focusId });
  graphView.setSelected({ nodeId: state.detail?.id ?? focusId, edgeId: state.selectedEdgeId });
  const empty = $('graph-empty');
  empty.hidden = view.nodes.length > 0;
  if (!view.nodes.length) empty.textContent = '图谱中还没有实体。请先导入文档（POST /api/documents 或 policygraph ingest）。';
  const counts = `${view.nodes.length} 个实体 · ${view.edges.length} 条关系`;
  const focus = focusId ? state.names.get(focusId) : null;
  const lonely = focus && view.nodes.length === 1 ? '（当前筛选下没有相连的实体）' : '';
  $('graph-status').textContent = focus ? `「${focus.name}」的 ${s.depth} 度邻域：${counts}${lonely}` : `总览（提及最多的实体）：${counts}`;
}

async function loadOverview() {
  const mine = ++graphToken;
  const s = controls.state();
  setBusy($('graph').parentElement, true);
  try {
    const graph = await getJson('/api/graph', { types: s.types, limit: s.limit });
    if (mine !== graphToken) return;
    remember(graph.nodes);
    state.overview = graph;
    state.mode = 'overview';
    state.focusId = null;
    showGraph(graph);
  } catch (error) {
    if (mine !== graphToken) return;
    $('graph-status').textContent = '总览加载失败';
    showError(error, '加载总览失败');
  } finally {
    if (mine === graphToken) setBusy($('graph').parentElement, false);
  }
}

async function loadNeighbourhood(id) {
  const mine = ++graphToken;
  const s = controls.state();
  setBusy($('graph').parentElement, true);
  try {
    const graph = await getJson(entityPath(id, '/neighbors'), {
      depth: s.depth,
      limit: s.limit,
      types: s.allTypes ? undefined : s.types,
      rels: s.allRels || !s.rels.length ? undefined : s.rels,
    });
    if (mine !== graphToken) return;
    remember(graph.nodes);
    state.mode = 'focus';
    state.focusId = id;
    state.neighbourhood = graph;
    showGraph(graph);
  } catch (error) {
    if (mine === graphToken) showError(error, '加载邻域失败');
  } finally {
    if (mine === graphToken) setBusy($('graph').parentElement, false);
  }
}

async function loadDetail(id) {
  const mine = ++detailToken;
  tabs.show('tab-detail');
  setBusy(detailPanel, true);
  try {
    const detail = await getJson(entityPath(id));
    if (mine !== detailToken) return;
    remember([detail, ...detail.neighbors]);
    state.detail = detail;
    state.selectedEdgeId = null;
    renderEntity(detail);
    graphView.setSelected({ nodeId: id });
  } catch (error) {
    if (mine === detailToken) showError(error, '加载实体失败');
  } finally {
    if (mine === detailToken) setBusy(detailPanel, false);
  }
}

function renderEntity(detail) {
  renderEntityPanel(detailPanel, detail, { onEntity: (id) => selectEntity(id), onEdge: (edge) => showEdge(edge) });
}

/** Selects an entity: its neighbourhood becomes the graph and its details fill the panel. */
function selectEntity(id, { push = true } = {}) {
  if (push && decodeHash() !== id) history.pushState({ entity: id }, '', `#entity=${encodeURIComponent(id)}`);
  return Promise.all([loadNeighbourhood(id), loadDetail(id)]);
}

function showEdge(edge) {
  tabs.show('tab-detail');
  state.selectedEdgeId = edge.id;
  graphView.setSelected({ nodeId: null, edgeId: edge.id });
  const from = state.detail;
  renderEdgePanel(detailPanel, edge, state.names, {
    onEntity: (id) => selectEntity(id),
    onBack: from
      ? () => {
          state.selectedEdgeId = null;
          graphView.setSelected({ nodeId: from.id });
          renderEntity(from);
        }
      : undefined,
  });
}

function showOverview({ push = true } = {}) {
  if (push && decodeHash()) history.pushState({}, '', `${location.pathname}${location.search}`);
  state.detail = null;
  state.selectedEdgeId = null;
  clear(detailPanel).append(h('div', { class: 'placeholder' }, h('p', {}, '在上方搜索实体，或点击图中的节点，查看它的别名、量化目标、关系与原文证据。'), h('p', {}, '点击连线可查看该关系的证据段落。')));
  return loadOverview();
}

function decodeHash() {
  const match = /^#entity=(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function route() {
  const id = decodeHash();
  return id ? selectEntity(id, { push: false }) : showOverview({ push: false });
}

async function loadStats() {
  try {
    const s = await getJson('/api/stats');
    const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);
    $('stats-line').textContent = `${s.documents} 篇文档 · ${s.passages} 个段落 · ${sum(s.entities)} 个实体 · ${s.targets} 个量化目标 · ${sum(s.relations)} 条关系`;
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
  onSelect: (item) => selectEntity(item.id),
});
createAskPanel({ form: $('ask-form'), input: $('ask-input'), examples: $('ask-examples'), result: $('ask-result'), onEntity: (id) => selectEntity(id) });
createSearchPanel({ form: $('search-form'), input: $('search-input'), mode: $('search-mode'), result: $('search-result'), onEntity: (id) => selectEntity(id) });

$('show-overview').addEventListener('click', () => showOverview());
$('fit-view').addEventListener('click', () => graphView.fit());
$('zoom-in').addEventListener('click', () => graphView.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => graphView.zoomBy(0.8));
window.addEventListener('popstate', route);

loadStats();
loadDocumentTitles();
route();
