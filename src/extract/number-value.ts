// Reads a protected number token ("2000亿元", "26.95%", "-3480.83万元", "5%-6%", "5-6个") into its
// value(s) and unit, as written: 2000 亿元 stays 2000 亿元 (the unit carries the magnitude).

export interface NumberValue {
  value: number;
  valueMax?: number;
  unit: string;
}

const NUMBER_TOKEN = /^(-?\d[\d,]*(?:\.\d+)?)(%|‰)?(?:[-~～—](\d[\d,]*(?:\.\d+)?))?(\S*)$/;

export function parseNumberToken(word: string): NumberValue | undefined {
  const m = NUMBER_TOKEN.exec(word);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(/,/g, ''));
  const unit = m[4] || m[2] || '';
  if (!Number.isFinite(value)) return undefined;
  const out: NumberValue = { value, unit };
  if (m[3] !== undefined) {
    const max = Number(m[3].replace(/,/g, ''));
    if (Number.isFinite(max) && max > value) out.valueMax = max;
  }
  return out;
}

/** "2025年" → 2025; any other token → undefined. */
export function yearOf(word: string): number | undefined {
  const m = /^((?:19|20)\d{2})年$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A whole number written in Chinese numerals below 万 ("四" → 4, "十二" → 12, "百" → 100, "三百" → 300). */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CN_DIGITS[c]!;
    } else if (c in CN_POWERS) {
      total += (digit ?? 1) * CN_POWERS[c]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const CN_NUMERAL = '[零〇一二两三四五六七八九十百千]+';

/** A count in Chinese numerals with its classifier ("四个", "百家"), for the given classifiers. */
export function parseChineseCount(word: string, classifiers: readonly string[]): NumberValue | undefined {
  const m = new RegExp(`^(${CN_NUMERAL})(.+)$`).exec(word);
  if (!m || !classifiers.includes(m[2]!)) return undefined;
  const value = chineseNumber(m[1]!);
  return value === undefined ? undefined : { value, unit: m[2]! };
}

/** "三分之一" → 0.3333 (four decimals), unit-less. */
export function parseFraction(word: string): NumberValue | undefined {
  const m = new RegExp(`^(${CN_NUMERAL})分之(${CN_NUMERAL})$`).exec(word);
  if (!m) return undefined;
  const den = chineseNumber(m[1]!);
  const num = chineseNumber(m[2]!);
  if (!den || num === undefined || num > den) return undefined;
  return { value: Math.round((num / den) * 10000) / 10000, unit: '' };
}

/** "翻一番" → 1 番, "翻两番" → 2 番, "翻番" → 1 番: a doubling, as written. */
export function parseDoubling(word: string): NumberValue | undefined {
  const m = /^翻([一二两三四])?番$/.exec(word);
  if (!m) return undefined;
  return { value: m[1] ? CN_DIGITS[m[1]]! : 1, unit: '番' };
}
