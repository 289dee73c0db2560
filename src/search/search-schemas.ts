// Request and response shapes of search and ask, as zod schemas: the HTTP API validates with them and
// builds its OpenAPI document from them; the CLI and the search stage share the inferred types.
import { z } from 'zod';
import { COMPARATORS, ENTITY_TYPES } from '../model/index.js';

export const MAX_QUERY_LENGTH = 2000;
export const MAX_K = 50;
export const DEFAULT_K = 10;

export const SEARCH_MODES = ['hybrid', 'fulltext', 'vector'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export const CHANNELS = ['fulltext', 'vector', 'graph', 'proximity'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ANSWER_KINDS = ['number', 'list', 'explanation', 'none'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const QUESTION_TYPES = ['number', 'list', 'organisation', 'explanation'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The user's text: trimmed, then 1..2000 UTF-16 code units. Any content is allowed: it is never query syntax. */
export const queryTextSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'q is required' : 'q must be a string') })
  .trim()
  .min(1, 'q must not be empty or only whitespace')
  // said in the OpenAPI document too, so that clients (and fuzzers) know blank text is refused
  .regex(/\S/, 'q must not be empty or only whitespace')
  .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
  .describe('Query text in any language; treated as plain text, never as query syntax');

export const searchModeSchema = z
  .enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` })
  .describe('fulltext: BM25 over jieba tokens; vector: embeddings; hybrid: both plus graph expansion, fused by RRF');

export const searchRequestSchema = z.object({
  q: queryTextSchema,
  k: z.coerce
    .number({ error: 'k must be a number' })
    .int('k must be an integer')
    .min(1, 'k must be at least 1')
    .max(MAX_K, `k must be at most ${MAX_K}`)
    .default(DEFAULT_K)
    .describe('Number of results'),
  mode: searchModeSchema.default('hybrid'),
});
export type SearchRequest = z.output<typeof searchRequestSchema>;
export type SearchRequestInput = z.input<typeof searchRequestSchema>;

export const askRequestSchema = z.object({ q: queryTextSchema });
export type AskRequest = z.output<typeof askRequestSchema>;

const offset = z.int().min(0);

export const spanSchema = z.object({ start: offset, end: offset }).describe('A [start, end) range of UTF-16 indices');

export const entityRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
});
export type EntityRef = z.infer<typeof entityRefSchema>;

export const passageSchema = z.object({
  id: z.string(),
  docId: z.string(),
  ordinal: z.int().min(0),
  heading: z.string(),
  text: z.string(),
  start: offset.describe('Offset of the passage text in the document text'),
  end: offset,
});

export const channelHitSchema = z.object({
  rank: z.int().min(1).describe('1-based rank of the passage in this channel'),
  score: z.number().describe("The channel's own score (BM25, cosine, or entity matches)"),
});
export type ChannelHit = z.infer<typeof channelHitSchema>;

export const channelsSchema = z.object({
  fulltext: channelHitSchema.optional(),
  vector: channelHitSchema.optional(),
  graph: channelHitSchema.optional(),
  proximity: channelHitSchema.optional().describe('Hybrid only: rank by the best sentence’s share of the query'),
});
export type ChannelHits = z.infer<typeof channelsSchema>;

export const embedderRefSchema = z
  .object({ name: z.string(), fallback: z.boolean().describe('true when the hashing fallback answered instead of a model') })
  .describe('Which embedder answered');

export const scopeSchema = z
  .object({
    regions: z.array(z.string()).describe('Regions the question names, as canonical names (江苏 → 江苏省)'),
    national: z.boolean().describe('The question asks about the whole country'),
    years: z.array(z.int()).describe('Years the question states'),
    relativeYear: z.string().optional().describe('今年/明年/去年: read as each document’s own year'),
    period: z.string().optional().describe('The plan period the question names (十五五)'),
    restricted: z.boolean().describe('Whether results are kept to some documents'),
    documents: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          region: z.string().optional(),
          year: z.int().optional(),
          fit: z.enum(['in', 'contains', 'unknown']).describe('contains: the document governs a larger region, only passages naming the asked one count; unknown: its region is not known'),
        }),
      )
      .describe('Documents inside the scope (at most 20)'),
    excludedDocuments: z.int().min(0).describe('Documents left out because they govern another region'),
  })
  .describe('Where and when the question asks about; results and answers stay inside it');
export type Scope = z.infer<typeof scopeSchema>;

export const searchResultSchema = z.object({
  rank: z.int().min(1),
  score: z.number().describe('Fused score (reciprocal rank fusion in hybrid mode, the channel score otherwise)'),
  passage: passageSchema,
  docTitle: z.string(),
  channels: channelsSchema,
  entities: z.array(entityRefSchema).describe('Entities the passage mentions'),
  highlights: z.array(spanSchema).describe('Occurrences of query tokens, relative to passage.text'),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  query: z.string(),
  mode: searchModeSchema,
  k: z.int().min(1).max(MAX_K),
  tokens: z.array(z.string()).describe('The query as segmented for search'),
  queryEntities: z.array(entityRefSchema).describe('Entities recognised in the query'),
  scope: scopeSchema.optional(),
  embedder: embedderRefSchema,
  results: z.array(searchResultSchema),
  tookMs: z.number().min(0),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const citationSchema = z.object({
  docId: z.string(),
  docTitle: z.string(),
  passageId: z.string(),
  quote: z.string().describe('The cited text, verbatim'),
  start: offset.describe('Offset of the quote in the document text (as in every Evidence)'),
  end: offset,
});
export type Citation = z.infer<typeof citationSchema>;

export const targetFactSchema = z.object({
  id: z.string(),
  metric: z.string(),
  value: z.number(),
  valueMax: z.number().optional(),
  unit: z.string(),
  comparator: z.enum(COMPARATORS),
  year: z.int().optional(),
  period: z.string().optional(),
  statement: z.string().describe('The target stated as a sentence'),
});
export type TargetFact = z.infer<typeof targetFactSchema>;

export const listItemSchema = z.object({
  entity: entityRefSchema,
  relation: z.string().optional().describe('The relation that links it to the question’s entity, when one does'),
  citations: z.array(citationSchema),
});
export type ListItem = z.infer<typeof listItemSchema>;


export const understandingSchema = z.object({
  type: z.enum(QUESTION_TYPES),
  entities: z.array(entityRefSchema),
  metricWords: z.array(z.string()),
  years: z.array(z.int()),
  wantedType: z.enum(ENTITY_TYPES).optional().describe('For list questions: the kind of entity asked for'),
  scope: scopeSchema.optional(),
});
export type Understanding = z.infer<typeof understandingSchema>;

export const askResponseSchema = z.object({
  question: z.string(),
  kind: z.enum(ANSWER_KINDS).describe('none: nothing relevant was found (no citations then)'),
  answer: z.string(),
  span: z.string().optional().describe('The shortest text that answers: a number with its unit, a name, a list (absent when the answer is a whole sentence)'),
  confidence: z.number().min(0).max(1),
  citations: z.array(citationSchema),
  understanding: understandingSchema,
  targets: z.array(targetFactSchema).optional().describe('For number answers: the Target facts used'),
  items: z.array(listItemSchema).optional().describe('For list answers: the entities, each with its evidence'),
  embedder: embedderRefSchema,
  tookMs: z.number().min(0),
});
export type AskResponse = z.infer<typeof askResponseSchema>;
