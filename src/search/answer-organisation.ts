// "Which department/agency" answers, from the best sentences: the body a responsibility note names
// after the statement ("（责任单位：省通信管理局，…）" — its first group, the lead bodies), the body a
// sentence puts in charge ("由省经济和信息化厅负责解释"), or the sentence's subject when it is a body
// that takes charge ("北京市经济和信息化局负责…", "运营单位作为…，承担…责任").
import type { AnswerDraft } from './answer-draft.js';
import { bestSentences, passagesToRead, type ScoredSentence } from './best-sentences.js';
import { citationOf } from './cite-evidence.js';
import { preferAskedYears } from './prefer-asked-years.js';
import type { Retrieval } from './retrieve-passages.js';

/** All the retrieved passages: the sentence naming the body often ends a section, far from its title. */
const PASSAGES_READ = 10;
/** A responsibility note belongs to the statement before it in the same paragraph, this close at most. */
const NOTE_REACH = 400;

export const ORGANISATION_CUE =
  /哪个部门|哪些部门|什么部门|哪个单位|哪些单位|什么单位|哪个机构|哪些机构|什么机构|哪家单位|谁(?:来)?(?:负责|承担|牵头|主管|管理|监管|拍板|解释|决策|组织)|谁来|谁去|由谁|责任单位|牵头单位|主管部门|负责部门|负责单位/;

export function asksOrganisation(question: string): boolean {
  return ORGANISATION_CUE.test(question);
}

const NOTE = /[（(]\s*(?:责任单位|牵头单位|责任部门|牵头部门)\s*[：:]\s*([^）)]+)[）)]/g;
const IN_CHARGE = /由([^，。；,;]{2,30}?)(?:负责|牵头|会同|统筹|承担|组织|进行)/;
const SUBJECT = /^(?:[^，。；]{0,12}，)?([^，。；、]{2,30}?)(?:作为[^，。；]{0,30}，)?(?:负责|承担|牵头|统筹|会同|主管)/;
/** What a body's name ends with. */
const BODY = /(?:局|厅|委|办|部|中心|小组|政府|单位|公司|机构|办公室|委员会|部门|集团|协会|银行|行|院|所|署|会|方|主体)$/;

interface Found {
  name: string;
  /** Citation span, relative to the passage text. */
  start: number;
  end: number;
}

/** The body a clause puts in charge: "由…负责", else its subject when that is a body. */
function bodyIn(text: string): string | undefined {
  const inCharge = IN_CHARGE.exec(text);
  if (inCharge && BODY.test(inCharge[1]!)) return inCharge[1]!;
  const subject = SUBJECT.exec(text);
  if (subject && BODY.test(subject[1]!)) return subject[1]!.replace(/^(?:对于|其中|同时)/, '');
  return undefined;
}

/**
 * The body a sentence (or the responsibility note after it) puts in charge. With the asked duty's
 * wordings, the clause stating that duty names it first ("…小组负责…决策，…小组办公室负责…决策落实"
 * asked who 落实 → the office).
 */
export function organisationIn(passage: string, sentence: { start: number; end: number }, duty: readonly string[] = []): Found | undefined {
  const text = passage.slice(sentence.start, sentence.end);
  if (duty.length) {
    for (const clause of text.split(/[，,；;]/)) {
      const name = duty.some((w) => clause.includes(w)) ? bodyIn(clause) : undefined;
      if (name) return { name, ...sentence };
    }
  }
  const inCharge = IN_CHARGE.exec(text);
  if (inCharge && BODY.test(inCharge[1]!)) return { name: inCharge[1]!, ...sentence };
  const subject = SUBJECT.exec(text);
  if (subject && BODY.test(subject[1]!)) return { name: subject[1]!.replace(/^(?:对于|其中|同时)/, ''), ...sentence };
  NOTE.lastIndex = sentence.start;
  const note = NOTE.exec(passage);
  if (note && note.index - sentence.end <= NOTE_REACH && !passage.slice(sentence.end, note.index).includes('\n')) {
    const lead = note[1]!.split(/[，,；;]/)[0]!.trim();
    if (lead) return { name: lead, start: sentence.start, end: note.index + note[0].length };
  }
  return undefined;
}

/** Words that name the kind of body asked for ("哪个部门"), not what it is responsible for. */
const BODY_KIND = new Set(['部门', '单位', '机构', '哪个', '哪些', '哪家']);
/** How much a sentence stating the asked duty ("落实" in "由谁去落实") moves ahead of one that does not. */
const DUTY_WEIGHT = 0.3;

/**
 * The duty an organisation question asks about: the coverage groups written after its cue ("由谁去落实"
 * → 落实, "由哪个部门负责解释" → 负责, 解释, "谁负责" → 负责), body-kind words left out.
 */
export function dutyGroups(question: string, groups: readonly string[][]): string[][] {
  const cue = ORGANISATION_CUE.exec(question);
  if (!cue) return [];
  // after the cue ("由谁|去落实"), or inside it where the cue is the duty ("谁负责")
  const after = question.slice(cue.index + cue[0].length);
  const tail = (cue[0].includes('谁') ? cue[0].slice(cue[0].indexOf('谁') + 1) + after : after).toLowerCase();
  return groups.filter((g) => !BODY_KIND.has(g[0]!) && tail.includes(g[0]!));
}

export function answerOrganisation(retrieval: Retrieval, question = ''): AnswerDraft | undefined {
  const { hits, read } = passagesToRead(retrieval.ranked, PASSAGES_READ);
  // "哪个部门" asks for a body: a sentence need not say 部门 to name one
  const groups = retrieval.tokens.groups.filter((g) => !BODY_KIND.has(g[0]!));
  const duty = dutyGroups(question, groups);
  const states = (s: ScoredSentence) => {
    if (!duty.length) return 0;
    const text = s.hit.passage.text.slice(s.start, s.end);
    return duty.filter((g) => g.some((w) => text.includes(w))).length / duty.length;
  };
  const sentences: ScoredSentence[] = preferAskedYears(
    bestSentences(hits, groups.length ? groups : retrieval.tokens.groups, { passageLimit: read }).map((s) => ({ ...s, score: s.score + DUTY_WEIGHT * states(s) })),
    retrieval.scope,
  );
  // Every sentence of the passages is tried, best first: the one naming the body may cover less of
  // the question than a title that repeats the policy's name.
  for (const s of sentences) {
    if (s.coverage === 0) break;
    const found = organisationIn(s.hit.passage.text, s, duty.flat().filter((w) => [...w].length >= 2));
    if (!found) continue;
    const citation = citationOf(s.hit, found);
    return { kind: 'explanation', answer: citation.quote, span: found.name, confidence: s.coverage, citations: [citation] };
  }
  return undefined;
}
