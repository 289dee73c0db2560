// The scope of a query against the stored documents (one listing per query), and the filter that keeps
// retrieved passages inside it. Search and ask both go through here, so results and answers agree.
import type { DocumentMeta } from '../model/index.js';
import type { PassageHit } from '../store/port.js';
import { passageFit, questionScope, resolveScope, type ResolvedScope } from './question-scope.js';
import type { Scope } from './search-schemas.js';
import type { SearchDeps } from './search-deps.js';
import { loadScopeRules } from './scope-rules.js';

/** More documents than this and scope reads only the newest; a corpus that size wants a store-side filter. */
const MAX_DOCUMENTS = 5000;
/** Shown in `understanding.scope`. */
const MAX_SHOWN = 20;

/**
 * The document list is read at most this often per store. A document ingested meanwhile is not yet
 * listed: its passages then count as of unknown region (kept), so a stale list never hides them.
 */
const DOCUMENTS_TTL_MS = 5000;
const listed = new WeakMap<object, { at: number; docs: Promise<DocumentMeta[]> }>();

function documentsOf(store: SearchDeps['store']): Promise<DocumentMeta[]> {
  const cached = listed.get(store);
  if (cached && performance.now() - cached.at < DOCUMENTS_TTL_MS) return cached.docs;
  const docs = store.listDocuments({ offset: 0, limit: MAX_DOCUMENTS }).then((page) => page.items);
  listed.set(store, { at: performance.now(), docs });
  // a failed listing is not kept: the next query asks again
  docs.catch(() => listed.delete(store));
  return docs;
}

export async function scopeForQuery(deps: Pick<SearchDeps, 'store'>, q: string): Promise<ResolvedScope> {
  const rules = loadScopeRules();
  const scope = questionScope(q, rules);
  return resolveScope(scope, q, await documentsOf(deps.store), rules);
}

/** The hits inside the scope, in their order; a document of unknown region stays. */
export function hitsInScope(hits: readonly PassageHit[], scope: ResolvedScope): PassageHit[] {
  if (!scope.restricted) return [...hits];
  const rules = loadScopeRules();
  return hits.filter((h) => passageFit(scope, h.passage.docId, h.passage.text, rules) !== 'out');
}

/** How far an answer from `docId` can be trusted on scope alone: 1 inside, less when its region is unknown. */
export function scopeConfidence(scope: ResolvedScope, docId: string | undefined): number {
  if (!scope.restricted || !docId) return 1;
  const fit = scope.documents.get(docId)?.fit;
  return fit === 'in' ? 1 : fit === 'contains' ? 0.9 : fit === 'unknown' ? 0.8 : 0.3;
}

/** The words of a query that only set its scope: region names, years, 今年, plan periods, 全国, a document's name. */
export function scopeWords(q: string, scope: ResolvedScope): string[] {
  const rules = loadScopeRules();
  return [
    ...rules.regions.mentions(q).map((m) => q.slice(m.start, m.end)),
    ...scope.years.flatMap((y) => [`${y}年`, String(y)]),
    ...(scope.relativeYear ? [scope.relativeYear.word] : []),
    ...(scope.period ? scope.period.words.filter((w) => q.includes(w)) : []),
    ...rules.national.words.filter((w) => q.includes(w)),
    ...scope.documentNames,
  ].map((w) => w.toLowerCase());
}

/**
 * The coverage terms without the scope's words: once results are kept inside the scope, a sentence
 * need not repeat the region or the year to answer (a Jiangsu report rarely writes 江苏 in a target).
 */
export function withoutScopeWords(groups: readonly string[][], words: readonly string[]): string[][] {
  const kept = groups.filter((g) => !words.some((w) => w.includes(g[0]!)));
  return kept.length ? kept : [...groups];
}

/** The scope as `understanding` states it. */
export function describeScope(scope: ResolvedScope): Scope {
  const inside = [...scope.documents.values()].flatMap((d) => (d.fit === 'out' ? [] : [{ ...d, fit: d.fit }]));
  return {
    regions: scope.regions,
    national: scope.national,
    years: scope.years,
    ...(scope.relativeYear ? { relativeYear: scope.relativeYear.word } : {}),
    ...(scope.period ? { period: scope.period.name } : {}),
    restricted: scope.restricted,
    documents: inside.slice(0, MAX_SHOWN).map((d) => ({ id: d.id, title: d.title, fit: d.fit, ...(d.region ? { region: d.region } : {}), ...(d.year ? { year: d.year } : {}) })),
    excludedDocuments: scope.documents.size - inside.length,
  };
}
