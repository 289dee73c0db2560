// Passage retrieval for the search channels: full-text (BM25 over jieba tokens), vector, and
// passages mentioning given entities.
import type { GraphChannelQuery, GraphChannelResult, GraphNode, PassageHit } from '../port.js';
import { int, type Neo4jConnection } from './connection.js';
import { toNode, toPassageHit } from './row-mappers.js';
import { assertVectorDimension } from './vector-dimension.js';
import { ENTITY_RELATIONS } from './relation-pattern.js';

/** Lucene's clause limit is 1024; a query of more distinct tokens adds nothing to ranking. */
const MAX_QUERY_TOKENS = 64;

/** Each token as a quoted Lucene term, so no user text can act as query syntax. */
export function luceneQuery(tokens: string[]): string {
  const unique = [...new Set(tokens.map((t) => t.trim()).filter(Boolean))].slice(0, MAX_QUERY_TOKENS);
  return unique.map((t) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' ');
}

/**
 * A channel's hit before its passage is read: the channels return ids and scores only, and the store
 * fills in the passages (text, document title) through a `PassageSource`, which keeps them between
 * searches — a search's channels return ~100 hits, mostly the same passages again, and decoding
 * their text from every reply cost more than the look-ups themselves.
 */
export interface ScoredId {
  id: string;
  score: number;
}

/** The hit of each scored id, aligned with them: undefined for a passage gone meanwhile. */
export type PassageSource = (scored: readonly ScoredId[]) => Promise<Array<PassageHit | undefined>>;

function present(hits: Array<PassageHit | undefined>): PassageHit[] {
  return hits.filter((h): h is PassageHit => h !== undefined);
}

const HIT = `{id: node.id, score: score}`;

function toScoredId(row: Record<string, unknown>): ScoredId {
  return { id: String(row.id), score: Number(row.score) };
}

export async function fulltextPassages(db: Neo4jConnection, source: PassageSource, tokens: string[], k: number): Promise<PassageHit[]> {
  const query = luceneQuery(tokens);
  if (!query) return [];
  const rows = await db.rows(
    `CALL db.index.fulltext.queryNodes('passage_tokens', $query, {limit: $k}) YIELD node, score
     RETURN node.id AS id, score ORDER BY score DESC, node.docId, node.ordinal`,
    { query, k: int(k) },
  );
  return present(await source(rows.map(toScoredId)));
}

export async function vectorPassages(db: Neo4jConnection, source: PassageSource, vector: number[], k: number): Promise<PassageHit[]> {
  await assertVectorDimension(db, [vector.length], 'the query vector');
  const rows = await db.rows(
    `CALL db.index.vector.queryNodes('passage_embedding', $k, $vector) YIELD node, score
     RETURN node.id AS id, score ORDER BY score DESC, node.docId, node.ordinal`,
    { vector, k: int(k) },
  );
  return present(await source(rows.map(toScoredId)));
}

const FULLTEXT_LIST = `CALL db.index.fulltext.queryNodes('passage_tokens', $query, {limit: $k}) YIELD node, score
       WITH node, score ORDER BY score DESC, node.docId, node.ordinal
       RETURN collect(${HIT}) AS fulltext`;
const VECTOR_LIST = `CALL db.index.vector.queryNodes('passage_embedding', $k, $vector) YIELD node, score
       WITH node, score ORDER BY score DESC, node.docId, node.ordinal
       RETURN collect(${HIT}) AS vector`;

/**
 * Both index channels of a hybrid search in one statement: the same two queries as
 * fulltextPassages and vectorPassages, one round trip instead of two.
 */
export async function textAndVectorPassages(
  db: Neo4jConnection,
  source: PassageSource,
  tokens: string[],
  vector: number[],
  k: number,
): Promise<{ fulltext: PassageHit[]; vector: PassageHit[] }> {
  const query = luceneQuery(tokens);
  if (!query && !vector.length) return { fulltext: [], vector: [] };
  await assertVectorDimension(db, [vector.length], 'the query vector');
  const rows = await db.rows(
    `CALL () { ${query ? FULLTEXT_LIST : 'RETURN [] AS fulltext'} }
     CALL () { ${vector.length ? VECTOR_LIST : 'RETURN [] AS vector'} }
     RETURN fulltext, vector`,
    { query, vector, k: int(k) },
  );
  const row = rows[0] ?? { fulltext: [], vector: [] };
  const [fulltext, vectors] = await hitLists(source, [row.fulltext, row.vector]);
  return { fulltext: fulltext!, vector: vectors! };
}

