// The one schema for a document to ingest, shared by the HTTP API (its OpenAPI type) and the CLI.
import { z } from 'zod';

export const MAX_DOCUMENT_CHARS = 2_000_000;

// C0/C1 controls, zero-width characters and bidirectional overrides: invisible, and in a title able
// to disguise it (RLO) or break a terminal (ESC). Line breaks and tabs count as whitespace.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** True when the text has something to read once invisible characters and whitespace are set aside. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').trim().length > 0;
}

/** A title without invisible characters, its whitespace runs (line breaks included) as one space. */
export function cleanTitle(title: string): string {
  return title.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export const documentInputSchema = z
  .object({
    title: z.string().max(300).transform(cleanTitle).pipe(z.string().min(1, 'a title is required')),
    text: z.string().max(MAX_DOCUMENT_CHARS).refine(hasVisibleText, 'text must not be empty, whitespace or invisible characters only'),
    source: z.string().trim().min(1).max(1000).optional(),
    region: z.string().trim().min(1).max(100).optional(),
    publishedAt: z.iso.date().optional(),
  })
  .strict();

export type DocumentInput = z.infer<typeof documentInputSchema>;
