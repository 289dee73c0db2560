// The scorer follows the guidelines' matching rules; each case is one rule.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../model/index.js';
import { AnswerKey, namesMatch, scoreExtraction } from './score-extraction.js';

describe('namesMatch', () => {
  it.each<[string, string, string, boolean]>([
    ['equal after marks are removed', '《数据安全法》', '数据安全法', true],
    ['quotation marks do not count', '“两新”政策', '两新政策', true],
    ['one contains the other, the shorter ≥ 3 characters and ≥ 60 %', '南通高新区', '江苏南通高新区', true],
    ['a shorter name under 60 % of the longer does not match', '高新区', '南通市通州高新区', false],
    ['two characters are too few to match by containment', '光伏', '光伏产业', false],
  ])('%s', (_why, a, b, expected) => {
    expect(namesMatch(a, b)).toBe(expected);
  });
});

const evidence = { docId: 'd', passageId: 'p', start: 0, end: 1, rule: 'x' };
const facts = (over: Partial<ExtractedDocument>): ExtractedDocument => ({ profile: {}, entities: [], mentions: [], targets: [], relations: [], ...over });
const key = (over: Record<string, unknown>): AnswerKey => AnswerKey.parse({ doc: 'd.txt', ...over });

describe('scoreExtraction', () => {
  it('counts recall on required names and precision against required ∪ acceptable', () => {
    const entities = ['新能源', '集成电路产业', '物流'].map((n) => ({ id: `Industry:${n}`, type: 'Industry' as const, name: n, aliases: [] }));
    const s = scoreExtraction(facts({ entities }), key({ industries: ['集成电路产业', '生物医药'], industries_acceptable: ['新能源'] }));
    expect(s.tallies.industries).toEqual({ found: 1, required: 2, correct: 2, extracted: 3 });
    expect(s.misses.industries).toEqual(['生物医药']);
    expect(s.wrong.industries).toEqual(['物流']);
  });

  it('matches a target on value, unit, comparator, year and metric; a support target is not required', () => {
    const target = { id: 't', metric: '城镇新增就业', value: 120, unit: '万人', comparator: '=' as const, year: 2026, quote: '城镇新增就业120万人', measures: [], evidence };
    const k = key({
      targets: [
        { metric: '城镇新增就业', value: 120, unit: '万人', comparator: '=', year: 2026, quote: '城镇新增就业120万人', kind: 'goal' },
        { metric: '奖励', value: 500, unit: '万元', comparator: '<=', year: null, quote: '给予最高500万元奖励', kind: 'support' },
      ],
    });
    expect(scoreExtraction(facts({ targets: [target] }), k).tallies.targets).toEqual({ found: 1, required: 1, correct: 1, extracted: 1 });
    expect(scoreExtraction(facts({ targets: [{ ...target, year: 2025 }] }), k).tallies.targets.found).toBe(0);
  });

  it('scores INTEGRATES_WITH in either direction and leaves relations to a Region out', () => {
    const e = (type: 'Industry' | 'Region' | 'Park', name: string) => ({ id: `${type}:${name}`, type, name, aliases: [] });
    const entities = [e('Industry', '先进制造业'), e('Industry', '现代服务业'), e('Region', '江苏省'), e('Park', '苏州工业园区')];
    const relations = [
      { type: 'INTEGRATES_WITH' as const, from: 'Industry:现代服务业', to: 'Industry:先进制造业', weight: 1, evidence: [evidence] },
      { type: 'CONTAINS' as const, from: 'Region:江苏省', to: 'Park:苏州工业园区', weight: 1, evidence: [evidence] },
    ];
    const s = scoreExtraction(facts({ entities, relations }), key({ relations: [{ type: 'INTEGRATES_WITH', from: '先进制造业', to: '现代服务业' }] }));
    expect(s.tallies.relations).toEqual({ found: 1, required: 1, correct: 1, extracted: 1 });
  });
});
