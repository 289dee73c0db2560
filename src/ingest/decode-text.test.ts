import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const sample = '到2025年高新技术企业达500家';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(sample);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 'b.txt').text).toBe(sample);
  });

  it('reads GB18030 (GBK) text', () => {
    // 通州 in GBK: cd a8 d6 dd
    expect(decodeText(new Uint8Array([0xcd, 0xa8, 0xd6, 0xdd]), 'gbk.txt')).toEqual({ text: '通州', encoding: 'gb18030' });
  });

  it('refuses binary content and names the file', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'image.png')).toThrow(/image\.png/);
  });
});
