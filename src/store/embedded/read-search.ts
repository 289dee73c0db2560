// Passage retrieval for the search channels: full-text (FTS5 bm25 over jieba tokens), vector
// (sqlite-vec, cosine) and passages mentioning given entities.
import { AppError } from '../../errors.js';
import type { GraphNode, PassageHit } from '../port.js';
import { all, jsonList, type Db } from './open-database.js';
import { PASSAGE_COLUMNS, toPassage, type PassageRow } from './row-mappers.js';
import { toBlob, vectorDimension } from './vector-table.js';
import { nearestPassages, type VectorMatrix } from './vector-matrix.js';
import { bm25Passages, plainTerms, type FulltextIndex } from './fulltext-index.js';

/** A query of more distinct tokens adds nothing to ranking (same cap as the Neo4j adapter). */
const MAX_QUERY_TOKENS = 64;
/** sqlite-vec's largest k. */
const MAX_K = 4096;

/** The distinct tokens a query searches for, capped. */
function queryPhrases(tokens: readonly string[]): string[] {
  return [...new Set(tokens.map((t) => t.trim()).filter(Boolean))].slice(0, MAX_QUERY_TOKENS);
}

/** Each token as an FTS5 string ("" doubles a quote), joined by OR, so no user text acts as syntax. */
export function ftsQuery(tokens: readonly string[]): string {
  return queryPhrases(tokens)
    .map((t) => `"${t.replace(/"/g, '""')}"`)
    .join(' OR ');
}

type HitRow = PassageRow & { score: number };
/** Passages by rowid in the order given, with their scores (PassageRows.read, bound to the store). */
export type PassageReader = (pks: readonly number[], score: ReadonlyMap<number, number>) => PassageHit[];
const toHit = (r: HitRow): PassageHit => ({ passage: toPassage(r), docTitle: r.doc_title, score: r.score });
const limitOf = (k: number) => Math.max(0, Math.min(MAX_K, Math.trunc(k)));

/**
 * Score is -bm25 (FTS5's rank, lower-is-better), so higher is better as with Lucene. Answered from
 * the in-memory index (fulltext-index.ts: the same scores) when it can, else by FTS5.
 */
export function fulltextPassages(db: Db, rows: PassageReader, index: () => FulltextIndex | undefined, tokens: readonly string[], k: number): PassageHit[] {
  const terms = plainTerms(queryPhrases(tokens));
  const memory = terms && index();
  if (terms && memory) {
    if (!terms.length || limitOf(k) === 0) return [];
    const best = bm25Passages(memory, terms, limitOf(k));
    return rows(best.map((b) => b.pk), new Map(best.map((b) => [b.pk, b.score])));
  }
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
 * Nearest passages by cosine distance, from the in-memory matrix (exact, like sqlite-vec's scan) or,
 * while the file keeps changing, from sqlite-vec. Score is (1 + cos) / 2 = 1 - distance / 2, the
 * same scale as Neo4j's cosine vector index, so thresholds mean the same on both stores.
 */
export function vectorPassages(
  db: Db,
  rows: PassageReader,
  matrix: (dimension: number) => VectorMatrix | undefined,
  vector: readonly number[],
  k: number,
): PassageHit[] {
  const dimension = vectorDimension(db);
  if (dimension === undefined || limitOf(k) === 0) return [];
  if (vector.length !== dimension) {
    throw new AppError(
      'SCHEMA_MISMATCH',
      `the query vector has dimension ${vector.length} but the vector index passage_vec has ${dimension}; run "policygraph reindex" after changing the embedder`,
    );
  }
  const memory = matrix(dimension);
  if (!memory) {
    return all<HitRow>(
      db,
      `WITH knn AS (SELECT rowid AS pk, distance FROM passage_vec WHERE embedding MATCH ? AND k = ?)
       SELECT ${PASSAGE_COLUMNS}, 1.0 - coalesce(knn.distance, 1.0) / 2.0 AS score
       FROM knn JOIN passages p ON p.pk = knn.pk JOIN documents d ON d.id = p.doc_id
       ORDER BY knn.distance, p.doc_id, p.ordinal`,
      toBlob(vector),
      limitOf(k),
    ).map(toHit);
  }
  const nearest = nearestPassages(memory, vector, limitOf(k));
  return rows(
    nearest.map((x) => x.pk),
    new Map(nearest.map((x) => [x.pk, 1 - x.distance / 2])),
  );
}

/**
 * Passages by rowid, kept while the file is unchanged: the channels of one search, and the next
 * searches, return many of the same passages, and reading them (text, document title) costs ~20 µs
 * a row. Bounded: emptied when full.
 */
export class PassageRows {
  private version: string | undefined;
  private readonly rows = new Map<number, Readonly<Omit<PassageHit, 'score'>>>();

  constructor(private readonly capacity = 20_000) {}

  /** The passages of these rowids in this order (unknown ones left out), each with its score. */
  read(db: Db, version: string, pks: readonly number[], score: ReadonlyMap<number, number>): PassageHit[] {
    if (this.version !== version) {
      this.rows.clear();
      this.version = version;
    }
    const missing = pks.filter((pk) => !this.rows.has(pk));
    if (missing.length) {
      if (this.rows.size + missing.length > this.capacity) this.rows.clear();
      const found = all<PassageRow & { pk: number }>(
        db,
        `SELECT ${PASSAGE_COLUMNS}, p.pk FROM json_each(?) j JOIN passages p ON p.pk = j.value JOIN documents d ON d.id = p.doc_id`,
        JSON.stringify(missing),
      );
      for (const r of found) this.rows.set(r.pk, Object.freeze({ passage: Object.freeze(toPassage(r)), docTitle: r.doc_title }));
    }
    return pks.flatMap((pk) => {
      const row = this.rows.get(pk);
      return row ? [{ ...row, score: score.get(pk)! }] : [];
    });
  }
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
