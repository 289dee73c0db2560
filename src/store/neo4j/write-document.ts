// Writes documents and their facts inside a managed transaction with batched UNWINDs, and removes a
// document exactly: evidence it gave is taken off shared relations, orphans go.
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_TYPES, NAME_MARKS, RELATION_TYPES, type Target } from '../../model/index.js';
import type { DocumentToWrite, StoredPassage } from '../port.js';
import { encodeEvidence } from './evidence-codec.js';

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * A passage row for the write. Its vector goes in `vector`, stored by db.create.setNodeVectorProperty
 * as 32-bit floats: half the bytes of the LIST<FLOAT> a plain property holds (2 KB, not 4, per 512-d
 * vector), which the commit writes as records and reads back to feed the vector index (itself 32-bit,
 * as is the embedded store). The procedure refuses an empty or non-finite vector (or one beyond
 * float32's range): those stay a plain `embedding` list, as before.
 */
function passageRow(p: StoredPassage): Omit<StoredPassage, 'embedding'> & { embedding?: number[]; vector?: number[] } {
  const { embedding, ...rest } = p;
  // The driver sends LIST<FLOAT> from plain arrays only; one pass copies and checks (NaN fails `<=`).
  const values = new Array<number>(embedding.length);
  let fits = true;
  for (let i = 0; i < embedding.length; i++) {
    const v = (values[i] = embedding[i]!);
    if (!(Math.abs(v) <= FLOAT32_MAX)) fits = false;
  }
  return values.length && fits ? { ...rest, vector: values } : { ...rest, embedding: values };
}

/**
 * Writes documents (one, or a bulk-loading batch) with one UNWIND statement per kind of fact (and
 * per relation type present), sent together, so a batch costs one round trip whatever its size. Entities and relations shared by the
 * batch's documents are merged once, and in id order: concurrent writers then take their locks in
 * the same order, which keeps MERGE deadlocks rare (the driver retries those that still happen).
 */
export async function writeDocumentsTx(tx: ManagedTransaction, docs: readonly DocumentToWrite[]): Promise<void> {
  if (!docs.length) return;
  const statements: Array<[string, Record<string, unknown>]> = [];
  statements.push([
    `UNWIND $docs AS doc
     CREATE (d:Document) SET d = doc.meta
     WITH d, doc
     UNWIND doc.passages AS p
     CREATE (d)-[:HAS_PASSAGE]->(x:Passage {id: p.id, docId: p.docId, ordinal: p.ordinal, heading: p.heading, text: p.text,
                                            start: p.start, end: p.end, tokens: p.tokens, embedding: p.embedding})
     WITH d, x, p
     CALL (x, p) { WITH x, p WHERE p.vector IS NOT NULL CALL db.create.setNodeVectorProperty(x, 'embedding', p.vector) }
     WITH d, x ORDER BY x.ordinal
     WITH d, collect(x) AS ps
     UNWIND range(0, size(ps) - 2) AS i
     WITH ps[i] AS a, ps[i + 1] AS b CREATE (a)-[:NEXT]->(b)`,
    { docs: docs.map((d) => ({ meta: stripUndefined(d.meta), passages: d.passages.map(passageRow) })) },
  ]);
  // Dynamic labels (Cypher 5.26) take their values from the model's fixed list only.
  statements.push([
    `UNWIND $entities AS e
     MERGE (n:Entity {id: e.id})
     ON CREATE SET n:$(e.type), n.name = e.name, n.type = e.type, n.aliases = [], n.nameTokens = ''
     SET n.aliases = [a IN n.aliases WHERE NOT a IN e.aliases] + e.aliases,
         n.nameTokens = trim(reduce(acc = n.nameTokens, w IN split(e.nameTokens, ' ') |
                               CASE WHEN w = '' OR w IN split(acc, ' ') THEN acc ELSE acc + ' ' + w END))`,
    { entities: mergedEntities(docs) },
  ]);
  statements.push([
    `UNWIND $passages AS g
     MATCH (p:Passage {id: g.passageId})
     UNWIND g.mentions AS m
     MATCH (n:Entity {id: m.entityId})
     CREATE (p)-[:MENTIONS {start: m.start, end: m.end, surface: m.surface, rule: m.rule}]->(n)`,
    { passages: mentionsByPassage(docs) },
  ]);
  statements.push([
    `UNWIND $targets AS t
     MATCH (p:Passage {id: t.passageId})
     CREATE (x:Target)-[:STATED_IN]->(p) SET x = t.props
     WITH x, t UNWIND t.measures AS eid MATCH (n:Entity {id: eid}) MERGE (x)-[:MEASURES]->(n)`,
    { targets: docs.flatMap((d) => d.facts.targets.map(targetRow)) },
  ]);
  // One statement per relation type, the type written into the query from the model's fixed list:
  // a MERGE on a dynamic type ($(r.type)) is planned as a scan of every relationship in the
  // database per row (PROFILE: 16 M db hits for 1,465 relations), which made bulk loads quadratic.
  // Evidence is appended without membership tests: every span, passage and document id of a batch
  // carries a document id being created in this transaction (a replaced document's evidence was
  // removed before), so none can already be on the relation — and testing each against lists that
  // grow with the corpus cost O(evidence²) per relation.
  const rels = mergedRelations(docs);
  for (const type of RELATION_TYPES) {
    const ofType = rels.filter((r) => r.type === type);
    if (!ofType.length) continue;
    statements.push([
      `UNWIND $rels AS r
       MATCH (a:Entity {id: r.from})
       MATCH (b:Entity {id: r.to})
       MERGE (a)-[x:${type}]->(b)
       ON CREATE SET x.spans = [], x.evidence = [], x.docIds = []
       SET x.spans = x.spans + r.spans, x.evidence = x.evidence + r.passageIds, x.docIds = x.docIds + r.docIds
       SET x.weight = size(x.spans)`,
      { rels: ofType },
    ]);
  }
  // Sent without waiting for each reply: the driver queues every RUN behind the previous one, so the
  // server runs them in order while the client is still packing the next (the vectors are most of the
  // bytes). A failed statement fails those after it and the transaction, as before.
  await Promise.all(statements.map(([query, params]) => tx.run(query, params)));
}

/** Each entity once per batch, aliases and name tokens unioned, in id order. */
function mergedEntities(docs: readonly DocumentToWrite[]): Array<{ id: string; type: string; name: string; aliases: string[]; nameTokens: string }> {
  const byId = new Map<string, { id: string; type: string; name: string; aliases: string[]; nameTokens: string }>();
  for (const doc of docs) {
    for (const e of doc.facts.entities) {
      if (!(ENTITY_TYPES as readonly string[]).includes(e.type)) continue;
      const tokens = doc.entityTokens[e.id] ?? e.name;
      const seen = byId.get(e.id);
      if (!seen) {
        byId.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: [...new Set(e.aliases)], nameTokens: tokens });
        continue;
      }
      seen.aliases = [...seen.aliases.filter((a) => !e.aliases.includes(a)), ...e.aliases];
      seen.nameTokens = [...new Set(`${seen.nameTokens} ${tokens}`.split(' ').filter(Boolean))].join(' ');
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Mentions grouped by passage: one passage look-up per passage, not per mention. */
function mentionsByPassage(docs: readonly DocumentToWrite[]) {
  const groups = new Map<string, Array<{ entityId: string; surface: string; start: number; end: number; rule: string }>>();
  for (const doc of docs) {
    for (const m of doc.facts.mentions) {
      const list = groups.get(m.evidence.passageId) ?? [];
      list.push({ entityId: m.entityId, surface: m.surface, start: m.evidence.start, end: m.evidence.end, rule: m.evidence.rule });
      groups.set(m.evidence.passageId, list);
    }
  }
  return [...groups].map(([passageId, mentions]) => ({ passageId, mentions }));
}

function targetRow(t: Target) {
  return {
    passageId: t.evidence.passageId,
    measures: t.measures,
    props: stripUndefined({
      id: t.id,
      docId: t.evidence.docId,
      passageId: t.evidence.passageId,
      metric: t.metric,
      value: t.value,
      valueMax: t.valueMax,
      unit: t.unit,
      comparator: t.comparator,
      year: t.year,
      period: t.period,
      quote: t.quote,
      start: t.evidence.start,
      end: t.evidence.end,
      rule: t.evidence.rule,
    }),
  };
}

/** Each relation once per batch with the evidence of every document in it, in (from, type, to) order. */
function mergedRelations(docs: readonly DocumentToWrite[]) {
  const byKey = new Map<string, { type: string; from: string; to: string; spans: string[]; passageIds: string[]; docIds: string[] }>();
  for (const doc of docs) {
    for (const r of doc.facts.relations) {
      if (!(RELATION_TYPES as readonly string[]).includes(r.type) || r.from === r.to || r.evidence.length === 0) continue;
      const key = `${r.from}\u0000${r.type}\u0000${r.to}`;
      const row = byKey.get(key) ?? { type: r.type, from: r.from, to: r.to, spans: [], passageIds: [], docIds: [] };
      byKey.set(key, row);
      for (const e of r.evidence) {
        const span = encodeEvidence(e);
        if (!row.spans.includes(span)) row.spans.push(span);
        if (!row.passageIds.includes(e.passageId)) row.passageIds.push(e.passageId);
      }
      if (!row.docIds.includes(doc.meta.id)) row.docIds.push(doc.meta.id);
    }
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/** Removes a document and exactly what only it supported. Returns false when it did not exist. */
export async function deleteDocumentTx(tx: ManagedTransaction, docId: string): Promise<boolean> {
  const found = await tx.run('MATCH (d:Document {id: $docId}) RETURN d.id AS id', { docId });
  if (!found.records.length) return false;
  const touched = await tx.run(
    `CALL { MATCH (:Passage {docId: $docId})-[:MENTIONS]->(e:Entity) RETURN e
            UNION MATCH (:Target {docId: $docId})-[:MEASURES]->(e:Entity) RETURN e }
     RETURN collect(DISTINCT e.id) AS ids`,
    { docId },
  );
  const entityIds = touched.records[0]?.get('ids') as string[];
  // Evidence this document gave is taken off its relations (their ends are entities it mentions);
  // relations left without evidence go. Spans and passages are matched by exact id, never by
  // prefix: document `a` must not take evidence of document `a:2` with it.
  await tx.run(
    `MATCH (p:Passage {docId: $docId}) WITH collect(p.id) AS passageIds
     MATCH (a:Entity)-[r]-(:Entity) WHERE a.id IN $entityIds AND $docId IN r.docIds
     WITH DISTINCT r, passageIds
     SET r.spans = [s IN r.spans WHERE split(s, '|')[0] <> $docId],
         r.docIds = [d IN r.docIds WHERE d <> $docId],
         r.evidence = [p IN r.evidence WHERE NOT p IN passageIds]
     SET r.weight = size(r.spans)
     WITH r WHERE size(r.spans) = 0 DELETE r`,
    { entityIds, docId },
  );
  await tx.run('MATCH (t:Target {docId: $docId}) DETACH DELETE t', { docId });
  await tx.run('MATCH (p:Passage {docId: $docId}) DETACH DELETE p', { docId });
  await tx.run('MATCH (d:Document {id: $docId}) DETACH DELETE d', { docId });
  // An entity the document touched that no passage mentions any more is an orphan.
  await tx.run('MATCH (e:Entity) WHERE e.id IN $entityIds AND NOT EXISTS { (:Passage)-[:MENTIONS]->(e) } DETACH DELETE e', { entityIds });
  // The others keep only the aliases still written somewhere (a surface may carry quotation marks).
  await tx.run(
    `MATCH (e:Entity) WHERE e.id IN $entityIds
     MATCH (:Passage)-[m:MENTIONS]->(e)
     WITH e, collect(DISTINCT reduce(t = m.surface, c IN $marks | replace(t, c, ''))) AS surfaces
     SET e.aliases = [a IN e.aliases WHERE a IN surfaces]`,
    { entityIds, marks: [...NAME_MARKS] },
  );
  return true;
}

function stripUndefined<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
