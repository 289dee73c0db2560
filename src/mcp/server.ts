// The Model Context Protocol face: the same use cases as the HTTP API and the CLI (search, ask, the
// graph look-ups, ingest), offered to LLM agents as tools with zod input and output schemas, and
// documents and entities as resources. One server per connection (stdio) or per request (HTTP).
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { documentMetaSchema, entityDetailSchema, evidenceSchema, graphEdgeSchema, graphNodeSchema, subgraphSchema, targetSchema, catalogueZoneSchema, passageHitSchema } from '../api/schemas.js';
import { AppError, isAppError } from '../errors.js';
import { documentInputSchema } from '../ingest/document-input.js';
import { ingestDocument } from '../ingest/ingest-document.js';
import { moduleLogger } from '../log.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../model/index.js';
import {
  answerQuestion,
  askResponseSchema,
  MAX_K,
  MAX_QUERY_LENGTH,
  searchPassages,
  searchResponseSchema,
  SEARCH_MODES,
  type AskResponse,
  type SearchResponse,
} from '../search/index.js';
import { scopeDocIds } from '../api/routes/document-scope.js';
import { entityFacts, entityNeighbors, listTargets, passagesById, pathBetween, resolveEntity } from '../search/graph-queries.js';
import type { Services } from '../services.js';

const log = moduleLogger('mcp');
export const MCP_SERVER_NAME = 'policygraph';
const VERSION = '0.1.0';

export const DOCUMENT_URI = 'policygraph://document/{id}';
export const ENTITY_URI = 'policygraph://entity/{id}';
export const documentUri = (id: string): string => `policygraph://document/${encodeURIComponent(id)}`;
export const entityUri = (id: string): string => `policygraph://entity/${encodeURIComponent(id)}`;

/** The tools offered to every client, and the one only a client that may write gets. */
export const READ_TOOLS = ['search', 'ask', 'get_entity', 'neighbors', 'find_path', 'list_targets', 'list_documents', 'get_passage'] as const;
export const WRITE_TOOLS = ['ingest_document'] as const;

const INSTRUCTIONS = `PolicyGraph holds Chinese policy documents (five-year plans, government work reports, industrial
policies) as a knowledge graph of parks, industries, policies, regions and organisations, with typed
quantitative targets (metric, value, unit, year) and the relations between them. Every fact carries
evidence: docId, passageId and [start, end) offsets into the document text.
For a factual question call ask first and quote its citations; use search to read around a topic,
list_targets for numbers by region, metric, year or document, get_entity / neighbors / find_path to
explore links, and get_passage to quote any evidence. Queries work best in Chinese (江苏 高新技术企业).`;

const entityRefInput = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .describe('An entity id as returned by other tools (e.g. "Park:南通高新区") or its name or alias (e.g. "南通高新区")');

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

function asText(value: unknown): string {
  return JSON.stringify(value, null, 1);
}

/** A tool's result: the structured value, and a text rendering for clients that read only text. */
function result<T extends object>(value: T, text: string = asText(value)): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: value as Record<string, unknown> };
}

/** Project errors become tool errors the agent can act on (code and message); others are logged. */
async function guarded(tool: string, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) {
      if (error.status >= 500) log.warn({ tool, code: error.code, err: error }, 'tool failed');
      return { isError: true, content: [{ type: 'text', text: `${error.code}: ${error.message}` }] };
    }
    log.error({ tool, err: error }, 'tool failed unexpectedly');
    return { isError: true, content: [{ type: 'text', text: 'INTERNAL: the tool failed unexpectedly; see the server log' }] };
  }
}

function searchText(r: SearchResponse): string {
  if (!r.results.length) return `No passage matches "${r.query}".`;
  return r.results
    .map(
      (x) =>
        `${x.rank}. ${x.docTitle}${x.passage.heading ? ` · ${x.passage.heading}` : ''} [passageId ${x.passage.id}]\n${x.passage.text.replace(/\s+/g, ' ').slice(0, 400)}` +
        (x.entities.length ? `\nentities: ${x.entities.map((e) => e.id).join(', ')}` : ''),
    )
    .join('\n\n');
}

