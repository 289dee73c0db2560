// List answers come from the graph. In order: the neighbours of the entities the question names by
// the relation its verb points at (拓展 → EXTENDS_TO); for a bare "通州区有哪些园区", every entity of
// that kind; the entities of the asked kind that the best-matching sentence names ("落实哪些国家战略"
// → 长三角区域一体化发展、长江经济带); any stated relation, then co-occurrence, of the named
// entities. Otherwise none: the best sentence answers better. Each item carries its evidence.
import type { EntityType, Evidence, RelationType } from '../model/index.js';
import type { GraphEdge, GraphNode } from '../store/port.js';
import type { AnswerDraft } from './answer-draft.js';
import { bestSentences } from './best-sentences.js';
import { citationOf, citeEach, dedupeCitations, evidenceSpan } from './cite-evidence.js';
import { STATED_RELATIONS } from './graph-channel.js';
import { knownEntities, recogniseMentions, type RecognisedEntity } from './recognise-query-entities.js';
import type { Retrieval } from './retrieve-passages.js';
import type { Citation, EntityRef, ListItem } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { isKindWord, type QuestionAnalysis } from './understand-question.js';

const MAX_ITEMS = 20;
const MAX_SUBJECTS = 3;
const EVIDENCE_PER_ITEM = 2;
const MAX_CITATIONS = 10;
/** Sentences tried for entities of the asked kind. */
const SENTENCES_TRIED = 3;

/** Confidence by how the items were found: a relation the question names beats any relation, which beats co-occurrence. */
const CONFIDENCE = { cued: 0.85, bareKind: 0.7, stated: 0.65, coOccurs: 0.5 };

const TYPE_LABEL: Record<EntityType, string> = { Park: '园区', Industry: '产业', Policy: '政策', Region: '地区', Organization: '机构' };
/** How the relation reads from the subject's side: [subject is the source, subject is the target]. */
const RELATION_LABEL: Record<RelationType, [string, string]> = {
  EXTENDS_TO: ['拓展延伸的', '由之拓展而来的'],
  INTEGRATES_WITH: ['融合发展的', '融合发展的'],
  HOSTS: ['承载的', '承载它的'],
  SUPPORTS: ['支持的', '支持它的'],
  PART_OF: ['所属的', '包含的'],
  CONTAINS: ['包含的', '所属的'],
  CO_OCCURS: ['相关的', '相关的'],
};

interface Found {
  node: GraphNode;
  relation?: RelationType;
  outgoing: boolean;
  evidence: Evidence[];
  /** Ready citations (items found in a sentence cite the sentence). */
  citations?: Citation[];
}

type Deps = Pick<SearchDeps, 'store' | 'segmenter'>;

async function neighboursBy(deps: Deps, subjects: readonly RecognisedEntity[], rels: RelationType[], wanted: EntityType | undefined): Promise<Found[]> {
  const subjectIds = new Set(subjects.map((s) => s.id));
  const graphs = await Promise.all(
    subjects.map((s) => deps.store.neighbors(s.id, { depth: 1, rels, limit: MAX_ITEMS + 1, ...(wanted ? { types: [wanted] } : {}) })),
  );
  const found = new Map<string, Found>();
  graphs.forEach((g, i) => {
    const subject = subjects[i]!.id;
    const nodes = new Map(g.nodes.map((n) => [n.id, n]));
    for (const edge of [...g.edges].sort((a: GraphEdge, b: GraphEdge) => b.weight - a.weight)) {
      if (edge.source !== subject && edge.target !== subject) continue;
      const outgoing = edge.source === subject;
      const other = outgoing ? edge.target : edge.source;
      const node = nodes.get(other);
      if (!node || subjectIds.has(other)) continue;
      const entry = found.get(other) ?? { node, relation: edge.type, outgoing, evidence: [] };
      entry.evidence.push(...edge.evidence);
      found.set(other, entry);
    }
  });
  return [...found.values()].slice(0, MAX_ITEMS);
}

/** Entities of the kind, most mentioned first; within the subjects' documents when there are subjects. */
async function entitiesOfKind(deps: Deps, wanted: EntityType, docIds: ReadonlySet<string>): Promise<Found[]> {
  const all = await deps.store.findEntities({ type: wanted, limit: MAX_ITEMS * 5 });
  const kept = all.filter((e) => !docIds.size || e.docIds.some((d) => docIds.has(d))).slice(0, MAX_ITEMS);
  const evidence = await Promise.all(kept.map((e) => deps.store.entityEvidence(e.id, EVIDENCE_PER_ITEM)));
  return kept.map((e, i) => ({ node: { id: e.id, name: e.name, type: e.type }, outgoing: true, evidence: evidence[i]! }));
}

