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

const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const GB_NAMES = new Set(['gb18030', 'gbk', 'gb2312', 'cp936']);

/**
 * Decodes a request body. A declared charset is held to (UTF-8 or the GB family, strictly: invalid
 * bytes are refused, never replaced); without one the bytes are detected like a file's.
 */
export function decodeTextBody(bytes: Uint8Array, charset: string | undefined): { text: string; encoding: Encoding; detected: boolean } {
  const declared = charset?.trim().toLowerCase();
  if (!declared) return { ...decodeText(bytes, 'the request body'), detected: true };
  const decoder = UTF8_NAMES.has(declared) ? utf8 : GB_NAMES.has(declared) ? gb18030 : undefined;
  if (!decoder) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `charset ${declared.slice(0, 40)} is not supported; send UTF-8 or GB18030`);
  if (bytes.includes(0)) throw new AppError('UNDECODABLE_FILE', 'the request body is binary content, not text');
  try {
    return { text: decoder.decode(bytes), encoding: decoder === utf8 ? 'utf-8' : 'gb18030', detected: false };
  } catch (cause) {
    throw new AppError('UNDECODABLE_FILE', `the request body is not valid ${declared}`, { cause });
  }
}
