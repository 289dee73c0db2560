// A small force-directed layout: many-body repulsion, springs along edges, a pull towards the
// centre, and collision between node discs, integrated with velocity decay while "alpha" cools.
// Deterministic (no randomness): a graph always settles the same way. O(n²) repulsion is fine for
// the few hundred nodes the API returns at most.

const ALPHA_MIN = 0.004;
const ALPHA_DECAY = 1 - Math.pow(ALPHA_MIN, 1 / 280);
const VELOCITY_DECAY = 0.55;
const CHARGE = -420;
const LINK_DISTANCE = 95;
const GRAVITY = 0.07;
const COLLIDE_PADDING = 10;

export function createForceLayout() {
  let nodes = [];
  let links = [];
  let alpha = 0;
  let center = { x: 0, y: 0 };

  /**
   * nodes: [{id, r, x?, y?, fx?, fy?}] (mutated in place: x, y, vx, vy); edges: [{source, target, type, weight}] by id.
   * Nodes without a position start near a placed neighbour, or on a sunflower spiral around the centre.
   */
  function setGraph(nextNodes, edges, origin = { x: 0, y: 0 }) {
    center = origin;
    nodes = nextNodes;
    const index = new Map(nodes.map((n) => [n.id, n]));
    links = edges
      .map((e) => ({ source: index.get(e.source), target: index.get(e.target), weight: e.weight ?? 1, weak: e.type === 'CO_OCCURS' }))
      .filter((l) => l.source && l.target && l.source !== l.target);
    const degree = new Map();
    for (const l of links) {
      degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
      degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
    }
    for (const l of links) {
      const ds = degree.get(l.source);
      const dt = degree.get(l.target);
      l.bias = ds / (ds + dt);
      // Co-occurrence is a weak tie: a looser, longer spring, so stated relations shape the picture.
      l.strength = (l.weak ? 0.35 : 1) / Math.min(ds, dt);
      l.distance = LINK_DISTANCE * (l.weak ? 1.3 : 1) + (l.source.r + l.target.r);
    }
    place();
    alpha = 1;
  }

  function place() {
    let spiral = 0;
    for (const n of nodes) {
      n.vx = n.vx ?? 0;
      n.vy = n.vy ?? 0;
      if (Number.isFinite(n.x) && Number.isFinite(n.y)) continue;
      const anchor = links.map((l) => (l.source === n ? l.target : l.target === n ? l.source : null)).find((m) => m && Number.isFinite(m.x));
      spiral++;
      const angle = spiral * 2.39996; // the golden angle
      const radius = anchor ? 40 + (spiral % 5) * 6 : 30 * Math.sqrt(spiral + 0.5);
      const from = anchor ?? center;
      n.x = from.x + radius * Math.cos(angle);
      n.y = from.y + radius * Math.sin(angle);
    }
  }

  function tick() {
    if (alpha < ALPHA_MIN) return false;
    alpha += (0 - alpha) * ALPHA_DECAY;
    repel();
    pull();
    gravitate();
    collide();
    for (const n of nodes) {
      if (n.fx !== undefined && n.fx !== null) {
        n.x = n.fx;
        n.y = n.fy;
        n.vx = 0;
        n.vy = 0;
        continue;
      }
      n.vx *= VELOCITY_DECAY;
      n.vy *= VELOCITY_DECAY;
      n.x += n.vx;
      n.y += n.vy;
    }
    return true;
  }

  function repel() {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        if (dx === 0 && dy === 0) {
          dx = (j - i) * 0.01;
          dy = (i + 1) * 0.01;
        }
        let l2 = dx * dx + dy * dy;
        if (l2 < 25) l2 = Math.sqrt(25 * l2);
        if (l2 > 250_000) continue; // beyond 500 px the push is negligible
        const w = (CHARGE * alpha) / l2;
        a.vx += dx * w;
        a.vy += dy * w;
        b.vx -= dx * w;
        b.vy -= dy * w;
      }
    }
  }

  function pull() {
    for (const l of links) {
      const { source: s, target: t } = l;
      let dx = t.x + t.vx - s.x - s.vx;
      let dy = t.y + t.vy - s.y - s.vy;
      const len = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const k = ((len - l.distance) / len) * alpha * l.strength * 0.9;
      dx *= k;
      dy *= k;
      t.vx -= dx * l.bias;
      t.vy -= dy * l.bias;
      s.vx += dx * (1 - l.bias);
      s.vy += dy * (1 - l.bias);
    }
  }

  function gravitate() {
    for (const n of nodes) {
      n.vx += (center.x - n.x) * GRAVITY * alpha;
      n.vy += (center.y - n.y) * GRAVITY * alpha;
    }
  }

  function collide() {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        const min = a.r + b.r + COLLIDE_PADDING;
        const dx = b.x + b.vx - a.x - a.vx;
        const dy = b.y + b.vy - a.y - a.vy;
        const l2 = dx * dx + dy * dy;
        if (l2 >= min * min) continue;
        const len = Math.sqrt(l2) || 0.01;
        const push = ((min - len) / len) * 0.5;
        const ra = b.r * b.r / (a.r * a.r + b.r * b.r);
        a.vx -= dx * push * ra;
        a.vy -= dy * push * ra;
        b.vx += dx * push * (1 - ra);
        b.vy += dy * push * (1 - ra);
      }
    }
  }

  return {
    setGraph,
    tick,
    /** Runs ticks synchronously until alpha drops below `until` (or `max` ticks). */
    run(until = ALPHA_MIN, max = 400) {
      for (let i = 0; i < max && alpha >= until; i++) tick();
    },
    reheat(to = 0.3) {
      alpha = Math.max(alpha, to);
    },
    get alpha() {
      return alpha;
    },
    get active() {
      return alpha >= ALPHA_MIN;
    },
  };
}
