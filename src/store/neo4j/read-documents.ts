// Documents, statistics, export and the re-embedding pass.
import { ENTITY_TYPES, RELATION_TYPES, type DocumentMeta, type EntityType, type Passage, type RelationType } from '../../model/index.js';
import type { GraphExport, StoreStats } from '../port.js';
import { int, type Neo4jConnection } from './connection.js';
import { decodeEvidence } from './evidence-codec.js';
import { toDocument, toPassage, toTarget } from './row-mappers.js';
import { ENTITY_RELATIONS } from './relation-pattern.js';

type Row = Record<string, unknown>;

const readRows = (db: Neo4jConnection, query: string, params: Row = {}): Promise<Row[]> => db.rows(query, params);

export async function getDocument(db: Neo4jConnection, id: string): Promise<DocumentMeta | undefined> {
  const rows = await readRows(db, 'MATCH (d:Document {id: $id}) RETURN d {.*} AS d', { id });
  return rows[0] ? toDocument(rows[0].d as Row) : undefined;
}

export async function findDocumentsBy(db: Neo4jConnection, key: { sha256?: string; source?: string }): Promise<DocumentMeta[]> {
  const rows = await readRows(
    db,
    // Two index seeks (an OR of two properties is planned as a label scan); a null key matches nothing.
    `CALL () { MATCH (d:Document {sha256: $sha}) RETURN d UNION MATCH (d:Document {source: $source}) RETURN d }
     RETURN d {.*} AS d ORDER BY d.ingestedAt, d.id`,
    { sha: key.sha256 ?? null, source: key.source ?? null },
  );
  return rows.map((r) => toDocument(r.d as Row));
}

export async function listDocuments(db: Neo4jConnection, page: { offset: number; limit: number }): Promise<{ items: DocumentMeta[]; total: number }> {
  return db.read(async (tx) => {
    const items = await tx.run('MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.ingestedAt, d.id SKIP $offset LIMIT $limit', {
      offset: int(page.offset),
      limit: int(page.limit),
    });
    const count = await tx.run('MATCH (d:Document) RETURN count(d) AS total');
    return { total: Number(count.records[0]?.get('total') ?? 0), items: items.records.map((r) => toDocument(r.get('d') as Row)) };
  });
}

/** A document's passages in reading order, for the reader. */
export async function documentPassages(db: Neo4jConnection, docId: string): Promise<Passage[]> {
  const rows = await readRows(
    db,
    `MATCH (:Document {id: $docId})-[:HAS_PASSAGE]->(p:Passage)
     RETURN p {.id, .docId, .ordinal, .heading, .text, .start, .end} AS p ORDER BY p.ordinal`,
    { docId },
  );
  return rows.map((r) => toPassage(r.p as Row));
}

export async function stats(db: Neo4jConnection): Promise<StoreStats> {
  const [row] = await readRows(
    db,
    `CALL { MATCH (d:Document) RETURN count(d) AS documents }
     CALL { MATCH (p:Passage) RETURN count(p) AS passages }
     CALL { MATCH (t:Target) RETURN count(t) AS targets }
     RETURN documents, passages, targets`,
  );
  const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const r of await readRows(db, 'MATCH (e:Entity) RETURN e.type AS type, count(*) AS n')) entities[r.type as EntityType] = Number(r.n);
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  for (const r of await readRows(db, 'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS n')) {
    if (r.type as string in relations) relations[r.type as RelationType] = Number(r.n);
  }
  return {
    documents: Number(row?.documents ?? 0),
    passages: Number(row?.passages ?? 0),
    targets: Number(row?.targets ?? 0),
    entities,
    relations,
  };
}

/**
 * One read per kind of fact, each with its own transaction timeout. Reads are read-committed, so
 * facts written by a concurrent ingest between two reads may point at entities this export lacks:
 * those are left out, so the export is always self-consistent.
 */
export async function exportGraph(db: Neo4jConnection): Promise<GraphExport> {
  const graph = await exportFrom((query, params) => db.rows(query, params));
  const known = new Set(graph.entities.map((e) => e.id));
  return {
    ...graph,
    relations: graph.relations.filter((r) => known.has(r.from) && known.has(r.to)),
    targets: graph.targets.map((t) => ({ ...t, measures: t.measures.filter((id) => known.has(id)) })),
  };
}

async function exportFrom(readRows: (query: string, params?: Row) => Promise<Row[]>): Promise<GraphExport> {
  const documents = (await readRows('MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.id')).map((r) => toDocument(r.d as Row));
  const entities = await readRows(
    `MATCH (e:Entity) OPTIONAL MATCH (p:Passage)-[m:MENTIONS]->(e)
     WITH e, collect(CASE WHEN p IS NULL THEN null ELSE {docId: p.docId, passageId: p.id, start: m.start, end: m.end, rule: m.rule} END) AS evidence
     RETURN e {.id, .type, .name, .aliases} AS e, evidence ORDER BY e.id`,
  );
  const targets = await readRows(
    `MATCH (t:Target) OPTIONAL MATCH (t)-[:MEASURES]->(e:Entity)
     WITH t, collect(e.id) AS measures RETURN t {.*} AS t, measures ORDER BY t.id`,
  );
  const relations = await readRows(
    `MATCH (a:Entity)-[r:${ENTITY_RELATIONS}]->(b:Entity) WHERE type(r) IN $rels
     RETURN type(r) AS type, a.id AS from, b.id AS to, r.weight AS weight, r.spans AS spans ORDER BY type, from, to`,
    { rels: [...RELATION_TYPES] },
  );
  return {
    documents,
    entities: entities.map((r) => {
      const e = r.e as { id: string; type: EntityType; name: string; aliases?: string[] };
      return { id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], evidence: r.evidence as GraphExport['entities'][number]['evidence'] };
    }),
    targets: targets.map((r) => toTarget(r.t as Row, r.measures)),
    relations: relations.map((r) => ({
      type: r.type as RelationType,
      from: String(r.from),
      to: String(r.to),
      weight: Number(r.weight),
      evidence: ((r.spans ?? []) as string[]).map(decodeEvidence),
    })),
  };
}

export async function passagesForReindex(db: Neo4jConnection, after: string | undefined, limit: number): Promise<Array<{ id: string; text: string }>> {
  const rows = await readRows(db, 'MATCH (p:Passage) WHERE p.id > $after RETURN p.id AS id, p.text AS text ORDER BY p.id LIMIT $limit', {
    after: after ?? '',
    limit: int(limit),
  });
  return rows.map((r) => ({ id: String(r.id), text: String(r.text) }));
}

export async function setEmbeddings(db: Neo4jConnection, rows: Array<{ id: string; embedding: number[] }>): Promise<void> {
  await db.write((tx) => tx.run('UNWIND $rows AS r MATCH (p:Passage {id: r.id}) SET p.embedding = r.embedding', { rows }));
}