/** Several lists of scored ids filled with one passage look-up. */
async function hitLists(source: PassageSource, lists: unknown[]): Promise<PassageHit[][]> {
  const scored = lists.map((list) => (list as Array<Record<string, unknown>>).map(toScoredId));
  const hits = await source(scored.flat());
  let at = 0;
  return scored.map((list) => present(hits.slice(at, (at += list.length))));
}

export async function passagesMentioning(db: Neo4jConnection, source: PassageSource, entityIds: string[], k: number): Promise<PassageHit[]> {
  if (!entityIds.length) return [];
  const rows = await db.rows(
    `MATCH (node:Passage)-[:MENTIONS]->(e:Entity) WHERE e.id IN $entityIds
     WITH node, count(DISTINCT e) AS score
     RETURN node.id AS id, score ORDER BY score DESC, node.docId, node.ordinal LIMIT $k`,
    { entityIds, k: int(k) },
  );
  return present(await source(rows.map(toScoredId)));
}

/** Passages by id with their document's title, score 0, in no particular order (unknown ids left out). */
export async function getPassages(db: Neo4jConnection, ids: string[]): Promise<PassageHit[]> {
  if (!ids.length) return [];
  const rows = await db.rows(
    `UNWIND $ids AS id MATCH (node:Passage {id: id}) MATCH (d:Document {id: node.docId})
     RETURN node {.id, .docId, .ordinal, .heading, .text, .start, .end} AS passage, d.title AS docTitle, 0.0 AS score`,
    { ids },
  );
  return rows.map(toPassageHit);
}

export async function passageEntities(db: Neo4jConnection, passageIds: string[]): Promise<Record<string, GraphNode[]>> {
  if (!passageIds.length) return {};
  const rows = await db.rows(
    `UNWIND $passageIds AS pid MATCH (:Passage {id: pid})-[:MENTIONS]->(e:Entity)
     WITH pid, e ORDER BY e.name
     RETURN pid, collect(DISTINCT e {.id, .name, .type}) AS entities`,
    { passageIds },
  );
  return Object.fromEntries(rows.map((r) => [String(r.pid), (r.entities as Array<Record<string, unknown>>).map((e) => toNode(e))]));
}


/**
 * The graph channel's passages in one round trip: both lists come from one query, the neighbour
 * expansion capped per entity by relation weight so a hub cannot flood it. (Its target look-ups are
 * the store's, kept per look-up: see Neo4jStore.graphChannel.)
 */
export async function graphChannel(
  db: Neo4jConnection,
  source: PassageSource,
  entityIds: string[],
  q: Omit<GraphChannelQuery, 'targets'>,
): Promise<Pick<GraphChannelResult, 'direct' | 'expanded'>> {
  if (!entityIds.length) return { direct: [], expanded: [] };
  const rows = await db.rows(
    `CALL () {
       MATCH (node:Passage)-[:MENTIONS]->(e:Entity) WHERE e.id IN $ids
       WITH node, count(DISTINCT e) AS score ORDER BY score DESC, node.docId, node.ordinal LIMIT $k
       RETURN collect(${HIT}) AS direct
     }
     CALL () {
       UNWIND $expandFrom AS fid
       CALL (fid) {
         MATCH (:Entity {id: fid})-[r:${ENTITY_RELATIONS}]-(b:Entity) WHERE type(r) IN $rels
         WITH b, max(r.weight) AS w ORDER BY w DESC, b.id LIMIT $perEntity
         RETURN b
       }
       WITH DISTINCT b WHERE NOT b.id IN $ids
       MATCH (node:Passage)-[:MENTIONS]->(b)
       WITH node, count(DISTINCT b) AS score ORDER BY score DESC, node.docId, node.ordinal LIMIT $k
       RETURN collect(${HIT}) AS expanded
     }
     RETURN direct, expanded`,
    { ids: entityIds, expandFrom: entityIds.slice(0, q.expandFrom), rels: q.rels, perEntity: int(q.perEntity), k: int(q.k) },
  );
  const row = rows[0] ?? { direct: [], expanded: [] };
  const [direct, expanded] = await hitLists(source, [row.direct, row.expanded]);
  return { direct: direct!, expanded: expanded! };
}
