// Entity lookup and bounded graph traversal. Depths and limits are validated integers; relationship
// types come only from the fixed list in the model.
import { RELATION_TYPES, type EntityType, type Evidence, type RelationType, type Target } from '../../model/index.js';
import type { EntityCandidate, EntityDetail, NeighborQuery, OverviewFilter, RecognitionLookup, Subgraph, TargetQuery } from '../port.js';
import { NeighborWalk, type HopRequest, type HopRow } from '../neighbor-walk.js';
import { int, type Neo4jConnection } from './connection.js';
import { luceneQuery } from './read-search.js';
import { toEdge, toEntityDetail, toNode, toTarget } from './row-mappers.js';
import { ENTITY_RELATIONS } from './relation-pattern.js';

type Row = Record<string, unknown>;

const readRows = (db: Neo4jConnection, query: string, params: Row = {}): Promise<Row[]> => db.rows(query, params);

const DETAIL = `OPTIONAL MATCH (p:Passage)-[:MENTIONS]->(e)
  WITH e, count(p) AS mentions, collect(DISTINCT p.docId) AS docIds`;

/**
 * For look-ups that rank many candidates by mentions: the count is the entity's MENTIONS degree
 * (only passages mention; read from the degree store, no traversal), so the documents are collected
 * for the `$limit` kept ones only — a query's tokens match a hundred entities, and collecting every
 * one's documents cost most of the look-up.
 */
const MENTION_COUNT = 'COUNT { ()-[:MENTIONS]->(e) }';
const DOCUMENTS_OF_KEPT = `OPTIONAL MATCH (p:Passage)-[:MENTIONS]->(e)
  WITH e, mentions, rank, collect(DISTINCT p.docId) AS docIds`;

export async function findEntities(
  db: Neo4jConnection,
  q: { text?: string; tokens?: string[]; type?: EntityType; limit: number },
): Promise<EntityDetail[]> {
  if (q.tokens !== undefined) return findEntitiesByTokens(db, q.tokens, q.type, q.limit, q.text);
  const rows = await readRows(
    db,
    `MATCH (e:Entity)
     WHERE ($type IS NULL OR e.type = $type)
       AND ($text IS NULL OR e.name CONTAINS $text OR any(a IN e.aliases WHERE a CONTAINS $text))
     WITH e, ${MENTION_COUNT} AS mentions,
          CASE WHEN $text IS NULL THEN 0 WHEN e.name = $text THEN 3 WHEN e.name STARTS WITH $text THEN 2 ELSE 1 END AS rank
     ORDER BY rank DESC, mentions DESC, e.name, e.id LIMIT $limit
     ${DOCUMENTS_OF_KEPT}
     RETURN e {.*} AS e, mentions, docIds ORDER BY rank DESC, mentions DESC, e.name, e.id`,
    { type: q.type ?? null, text: q.text ?? null, limit: int(q.limit) },
  );
  return rows.map((r) => toEntityDetail(r.e as Row, r.mentions, r.docIds));
}

/** Entities whose name or alias tokens match (the entity_names full-text index), plus substring matches of `text`. */
async function findEntitiesByTokens(db: Neo4jConnection, tokens: string[], type: EntityType | undefined, limit: number, text?: string): Promise<EntityDetail[]> {
  const query = luceneQuery(tokens);
  const byText = text ? await findEntities(db, { text, limit, ...(type ? { type } : {}) }) : [];
  if (!query) return byText;
  const rows = await readRows(
    db,
    // Ranked like the embedded store: by mentions, not by the index's score, which differs per engine.
    `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS e
     WHERE $type IS NULL OR e.type = $type
     WITH e, ${MENTION_COUNT} AS mentions, 0 AS rank ORDER BY mentions DESC, e.name, e.id LIMIT $limit
     ${DOCUMENTS_OF_KEPT}
     RETURN e {.*} AS e, mentions, docIds ORDER BY mentions DESC, e.name, e.id`,
    { query, type: type ?? null, limit: int(limit) },
  );
  const merged = new Map(byText.map((e) => [e.id, e]));
  for (const r of rows) {
    const e = toEntityDetail(r.e as Row, r.mentions, r.docIds);
    if (!merged.has(e.id)) merged.set(e.id, e);
  }
  return [...merged.values()].slice(0, limit);
}

