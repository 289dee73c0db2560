// The graph canvas on Cytoscape.js (served from npm at /vendor/, loaded as classic scripts before
// this module) with the fCoSE force layout: nodes coloured by type and sized by mentions, relations
// coloured by type with arrows where they have a direction, co-occurrence dashed. A tap on a node or
// an edge is reported; the page decides what it means.

import { entityType, relationType, SYMMETRIC_RELATIONS } from './vocabulary.js';

const { cytoscape, cytoscapeFcose } = window;
cytoscape.use(cytoscapeFcose);

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

const STYLE = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(name)',
      'font-family': FONT,
      'font-size': 12,
      color: '#111827',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      // Labels vanish when they would be unreadably small: drawing them is most of a frame's cost.
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'z-index': 10 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#b91c1c', 'z-index': 11 } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      // Straight lines: bezier control points for every edge cost most of a 500-node frame.
      'curve-style': 'straight',
    },
  },
  { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
  // Straight, arrowless lines are the cheapest edges to draw: co-occurrence can be numerous.
  { selector: 'edge.cooccurs', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', 'curve-style': 'haystack', opacity: 0.7 } },
  // Large graphs: haystack lines without arrows (the cheapest edges Cytoscape draws) keep dragging
  // smooth; direction stays in the panel, the text view and the export.
  { selector: 'edge.bulk', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', 'haystack-radius': 0 } },
  { selector: 'edge:selected', style: { 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c', width: 4, 'z-index': 12 } },
];

/** Above this many nodes, edges are drawn the cheapest way. */
const BULK_NODES = 250;

const nodeSize = (mentions = 1) => Math.min(64, 18 + 5 * Math.sqrt(Math.max(1, mentions)));

function elementsOf(graph, focusId) {
  const nodes = graph.nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, name: n.name, type: n.type, mentions: n.mentions ?? 0, color: entityType(n.type).color, size: n.id === focusId ? 44 : nodeSize(n.mentions) },
    classes: n.id === focusId ? 'focus' : '',
  }));
  const bulk = graph.nodes.length > BULK_NODES;
  const edges = graph.edges.map((e) => ({
    group: 'edges',
    data: { id: `edge:${e.id}`, edgeId: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, color: relationType(e.type).color, width: Math.min(6, 1.2 + Math.log2(1 + e.weight)) },
    classes: [SYMMETRIC_RELATIONS.has(e.type) ? 'symmetric' : '', e.type === 'CO_OCCURS' ? 'cooccurs' : '', bulk ? 'bulk' : ''].join(' ').trim(),
  }));
  return [...nodes, ...edges];
}

/**
 * container: the element Cytoscape draws into. actions: onNodeActivate(node), onEdgeActivate(edge)
 * with the API's node and edge objects. `frame` gets data-layout="running|settled" for tests.
 */
export function createGraphView(container, { onNodeActivate, onEdgeActivate }) {
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.1, maxZoom: 4, boxSelectionEnabled: false });
  let byNode = new Map();
  let byEdge = new Map();
  let layout = null;

  cy.on('tap', 'node', (event) => onNodeActivate(byNode.get(event.target.id())));
  cy.on('tap', 'edge', (event) => onEdgeActivate(byEdge.get(event.target.data('edgeId'))));

  /** Replaces the drawing with `graph`; resolves once the layout has placed every node. */
  function setData(graph, { focusId = null } = {}) {
    layout?.stop();
    byNode = new Map(graph.nodes.map((n) => [n.id, n]));
    byEdge = new Map(graph.edges.map((e) => [e.id, e]));
    container.dataset.layout = 'running';
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elementsOf(graph, focusId));
    });
    if (!graph.nodes.length) {
      container.dataset.layout = 'settled';
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      layout = cy.layout({
        name: graph.nodes.length > 2 ? 'fcose' : 'grid',
        animate: false,
        randomize: true,
        quality: 'default',
        // Fewer refinement steps on big graphs: the spectral start already separates communities.
        numIter: graph.nodes.length > 300 ? 800 : 2500,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        nodeSeparation: 80,
        padding: 30,
        fit: true,
      });
      layout.one('layoutstop', () => {
        if (focusId) cy.getElementById(focusId).select();
        container.dataset.layout = 'settled';
        resolve();
      });
      layout.run();
    });
  }

  function setSelected({ nodeId = null, edgeId = null } = {}) {
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (nodeId) cy.getElementById(nodeId).select();
      if (edgeId) cy.getElementById(`edge:${edgeId}`).select();
    });
  }

  return {
    cy,
    setData,
    setSelected,
    fit: () => cy.fit(undefined, 30),
    zoomBy: (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
    /** The drawing as a PNG blob, the whole graph at twice the screen's resolution, on white. */
    toPng: () => cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }),
  };
}