function askText(a: AskResponse): string {
  const lines = [`${a.answer}`, `(kind ${a.kind}, confidence ${a.confidence.toFixed(2)})`];
  for (const c of a.citations) lines.push(`— ${c.docTitle} [docId ${c.docId}, passageId ${c.passageId}, ${c.start}-${c.end}]: ${c.quote}`);
  if (a.kind === 'none') lines.push('Nothing relevant was found in the stored documents; do not guess an answer from them.');
  return lines.join('\n');
}

const entityFactsSchema = entityDetailSchema.extend({
  zone: catalogueZoneSchema.optional(),
  targets: z.array(targetSchema).describe('Quantitative targets that measure this entity'),
  relations: z.array(graphEdgeSchema).describe('Its strongest relations, each with evidence'),
  relationCount: z.number().int().describe('How many relations it has in all (counted up to 300)'),
  neighbors: z.array(graphNodeSchema).describe('The other ends of the listed relations'),
  evidence: z.array(evidenceSchema).describe('Where it is mentioned, newest document first'),
});

const limitedGraphSchema = subgraphSchema.extend({ truncated: z.boolean().describe('true when the node limit cut the graph') });


const ingestResultSchema = z.object({
  status: z.enum(['created', 'unchanged', 'replaced']),
  document: documentMetaSchema,
  replaced: z.array(z.string()),
  counts: z.object({ passages: z.number().int(), entities: z.number().int(), mentions: z.number().int(), targets: z.number().int(), relations: z.number().int() }),
});

export interface McpServerOptions {
  /** Offer ingest_document (the caller passed the same checks as any other write). */
  allowWrites: boolean;
}

