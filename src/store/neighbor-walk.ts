// Breadth-first neighbours, shared by both adapters so that they cap and order alike: each adapter
// only answers one hop (relations touching the frontier, at most `cap` rows, in `compareHop`
// order); the walk decides depth (at most 3), the node limit and which rows are kept.
import { RELATION_TYPES, type EntityType, type RelationType } from '../model/index.js';
import type { GraphNode, NeighborQuery } from './port.js';

export const MAX_NEIGHBOR_DEPTH = 3;

/** One hop for the adapter to run. */
export interface HopRequest {
  frontier: string[];
  rels: readonly RelationType[];
  types?: EntityType[];
  docIds?: string[];
  /** Row cap of this hop: a dense hub cannot explode the answer. */
  cap: number;
}

/** A relation touching the frontier, with the node at its other end; `edge` is the adapter's own form. */
export interface HopRow<E> {
  node: GraphNode;
  type: RelationType;
  source: string;
  target: string;
  weight: number;
  edge: E;
}

/** Strongest relation first, then by the node reached, then by the relation itself: a total order. */
export function compareHop(a: HopRow<unknown>, b: HopRow<unknown>): number {
  return b.weight - a.weight || cmp(a.node.id, b.node.id) || cmp(a.type, b.type) || cmp(a.source, b.source) || cmp(a.target, b.target);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NeighborWalk<E> {
  private readonly nodes: Map<string, GraphNode>;
  private readonly edges = new Map<string, E>();
  private frontier: string[];
  private level = 0;
  private readonly depth: number;
  private readonly limit: number;

  constructor(
    start: GraphNode,
    private readonly q: NeighborQuery,
  ) {
    this.nodes = new Map([[start.id, start]]);
    this.frontier = [start.id];
    this.depth = Math.max(0, Math.min(MAX_NEIGHBOR_DEPTH, Math.trunc(q.depth)));
    this.limit = Math.max(1, Math.trunc(q.limit));
  }

  /**
   * The first hop a walk from `id` runs, known before the start node is read: an adapter may run it
   * beside that look-up. Undefined when the walk takes no hop.
   */
  static firstHop(id: string, q: NeighborQuery): HopRequest | undefined {
    return new NeighborWalk({ id, name: id, type: 'Region' }, q).next();
  }

  /** The next hop to run, or undefined when the walk is done. */
  next(): HopRequest | undefined {
    if (this.level >= this.depth || !this.frontier.length || this.nodes.size >= this.limit) return undefined;
    return {
      frontier: this.frontier,
      rels: this.q.rels?.length ? this.q.rels : RELATION_TYPES,
      ...(this.q.types?.length ? { types: this.q.types } : {}),
      ...(this.q.docIds ? { docIds: this.q.docIds } : {}),
      cap: this.limit * 4,
    };
  }

  /** Takes the hop's rows: new nodes up to the limit, and the relations between kept nodes. */
  take(rows: Array<HopRow<E>>): void {
    const next: string[] = [];
    for (const row of [...rows].sort(compareHop)) {
      if (!this.nodes.has(row.node.id)) {
        if (this.nodes.size >= this.limit) continue;
        this.nodes.set(row.node.id, row.node);
        next.push(row.node.id);
      }
      if (this.nodes.has(row.source) && this.nodes.has(row.target)) this.edges.set(`${row.type}:${row.source}->${row.target}`, row.edge);
    }
    this.frontier = next;
    this.level++;
  }

  result(): { nodes: GraphNode[]; edges: E[] } {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
