// Passage retrieval for the search channels: full-text (FTS5 bm25 over jieba tokens), vector
// (sqlite-vec, cosine) and passages mentioning given entities.
import { AppError } from '../../errors.js';
import type { GraphNode, PassageHit } from '../port.js';
import { all, jsonList, type Db } from './open-database.js';
import { PASSAGE_COLUMNS, toPassage, type PassageRow } from './row-mappers.js';
import { vectorDimension } from './vector-table.js';
import { nearestPassages, type VectorMatrix } from './vector-matrix.js';

/** A query of more distinct tokens adds nothing to ranking (same cap as the Neo4j adapter). */
const MAX_QUERY_TOKENS = 64;
/** sqlite-vec's largest k. */
const MAX_K = 4096;

/** Each token as an FTS5 string ("" doubles a quote), joined by OR, so no user text acts as syntax. */
export function ftsQuery(tokens: readonly string[]): string {
  const unique = [...new Set(tokens.map((t) => t.trim()).filter(Boolean))].slice(0, MAX_QUERY_TOKENS);
  return unique.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}

type HitRow = PassageRow & { score: number };
const toHit = (r: HitRow): PassageHit => ({ passage: toPassage(r), docTitle: r.doc_title, score: r.score });
const limitOf = (k: number) => Math.max(0, Math.min(MAX_K, Math.trunc(k)));

/** Score is -bm25 (FTS5's rank, lower-is-better), so higher is better as with Lucene. */
export function fulltextPassages(db: Db, tokens: readonly string[], k: number): PassageHit[] {
  const query = ftsQuery(tokens);
  if (!query || limitOf(k) === 0) return [];
  return all<HitRow>(
    db,
    `WITH hits AS (SELECT rowid AS pk, rank FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?)
     SELECT ${PASSAGE_COLUMNS}, -hits.rank AS score
     FROM hits JOIN passages p ON p.pk = hits.pk JOIN documents d ON d.id = p.doc_id
     ORDER BY hits.rank, p.doc_id, p.ordinal`,
    query,
    limitOf(k),
  ).map(toHit);
}

/**
 * Nearest passages by cosine distance, from the in-memory matrix (exact, like sqlite-vec's scan).
 * Score is (1 + cos) / 2 = 1 - distance / 2, the same scale as Neo4j's cosine vector index, so
 * thresholds mean the same on both stores.
 */
export function vectorPassages(db: Db, matrix: (dimension: number) => VectorMatrix, vector: readonly number[], k: number): PassageHit[] {
  const dimension = vectorDimension(db);
  if (dimension === undefined || limitOf(k) === 0) return [];
  if (vector.length !== dimension) {
    throw new AppError(
      'SCHEMA_MISMATCH',
      `the query vector has dimension ${vector.length} but the vector index passage_vec has ${dimension}; run "policygraph reindex" after changing the embedder`,
    );
  }
  const nearest = nearestPassages(matrix(dimension), vector, limitOf(k));
  if (!nearest.length) return [];
  const distance = new Map(nearest.map((x) => [x.pk, x.distance]));
  return all<PassageRow & { pk: number }>(
    db,
    `SELECT ${PASSAGE_COLUMNS}, p.pk FROM json_each(?) j JOIN passages p ON p.pk = j.value JOIN documents d ON d.id = p.doc_id ORDER BY j.key`,
    JSON.stringify(nearest.map((x) => x.pk)),
  ).map((r) => ({ passage: toPassage(r), docTitle: r.doc_title, score: 1 - distance.get(r.pk)! / 2 }));
}

/** Passages mentioning any of the entities; score = how many distinct ones they mention. */
export function passagesMentioning(db: Db, entityIds: readonly string[], k: number): PassageHit[] {
  if (!entityIds.length) return [];
  return all<HitRow>(
    db,
    `SELECT ${PASSAGE_COLUMNS}, count(DISTINCT m.entity_id) AS score
     FROM mentions m JOIN passages p ON p.id = m.passage_id JOIN documents d ON d.id = p.doc_id
     WHERE m.entity_id IN (SELECT value FROM json_each(?))
     GROUP BY p.pk ORDER BY score DESC, p.doc_id, p.ordinal LIMIT ?`,
    jsonList(entityIds),
    limitOf(k),
  ).map(toHit);
}

/** The passages in the order asked for (unknown ids are left out), with score 0. */
export function getPassages(db: Db, ids: readonly string[]): PassageHit[] {
  if (!ids.length) return [];
  return all<HitRow>(
    db,
    `SELECT ${PASSAGE_COLUMNS}, 0.0 AS score
     FROM json_each(?) j JOIN passages p ON p.id = j.value JOIN documents d ON d.id = p.doc_id ORDER BY j.key`,
    jsonList(ids),
  ).map(toHit);
}

export function passageEntities(db: Db, passageIds: readonly string[]): Record<string, GraphNode[]> {
  if (!passageIds.length) return {};
  const rows = all<{ passage_id: string; id: string; name: string; type: string }>(
    db,
    `SELECT DISTINCT m.passage_id, e.id, e.name, e.type
     FROM json_each(?) j JOIN mentions m ON m.passage_id = j.value JOIN entities e ON e.id = m.entity_id
     ORDER BY m.passage_id, e.name`,
    jsonList(passageIds),
  );
  const out: Record<string, GraphNode[]> = {};
  for (const r of rows) (out[r.passage_id] ??= []).push({ id: r.id, name: r.name, type: r.type as GraphNode['type'] });
  return out;
}
