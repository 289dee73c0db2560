// Rules entity.quoted-programme and entity.titled-document: policy text quotes the names of its
// programmes and slogans (“大项目突破年”活动, “链长制”招商, “八五”普法, “放管服”) and puts documents in
// book-title marks (《数据安全法》). A quoted phrase is a programme unless it names a way of thinking or a bare count.
import type { EntityCandidate } from './entity-candidate.js';
import { RULES } from './rule-ids.js';
import { LEADING_WORDS } from './name-words.js';

// Curly quotes, or straight ones in texts typed without them
const QUOTED = /[“"]([^“”"，。；！？,;\n]{2,16})[”"]/g;
const TITLED = /《([^《》\n]{3,60})》/g;

/** A word after the quote that belongs to the name ("“八五”普法" → 八五普法, “两新”政策). */
const JOINED_WITH = /^(普法|规划|改革|纲要|政策|制度|战略|行动计划|专项行动|行动|工程|计划|试点|建设|现代化产业体系|产业体系|体系)/;
/** A short qualifier and a word of governance after the quote name one programme (“一类事”全链条治理, “1+2”重点功能区). */
const JOINED_TAIL = /^\p{Script=Han}{1,6}?(治理|整治|监管|功能区)/u;
/** The quote itself ends like a programme name. */
const PROGRAMME_END = /(制|计划|工程|行动|政策|制度|战略|规划|活动|专项行动|改革|试点|示范|普法|纲要|方案)$/;
/** A word after the quote that names the thing by the quote ("…”活动" → the quote is the name). */
const NAMED_BY = /^的?(专项行动|专项活动|活动|行动|工作|试点|工程|战略|计划|行动计划|机制|模式|格局|监管|治理|整治|综合效应|改革效应|效应|典型|成果)/;
/** Verbs that carry out a programme, right before its quoted name (实施“…”, 深入推进“…”). */
const POLICY_VERBS = '实施|推进|落实|深化|开展|推行|坚持|贯彻|推动|用好|抓好|健全|完善|促进|强化|打好|打赢|扎实|做好|优化|加快|推广|巩固|放大|扩大|拓展|探索';
const POLICY_VERB_BEFORE = new RegExp(`(${POLICY_VERBS})$`);
const POLICY_VERB_ANYWHERE = new RegExp(POLICY_VERBS);
/** Where a clause part ends: the quote then stands as the object of the clause's verb. */
const CLAUSE_END = /^[，。；！？,;]|^$/;
const CLAUSE_START = /[，。；：！？,;:\n]/;

/**
 * The clause carries the quote out: a programme verb right before it (实施“…”), or earlier in its
 * clause when the quote ends the clause (推进制造业“智改数转网联”，).
 */
function carriedOut(text: string, start: number, end: number): boolean {
  if (POLICY_VERB_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return true;
  if (!CLAUSE_END.test(text.slice(end, end + 1))) return false;
  let from = start;
  while (from > 0 && start - from < 32 && !CLAUSE_START.test(text[from - 1]!)) from--;
  return POLICY_VERB_ANYWHERE.test(text.slice(from, start));
}

/**
 * A slogan has some Han and no label arithmetic alone ("1+3"); GUIDELINES "Policy" keep parallel
 * phrases as one (碳达峰、碳中和), and a framework may end in + (“数据+”).
 */
const isSlogan = (q: string): boolean => !/[，,]/.test(q) && /\p{Script=Han}{2}/u.test(q) && (!/、/.test(q) || q.split('、').every((part) => part.length >= 3));

/** Quoted phrases that name a way of thinking, not a programme (GUIDELINES: slogans and frameworks are). */
const WAY_OF_THINKING = /精神|理念|思路|意识|思想|作风|品质|形象/;
/** A bare count names nothing by itself — unless a programme word follows it (“1650”产业体系, “八五”普法). */
const BARE_COUNT = /^[一二三四五六七八九十两\d]+$/;

const TITLE_END = /(法|条例|规定|办法|细则|规划|纲要|意见|通知|方案|计划|政策|措施|决定|指南|标准|目录|清单|报告|战略|决议|建议|公约|协定)$/;

/** Words that head a list of programmes: “A”、“B”、C等改革 (效应), “A”、B等机制, A、“B”等执法新模式. */
const PROGRAMME_HEAD = /^等[^，。；、“”"]{0,4}?(改革|机制|模式|制度|政策|举措|行动|工程|试点)/;
/** The quote is an item of a list closed by 等 and a programme word. */
function listedUnder(text: string, end: number): boolean {
  const rest = text.slice(end, end + 40);
  const closer = /^(?:、[^，。；、]{1,14}?)*?(?=等)/.exec(rest);
  return closer !== null && PROGRAMME_HEAD.test(rest.slice(closer[0].length));
}

export function quotedCandidates(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const quote = m[1]!;
    if (WAY_OF_THINKING.test(quote)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 7);
    const end = m.index + m[0].length;
    const joined = JOINED_WITH.exec(after)?.[0] ?? JOINED_TAIL.exec(text.slice(end, end + 10))?.[0];
    if (BARE_COUNT.test(quote) && !joined && !/^[一二三四五六七八九十]+五$/.test(quote)) continue;
    if (joined) {
      out.push(candidate(quote + joined, m.index, end + joined.length));
    } else if (PROGRAMME_END.test(quote) || NAMED_BY.test(after) || listedUnder(text, end) || (carriedOut(text, m.index, end) && isSlogan(quote))) {
      // GUIDELINES "Policy": named slogans and frameworks (放管服, 双随机一公开) — a quote the
      // sentence carries out (实施/推进/落实 “…”), not a nickname or a brand merely quoted
      // a short slogan takes the noun it is about along (抓好内贸“三新”, 推动用水“双控”)
      const about = text.slice(Math.max(0, m.index - 2), m.index);
      const owned = quote.length <= 3 && /^\p{Script=Han}{2}$/u.test(about) && !LEADING_WORDS.has(about) && POLICY_VERB_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index - 2));
      out.push(owned ? candidate(about + quote, m.index - 2, end) : candidate(quote, m.index, end));
    }
  }
  return out;
}

export function titledCandidates(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  TITLED.lastIndex = 0;
  for (let m = TITLED.exec(text); m; m = TITLED.exec(text)) {
    const title = m[1]!.trim();
    const base = title.replace(/[（(][^（()）]*[）)]$/, '');
    if (!TITLE_END.test(base) || base.length < 3) continue;
    out.push({ type: 'Policy', name: title, start: m.index, end: m.index + m[0].length, rule: RULES.entityTitledDocument });
  }
  return out;
}

function candidate(name: string, start: number, end: number): EntityCandidate {
  return { type: 'Policy', name, start, end, rule: RULES.entityQuotedProgramme };
}
