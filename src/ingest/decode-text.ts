// Decodes file bytes: UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK/GB2312).
// Anything else is refused rather than guessed, so no mojibake reaches the graph.
import { AppError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export type Encoding = 'utf-8' | 'gb18030';

export function decodeText(bytes: Uint8Array, name: string): { text: string; encoding: Encoding } {
  // NUL bytes do not occur in text files of either encoding: this is binary.
  if (bytes.includes(0)) throw new AppError('UNDECODABLE_FILE', `${name}: binary content, not UTF-8 or GB18030 text`);
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      const text = gb18030.decode(bytes);
      // Bytes that are valid GB18030 but decode to control characters are not text either.
      if (/[\u0001-\u0008\u000e-\u001f]/.test(text)) throw new Error('control characters');
      return { text, encoding: 'gb18030' };
    } catch (cause) {
      throw new AppError('UNDECODABLE_FILE', `${name}: neither UTF-8 nor GB18030 text`, { cause });
    }
  }
}
