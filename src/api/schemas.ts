// Shared API schemas: the graph shape, evidence, problems, pagination and list parameters.
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../model/index.js';
import { targetFactSchema } from '../search/index.js';

export const MAX_LIMIT = 500;
export const MAX_DEPTH = 3;
export const MAX_PATH_DEPTH = 6;

export const entityTypeSchema = z.enum(ENTITY_TYPES);
export const relationTypeSchema = z.enum(RELATION_TYPES);

/** `a,b,c` or repeated parameters, each checked against a fixed list. */
export function csvOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean)),
    z.array(item).max(20).optional(),
  );
}

export const limitSchema = (fallback: number, max = MAX_LIMIT) => z.coerce.number().int().min(1).max(max).default(fallback);

export const idParamSchema = z.object({ id: z.string().min(1).max(300) });

export const evidenceSchema = z.object({
  docId: z.string(),
  passageId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  rule: z.string(),
});

export const graphNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: entityTypeSchema,
  mentions: z.number().int().optional(),
});

export const graphEdgeSchema = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: relationTypeSchema,
  weight: z.number(),
  evidence: z.array(evidenceSchema),
});

export const subgraphSchema = z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) });

export const documentMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  region: z.string().optional(),
  publishedAt: z.string().optional(),
  issuer: z.string().optional(),
  genre: z.string().optional(),
  period: z.string().optional(),
  sha256: z.string(),
  chars: z.number().int(),
  ingestedAt: z.string(),
  embedder: z.string().optional(),
});

/** A stored Target: the target fields answers use, with its quote, measured entities and evidence. */
export const targetSchema = targetFactSchema.omit({ statement: true }).extend({
  quote: z.string(),
  measures: z.array(z.string()),
  evidence: evidenceSchema,
});

export const entityDetailSchema = z.object({
  id: z.string(),
  type: entityTypeSchema,
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.number().int(),
  docIds: z.array(z.string()),
});

/** A passage with its document's title: what any evidence quotes. */
export const passageHitSchema = z.object({
  passage: z.object({
    id: z.string(),
    docId: z.string(),
    ordinal: z.number().int(),
    heading: z.string(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  }),
  docTitle: z.string(),
});

/** A park's record in the national development-zone catalogue (2018). */
export const catalogueZoneSchema = z
  .object({
    name: z.string(),
    province: z.string(),
    level: z.string(),
    type: z.string(),
    leadingIndustries: z.array(z.string()),
    source: z.string(),
  })
  .describe('The park in the national development-zone catalogue (2018): province, level, type, leading industries');

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  code: z.string(),
  requestId: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
