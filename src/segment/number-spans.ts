// Finds numbers written with their unit ("26.95%", "-3480.83万元", "2025年", "500家", "5%-6%") so the
// segmenter can keep each one whole: jieba splits them into digits, dots and unit words.

/** Magnitude words that may stand between a number and its unit (万元, 亿元, 万亿斤). */
const MAGNITUDE = '(?:万亿|亿|万|千|百)';

/** Units, longest first so alternation prefers 万千瓦 over 万. Kept to measure words seen in policy text. */
const UNITS = [
  '微克/立方米', '毫克/升', '个百分点', '百分点', '吨标准煤', '平方公里', '平方米', '立方米', '千瓦时', '标准箱', '人次',
  '公顷', '公里', '千米', '千瓦', '兆瓦', '吉瓦', '美元', '公斤', '小时', '分钟', '标箱',
  '%', '‰', '人', '元', '斤', '吨', '瓦', '亩', '米', '户', '家', '个', '所', '座', '项', '件', '套',
  '台', '辆', '条', '张', '间', '场', '次', '年', '岁', '倍', '天', '月', '日', '名', '位', '艘',
  '架', '头', '只', '栋', '处', '批', '款', '类', '种', '床', '宗', '块', '支', '份', '篇', '部',
  '箱', '门', '册', '株', '棵', '盏', '眼', '口', '组', '轮', '期', '届', '代', '层',
].join('|');

const NUMBER = '\\d+(?:,\\d{3}(?!\\d))*(?:\\.\\d+)?';
/** A unit: magnitude then measure word, or either alone. The percent sign binds tightest. */
const UNIT = `(?:${MAGNITUDE}?(?:${UNITS})|${MAGNITUDE})`;
/** Range separators between two numbers ("5%-6%", "5-6个", "2021-2023年", "3~5年"). */
const RANGE_SEP = '[-~～—]';

/**
 * One number span: an optional sign, a number, an optional unit, and optionally a range to a second
 * number with its own unit. The look-behind keeps us out of the middle of a number or a code ("PM2.5").
 */
const NUMBER_SPAN = new RegExp(
  `(?<![\\dA-Za-z.])(?:-(?=\\d))?${NUMBER}(?:${UNIT})?(?:${RANGE_SEP}${NUMBER}(?:${UNIT})?)?`,
  'g',
);

export interface NumberSpan {
  start: number;
  end: number;
}

/** Spans of numbers with units in `text`, in order. A number glued to Latin letters (5G, 3A) is a code, not a number. */
export function findNumberSpans(text: string): NumberSpan[] {
  const spans: NumberSpan[] = [];
  NUMBER_SPAN.lastIndex = 0;
  for (let m = NUMBER_SPAN.exec(text); m; m = NUMBER_SPAN.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // A half-width comma we took as a thousands separator may end the match on a trailing dot; trim it.
    while (end > start && text[end - 1] === '.') end--;
    if (/[A-Za-z]/.test(text[end] ?? '')) continue;
    // A sign after a digit or % is a range dash, not a minus (handled by the range part).
    spans.push({ start, end });
  }
  return spans;
}
