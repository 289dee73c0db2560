// MEASURES (GUIDELINES "Relations"): what a target counts is about — the park, industry or region its
// metric and object name (marked as mentions, else spelled out by name), the document's one park a
// bare class word means, else the place its sentence names, else the document's region.
import type { ResolvedMention } from './resolve-entities.js';
import type { DocumentPark } from './target-context.js';
import { TARGET_RULES } from './target-rules.js';
import type { Span } from './text-spans.js';

const MEASURED_TYPES = new Set(['Park', 'Industry', 'Region', 'Organization']);
/** Outside the number's clause only a place or a park is taken as what the sentence is about. */
const SUBJECT_TYPES = new Set(['Park', 'Region']);

/**
 * Entities the number is about: those named where its metric and object are, or the document's one
 * park a bare class word there means (其中高新区占比80%以上), else the industry its section is
 * about, else the nearest place or park named before it in its sentence, else the document's region.
 */
export function measuresOf(
  mentions: ResolvedMention[],
  text: string,
  span: Span,
  sentence: Span,
  numberStart: number,
  opts: { parks?: DocumentPark[]; industries?: DocumentPark[]; regionId?: string; heading?: string },
): string[] {
  const ids = (list: ResolvedMention[]): string[] => [...new Set(list.map((m) => m.entityId))];
  const inside = mentions.filter((m) => MEASURED_TYPES.has(m.type) && m.start >= span.start && m.end <= span.end);
  if (inside.length > 0) return ids(inside);
  const where = text.slice(span.start, span.end);
  const park = parkOfClassWord(where, opts.parks ?? []);
  if (park) return [park];
  const named = namedIn(where, opts.industries ?? []);
  if (named.length > 0) return named;
  const section = sectionIndustry(opts.heading ?? '', opts.industries ?? []);
  if (section) return [section];
  const before = mentions.filter((m) => SUBJECT_TYPES.has(m.type) && m.start >= sentence.start && m.end <= numberStart);
  if (before.length > 0) return ids(before.slice(-2));
  return opts.regionId ? [opts.regionId] : [];
}

/** The industry a section is about: the one whose name ends its heading (第三节大力提升旅游产业). */
function sectionIndustry(heading: string, industries: DocumentPark[]): string | undefined {
  const title = (heading.split(' / ').pop() ?? '').trim();
  const found = industries.filter((ind) => ind.names.some((n) => n.length >= NAME_MIN && title.endsWith(n)));
  return found.length === 1 ? found[0]!.id : undefined;
}

/** The one park of the document that a class word in the text (高新区) can stand for. */
function parkOfClassWord(text: string, parks: DocumentPark[]): string | undefined {
  const word = TARGET_RULES.parkClassWords.find((w) => text.includes(w));
  if (!word) return undefined;
  const matching = parks.filter((p) => p.names.some((n) => n.endsWith(word) && n.length > word.length));
  return matching.length === 1 ? matching[0]!.id : undefined;
}


const NAME_MIN = 3;

/**
 * The document's industries whose name the metric or object spells out (信息业产值 → 信息业) where the
 * recogniser marked no mention: the longest names, none inside another found one.
 */
function namedIn(text: string, industries: DocumentPark[]): string[] {
  const found: Array<{ id: string; name: string }> = [];
  for (const ind of industries) {
    const name = ind.names.filter((n) => n.length >= NAME_MIN && text.includes(n)).sort((a, b) => b.length - a.length)[0];
    if (name) found.push({ id: ind.id, name });
  }
  return found.filter((f) => !found.some((g) => g !== f && g.name.length > f.name.length && g.name.includes(f.name))).map((f) => f.id);
}
