// One document as writeDocumentTx stored it (passages with tokens and embeddings, the facts it gave),
// read in one transaction so that it can be written into another store unchanged: the read side of
// `policygraph migrate`.
import type { Entity, EntityType, Mention, Relation, RelationType } from '../../model/index.js';
import { RELATION_TYPES } from '../../model/index.js';
import type { DocumentToWrite, StoredPassage } from '../port.js';
import type { Neo4jConnection } from './connection.js';
import { decodeEvidence } from './evidence-codec.js';
import { toDocument, toTarget } from './row-mappers.js';
import { ENTITY_RELATIONS } from './relation-pattern.js';

type Row = Record<string, unknown>;

const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

export async function readDocument(db: Neo4jConnection, id: string): Promise<DocumentToWrite | undefined> {
  return db.read(async (tx) => {
    const rows = async (query: string, params: Row): Promise<Row[]> => (await tx.run(query, params)).records.map((r) => r.toObject());
    const [doc] = await rows('MATCH (d:Document {id: $id}) RETURN d {.*} AS d', { id });
    if (!doc) return undefined;
    const meta = toDocument(doc.d as Row);

    const passages: StoredPassage[] = (
      await rows(
        `MATCH (p:Passage {docId: $id})
         RETURN p {.id, .docId, .ordinal, .heading, .text, .start, .end, .tokens, .embedding} AS p ORDER BY p.ordinal`,
        { id },
      )
    ).map((r) => {
      const p = r.p as Row;
      return {
        id: String(p.id),
        docId: String(p.docId),
        ordinal: Number(p.ordinal),
        heading: String(p.heading ?? ''),
        text: String(p.text ?? ''),
        start: Number(p.start),
        end: Number(p.end),
        tokens: String(p.tokens ?? ''),
        embedding: numbers(p.embedding),
      };
    });

    const mentions: Mention[] = (
      await rows(
        `MATCH (p:Passage {docId: $id})-[m:MENTIONS]->(e:Entity)
         RETURN e.id AS entityId, m.surface AS surface, p.id AS passageId, m.start AS start, m.end AS end, m.rule AS rule
         ORDER BY p.ordinal, m.start, m.end, e.id`,
        { id },
      )
    ).map((r) => ({
      entityId: String(r.entityId),
      surface: String(r.surface ?? ''),
      evidence: { docId: id, passageId: String(r.passageId), start: Number(r.start), end: Number(r.end), rule: String(r.rule ?? '') },
    }));

    const targets = (
      await rows(
        `MATCH (t:Target {docId: $id}) OPTIONAL MATCH (t)-[:MEASURES]->(e:Entity)
         WITH t, e ORDER BY e.id
         WITH t, collect(e.id) AS measures RETURN t {.*} AS t, measures ORDER BY t.start, t.id`,
        { id },
      )
    ).map((r) => toTarget(r.t as Row, r.measures));

    // The document's relations end at entities it mentions or measures (as deleteDocumentTx assumes).
    const endpoints = [...new Set([...mentions.map((m) => m.entityId), ...targets.flatMap((t) => t.measures)])];
    const relationRows = await rows(
      `MATCH (a:Entity) WHERE a.id IN $endpoints
       MATCH (a)-[r:${ENTITY_RELATIONS}]-(:Entity) WHERE type(r) IN $rels AND $id IN r.docIds
       WITH DISTINCT r
       RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, r.spans AS spans ORDER BY type, from, to`,
      { endpoints, rels: [...RELATION_TYPES], id },
    );
    const prefix = `${id}|`;
    const relations: Relation[] = relationRows
      .map((r) => {
        const evidence = ((r.spans ?? []) as string[]).filter((s) => s.startsWith(prefix)).map(decodeEvidence);
        return { type: r.type as RelationType, from: String(r.from), to: String(r.to), weight: evidence.length, evidence };
      })
      .filter((r) => r.evidence.length > 0);

    const touched = [...new Set([...endpoints, ...relations.flatMap((r) => [r.from, r.to])])];
    const entityRows = await rows('MATCH (e:Entity) WHERE e.id IN $ids RETURN e {.id, .type, .name, .aliases, .nameTokens} AS e ORDER BY e.id', { ids: touched });
    const entities: Entity[] = [];
    const entityTokens: Record<string, string> = {};
    for (const r of entityRows) {
      const e = r.e as Row;
      entities.push({ id: String(e.id), type: String(e.type) as EntityType, name: String(e.name), aliases: Array.isArray(e.aliases) ? e.aliases.map(String) : [] });
      entityTokens[String(e.id)] = String(e.nameTokens ?? '');
    }
    return { meta, passages, facts: { entities, mentions, targets, relations }, entityTokens };
  });
}
