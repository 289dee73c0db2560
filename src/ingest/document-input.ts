// The one schema for a document to ingest, shared by the HTTP API (its OpenAPI type) and the CLI.
import { z } from 'zod';

export const MAX_DOCUMENT_CHARS = 2_000_000;

// C0/C1 controls, zero-width characters and bidirectional overrides: invisible, and in a title able
// to disguise it (RLO) or break a terminal (ESC). Line breaks and tabs count as whitespace.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * One character that is neither invisible nor whitespace. As a zod regex it is also the pattern in
 * the OpenAPI document, so clients (and fuzzers) know that blank text is refused.
 */
export const VISIBLE_CHARACTER = /[^\s\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/;

/** True when the text has something to read once invisible characters and whitespace are set aside. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}

/** A title without invisible characters, its whitespace runs (line breaks included) as one space. */
export function cleanTitle(title: string): string {
  return title.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export const documentInputSchema = z
  .object({
    title: z.string().max(300).regex(VISIBLE_CHARACTER, 'a title is required').transform(cleanTitle),
    text: z.string().max(MAX_DOCUMENT_CHARS).regex(VISIBLE_CHARACTER, 'text must not be empty, whitespace or invisible characters only'),
    source: z.string().max(1000).regex(/\S/, 'must not be blank').trim().optional(),
    region: z.string().max(100).regex(/\S/, 'must not be blank').trim().optional(),
    publishedAt: z.iso.date().optional(),
  })
  .strict();

export type DocumentInput = z.infer<typeof documentInputSchema>;
