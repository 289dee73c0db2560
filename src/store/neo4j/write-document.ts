// Writes one document and its facts inside a managed transaction with batched UNWINDs, and removes
// a document exactly: evidence it gave is taken off shared relations, orphans go.
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_TYPES, NAME_MARKS, RELATION_TYPES } from '../../model/index.js';
import type { DocumentToWrite } from '../port.js';
import { encodeEvidence } from './evidence-codec.js';

export async function writeDocumentTx(tx: ManagedTransaction, doc: DocumentToWrite): Promise<void> {
  const { meta, passages, facts } = doc;
  await tx.run('CREATE (d:Document) SET d = $meta', { meta: { ...stripUndefined(meta) } });
  await tx.run(
    `UNWIND $passages AS p
     CREATE (x:Passage {id: p.id, docId: p.docId, ordinal: p.ordinal, heading: p.heading, text: p.text,
                        start: p.start, end: p.end, tokens: p.tokens, embedding: p.embedding})
     WITH x
     MATCH (d:Document {id: $docId}) CREATE (d)-[:HAS_PASSAGE]->(x)`,
    { passages, docId: meta.id },
  );
  await tx.run(
    `MATCH (a:Passage {docId: $docId}) WITH a ORDER BY a.ordinal
     WITH collect(a) AS ps UNWIND range(0, size(ps) - 2) AS i
     WITH ps[i] AS a, ps[i + 1] AS b CREATE (a)-[:NEXT]->(b)`,
    { docId: meta.id },
  );
  // Dynamic labels (Cypher 5.26) take their values from the model's fixed list only.
  const entities = facts.entities
    .filter((e) => (ENTITY_TYPES as readonly string[]).includes(e.type))
    .map((e) => ({ ...e, nameTokens: doc.entityTokens[e.id] ?? e.name }));
  await tx.run(
    `UNWIND $entities AS e
     MERGE (n:Entity {id: e.id})
     ON CREATE SET n:$(e.type), n.name = e.name, n.type = e.type, n.aliases = [], n.nameTokens = ''
     SET n.aliases = [a IN n.aliases WHERE NOT a IN e.aliases] + e.aliases,
         n.nameTokens = trim(reduce(acc = n.nameTokens, w IN split(e.nameTokens, ' ') |
                               CASE WHEN w = '' OR w IN split(acc, ' ') THEN acc ELSE acc + ' ' + w END))`,
    { entities },
  );
  await tx.run(
    `UNWIND $mentions AS m
     MATCH (p:Passage {id: m.passageId}), (n:Entity {id: m.entityId})
     CREATE (p)-[:MENTIONS {start: m.start, end: m.end, surface: m.surface, rule: m.rule}]->(n)`,
    {
      mentions: facts.mentions.map((m) => ({
        entityId: m.entityId,
        surface: m.surface,
        passageId: m.evidence.passageId,
        start: m.evidence.start,
        end: m.evidence.end,
        rule: m.evidence.rule,
      })),
    },
  );
  await tx.run(
    `UNWIND $targets AS t
     CREATE (x:Target) SET x = t.props
     WITH x, t MATCH (p:Passage {id: t.passageId}) CREATE (x)-[:STATED_IN]->(p)
     WITH x, t UNWIND t.measures AS eid MATCH (n:Entity {id: eid}) MERGE (x)-[:MEASURES]->(n)`,
    {
      targets: facts.targets.map((t) => ({
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
      })),
    },
  );
  const rels = facts.relations
    .filter((r) => (RELATION_TYPES as readonly string[]).includes(r.type) && r.from !== r.to && r.evidence.length > 0)
    .map((r) => ({ type: r.type, from: r.from, to: r.to, spans: r.evidence.map(encodeEvidence), passageIds: r.evidence.map((e) => e.passageId) }));
  await tx.run(
    `UNWIND $rels AS r
     MATCH (a:Entity {id: r.from}), (b:Entity {id: r.to})
     MERGE (a)-[x:$(r.type)]->(b)
     ON CREATE SET x.spans = [], x.evidence = [], x.docIds = []
     SET x.spans = x.spans + [s IN r.spans WHERE NOT s IN x.spans],
         x.evidence = x.evidence + [p IN r.passageIds WHERE NOT p IN x.evidence],
         x.docIds = x.docIds + [d IN [$docId] WHERE NOT d IN x.docIds]
     SET x.weight = size(x.spans)`,
    { rels, docId: meta.id },
  );
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
  // relations left without evidence go.
  await tx.run(
    `MATCH (a:Entity)-[r]-(:Entity) WHERE a.id IN $entityIds AND $docId IN r.docIds
     WITH DISTINCT r
     SET r.spans = [s IN r.spans WHERE NOT s STARTS WITH $prefix],
         r.docIds = [d IN r.docIds WHERE d <> $docId],
         r.evidence = [p IN r.evidence WHERE NOT p STARTS WITH $passagePrefix]
     SET r.weight = size(r.spans)
     WITH r WHERE size(r.spans) = 0 DELETE r`,
    { entityIds, docId, prefix: `${docId}|`, passagePrefix: `${docId}:` },
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
