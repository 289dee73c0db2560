// The graph view: draws a subgraph into an SVG (nodes coloured by entity type, edges coloured and
// labelled by relation type, width by weight, arrows for direction), runs the force layout, and
// handles pan, zoom, node dragging, hover highlighting, clicks and keyboard activation.

import { svg, clear } from './dom.js';
import { createForceLayout } from './force-layout.js';
import { entityType, relationType, RELATION_TYPES, SYMMETRIC_RELATIONS as SYMMETRIC } from './vocabulary.js';

const TICKS_PER_FRAME = 2;
const DRAG_THRESHOLD = 4;

export function createGraphView(svgEl, { onNodeActivate, onEdgeActivate }) {
  const layout = createForceLayout();
  const mentionsById = new Map();
  const camera = { x: 0, y: 0, k: 1 };
  let size = { w: svgEl.clientWidth || 800, h: svgEl.clientHeight || 600 };
  let nodes = [];
  let edges = [];
  let nodeEls = new Map();
  let edgeEls = new Map();
  let frame = 0;
  let selected = { nodeId: null, edgeId: null };
  let focusId = null;
  let userMovedCamera = false;

  const defs = svg('defs', {}, RELATION_TYPES.filter((r) => !SYMMETRIC.has(r.id)).map(arrowMarker));
  const viewport = svg('g', { class: 'viewport' });
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  viewport.append(edgeLayer, nodeLayer);
  clear(svgEl).append(defs, viewport);

  function arrowMarker(rel) {
    return svg(
      'marker',
      { id: `arrow-${rel.id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: rel.color }),
    );
  }

  function radius(node, degree) {
    const m = mentionsById.get(node.id);
    const base = m !== undefined ? 6 + 2.2 * Math.sqrt(m) : 8 + 1.6 * Math.sqrt(degree);
    return Math.max(7, Math.min(24, base)) + (node.id === focusId ? 4 : 0);
  }

  /** Shows a new subgraph; nodes already on screen keep their positions. */
  function setData(graph, opts = {}) {
    focusId = opts.focusId ?? null;
    for (const n of graph.nodes) if (n.mentions !== undefined) mentionsById.set(n.id, n.mentions);
    const previous = new Map(nodes.map((n) => [n.id, n]));
    const degree = new Map();
    for (const e of graph.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    nodes = graph.nodes.map((n) => {
      const old = previous.get(n.id);
      return { ...n, r: radius(n, degree.get(n.id) ?? 0), x: old?.x, y: old?.y, vx: 0, vy: 0, fx: null, fy: null };
    });
    const ids = new Set(nodes.map((n) => n.id));
    // Co-occurrence edges first, so stated relations are drawn on top of them.
    edges = graph.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .sort((a, b) => (b.type === 'CO_OCCURS') - (a.type === 'CO_OCCURS'));
    assignCurves(edges);
    const focus = nodes.find((n) => n.id === focusId);
    const origin = focus && Number.isFinite(focus.x) ? { x: focus.x, y: focus.y } : { x: 0, y: 0 };
    if (focus) {
      focus.fx = focus.x = origin.x;
      focus.fy = focus.y = origin.y;
    }
    layout.setGraph(nodes, edges, origin);
    layout.run(0.08);
    render();
    fit({ animate: previous.size > 0 });
    userMovedCamera = false;
    animate();
  }

  /** Edges between the same two nodes are drawn as separate curves. */
  function assignCurves(list) {
    const groups = new Map();
    for (const e of list) {
      const key = [e.source, e.target].sort().join('\u0000');
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const group of groups.values()) {
      group.forEach((e, i) => {
        const flip = e.source > e.target ? -1 : 1;
        e.curve = (i - (group.length - 1) / 2) * 26 * flip;
      });
    }
  }

  function render() {
    clear(edgeLayer);
    clear(nodeLayer);
    edgeEls = new Map();
    nodeEls = new Map();
    for (const e of edges) {
      const rel = relationType(e.type);
      const width = Math.min(7, 1.4 + 1.3 * Math.log2(Math.max(1, e.weight ?? 1)));
      const line = svg('path', {
        class: 'edge-line',
        stroke: rel.color,
        'stroke-width': width.toFixed(2),
        'marker-end': SYMMETRIC.has(e.type) ? null : `url(#arrow-${e.type})`,
      });
      const hit = svg('path', { class: 'edge-hit' });
      const label = e.type === 'CO_OCCURS' ? null : svg('text', { class: 'edge-label', fill: rel.color }, rel.label);
      const g = svg(
        'g',
        { class: `edge edge-${e.type}`, dataset: { id: e.id, type: e.type } },
        svg('title', {}, `${rel.label}（${e.type}）· 权重 ${e.weight} · 证据 ${e.evidence?.length ?? 0} 条`),
        hit,
        line,
        label,
      );
      g.addEventListener('click', (event) => {
        event.stopPropagation();
        onEdgeActivate(e);
      });
      g.addEventListener('pointerenter', () => lightEdge(e, true));
      g.addEventListener('pointerleave', () => lightEdge(e, false));
      edgeLayer.append(g);
      edgeEls.set(e.id, { g, line, hit, label });
    }
    for (const n of nodes) {
      const type = entityType(n.type);
      const name = n.name.length > 12 ? `${n.name.slice(0, 11)}…` : n.name;
      const mentions = mentionsById.get(n.id);
      const g = svg(
        'g',
        {
          class: `node node-${n.type}`,
          tabindex: 0,
          role: 'button',
          'aria-label': `${type.label}：${n.name}`,
          dataset: { id: n.id, type: n.type, name: n.name },
        },
        svg('title', {}, `${type.label} · ${n.name}${mentions !== undefined ? ` · 提及 ${mentions} 次` : ''}`),
        svg('circle', { r: n.r, fill: type.color }),
        svg('text', { class: 'node-label', y: n.r + 3, 'dominant-baseline': 'hanging' }, name),
      );
      attachNodeHandlers(g, n);
      nodeLayer.append(g);
      nodeEls.set(n.id, g);
    }
    applySelection();
    positions();
  }

  function positions() {
    for (const n of nodes) nodeEls.get(n.id)?.setAttribute('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    const index = new Map(nodes.map((n) => [n.id, n]));
    for (const e of edges) {
      const el = edgeEls.get(e.id);
      const s = index.get(e.source);
      const t = index.get(e.target);
      if (!el || !s || !t) continue;
      const geometry = curve(s, t, e.curve, !SYMMETRIC.has(e.type));
      el.line.setAttribute('d', geometry.d);
      el.hit.setAttribute('d', geometry.d);
      if (el.label) {
        el.label.setAttribute('x', geometry.mid.x.toFixed(1));
        el.label.setAttribute('y', (geometry.mid.y - 3).toFixed(1));
      }
    }
  }

  /** A quadratic curve from the rim of s to the rim of t (leaving room for the arrow head). */
  function curve(s, t, offset, arrow) {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const c = { x: (s.x + t.x) / 2 - (dy / len) * offset, y: (s.y + t.y) / 2 + (dx / len) * offset };
    const from = towards(s, c, s.r + 1);
    const to = towards(t, c, t.r + (arrow ? 3 : 1));
    const mid = { x: 0.25 * from.x + 0.5 * c.x + 0.25 * to.x, y: 0.25 * from.y + 0.5 * c.y + 0.25 * to.y };
    return { d: `M${from.x.toFixed(1)},${from.y.toFixed(1)} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${to.x.toFixed(1)},${to.y.toFixed(1)}`, mid };
  }

  function towards(p, q, distance) {
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: p.x + (dx / len) * distance, y: p.y + (dy / len) * distance };
  }

  /** Runs the layout frame by frame; `data-layout` on the SVG says whether it is still moving. */
  function animate() {
    cancelAnimationFrame(frame);
    svgEl.dataset.layout = 'running';
    const step = () => {
      let moving = false;
      for (let i = 0; i < TICKS_PER_FRAME; i++) moving = layout.tick() || moving;
      positions();
      if (moving) frame = requestAnimationFrame(step);
      else {
        frame = 0;
        svgEl.dataset.layout = 'settled';
      }
    };
    frame = requestAnimationFrame(step);
  }

  // ---- selection and hover ----

  function setSelected(next) {
    selected = { nodeId: next.nodeId ?? null, edgeId: next.edgeId ?? null };
    applySelection();
  }

  function applySelection() {
    for (const [id, g] of nodeEls) {
      g.classList.toggle('selected', id === selected.nodeId);
      g.classList.toggle('focus', id === focusId);
      g.setAttribute('aria-pressed', String(id === selected.nodeId));
    }
    for (const [id, el] of edgeEls) el.g.classList.toggle('selected', id === selected.edgeId);
  }

  function lightNode(n, on) {
    svgEl.classList.toggle('hovering', on);
    nodeEls.get(n.id)?.classList.toggle('lit', on);
    for (const e of edges) {
      if (e.source !== n.id && e.target !== n.id) continue;
      edgeEls.get(e.id)?.g.classList.toggle('lit', on);
      nodeEls.get(e.source === n.id ? e.target : e.source)?.classList.toggle('lit', on);
    }
  }

  function lightEdge(e, on) {
    svgEl.classList.toggle('hovering', on);
    edgeEls.get(e.id)?.g.classList.toggle('lit', on);
    nodeEls.get(e.source)?.classList.toggle('lit', on);
    nodeEls.get(e.target)?.classList.toggle('lit', on);
  }

  // ---- pointer and keyboard ----

  function toGraph(clientX, clientY) {
    const rect = svgEl.getBoundingClientRect();
    return { x: (clientX - rect.left - size.w / 2 - camera.x) / camera.k, y: (clientY - rect.top - size.h / 2 - camera.y) / camera.k };
  }

  function attachNodeHandlers(g, n) {
    let drag = null;
    g.addEventListener('pointerenter', () => lightNode(n, true));
    g.addEventListener('pointerleave', () => lightNode(n, false));
    g.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.stopPropagation();
      drag = { x: event.clientX, y: event.clientY, moved: false, pointerId: event.pointerId };
      g.setPointerCapture?.(event.pointerId);
    });
    g.addEventListener('pointermove', (event) => {
      if (!drag) return;
      if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < DRAG_THRESHOLD) return;
      drag.moved = true;
      g.classList.add('dragging');
      const p = toGraph(event.clientX, event.clientY);
      n.fx = n.x = p.x;
      n.fy = n.y = p.y;
      layout.reheat(0.25);
      if (!frame) animate();
      positions();
    });
    const end = (event) => {
      if (!drag) return;
      const wasClick = !drag.moved;
      g.releasePointerCapture?.(drag.pointerId);
      g.classList.remove('dragging');
      drag = null;
      if (n.id !== focusId) {
        n.fx = null;
        n.fy = null;
      }
      if (wasClick && event.type === 'pointerup') onNodeActivate(n);
    };
    g.addEventListener('pointerup', end);
    g.addEventListener('pointercancel', end);
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onNodeActivate(n);
      }
    });
  }

  let pan = null;
  svgEl.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || event.target.closest('.node, .edge')) return;
    pan = { x: event.clientX - camera.x, y: event.clientY - camera.y, pointerId: event.pointerId };
    svgEl.setPointerCapture?.(event.pointerId);
    svgEl.classList.add('panning');
  });
  svgEl.addEventListener('pointermove', (event) => {
    if (!pan) return;
    camera.x = event.clientX - pan.x;
    camera.y = event.clientY - pan.y;
    userMovedCamera = true;
    applyCamera(false);
  });
  const endPan = () => {
    if (!pan) return;
    svgEl.releasePointerCapture?.(pan.pointerId);
    svgEl.classList.remove('panning');
    pan = null;
  };
  svgEl.addEventListener('pointerup', endPan);
  svgEl.addEventListener('pointercancel', endPan);
  svgEl.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
    },
    { passive: false },
  );

  function zoomBy(factor, clientX, clientY) {
    const rect = svgEl.getBoundingClientRect();
    const px = (clientX ?? rect.left + size.w / 2) - rect.left - size.w / 2;
    const py = (clientY ?? rect.top + size.h / 2) - rect.top - size.h / 2;
    const k = Math.max(0.15, Math.min(4, camera.k * factor));
    camera.x = px - ((px - camera.x) / camera.k) * k;
    camera.y = py - ((py - camera.y) / camera.k) * k;
    camera.k = k;
    userMovedCamera = true;
    applyCamera(false);
  }

  function applyCamera(animated) {
    viewport.classList.toggle('camera-animated', animated);
    // Labels shrink less than the drawing when zoomed out, so an overview stays readable.
    viewport.style.setProperty('--label-scale', (1 / Math.max(0.7, Math.min(1, camera.k))).toFixed(3));
    viewport.style.transform = `translate(${(size.w / 2 + camera.x).toFixed(1)}px, ${(size.h / 2 + camera.y).toFixed(1)}px) scale(${camera.k.toFixed(4)})`;
  }

  /** Zooms and centres so every node (with its label) is visible. */
  function fit({ animate: animated = false } = {}) {
    if (!nodes.length) {
      camera.x = camera.y = 0;
      camera.k = 1;
      applyCamera(false);
      return;
    }
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of nodes) {
      minX = Math.min(minX, n.x - n.r - 40);
      maxX = Math.max(maxX, n.x + n.r + 40);
      minY = Math.min(minY, n.y - n.r - 8);
      maxY = Math.max(maxY, n.y + n.r + 22);
    }
    // Room for the status line above and the legend below the drawing.
    const pad = { x: 20, top: 48, bottom: 48 };
    const k = Math.min(1.25, (size.w - pad.x * 2) / (maxX - minX), (size.h - pad.top - pad.bottom) / (maxY - minY));
    camera.k = Math.max(0.15, k);
    camera.x = -((minX + maxX) / 2) * camera.k;
    camera.y = -((minY + maxY) / 2) * camera.k + (pad.top - pad.bottom) / 2;
    applyCamera(animated);
  }

  new ResizeObserver(() => {
    const w = svgEl.clientWidth;
    const h = svgEl.clientHeight;
    if (!w || !h || (w === size.w && h === size.h)) return;
    size = { w, h };
    svgEl.setAttribute('viewBox', `0 0 ${w} ${h}`);
    if (userMovedCamera) applyCamera(false);
    else fit();
  }).observe(svgEl);
  svgEl.setAttribute('viewBox', `0 0 ${size.w} ${size.h}`);

  return {
    setData,
    setSelected,
    fit: () => {
      userMovedCamera = false;
      fit({ animate: true });
    },
    zoomBy,
    hasNode: (id) => nodeEls.has(id),
    focusNode: (id) => nodeEls.get(id)?.focus(),
    get size() {
      return { nodes: nodes.length, edges: edges.length };
    },
  };
}
