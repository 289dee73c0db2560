// Rules target.*: quantitative targets of one passage (GUIDELINES "Target"). A number is a target
// when the grammar around it states one — a comparator (达到/跨越/控制在 … 以上/以内/左右, 约, 增长
// x%), a counted object (新建10家…中心), or a plain figure in a forward-looking statement — the
// statement looks forward (not a 工作回顾 section, no 去年/已经 after the last 今年/力争/到2025年),
// and the clause is not a subsidy rule (奖补最高500万元). One target per number: 分别 lists pair their
// items with their numbers in order, a ratio 19∶43∶38 gives one target per part, a range two bounds.
import type { Comparator, SegmentedPassage, Target, Token } from '../model/index.js';
import type { ResolvedMention } from './resolve-entities.js';
import {
  headingYear,
  isGoalSection,
  isLeadParagraph,
  isPastSection,
  leadYear,
  planNamed,
  speaksOfPast,
  yearAt,
  yearBeforeIn,
  type DocumentPark,
  type SectionContext,
} from './target-context.js';
import { TARGET_RULES } from './target-rules.js';
import { readNumber, type NumberContext, type Previous } from './target-reading.js';
import { readCount } from './target-count.js';
import { readValue, subjectOf } from './target-value.js';
import { measuresOf } from './target-measures.js';
import { clauseSpans, fullStopSpans, paragraphSpans, sentenceSpans, spanIndexAt, trimSpan } from './text-spans.js';

export interface TargetOptions {
  docId: string;
  docYear?: number;
  /** What the passage inherits from its section (see sectionContexts). */
  section?: SectionContext;
  /** The document states a plan (its title or genre): outside review sections it looks forward. */
  plan?: boolean;
  /** Entity id of the document's region: what a target measures when its sentence names nothing. */
  regionId?: string;
  /** The last year of the plan the document sets (“十五” → 2005), for a garbled 到200年. */
  planEndYear?: number;
  /** The document's parks, for a bare class word (高新区) in a target's clause. */
  parks?: DocumentPark[];
  /** The document's industries, for a metric that names one where no mention was marked. */
  industries?: DocumentPark[];
}

/** 到 + a number of years too short to be one ("到200年"). */
const GARBLED_YEAR = /[到至]\d{1,3}年/;

