// Graph look-ups every face asks the same way: an entity by id or name, one entity with its facts,
// its neighbourhood, a path between two, targets by region, metric, year or document, passages by
// id. The HTTP routes and the MCP tools call these, so both answer alike and fail alike (NOT_FOUND).
import { catalogueRecord, type CataloguedZone } from '../extract/development-zones.js';
import { AppError } from '../errors.js';
import { aliasOf, type Evidence, type Target } from '../model/index.js';
import type { EntityDetail, GraphEdge, GraphNode, GraphStore, NeighborQuery, PassageHit, Subgraph } from '../store/port.js';

type Store = Pick<GraphStore, 'getEntity' | 'findEntities'>;

/**
 * An entity by id (`Park:南通高新区`) or by name or alias: an exact name first, then an exact alias,
 * then the best substring match. NOT_FOUND names the closest candidates when nothing matches.
 */
export async function resolveEntity(store: Store, ref: string): Promise<EntityDetail> {
  const text = ref.trim();
  if (!text) throw new AppError('VALIDATION_FAILED', 'an entity id or name is required');
  const byId = await store.getEntity(text);
  if (byId) return byId;
  const name = aliasOf(text);
  const found = await store.findEntities({ text: name, limit: 20 });
  const exact = found.find((e) => e.name === name) ?? found.find((e) => e.aliases.includes(name));
  if (exact) return exact;
  if (found.length === 1) return found[0]!;
  const closest = found.slice(0, 5).map((e) => e.id);
  throw new AppError('NOT_FOUND', closest.length ? `no entity named ${text}; closest: ${closest.join(', ')}` : `no entity ${text}`);
}

/** Relations listed with an entity; `relationCount` says how many there are in all (counted up to MAX_RELATIONS_COUNTED). */
export const DETAIL_RELATIONS = 25;
export const MAX_RELATIONS_COUNTED = 300;

export interface EntityFacts extends EntityDetail {
  /** A park's record in the national development-zone catalogue, when it is one. */
  zone?: CataloguedZone;
  targets: Target[];
  relations: GraphEdge[];
  relationCount: number;
  neighbors: GraphNode[];
  evidence: Evidence[];
}

/** One entity with the targets that measure it, its strongest relations and their other ends, and evidence. */
export async function entityFacts(store: GraphStore, id: string): Promise<EntityFacts> {
  const entity = await store.getEntity(id);
  if (!entity) throw new AppError('NOT_FOUND', `no entity ${id}`);
  const [targets, graph, evidence] = await Promise.all([
    store.targets({ entityId: id, limit: 50 }),
    store.neighbors(id, { depth: 1, limit: MAX_RELATIONS_COUNTED + 1 }),
    store.entityEvidence(id, 20),
  ]);
  const relations = [...graph.edges].sort((a, b) => b.weight - a.weight).slice(0, DETAIL_RELATIONS);
  const shown = new Set(relations.flatMap((e) => [e.source, e.target]));
  const neighbors = graph.nodes.filter((n) => n.id !== id && shown.has(n.id));
  const zone = entity.type === 'Park' ? catalogueRecord([entity.name, ...entity.aliases]) : undefined;
  return { ...entity, ...(zone ? { zone } : {}), targets, relations, relationCount: graph.edges.length, neighbors, evidence };
}

/** The store was asked for one node more than the limit: its presence says the limit cut the graph. */
export function cutToLimit(graph: Subgraph, limit: number): Subgraph & { truncated: boolean } {
  if (graph.nodes.length <= limit) return { ...graph, truncated: false };
  const nodes = graph.nodes.slice(0, limit);
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)), truncated: true };
}

/** The neighbourhood of an entity, `truncated` when the node limit cut it; NOT_FOUND when the entity does not exist. */
export async function entityNeighbors(store: GraphStore, id: string, q: NeighborQuery): Promise<Subgraph & { truncated: boolean }> {
  const graph = await store.neighbors(id, { ...q, limit: q.limit + 1 });
  if (!graph.nodes.length) throw new AppError('NOT_FOUND', `no entity ${id}`);
  return cutToLimit(graph, q.limit);
}

/** The shortest path over semantic relations; NOT_FOUND naming which end is missing, or that none is short enough. */
export async function pathBetween(store: GraphStore, from: string, to: string, maxDepth: number): Promise<Subgraph> {
  const [a, b] = await Promise.all([store.getEntity(from), store.getEntity(to)]);
  if (!a) throw new AppError('NOT_FOUND', `no entity ${from}`);
  if (!b) throw new AppError('NOT_FOUND', `no entity ${to}`);
  const path = await store.shortestPath(from, to, maxDepth);
  if (!path) throw new AppError('NOT_FOUND', `no path of at most ${maxDepth} relations between ${from} and ${to}`);
  return path;
}

export interface TargetFilter {
  /** Substring of the metric (高新技术企业). */
  metric?: string;
  year?: number;
  /** Entity the target measures. */
  entityId?: string;
  /** Document the target is stated in. */
  document?: string;
  /** Documents in scope, as resolved from a region or a document list (an empty list: none). */
  scope?: string[];
  limit: number;
}

/** Targets by metric, year, measured entity and stating document, within the scope, in document order. */
export async function listTargets(store: GraphStore, filter: TargetFilter): Promise<Target[]> {
  const docIds = filter.document ? (filter.scope ?? [filter.document]).filter((id) => id === filter.document) : filter.scope;
  return store.targets({
    limit: filter.limit,
    ...(filter.metric ? { metric: filter.metric } : {}),
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(docIds ? { docIds } : {}),
  });
}

/** Passages by id with their document titles, in the order asked; unknown ids are left out. */
export async function passagesById(store: Pick<GraphStore, 'getPassages'>, ids: string[]): Promise<PassageHit[]> {
  const hits = await store.getPassages(ids);
  const byId = new Map(hits.map((h) => [h.passage.id, h]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
