// The fact types every stage shares, with the fixed lists and the one alias rule they imply; no
// imports from above.

export const ENTITY_TYPES = ['Park', 'Industry', 'Policy', 'Region', 'Organization'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Semantic relationship types between entities (the fixed list Cypher may use). */
export const RELATION_TYPES = [
  'HOSTS',
  'SUPPORTS',
  'EXTENDS_TO',
  'INTEGRATES_WITH',
  'PART_OF',
  'CONTAINS',
  'CO_OCCURS',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const COMPARATORS = ['>=', '<=', '=', '>', '<', '~', 'range'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Where a fact comes from. Offsets are UTF-16 indices into the (normalised) document text. */
export interface Evidence {
  docId: string;
  passageId: string;
  start: number;
  end: number;
  /** Stable id of the rule that produced the fact, e.g. `target.reach`, `rel.extends-to`. */
  rule: string;
}

/**
 * What a document is, read from its text (GUIDELINES "Document"): the jurisdiction it governs, the
 * body that issued it, when, its genre and the plan period it sets. A value given at ingest wins.
 */
export interface DocumentProfile {
  region?: string;
  issuer?: string;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is stated. */
  publishedAt?: string;
  genre?: string;
  period?: string;
}

export const PROFILE_FIELDS = ['region', 'issuer', 'publishedAt', 'genre', 'period'] as const;

export interface DocumentMeta extends DocumentProfile {
  id: string;
  title: string;
  source: string;
  sha256: string;
  chars: number;
  ingestedAt: string;
  /** The embedder whose vectors the document's passages hold. */
  embedder?: string;
}

export interface Passage {
  id: string;
  docId: string;
  ordinal: number;
  /** Heading path, outermost first, joined by " / " ("" when none). */
  heading: string;
  text: string;
  /** Offsets of `text` in the document text. */
  start: number;
  end: number;
}

/** One jieba token; offsets are relative to the passage text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface SegmentedPassage extends Passage {
  tokens: Token[];
}

export interface Entity {
  /** `${type}:${name}`: deterministic so MERGE is idempotent. */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface Mention {
  entityId: string;
  /** The text as written (may be an alias). */
  surface: string;
  evidence: Evidence;
}

export interface Target {
  /** Deterministic: derived from docId and the quote's offsets. */
  id: string;
  metric: string;
  value: number;
  /** Upper bound when comparator is `range`. */
  valueMax?: number;
  unit: string;
  comparator: Comparator;
  year?: number;
  period?: string;
  quote: string;
  /** Entity ids the number is about (MEASURES). */
  measures: string[];
  evidence: Evidence;
}

export interface Relation {
  type: RelationType;
  from: string;
  to: string;
  /** Number of supporting statements (CO_OCCURS: co-occurrence count). */
  weight: number;
  evidence: Evidence[];
}

/** Everything extracted from one document, ready to write. */
export interface DocumentFacts {
  entities: Entity[];
  mentions: Mention[];
  targets: Target[];
  relations: Relation[];
}

/** The extraction stage's output: the facts to write and what the document is. */
export interface ExtractedDocument extends DocumentFacts {
  profile: DocumentProfile;
}

/** What a mention's surface may carry around a name: quotation and title marks, whitespace. */
export const NAME_MARKS = ['“', '”', '"', '《', '》', ' ', '\n', '\t', '\u3000'] as const;

/** The alias a surface stands for: the surface without NAME_MARKS (the one rule for extractor and stores). */
export function aliasOf(surface: string): string {
  return [...surface].filter((c) => !(NAME_MARKS as readonly string[]).includes(c)).join('');
}