/** Entities of the kind named in the best sentences, with the sentence as their citation. */
async function entitiesInBestSentence(
  deps: Deps,
  retrieval: Retrieval,
  wanted: EntityType,
  exclude: ReadonlySet<string>,
): Promise<{ found: Found[]; coverage: number }> {
  const sentences = bestSentences(
    retrieval.ranked.map((r) => r.item),
    retrieval.tokens.groups,
  ).slice(0, SENTENCES_TRIED);
  for (const s of sentences) {
    if (s.coverage === 0) break;
    const mentions = recogniseMentions(deps.segmenter, s.hit.passage.text).filter((m) => m.start >= s.start && m.end <= s.end && !exclude.has(m.id));
    const known = await knownEntities(deps.store, mentions.map((m) => m.id));
    const citation = citationOf(s.hit, s);
    const found = [...known.values()]
      .filter((e) => e.type === wanted)
      .map((e) => ({ node: { id: e.id, name: e.name, type: e.type }, outgoing: true, evidence: [], citations: [citation] }));
    if (found.length) return { found, coverage: s.coverage };
  }
  return { found: [], coverage: 0 };
}

function phrase(subjects: readonly RecognisedEntity[], found: readonly Found[], wanted: EntityType | undefined): string {
  const names = found.map((f) => f.node.name);
  const type = wanted ?? found[0]!.node.type;
  const kind = found.every((f) => f.node.type === type) ? TYPE_LABEL[type] : '对象';
  const first = found[0]!;
  const head =
    subjects.length && first.relation
      ? `${subjects.map((s) => s.name).join('、')}${RELATION_LABEL[first.relation][first.outgoing ? 0 : 1]}${kind}`
      : kind;
  return `${head}（${names.length}个）：${names.join('、')}`;
}

async function toDraft(deps: Deps, subjects: readonly RecognisedEntity[], found: Found[], wanted: EntityType | undefined, confidence: number): Promise<AnswerDraft> {
  const spans = found.map((f) => f.evidence.slice(0, EVIDENCE_PER_ITEM).map(evidenceSpan));
  // a bare mention quotes just the name: quote its clause instead
  const cited = await citeEach(deps.store, spans.flat(), { widen: true });
  let at = 0;
  const items: ListItem[] = found.map((f, i) => {
    const mine = cited.slice(at, at + spans[i]!.length).filter((c): c is Citation => c !== undefined);
    at += spans[i]!.length;
    return {
      entity: ref(f.node),
      ...(f.relation ? { relation: f.relation } : {}),
      citations: dedupeCitations([...(f.citations ?? []), ...mine]),
    };
  });
  const citations = dedupeCitations(items.flatMap((it) => it.citations.slice(0, 1))).slice(0, MAX_CITATIONS);
  return { kind: 'list', answer: phrase(subjects, found, wanted), confidence, citations, items };
}

function ref(n: GraphNode): EntityRef {
  return { id: n.id, name: n.name, type: n.type };
}

export async function answerList(
  deps: Deps,
  analysis: QuestionAnalysis,
  entities: readonly RecognisedEntity[],
  retrieve: () => Promise<Retrieval>,
): Promise<AnswerDraft | undefined> {
  const wanted = analysis.wantedType;
  const subjects = entities.filter((e) => e.type !== 'Region').slice(0, MAX_SUBJECTS);
  const namedDocs = new Set(entities.flatMap((e) => e.docIds));
  const draft = (found: Found[], confidence: number) => toDraft(deps, subjects, found, wanted, confidence);

  if (subjects.length && analysis.relations.length) {
    const found = await neighboursBy(deps, subjects, analysis.relations, wanted);
    if (found.length) return draft(found, CONFIDENCE.cued);
  }
  if (!wanted) return undefined;
  const bare = !subjects.length && analysis.metricWords.every(isKindWord);
  if (bare) {
    const found = await entitiesOfKind(deps, wanted, namedDocs);
    if (found.length) return draft(found, CONFIDENCE.bareKind);
  }
  const inSentence = await entitiesInBestSentence(deps, await retrieve(), wanted, new Set(subjects.map((s) => s.id)));
  if (inSentence.found.length) return draft(inSentence.found, inSentence.coverage);
  if (subjects.length) {
    for (const [rels, confidence] of [
      [STATED_RELATIONS, CONFIDENCE.stated],
      [['CO_OCCURS'], CONFIDENCE.coOccurs],
    ] as const) {
      const found = await neighboursBy(deps, subjects, [...rels], wanted);
      if (found.length) return draft(found, confidence);
    }
  }
  // Anything else is better answered by the best sentence than by every entity of the kind.
  return undefined;
}