/** findEntities by tokens alone, without the documents (their collection is most of its cost). */
export async function findEntityCandidates(db: Neo4jConnection, tokens: string[], limit: number): Promise<EntityCandidate[]> {
  const query = luceneQuery(tokens);
  if (!query) return [];
  const rows = await readRows(
    db,
    `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS e
     WITH e, ${MENTION_COUNT} AS mentions ORDER BY mentions DESC, e.name, e.id LIMIT $limit
     RETURN e {.id, .type, .name, .aliases} AS e, mentions`,
    { query, limit: int(limit) },
  );
  return rows.map((r) => {
    const { docIds: _, ...candidate } = toEntityDetail(r.e as Row, r.mentions, []);
    return candidate;
  });
}

/** Candidates by the query's tokens, ranked as findEntityCandidates, with the ids of those `$text` names (as namedIn decides). */
const RECOGNITION_CANDIDATES = `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS e
       WITH e, ${MENTION_COUNT} AS mentions ORDER BY mentions DESC, e.name, e.id LIMIT $limit
       RETURN collect({e: e {.id, .type, .name, .aliases}, mentions: mentions}) AS candidates,
              collect(CASE WHEN any(s IN [e.name] + coalesce(e.aliases, []) WHERE s <> '' AND $text CONTAINS toLower(s))
                        OR any(x IN $endings WHERE e.name ENDS WITH x AND size(e.name) > size(x)
                               AND $text CONTAINS toLower(left(e.name, size(e.name) - size(x))))
                      THEN e.id END) AS named`;

/**
 * Entity recognition's look-ups in one statement: the candidates, and the details (as getEntities)
 * of the recognised ids and of the candidates the query names — a search made these three round
 * trips, the last waiting on the first.
 */
export async function recognitionLookup(db: Neo4jConnection, q: RecognitionLookup): Promise<{ candidates: EntityCandidate[]; details: EntityDetail[] }> {
  const query = luceneQuery(q.tokens);
  if (!query && !q.ids.length) return { candidates: [], details: [] };
  const rows = await readRows(
    db,
    `CALL () {
       ${query ? RECOGNITION_CANDIDATES : 'RETURN [] AS candidates, [] AS named'}
     }
     CALL (named) {
       UNWIND $ids + named AS id
       WITH DISTINCT id
       MATCH (e:Entity {id: id})
       ${DETAIL}
       RETURN collect({e: e {.*}, mentions: mentions, docIds: docIds}) AS details
     }
     RETURN candidates, details`,
    { query, limit: int(q.limit), ids: q.ids, text: q.text.toLowerCase(), endings: q.endings },
  );
  const row = rows[0] ?? { candidates: [], details: [] };
  return {
    candidates: (row.candidates as Row[]).map((r) => {
      const { docIds: _, ...candidate } = toEntityDetail(r.e as Row, r.mentions, []);
      return candidate;
    }),
    details: (row.details as Row[]).map((r) => toEntityDetail(r.e as Row, r.mentions, r.docIds)),
  };
}

export async function getEntity(db: Neo4jConnection, id: string): Promise<EntityDetail | undefined> {
  const rows = await readRows(db, `MATCH (e:Entity {id: $id}) ${DETAIL} RETURN e {.*} AS e, mentions, docIds`, { id });
  const row = rows[0];
  return row ? toEntityDetail(row.e as Row, row.mentions, row.docIds) : undefined;
}

type RelationRow = { type: unknown; source: unknown; target: unknown; props: unknown };

async function hopRows(db: Neo4jConnection, hop: HopRequest): Promise<Array<HopRow<RelationRow>>> {
  const rows = await readRows(
    db,
    `MATCH (a:Entity)-[r:${ENTITY_RELATIONS}]-(b:Entity) WHERE a.id IN $frontier AND type(r) IN $rels
       AND ($types IS NULL OR b.type IN $types) AND ($docs IS NULL OR any(d IN r.docIds WHERE d IN $docs))
     WITH r, b, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target
     RETURN type, source, target, r {.spans, .weight} AS props, b {.*} AS b
     ORDER BY r.weight DESC, b.id, type, source, target LIMIT $cap`,
    { frontier: hop.frontier, rels: [...hop.rels], types: hop.types ?? null, cap: int(hop.cap), docs: hop.docIds ?? null },
  );
  return rows.map((row) => {
    const relation = row as RelationRow;
    const props = (relation.props ?? {}) as Row;
    // Evidence is decoded only for the relations the walk keeps (a hop reads up to 4× the limit).
    return { node: toNode(row.b as Row), type: String(relation.type) as RelationType, source: String(relation.source), target: String(relation.target), weight: Number(props.weight ?? 0), edge: relation };
  });
}

