// Entity lookup and bounded graph traversal over the relations table, with the Neo4j adapter's
// semantics: breadth-first, strongest edges first, a node cap, relations followed in either direction.
import { RELATION_TYPES, type EntityType, type RelationType } from '../../model/index.js';
import type { EntityDetail, GraphNode, NeighborQuery, OverviewFilter, Subgraph } from '../port.js';
import { NeighborWalk } from '../neighbor-walk.js';
import { all, jsonList, one, type Db } from './open-database.js';
import { ftsQuery } from './read-search.js';
import { relationEdges } from './relation-edges.js';
import type { EntityStatsSnapshot } from './entity-stats.js';
import { ENTITY_COLUMNS, RELATION_COLUMNS, toEntityDetail, toNode, type EntityRow, type RelationRow } from './row-mappers.js';

/**
 * `text` matches names and aliases by substring (ranked exact name > name prefix > contains);
 * `tokens` match the jieba tokens of names and aliases. Either may find an entity; ties go to the
 * most mentioned. With neither, every entity (of the type) is a candidate.
 */
export function findEntities(db: Db, stats: EntityStatsSnapshot, q: { text?: string; tokens?: string[]; type?: EntityType; limit: number }): EntityDetail[] {
  const text = q.text || undefined;
  const fts = q.tokens ? ftsQuery(q.tokens) : '';
  const matches: string[] = [];
  const params: Record<string, unknown> = { text: text ?? null };
  if (text) matches.push('instr(e.name, @text) > 0 OR EXISTS (SELECT 1 FROM json_each(e.aliases) a WHERE instr(a.value, @text) > 0)');
  if (fts) {
    matches.push('e.pk IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH @fts)');
    params.fts = fts;
  }
  if (!matches.length && (text !== undefined || q.tokens !== undefined)) return [];
  const where = [...(q.type ? ['e.type = @type'] : []), ...(matches.length ? [`(${matches.join(' OR ')})`] : [])];
  if (q.type) params.type = q.type;
  // Matching and the name rank in SQL; mention counts from the in-memory stats, so the order (rank,
  // mentions, name, id) is applied here.
  const rows = all<EntityRow & { rank: number }>(
    db,
    `SELECT ${ENTITY_COLUMNS},
       CASE WHEN @text IS NULL THEN 0 WHEN e.name = @text THEN 3 WHEN substr(e.name, 1, length(@text)) = @text THEN 2
            WHEN instr(e.name, @text) > 0 OR EXISTS (SELECT 1 FROM json_each(e.aliases) a WHERE instr(a.value, @text) > 0) THEN 1
            ELSE 0 END AS rank
     FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  const ranked = rows.map((r) => ({ r, rank: r.rank, mentions: stats.of(r.id).mentions }));
  ranked.sort((a, b) => b.rank - a.rank || b.mentions - a.mentions || cmp(a.r.name, b.r.name) || cmp(a.r.id, b.r.id));
  return ranked.slice(0, Math.max(0, Math.trunc(q.limit))).map(({ r }) => toEntityDetail(r, stats.of(r.id)));
}

/** SQLite's BINARY order (UTF-16 code units agree with UTF-8 bytes outside the astral planes). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function getEntity(db: Db, stats: EntityStatsSnapshot, id: string): EntityDetail | undefined {
  const row = one<EntityRow>(db, `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`, id);
  return row && toEntityDetail(row, stats.of(row.id));
}

/** Several entities in one query, in the order asked (unknown ids left out). */
export function getEntities(db: Db, stats: EntityStatsSnapshot, ids: readonly string[]): EntityDetail[] {
  if (!ids.length) return [];
  return all<EntityRow>(db, `SELECT ${ENTITY_COLUMNS} FROM json_each(?) j JOIN entities e ON e.id = j.value ORDER BY j.key`, jsonList(ids)).map((r) =>
    toEntityDetail(r, stats.of(r.id)),
  );
}

/** Relation `r` has evidence in the documents `@docs` (a JSON list), or `@docs` is null. */
const IN_DOCS = `(@docs IS NULL OR EXISTS (SELECT 1 FROM relation_evidence x WHERE x.relation_pk = r.pk AND x.doc_id IN (SELECT value FROM json_each(@docs))))`;

type HopRow = RelationRow & { a_id: string; b_id: string; b_name: string; b_type: string };

/** Relations touching the frontier (either direction) with the frontier node `a` and the node `b` at their other end; cap -1 = all. */
function hop(db: Db, frontier: string[], rels: readonly RelationType[], types: EntityType[] | undefined, cap: number, docIds?: string[]): HopRow[] {
  return all<HopRow>(
    db,
    `WITH f AS (SELECT value AS a FROM json_each(@frontier)),
     h AS (SELECT r.pk, f.a, r.to_id AS b FROM relations r JOIN f ON r.from_id = f.a
           UNION ALL SELECT r.pk, f.a, r.from_id AS b FROM relations r JOIN f ON r.to_id = f.a)
     SELECT ${RELATION_COLUMNS}, h.a AS a_id, b.id AS b_id, b.name AS b_name, b.type AS b_type
     FROM h JOIN relations r ON r.pk = h.pk JOIN entities b ON b.id = h.b
     WHERE r.type IN (SELECT value FROM json_each(@rels))
       AND (@types IS NULL OR b.type IN (SELECT value FROM json_each(@types))) AND ${IN_DOCS}
     ORDER BY weight DESC, b.id, r.type, r.from_id, r.to_id LIMIT @cap`,
    { frontier: jsonList(frontier), rels: jsonList(rels), types: types?.length ? jsonList(types) : null, cap, docs: docIds ? jsonList(docIds) : null },
  );
}

const nodeOf = (r: HopRow): GraphNode => toNode({ id: r.b_id, name: r.b_name, type: r.b_type });

/** Breadth-first by the shared walk (depth ≤ 3, node limit); each hop is one bounded query. */
function walkNeighbours(db: Db, id: string, q: NeighborQuery): { nodes: GraphNode[]; edges: RelationRow[] } {
  const start = one<{ id: string; name: string; type: string }>(db, 'SELECT id, name, type FROM entities WHERE id = ?', id);
  if (!start) return { nodes: [], edges: [] };
  const walk = new NeighborWalk<RelationRow>(toNode(start), q);
  for (let step = walk.next(); step; step = walk.next()) {
    const rows = hop(db, step.frontier, step.rels, step.types, step.cap, step.docIds);
    walk.take(rows.map((row) => ({ node: nodeOf(row), type: row.type as RelationType, source: row.from_id, target: row.to_id, weight: row.weight, edge: row })));
  }
  return walk.result();
}

export function neighbors(db: Db, id: string, q: NeighborQuery): Subgraph {
  const { nodes, edges } = walkNeighbours(db, id, q);
  return { nodes, edges: relationEdges(db, edges) };
}

/** The entities `neighbors` reaches, without reading their relations' evidence (the graph channel wants ids only). */
export function neighbourNodes(db: Db, id: string, q: NeighborQuery): GraphNode[] {
  return walkNeighbours(db, id, q).nodes;
}

/** Breadth-first over all relation types in either direction; the first path found is a shortest one. */
export function shortestPath(db: Db, from: string, to: string, maxDepth: number): Subgraph | undefined {
  const depth = Math.max(1, Math.min(6, Math.trunc(maxDepth)));
  const ends = all<{ id: string; name: string; type: string }>(db, 'SELECT id, name, type FROM entities WHERE id IN (?, ?)', from, to);
  const start = ends.find((e) => e.id === from);
  if (!start || !ends.some((e) => e.id === to)) return undefined;
  if (from === to) return { nodes: [toNode(start)], edges: [] };
  const reached = new Map<string, { node: GraphNode; via?: HopRow; prev?: string }>([[from, { node: toNode(start) }]]);
  let frontier = [from];
  for (let level = 0; level < depth && frontier.length && !reached.has(to); level++) {
    const next: string[] = [];
    for (const row of hop(db, frontier, RELATION_TYPES, undefined, -1)) {
      if (reached.has(row.b_id)) continue;
      reached.set(row.b_id, { node: nodeOf(row), via: row, prev: row.a_id });
      next.push(row.b_id);
    }
    frontier = next;
  }
  if (!reached.has(to)) return undefined;
  const nodes: GraphNode[] = [];
  const rows: RelationRow[] = [];
  for (let id: string | undefined = to; id !== undefined; ) {
    const step: { node: GraphNode; via?: HopRow; prev?: string } = reached.get(id)!;
    nodes.unshift(step.node);
    if (step.via) rows.unshift(step.via);
    id = step.prev;
  }
  return { nodes, edges: relationEdges(db, rows) };
}

export function overview(db: Db, types: readonly EntityType[], limit: number, filter?: OverviewFilter): Subgraph {
  const params = {
    types: jsonList(types),
    rels: jsonList(filter?.rels?.length ? filter.rels : RELATION_TYPES),
    docs: filter?.docIds ? jsonList(filter.docIds) : null,
    limit: Math.max(0, Math.trunc(limit)),
    cap: Math.max(0, Math.trunc(limit * 5)),
  };
  // With a filter, only entities linked by a chosen relation to another entity of the types: an
  // overview of stated links should not be a scatter of lone nodes.
  const linked = filter
    ? `AND EXISTS (SELECT 1 FROM relations r JOIN entities o ON o.id = CASE WHEN r.from_id = e.id THEN r.to_id ELSE r.from_id END
         WHERE (r.from_id = e.id OR r.to_id = e.id) AND r.from_id <> r.to_id AND o.type IN (SELECT value FROM json_each(@types))
           AND r.type IN (SELECT value FROM json_each(@rels)) AND ${IN_DOCS})`
    : '';
  const nodes = all<{ id: string; name: string; type: string; mentions: number }>(
    db,
    `SELECT e.id, e.name, e.type,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND (@docs IS NULL OR m.doc_id IN (SELECT value FROM json_each(@docs)))) AS mentions
     FROM entities e WHERE e.type IN (SELECT value FROM json_each(@types)) ${linked}
     ORDER BY mentions DESC, e.id LIMIT @limit`,
    params,
  ).map(toNode);
  const ids = jsonList(nodes.map((n) => n.id));
  const rows = all<RelationRow>(
    db,
    `SELECT ${RELATION_COLUMNS} FROM relations r
     WHERE r.from_id IN (SELECT value FROM json_each(@ids)) AND r.to_id IN (SELECT value FROM json_each(@ids))
       AND r.type IN (SELECT value FROM json_each(@rels)) AND ${IN_DOCS}
     ORDER BY weight DESC, r.type, r.from_id, r.to_id LIMIT @cap`,
    { ids, rels: params.rels, docs: params.docs, cap: params.cap },
  );
  return { nodes, edges: relationEdges(db, rows) };
}
