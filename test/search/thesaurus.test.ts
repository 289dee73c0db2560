// The thesaurus as data (graph/thesaurus): its files parse, an everyday wording reaches the policy
// term one way, abbreviations and synonyms both ways, and query expansion uses it.
import { describe, expect, it } from 'vitest';
import { expandMetricWords } from '../../src/search/match-targets.js';
import { queryTokens } from '../../src/search/query-tokens.js';
import { createThesaurus, loadThesaurus, parseFillers, parseThesaurus } from '../../src/search/thesaurus.js';
import { getSegmenter } from '../../src/segment/index.js';

const thesaurus = loadThesaurus();
const alternatives = (text: string) => thesaurus.expansionsIn(text).flatMap((m) => m.alternatives);

describe('thesaurus data', () => {
  it.each([
    ['物价涨得快吗', '居民消费价格'],
    ['找到工作的人', '城镇新增就业'],
    ['综保区', '综合保税区'],
    ['综合保税区', '综保区'],
    ['高企数量', '高新技术企业'],
    ['农高区', '农业高新技术产业示范区'],
    ['专精特新小巨人', '专精特新'],
    ['gdp增速', '地区生产总值'],
    ['经济打算增长多少', '地区生产总值'],
    ['没有工作的人', '城镇调查失业率'],
    ['财政入不敷出', '赤字率'],
    ['研发经费占GDP', '强度'],
    ['固投增速', '固定资产投资'],
    ['城市化率', '城镇化率'],
  ])('%s → %s', (text, term) => {
    expect(alternatives(text)).toContain(term);
  });

  it('does not turn a policy term back into an everyday wording', () => {
    expect(alternatives('居民消费价格涨幅')).not.toContain('物价');
  });

  it('matches the longest phrase, without overlaps', () => {
    const m = thesaurus.expansionsIn('规上工业增加值增长');
    expect(m.map((x) => x.surface)).toEqual(['规上工业增加值']);
    expect(m[0]!.alternatives).toContain('规模以上工业增加值');
  });

  it('refuses a malformed line or a one-character wording, naming the line', () => {
    expect(() => parseThesaurus('# c\n物价\n', false, 'x.tsv')).toThrow(/x\.tsv:2/);
    expect(() => parseThesaurus('价格\t价|物价', false, 'x.tsv')).toThrow(/"价"/);
    expect(parseThesaurus('# comment\n\n居民消费价格\t物价|CPI\n', false)).toEqual([{ term: '居民消费价格', variants: ['物价', 'CPI'], twoWay: false }]);
  });

  it('matches a wording split by filler words only, and keeps the words between its parts apart', () => {
    const t = createThesaurus(parseThesaurus('城镇调查失业率\t没…工作\n地区生产总值\t经济…增长\n', false), ['有', '打算', '了']);
    const [m] = t.expansionsIn('没有工作的人');
    expect(m).toMatchObject({ surface: '没工作', start: 0, end: 4, alternatives: ['城镇调查失业率'] });
    expect(t.expansionsIn('没工作')[0]!.end).toBe(3);
    expect(t.expansionsIn('经济打算增长多少')[0]!.alternatives).toEqual(['地区生产总值']);
    // a word with a meaning of its own between the parts, punctuation, or too far: not one phrase
    expect(t.expansionsIn('没有稳定工作')).toEqual([]);
    expect(t.expansionsIn('数字经济核心产业增长')).toEqual([]);
    expect(t.expansionsIn('没有，工作')).toEqual([]);
    expect(t.expansionsIn('没有有有有有工作')).toEqual([]);
  });

  it('reads the filler words as data', () => {
    expect(parseFillers('# c\n打算\n\n 要 \n')).toEqual(['打算', '要']);
    expect(alternatives('今年经济打算增长多少')).toContain('地区生产总值');
    expect(alternatives('数字经济核心产业增长多少')).not.toContain('地区生产总值');
  });

  it('refuses a split wording that splits at an end or a policy term written split', () => {
    expect(() => parseThesaurus('失业率\t没…\n', false, 'x.tsv')).toThrow(/x\.tsv:1/);
    expect(() => parseThesaurus('失…业率\t失业\n', true, 'x.tsv')).toThrow(/written whole/);
  });

  it('merges the wordings an entry and another give one surface', () => {
    const t = createThesaurus([
      { term: '补贴', variants: ['补助'], twoWay: true },
      { term: '奖补', variants: ['补助'], twoWay: true },
    ]);
    expect(t.expansionsIn('补助')[0]!.alternatives).toEqual(['补贴', '奖补']);
  });
});

describe('query expansion', () => {
  const segmenter = getSegmenter();

  it('adds the policy words to the full-text query and groups them with the words they replace', () => {
    const tokens = queryTokens(segmenter, '今年物价打算控制在什么水平？');
    expect(tokens.expansions).toContain('居民消费价格');
    expect(tokens.terms).not.toContain('居民消费价格');
    expect(tokens.groups).toContainEqual(expect.arrayContaining(['物价', '居民消费价格']));
    expect(tokens.groups.flat().filter((t) => t === '物价')).toHaveLength(1);
  });

  it('leaves a query without everyday wordings as it was', () => {
    const tokens = queryTokens(segmenter, '链长制的做法');
    expect(tokens.expansions).toEqual([]);
    expect(tokens.groups).toEqual(tokens.terms.map((t) => [t]));
  });

  it('matches target metrics in policy words for a question in everyday words', () => {
    expect(expandMetricWords(['物价'], '物价涨幅目标')).toContain('居民消费价格');
    expect(expandMetricWords(['高企'], '')).toContain('高新技术企业');
  });
});
