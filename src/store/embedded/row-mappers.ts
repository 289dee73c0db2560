// Row shapes of the embedded store's tables and their translation into model types. Column lists
// live here beside the shapes they produce, so queries and mappers cannot drift apart.
import type { DocumentMeta, EntityType, Evidence, Passage, RelationType, Target } from '../../model/index.js';
import type { EntityDetail, GraphEdge, GraphNode } from '../port.js';

export interface DocumentRow {
  id: string;
  title: string;
  source: string;
  region: string | null;
  published_at: string | null;
  issuer: string | null;
  genre: string | null;
  period: string | null;
  sha256: string;
  chars: number;
  ingested_at: string;
}
export const DOCUMENT_COLUMNS = 'd.id, d.title, d.source, d.region, d.published_at, d.issuer, d.genre, d.period, d.sha256, d.chars, d.ingested_at';

export function toDocument(r: DocumentRow): DocumentMeta {
  const doc: DocumentMeta = { id: r.id, title: r.title, source: r.source, sha256: r.sha256, chars: r.chars, ingestedAt: r.ingested_at };
  if (r.region) doc.region = r.region;
  if (r.published_at) doc.publishedAt = r.published_at;
  if (r.issuer) doc.issuer = r.issuer;
  if (r.genre) doc.genre = r.genre;
  if (r.period) doc.period = r.period;
  return doc;
}

export interface PassageRow {
  id: string;
  doc_id: string;
  ordinal: number;
  heading: string;
  text: string;
  span_start: number;
  span_end: number;
  doc_title: string;
}
export const PASSAGE_COLUMNS = 'p.id, p.doc_id, p.ordinal, p.heading, p.text, p.span_start, p.span_end, d.title AS doc_title';

export function toPassage(r: PassageRow): Passage {
  return { id: r.id, docId: r.doc_id, ordinal: r.ordinal, heading: r.heading, text: r.text, start: r.span_start, end: r.span_end };
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string;
}
/** An entity's own columns (needs `e` = entities); mention counts come from EntityStatsSnapshot. */
export const ENTITY_COLUMNS = 'e.id, e.type, e.name, e.aliases';

export function toEntityDetail(r: EntityRow, stats: { mentions: number; docIds: readonly string[] }): EntityDetail {
  return {
    id: r.id,
    type: r.type as EntityType,
    name: r.name,
    aliases: JSON.parse(r.aliases) as string[],
    mentions: stats.mentions,
    docIds: [...stats.docIds],
  };
}

export function toNode(r: { id: string; name: string; type: string; mentions?: number }): GraphNode {
  const node: GraphNode = { id: r.id, name: r.name, type: r.type as EntityType };
  if (r.mentions !== undefined) node.mentions = r.mentions;
  return node;
}

export interface EvidenceRow {
  doc_id: string;
  passage_id: string;
  span_start: number;
  span_end: number;
  rule: string;
}

export function toEvidence(r: EvidenceRow): Evidence {
  return { docId: r.doc_id, passageId: r.passage_id, start: r.span_start, end: r.span_end, rule: r.rule };
}

export interface RelationRow {
  pk: number;
  type: string;
  from_id: string;
  to_id: string;
  weight: number;
}
/** A relation with its weight, the number of its evidence rows (needs `r` = relations). */
export const RELATION_COLUMNS = `r.pk, r.type, r.from_id, r.to_id,
  (SELECT count(*) FROM relation_evidence x WHERE x.relation_pk = r.pk) AS weight`;

export function edgeId(type: string, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

export function toEdge(r: RelationRow, evidence: Evidence[]): GraphEdge {
  return {
    id: edgeId(r.type, r.from_id, r.to_id),
    source: r.from_id,
    target: r.to_id,
    type: r.type as RelationType,
    weight: r.weight,
    evidence,
  };
}

export interface TargetRow extends EvidenceRow {
  id: string;
  metric: string;
  value: number;
  value_max: number | null;
  unit: string;
  comparator: string;
  year: number | null;
  period: string | null;
  quote: string;
  measures: string;
}
/** A target with its MEASURES entity ids as a JSON array (needs `t` = targets). */
export const TARGET_COLUMNS = `t.id, t.doc_id, t.passage_id, t.metric, t.value, t.value_max, t.unit, t.comparator, t.year,
  t.period, t.quote, t.span_start, t.span_end, t.rule,
  (SELECT json_group_array(entity_id) FROM (SELECT entity_id FROM target_measures WHERE target_id = t.id ORDER BY entity_id)) AS measures`;

export function toTarget(r: TargetRow): Target {
  const target: Target = {
    id: r.id,
    metric: r.metric,
    value: r.value,
    unit: r.unit,
    comparator: r.comparator as Target['comparator'],
    quote: r.quote,
    measures: JSON.parse(r.measures) as string[],
    evidence: toEvidence(r),
  };
  if (r.value_max !== null) target.valueMax = r.value_max;
  if (r.year !== null) target.year = r.year;
  if (r.period) target.period = r.period;
  return target;
}