/** Breadth-first by the shared walk (depth ≤ 3, node limit); each hop is one bounded query. */
export async function neighbors(db: Neo4jConnection, id: string, q: NeighborQuery): Promise<Subgraph> {
  // The first hop needs only the id: it runs beside the look-up of the start node (a round trip less).
  const first = NeighborWalk.firstHop(id, q);
  const [start, firstRows] = await Promise.all([readRows(db, 'MATCH (e:Entity {id: $id}) RETURN e {.*} AS e', { id }), first ? hopRows(db, first) : []]);
  if (!start[0]) return { nodes: [], edges: [] };
  const walk = new NeighborWalk<RelationRow>(toNode(start[0].e as Row), q);
  let prefetched: Array<HopRow<RelationRow>> | undefined = firstRows;
  for (let hop = walk.next(); hop; hop = walk.next()) {
    walk.take(prefetched ?? (await hopRows(db, hop)));
    prefetched = undefined;
  }
  const { nodes, edges } = walk.result();
  return { nodes, edges: edges.map(toEdge) };
}

export async function shortestPath(db: Neo4jConnection, from: string, to: string, maxDepth: number): Promise<Subgraph | undefined> {
  if (from === to) {
    const rows = await readRows(db, 'MATCH (e:Entity {id: $id}) RETURN e {.*} AS e', { id: from });
    return rows[0] ? { nodes: [toNode(rows[0].e as Row)], edges: [] } : undefined;
  }
  const depth = Math.max(1, Math.min(6, Math.trunc(maxDepth)));
  const rows = await readRows(
    db,
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = shortestPath((a)-[:${RELATION_TYPES.join('|')}*..${depth}]-(b))
     RETURN [n IN nodes(p) | n {.*}] AS nodes,
            [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: r {.spans, .weight}}] AS rels`,
    { from, to },
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    nodes: (row.nodes as Row[]).map((n) => toNode(n)),
    edges: (row.rels as Array<{ type: unknown; source: unknown; target: unknown; props: unknown }>).map(toEdge),
  };
}

export async function overview(db: Neo4jConnection, types: EntityType[], limit: number, filter?: OverviewFilter): Promise<Subgraph> {
  const rels = filter?.rels?.length ? filter.rels : [...RELATION_TYPES];
  const docs = filter?.docIds ?? null;
  // With a filter, only entities linked by a chosen relation to another entity of the types: an
  // overview of stated links should not be a scatter of lone nodes.
  const linked = filter
    ? `AND EXISTS { MATCH (e)-[r:${ENTITY_RELATIONS}]-(o:Entity) WHERE o <> e AND o.type IN $types AND type(r) IN $rels
         AND ($docs IS NULL OR any(d IN r.docIds WHERE d IN $docs)) }`
    : '';
  const rows = await readRows(
    db,
    `MATCH (e:Entity) WHERE e.type IN $types ${linked}
     OPTIONAL MATCH (p:Passage)-[:MENTIONS]->(e) WHERE $docs IS NULL OR p.docId IN $docs
     WITH e, count(p) AS mentions ORDER BY mentions DESC, e.id LIMIT $limit
     RETURN e {.*} AS e, mentions`,
    { types, rels, docs, limit: int(limit) },
  );
  const nodes = rows.map((r) => toNode(r.e as Row, r.mentions));
  const ids = nodes.map((n) => n.id);
  const edgeRows = await readRows(
    db,
    `MATCH (a:Entity)-[r:${ENTITY_RELATIONS}]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $rels
       AND ($docs IS NULL OR any(d IN r.docIds WHERE d IN $docs))
     RETURN type(r) AS type, a.id AS source, b.id AS target, r {.spans, .weight} AS props
     ORDER BY r.weight DESC, type(r), a.id, b.id LIMIT $cap`,
    { ids, rels, docs, cap: int(limit * 5) },
  );
  return { nodes, edges: edgeRows.map((r) => toEdge(r as { type: unknown; source: unknown; target: unknown; props: unknown })) };
}

export async function targets(db: Neo4jConnection, q: TargetQuery): Promise<Target[]> {
  const rows = await readRows(
    db,
    `MATCH (t:Target)
     WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
       AND ($year IS NULL OR t.year = $year)
       AND ($entityId IS NULL OR EXISTS { (t)-[:MEASURES]->(:Entity {id: $entityId}) })
       AND ($docs IS NULL OR t.docId IN $docs)
     OPTIONAL MATCH (t)-[:MEASURES]->(e:Entity)
     WITH t, collect(e.id) AS measures
     RETURN t {.*} AS t, measures ORDER BY t.docId, t.start, t.id LIMIT $limit`,
    { metric: q.metric ?? null, year: q.year === undefined ? null : int(q.year), entityId: q.entityId ?? null, docs: q.docIds ?? null, limit: int(q.limit) },
  );
  return rows.map((r) => toTarget(r.t as Row, r.measures));
}

export async function entityEvidence(db: Neo4jConnection, id: string, limit: number): Promise<Evidence[]> {
  const rows = await readRows(
    db,
    `MATCH (p:Passage)-[m:MENTIONS]->(:Entity {id: $id})
     MATCH (d:Document {id: p.docId})
     RETURN p.docId AS docId, p.id AS passageId, m.start AS start, m.end AS end, m.rule AS rule
     ORDER BY d.ingestedAt DESC, d.id, p.ordinal, m.start LIMIT $limit`,
    { id, limit: int(limit) },
  );
  return rows.map((r) => ({
    docId: String(r.docId),
    passageId: String(r.passageId),
    start: Number(r.start),
    end: Number(r.end),
    rule: String(r.rule),
  }));
}

/** Entities by id in one query (unknown ids left out), in the order asked for. */
export async function getEntities(db: Neo4jConnection, ids: string[]): Promise<EntityDetail[]> {
  if (!ids.length) return [];
  const rows = await readRows(
    db,
    `UNWIND range(0, size($ids) - 1) AS i
     MATCH (e:Entity {id: $ids[i]})
     WITH i, e ${DETAIL.replace('WITH e,', 'WITH i, e,')}
     RETURN e {.*} AS e, mentions, docIds ORDER BY i`,
    { ids },
  );
  return rows.map((r) => toEntityDetail(r.e as Row, r.mentions, r.docIds));
}

/**
 * Each target look-up's own list, capped (`per`): by metric word (targets whose metric contains it)
 * and by measured entity, keyed by the word or the id. The store unites them (see Neo4jStore), so
 * each list can be kept on its own: a question's words recur in other questions.
 */
export async function targetLookups(
  db: Neo4jConnection,
  metrics: string[],
  entityIds: string[],
  per: number,
): Promise<{ metrics: Record<string, Target[]>; entities: Record<string, Target[]> }> {
  const out = { metrics: {} as Record<string, Target[]>, entities: {} as Record<string, Target[]> };
  if (!metrics.length && !entityIds.length) return out;
  const FOUND = `WITH t ORDER BY t.docId, t.start, t.id LIMIT $per
         OPTIONAL MATCH (t)-[:MEASURES]->(e:Entity)
         WITH t, collect(e.id) AS measures
         RETURN collect({t: t {.*}, measures: measures}) AS found`;
  const rows = await readRows(
    db,
    `UNWIND $metrics AS word
     CALL (word) { MATCH (t:Target) WHERE t.metric CONTAINS word ${FOUND} }
     RETURN 'metric' AS kind, word AS key, found
     UNION ALL
     UNWIND $entityIds AS eid
     CALL (eid) { MATCH (:Entity {id: eid})<-[:MEASURES]-(t:Target) ${FOUND} }
     RETURN 'entity' AS kind, eid AS key, found`,
    { metrics, entityIds, per: int(per) },
  );
  for (const row of rows) {
    const targets = (row.found as Row[]).map((f) => toTarget(f.t as Row, f.measures));
    (row.kind === 'metric' ? out.metrics : out.entities)[String(row.key)] = targets;
  }
  return out;
}
