// The document profile is read from a document's own opening lines: table-driven, with short texts
// written in the shape of each genre.
import { describe, expect, it } from 'vitest';
import { passagesOf } from '../../test/support/extract-facts.js';
import { extractDocument } from './extract-document.js';
import type { DocumentProfile } from '../model/index.js';

const profileOf = (text: string, title = 'file-name'): DocumentProfile =>
  extractDocument({ id: 'doc', title }, passagesOf(text)).profile;

describe('document profile', () => {
  it.each<[string, string, DocumentProfile]>([
    [
      'a provincial work report names its congress, government, date and year',
      '2027年浙江省政府工作报告\n——2027年1月20日在浙江省第十四届人民代表大会第六次会议上\n各位代表：\n现在，我代表浙江省人民政府向大会报告工作，请予审议。\n一、2026年工作回顾',
      { region: '浙江省', issuer: '浙江省人民政府', publishedAt: '2027-01-20', genre: '政府工作报告', period: '2027' },
    ],
    [
      'a district report qualifies its district with the prefecture and “区人民政府” with the district',
      '政 府 工 作 报 告\n——2020年1月8日在苏州市吴江区第十七届人民代表大会第四次会议上\n各位代表：\n现在，我代表区人民政府向大会报告工作。',
      { region: '苏州市吴江区', issuer: '苏州市吴江区人民政府', publishedAt: '2020-01-08', genre: '政府工作报告', period: '2020' },
    ],
    [
      'a notice that issues guidance has the guidance’s genre and the issuing bureau',
      '广州市工业和信息化局印发《关于推进工业互联网发展的指导意见》的通知\n各区政府：\n现印发给你们。\n2023年5月6日',
      { region: '广州市', issuer: '广州市工业和信息化局', publishedAt: '2023-05-06', genre: '指导意见' },
    ],
    [
      'an action plan with a year range in its title has that range as its period',
      '河南省人民政府办公厅关于印发河南省数字经济发展行动计划（2022-2025年）的通知\n各省辖市人民政府：\n现印发给你们。',
      { region: '河南省', issuer: '河南省人民政府办公厅', genre: '行动计划', period: '2022-2025' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(profileOf(text)).toEqual(expected);
  });

  it('a national report delivered for the State Council governs the country and dates from the year after its review', () => {
    const p = profileOf('各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2023年工作回顾\n过去一年很不平凡。', '2024-national-report');
    expect(p).toMatchObject({ region: '中国', issuer: '国务院', publishedAt: '2024', genre: '政府工作报告', period: '2024' });
  });

  it('a news report has no issuer or date; its region is the place it names most, with its prefecture', () => {
    const text = '未来五年，是吴江发展的关键时期。\n吴江区将到2025年建成创新强区，苏州市委支持吴江。\n吴江区加快发展。\n本报记者 张三';
    const p = profileOf(text);
    expect(p.genre).toBe('新闻报道');
    expect(p.issuer).toBeUndefined();
    expect(p.publishedAt).toBeUndefined();
    expect(p.region).toBe('苏州市吴江区');
    expect(p.period).toBe('2021-2025');
  });
});
