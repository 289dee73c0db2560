// "通过什么系统办理？" asks for a thing of a kind: the answer is the name the sentence gives that kind
// ("目录区块链系统"), not the whole clause around it. Pure, over jieba's tagged tokens: the asked kind is
// the noun right after 什么/哪个/哪种…, and the answer is that noun in the sentence with the nouns
// that modify it (a name is a run of nouns in Chinese: 市大数据平台目录区块链系统).
import type { Token } from '../model/index.js';
import type { Span } from './answer-span.js';

const WHICH = new Set(['什么', '哪个', '哪种', '何种', '哪类', '哪一', '哪项', '哪一种', '啥']);
/** Kinds that are asked elsewhere or are no thing: a body (organisation answers), a time, a level, a way. */
const NOT_A_KIND = new Set(['部门', '单位', '机构', '时候', '时间', '水平', '程度', '样', '方面', '情况', '意思', '作用', '办法', '原因']);
/** Nouns and the names the lexicon tags by entity type (大数据 → Industry). */
const NOUN = /^(?:n|nz|ng|nt|ns|nr|vn|eng|[A-Z])/;
const MAX_NAME = 20;

/** The kind a question asks for ("什么系统" → 系统), or undefined. */
export function askedKind(questionTokens: readonly Token[]): string | undefined {
  for (let i = 0; i + 1 < questionTokens.length; i++) {
    if (!WHICH.has(questionTokens[i]!.word)) continue;
    const next = questionTokens[i + 1]!;
    if (NOUN.test(next.tag) && [...next.word].length >= 2 && !NOT_A_KIND.has(next.word)) return next.word;
  }
  return undefined;
}

/**
 * The name of the asked kind in a sentence: the first token that is (or ends with) the kind, with the
 * nouns right before it; undefined when the sentence names the kind bare or not at all.
 */
export function kindNameSpan(tokens: readonly Token[], kind: string): Span | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word.endsWith(kind)) continue;
    let first = i;
    while (first > 0 && NOUN.test(tokens[first - 1]!.tag) && tokens[i]!.end - tokens[first - 1]!.start <= MAX_NAME) first--;
    const span = { start: tokens[first]!.start, end: tokens[i]!.end };
    if (span.end - span.start > kind.length) return span;
  }
  return undefined;
}