export function extractTargets(passage: SegmentedPassage, mentions: ResolvedMention[], opts: TargetOptions): Target[] {
  if (isPastSection(passage.heading)) return [];
  const { text, tokens } = passage;
  if (!hasNumberToken(tokens, 0, tokens.length)) return [];
  const sectionYear = opts.section?.yearBefore;
  const headYear = headingYear(passage.heading);
  const forwardSection = isGoalSection(passage.heading, opts.docYear) || sectionYear !== undefined || opts.plan === true;
  const sentences = sentenceSpans(text);
  const out: Target[] = [];
  let leadCarry = sectionYear;
  let ti = 0;
  for (const para of paragraphSpans(text)) {
    const paraText = text.slice(para.start, para.end);
    const lead = leadYear(text, para, opts.docYear);
    for (const st of fullStopSpans(text, para)) {
      while (ti < tokens.length && tokens[ti]!.end <= st.start) ti++;
      const from = ti;
      let to = from;
      while (to < tokens.length && tokens[to]!.start < st.end) to++;
      if (!hasNumberToken(tokens, from, to)) continue;
      const clauses = clauseSpans(text, st);
      const fallbackYear = yearBeforeIn(text.slice(para.start, st.start), opts.docYear) ?? lead ?? leadCarry ?? headYear;
      // "到200年": a target year the text garbles is the end of the plan the document sets
      const garbled = opts.planEndYear !== undefined && GARBLED_YEAR.test(text.slice(st.start, st.end)) ? opts.planEndYear : undefined;
      let prev: Previous | undefined;
      for (let n = from; n < to; n++) {
        const reading = readNumber(tokens, n, to);
        if (!reading) continue;
        const t = tokens[n]!;
        const clause = clauses[spanIndexAt(clauses, t.start)];
        if (!clause) continue;
        const sentence = sentences[spanIndexAt(sentences, t.start)] ?? st;
        // "按…金额的30%，给予一次性奖补": the support words may follow the number in its sentence
        if (TARGET_RULES.subsidy.test(text.slice(clause.start, sentence.end))) {
          prev = undefined;
          continue;
        }
        if (TARGET_RULES.statisticClause.test(text.slice(clause.start, clause.end).trim())) continue;
        const statementSoFar = text.slice(st.start, clause.end);
        if (speaksOfPast(statementSoFar, text.slice(0, st.start), opts.section?.pastBefore, opts.docYear)) continue;
        const forward = forwardSection || TARGET_RULES.forward.test(statementSoFar);
        const when = yearAt(tokens, from, n, opts.docYear, garbled !== undefined && GARBLED_YEAR.test(text.slice(st.start, t.start)) ? garbled : fallbackYear);
        if (when.past) continue;
        let cFrom = n;
        while (cFrom > from && tokens[cFrom - 1]!.start >= clause.start) cFrom--;
        const ctx: NumberContext = { tokens, text, n, reading, cFrom, clause, stTo: to, prev, forward };
        const made = readCount(ctx) ?? readValue(ctx);
        if (!made) continue;
        const quoteSpan = trimSpan(text, { start: Math.min(made.quoteStart, clause.start), end: Math.max(clause.end, made.quoteEnd) });
        const measures = made.inherits && prev ? prev.measures : measuresOf(mentions, text, { start: made.subjectStart, end: made.quoteEnd }, sentence, t.start, { ...opts, heading: passage.heading });
        const base = {
          metric: made.metric,
          unit: reading.parts[0]!.unit,
          quote: text.slice(quoteSpan.start, quoteSpan.end),
          measures,
          evidence: {
            docId: opts.docId,
            passageId: passage.id,
            start: passage.start + quoteSpan.start,
            end: passage.start + quoteSpan.end,
            rule: made.rule,
          },
        };
        const id = `${opts.docId}:t:${passage.start + quoteSpan.start}-${passage.start + quoteSpan.end}@${passage.start + t.start}`;
        const period = periodOf(made.period, text.slice(st.start, t.start), passage.heading);
        const bounds: Array<[number, Comparator, string]> =
          reading.kind === 'range'
            ? [[reading.parts[0]!.value, '>=', reading.parts[0]!.unit], [reading.parts[1]!.value, '<=', reading.parts[1]!.unit]]
            : reading.parts.map((p) => [p.value, made.comparator, p.unit]);
        bounds.forEach(([value, comparator, unit], k) => {
          const target: Target = { id: k === 0 ? id : `${id}#${k}`, ...base, value, unit, comparator };
          if (when.year !== undefined) target.year = when.year;
          if (period) target.period = period;
          out.push(target);
        });
        prev = {
          role: made.role,
          n,
          end: made.end,
          metric: made.metric,
          subject: subjectOf(made.metric),
          comparator: made.baseComparator,
          rule: made.rule,
          measures,
          quoteStart: Math.min(made.quoteStart, clause.start),
          ...(made.respective ? { respective: made.respective } : {}),
        };
        n = reading.last;
      }
    }
    leadCarry = isLeadParagraph(paraText, opts.docYear) ?? leadCarry;
  }
  return out;
}

/** 年均 under a named five-year plan is that plan's annual average (“十五五”时期年均). */
function periodOf(period: string | undefined, before: string, heading: string): string | undefined {
  if (period !== '年均') return period;
  const plan = planNamed(before) ?? planNamed(heading);
  return plan ? `${plan}时期年均` : period;
}

/** A statement worth reading: one of its tokens is tagged as a numeral (or an idiom such as 翻一番). */
function hasNumberToken(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const tag = tokens[k]!.tag;
    if (tag.startsWith('m') || ((tag === 'l' || tag === 'i') && tokens[k]!.word.startsWith('翻'))) return true;
  }
  return false;
}
