// The one schema for a document to ingest, shared by the HTTP API (its OpenAPI type) and the CLI.
import { z } from 'zod';

export const MAX_DOCUMENT_CHARS = 2_000_000;

export const documentInputSchema = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(300),
    text: z
      .string()
      .max(MAX_DOCUMENT_CHARS)
      .refine((t) => t.trim().length > 0, 'text must not be empty or whitespace only'),
    source: z.string().trim().min(1).max(1000).optional(),
    region: z.string().trim().min(1).max(100).optional(),
    publishedAt: z.iso.date().optional(),
  })
  .strict();

export type DocumentInput = z.infer<typeof documentInputSchema>;