export function createMcpServer(services: Services, opts: McpServerOptions): McpServer {
  const { store } = services;
  const server = new McpServer(
    { name: MCP_SERVER_NAME, title: 'PolicyGraph', version: VERSION },
    { instructions: INSTRUCTIONS, capabilities: { logging: {} } },
  );

  server.registerTool(
    'ask',
    {
      title: 'Answer a question with citations',
      description:
        'Answer a question about the stored Chinese policy documents (targets, numbers, which parks/industries/policies, what a plan says). ' +
        'Returns a short answer, its kind (number, list, explanation, or none when nothing relevant was found), a confidence, and citations that quote the source sentence verbatim with docId, passageId and offsets. ' +
        'Prefer this for factual questions; quote the citations in your reply. Ask in Chinese for best results.',
      inputSchema: z.object({ question: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe('The question, e.g. "到2025年通州区高新技术企业目标是多少？"') }),
      outputSchema: askResponseSchema,
      annotations: { title: 'Ask', ...readOnly },
    },
    ({ question }) => guarded('ask', async () => {
      const answer = await answerQuestion(services, question);
      return result(answer, askText(answer));
    }),
  );

  server.registerTool(
    'search',
    {
      title: 'Search passages',
      description:
        'Find passages of the stored policy documents about a topic: hybrid search (BM25 over Chinese word tokens, embeddings, and graph expansion through the entities the query names). ' +
        'Returns ranked passages with passageId, document title and id, the passage text, and the entities it mentions. ' +
        'Use it to read what documents say about something; use ask for a direct answer, and get_passage to quote a passage in full.',
      inputSchema: z.object({
        query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe('What to look for, preferably in Chinese, e.g. "集成电路 产业园"'),
        k: z.number().int().min(1).max(MAX_K).default(8).describe('How many passages to return'),
        mode: z.enum(SEARCH_MODES).default('hybrid').describe('hybrid (default) fuses all channels; fulltext for exact words; vector for meaning'),
      }),
      outputSchema: searchResponseSchema,
      annotations: { title: 'Search', ...readOnly },
    },
    ({ query, k, mode }) => guarded('search', async () => {
      const response = await searchPassages(services, { q: query, k, mode });
      return result(response, searchText(response));
    }),
  );

  server.registerTool(
    'get_entity',
    {
      title: 'One entity with its facts',
      description:
        'Look up one entity of the knowledge graph — a Park, Industry, Policy, Region or Organization — by id or by name. ' +
        'Returns its aliases, how often and in which documents it is mentioned, the quantitative targets that measure it, its strongest relations and neighbours, and evidence (docId, passageId, offsets; quote it with get_passage). ' +
        'When a name matches nothing exactly, the error lists the closest entity ids.',
      inputSchema: z.object({ entity: entityRefInput }),
      outputSchema: entityFactsSchema,
      annotations: { title: 'Get entity', ...readOnly },
    },
    ({ entity }) => guarded('get_entity', async () => result(await entityFacts(store, (await resolveEntity(store, entity)).id))),
  );

  server.registerTool(
    'neighbors',
    {
      title: 'Neighbourhood of an entity',
      description:
        'Entities linked to one entity, breadth-first up to 3 hops, over relations such as HOSTS (park hosts industry), SUPPORTS (policy supports industry), ' +
        'PART_OF, CONTAINS, EXTENDS_TO, INTEGRATES_WITH and CO_OCCURS. Filter by entity types and relation types. Every edge carries its evidence.',
      inputSchema: z.object({
        entity: entityRefInput,
        depth: z.number().int().min(1).max(3).default(1).describe('Hops from the entity (1-3)'),
        types: z.array(z.enum(ENTITY_TYPES)).max(5).optional().describe('Only neighbours of these types'),
        relations: z.array(z.enum(RELATION_TYPES)).max(7).optional().describe('Only these relation types'),
        limit: z.number().int().min(1).max(300).default(30).describe('Most nodes to return, the entity included'),
      }),
      outputSchema: limitedGraphSchema,
      annotations: { title: 'Neighbours', ...readOnly },
    },
    ({ entity, depth, types, relations, limit }) => guarded('neighbors', async () => {
      const { id } = await resolveEntity(store, entity);
      return result(await entityNeighbors(store, id, { depth, limit, ...(types?.length ? { types } : {}), ...(relations?.length ? { rels: relations } : {}) }));
    }),
  );

  server.registerTool(
    'find_path',
    {
      title: 'Shortest path between two entities',
      description:
        'How two entities are connected: the shortest chain of relations between them (e.g. a policy → an industry → a park), each edge with evidence. ' +
        'Fails with NOT_FOUND when either entity is unknown or no chain of at most maxDepth relations exists.',
      inputSchema: z.object({
        from: entityRefInput,
        to: entityRefInput,
        maxDepth: z.number().int().min(1).max(6).default(4).describe('Longest chain to look for'),
      }),
      outputSchema: subgraphSchema,
      annotations: { title: 'Find path', ...readOnly },
    },
    ({ from, to, maxDepth }) => guarded('find_path', async () => {
      const [a, b] = await Promise.all([resolveEntity(store, from), resolveEntity(store, to)]);
      return result(await pathBetween(store, a.id, b.id, maxDepth));
    }),
  );

  server.registerTool(
    'list_targets',
    {
      title: 'Quantitative targets',
      description:
        'Quantitative policy targets extracted from the documents (到2025年高新技术企业达500家 → metric 高新技术企业, value 500, unit 家, comparator =, year 2025), ' +
        'filtered by region of the stating document, metric (substring), target year, document id or measured entity. Each target has its verbatim quote and evidence. ' +
        'Use it to compare numbers across regions or years; all filters combine.',
      inputSchema: z.object({
        region: z.string().trim().min(1).max(100).optional().describe('Only targets stated in documents governing this region, e.g. "江苏省"'),
        metric: z.string().trim().min(1).max(100).optional().describe('Part of the metric name, e.g. "高新技术企业" or "地区生产总值"'),
        year: z.number().int().min(1900).max(2200).optional().describe('The year the target is for'),
        document: z.string().trim().min(1).max(300).optional().describe('A document id (from list_documents or any evidence)'),
        entity: entityRefInput.optional().describe('Only targets that measure this entity (id or name)'),
        limit: z.number().int().min(1).max(500).default(50),
      }),
      outputSchema: z.object({ items: z.array(targetSchema) }),
      annotations: { title: 'List targets', ...readOnly },
    },
    ({ region, metric, year, document, entity, limit }) => guarded('list_targets', async () => {
      const entityId = entity ? (await resolveEntity(store, entity)).id : undefined;
      const scope = await scopeDocIds(services, region ? { region } : {});
      const items = await listTargets(store, {
        limit,
        ...(scope ? { scope } : {}),
        ...(metric ? { metric } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(document ? { document } : {}),
        ...(entityId ? { entityId } : {}),
      });
      return result({ items });
    }),
  );

  server.registerTool(
    'list_documents',
    {
      title: 'Stored documents',
      description:
        'The documents in the store, oldest ingested first, with id, title, source, and what is known of them (region, issuer, publication date, genre, plan period). ' +
        'Each document is also a resource policygraph://document/{id} holding its full text by passage.',
      inputSchema: z.object({
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
      outputSchema: z.object({ items: z.array(documentMetaSchema), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }),
      annotations: { title: 'List documents', ...readOnly },
    },
    ({ offset, limit }) => guarded('list_documents', async () => result({ ...(await store.listDocuments({ offset, limit })), offset, limit })),
  );

  server.registerTool(
    'get_passage',
    {
      title: 'Passages by id',
      description:
        'The full text of passages by id — the passageId of any search result, citation or evidence — with heading, offsets in the document and the document title. ' +
        'Use it to quote evidence exactly: an evidence span [start, end) is passage.text.slice(start - passage.start, end - passage.start).',
      inputSchema: z.object({ ids: z.array(z.string().min(1).max(300)).min(1).max(50).describe('Passage ids, e.g. ["doc_0123456789abcdef:p3"]') }),
      outputSchema: z.object({ items: z.array(passageHitSchema) }),
      annotations: { title: 'Get passages', ...readOnly },
    },
    ({ ids }) => guarded('get_passage', async () => {
      const items = (await passagesById(store, ids)).map(({ passage, docTitle }) => ({ passage, docTitle }));
      if (!items.length) throw new AppError('NOT_FOUND', `no passage ${ids.join(', ')}`);
      return result({ items });
    }),
  );

  if (opts.allowWrites) {
    server.registerTool(
      'ingest_document',
      {
        title: 'Ingest a document',
        description:
          'Add a Chinese policy document (plain text) to the store: it is split into passages, its entities, targets and relations are extracted and it becomes searchable at once. ' +
          'Identical text is left unchanged; a new text under the same source replaces the older version (and what only it supported). Returns the document id and counts.',
        inputSchema: documentInputSchema.extend({
          replace: z.boolean().optional().describe('true: rewrite even identical text; false: fail with CONFLICT instead of replacing another version of the same source'),
        }),
        outputSchema: ingestResultSchema,
        annotations: { title: 'Ingest document', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      },
      ({ replace, ...input }) => guarded('ingest_document', async () => {
        const outcome = await ingestDocument(input, services, { replace: replace === true, keepExisting: replace === false });
        const value = { status: outcome.status, document: outcome.document, replaced: outcome.replaced, counts: outcome.counts };
        return result(value, `${outcome.status} ${outcome.document.id} (${outcome.counts.passages} passages, ${outcome.counts.entities} entities, ${outcome.counts.targets} targets)`);
      }),
    );
  }

  server.registerResource(
    'document',
    new ResourceTemplate(DOCUMENT_URI, {
      list: async () => {
        const page = await store.listDocuments({ offset: 0, limit: 200 });
        return {
          resources: page.items.map((d) => ({
            uri: documentUri(d.id),
            name: d.title,
            mimeType: 'text/markdown',
            description: [d.region, d.issuer, d.publishedAt, d.genre].filter(Boolean).join(' · ') || d.source,
          })),
        };
      },
    }),
    {
      title: 'Policy document',
      description: 'A stored document: its metadata and full text, passage by passage, each passage headed by its passageId',
      mimeType: 'text/markdown',
    },
    async (uri, { id }): Promise<ReadResourceResult> => {
      const docId = decodeURIComponent(String(id));
      const meta = await store.getDocument(docId);
      if (!meta) throw new AppError('NOT_FOUND', `no document ${docId}`);
      const passages = await store.documentPassages(docId);
      const facts = Object.entries(meta)
        .filter(([k, v]) => k !== 'title' && v !== undefined && v !== '')
        .map(([k, v]) => `- ${k}: ${String(v)}`);
      const body = passages.map((p) => `## ${p.heading || `passage ${p.ordinal}`} [${p.id}]\n\n${p.text}`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: [`# ${meta.title}`, facts.join('\n'), ...body].join('\n\n') }] };
    },
  );

  server.registerResource(
    'entity',
    new ResourceTemplate(ENTITY_URI, { list: undefined }),
    {
      title: 'Knowledge-graph entity',
      description: 'An entity (park, industry, policy, region, organisation) with its targets, relations, neighbours and evidence, as JSON',
      mimeType: 'application/json',
    },
    async (uri, { id }): Promise<ReadResourceResult> => {
      const entity = await entityFacts(store, decodeURIComponent(String(id)));
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(entity, null, 1) }] };
    },
  );

  return server;
}
