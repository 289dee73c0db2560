import { describe, expect, it } from 'vitest';
import { getSegmenter } from './segmenter.js';

const text = '到2025年地区生产总值跨越2000亿元大关，南通云溪高新区新一代信息技术产业增长26.95%，利润-3480.83万元，工信部支持。';

describe('the segmenter', () => {
  const seg = getSegmenter();

  it('is loaded once per process', () => {
    expect(getSegmenter()).toBe(seg);
  });

  it('refuses to reload with another lexicon folder', () => {
    expect(() => getSegmenter({ lexiconDir: '/nowhere' })).toThrow(/already loaded/);
  });

  it('returns tokens that cover the text exactly, with offsets', () => {
    const tokens = seg.tag(text);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    let pos = 0;
    for (const t of tokens) {
      expect(t.start).toBe(pos);
      expect(text.slice(t.start, t.end)).toBe(t.word);
      pos = t.end;
    }
    expect(pos).toBe(text.length);
  });

  it.each(['2025年', '2000亿元', '26.95%', '-3480.83万元'])('keeps %s as one numeral token', (number) => {
    const token = seg.tag(text).find((t) => t.word === number);
    expect(token?.tag).toBe('m');
  });

  it('tags lexicon words with their entity type and aliases with their canonical name', () => {
    const tags = Object.fromEntries(seg.tag(text).map((t) => [t.word, t.tag]));
    expect(tags['新一代信息技术']).toBe('Industry');
    expect(tags['高新区']).toBe('Park');
    expect(tags['南通']).toBe('Region=南通市');
    expect(tags['工信部']).toBe('Organization=工业和信息化部');
  });

  it('gives lowercase search terms without punctuation, numbers whole', () => {
    const terms = seg.searchTokens('PM2.5浓度下降26.95%，建成5G基站500家。');
    expect(terms).toContain('pm2.5');
    expect(terms).toContain('26.95%');
    expect(terms).toContain('500家');
    expect(terms).toContain('500');
    expect(terms).toContain('5g');
    expect(terms.some((t) => /^[，。]$/.test(t))).toBe(false);
    expect(terms).not.toContain('2');
  });

  it('terms a segmented passage as it terms its text, from the words it was cut into', () => {
    const text = '到2027年，示范区PM2.5浓度降至30微克/立方米，新建5G基站1.2万个，培育专精特新企业 120家。';
    const passage = { id: 'd:p1', docId: 'd', ordinal: 1, heading: '', text, start: 0, end: text.length };
    const fromWords = seg.searchTokensOfSegmented(seg.segment(passage));
    expect(fromWords).toEqual(seg.searchTokens(text));
    expect(fromWords).toContain('2027年');
    expect(fromWords).toContain('120家');
    // a second passage reusing the words gives the same terms (the per-word cache)
    expect(seg.searchTokensOfSegmented(seg.segment({ ...passage, id: 'd:p2' }))).toEqual(fromWords);
  });

  it('segments a passage keeping its fields', () => {
    const passage = { id: 'd:p0', docId: 'd', ordinal: 0, heading: '', text: '南通高新区', start: 10, end: 15 };
    const segmented = seg.segment(passage);
    expect(segmented).toMatchObject(passage);
    expect(segmented.tokens.map((t) => t.word).join('')).toBe('南通高新区');
  });
});
