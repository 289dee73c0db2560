// Turns Neo4j node and relationship properties into model types (the adapter's only translation layer).
import { PROFILE_FIELDS, type DocumentMeta, type EntityType, type Passage, type RelationType, type Target } from '../../model/index.js';
import type { EntityDetail, GraphEdge, GraphNode, PassageHit } from '../port.js';
import { decodeEvidence } from './evidence-codec.js';

type Props = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const optNum = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export function toDocument(p: Props): DocumentMeta {
  const doc: DocumentMeta = {
    id: str(p.id),
    title: str(p.title),
    source: str(p.source),
    sha256: str(p.sha256),
    chars: num(p.chars),
    ingestedAt: str(p.ingestedAt),
  };
  for (const field of PROFILE_FIELDS) {
    const value = optStr(p[field]);
    if (value) doc[field] = value;
  }
  const embedder = optStr(p.embedder);
  if (embedder) doc.embedder = embedder;
  return doc;
}

export function toPassage(p: Props): Passage {
  return {
    id: str(p.id),
    docId: str(p.docId),
    ordinal: num(p.ordinal),
    heading: str(p.heading),
    text: str(p.text),
    start: num(p.start),
    end: num(p.end),
  };
}

export function toPassageHit(row: Props): PassageHit {
  return { passage: toPassage(row.passage as Props), docTitle: str(row.docTitle), score: num(row.score) };
}

export function toEntityDetail(p: Props, mentions: unknown, docIds: unknown): EntityDetail {
  return {
    id: str(p.id),
    type: str(p.type) as EntityType,
    name: str(p.name),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    mentions: num(mentions),
    docIds: Array.isArray(docIds) ? docIds.map(String) : [],
  };
}

export function toNode(p: Props, mentions?: unknown): GraphNode {
  const node: GraphNode = { id: str(p.id), name: str(p.name), type: str(p.type) as EntityType };
  if (mentions !== undefined) node.mentions = num(mentions);
  return node;
}

export function toEdge(row: { type: unknown; source: unknown; target: unknown; props: unknown }): GraphEdge {
  const props = (row.props ?? {}) as Props;
  const type = str(row.type) as RelationType;
  const spans = Array.isArray(props.spans) ? props.spans.map(String) : [];
  return {
    id: `${type}:${str(row.source)}->${str(row.target)}`,
    source: str(row.source),
    target: str(row.target),
    type,
    weight: num(props.weight ?? spans.length),
    evidence: spans.map(decodeEvidence),
  };
}

export function toTarget(p: Props, measures: unknown): Target {
  const target: Target = {
    id: str(p.id),
    metric: str(p.metric),
    value: num(p.value),
    unit: str(p.unit),
    comparator: str(p.comparator) as Target['comparator'],
    quote: str(p.quote),
    measures: Array.isArray(measures) ? measures.map(String) : [],
    evidence: { docId: str(p.docId), passageId: str(p.passageId), start: num(p.start), end: num(p.end), rule: str(p.rule) },
  };
  const valueMax = optNum(p.valueMax);
  const year = optNum(p.year);
  const period = optStr(p.period);
  if (valueMax !== undefined) target.valueMax = valueMax;
  if (year !== undefined) target.year = year;
  if (period) target.period = period;
  return target;
}
