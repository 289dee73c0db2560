// Health, readiness, statistics and the API's own description.
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../../model/index.js';
import type { EmbedderInfo } from '../../services.js';
import { docsPage } from '../docs-page.js';
import { defineRoute } from '../route.js';

const embedderSchema = z.object({ name: z.string(), dimension: z.number().int(), fallback: z.boolean(), reason: z.string().optional() });
/** An absolute path not preceded by a name character or a URL's scheme (so `Xenova/bge` and `https://…` are left alone). */
const ABSOLUTE_PATH = /(?<![\w.~:/-])\/(?!\/)[^\s'"(),;]+/g;

/** The server's file layout is nobody's business: paths inside the working folder become relative, others their last part. */
export function withoutServerPaths(text: string, cwd = process.cwd()): string {
  return text.replace(ABSOLUTE_PATH, (p) => {
    const relative = path.relative(cwd, p);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.basename(p);
  });
}

const publicEmbedder = (info: EmbedderInfo): EmbedderInfo => (info.reason ? { ...info, reason: withoutServerPaths(info.reason) } : info);

const countsOf = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])));

export function metaRoutes(openapi: () => unknown) {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      tag: 'meta',
      summary: 'Liveness, with the store kind and which embedder answers',
      response: z.object({ status: z.literal('ok'), store: z.enum(['neo4j', 'embedded']), embedder: embedderSchema, uptimeSeconds: z.number() }),
      handler: async (_input, { services }) => ({
        status: 'ok' as const,
        store: services.store.kind,
        embedder: publicEmbedder(services.embedderInfo),
        uptimeSeconds: Math.round(process.uptime()),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/ready',
      tag: 'meta',
      summary: 'Readiness: 503 while the graph store is unreachable',
      response: z.object({ status: z.literal('ready'), store: z.enum(['neo4j', 'embedded']) }),
      errors: [503],
      handler: async (_input, { services }) => {
        try {
          await services.store.ping();
        } catch (cause) {
          throw new AppError('STORE_UNAVAILABLE', 'the graph store is unavailable', { cause });
        }
        return { status: 'ready' as const, store: services.store.kind };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats',
      tag: 'meta',
      summary: 'Counts of documents, passages, entities by type, targets and relations by type',
      response: z.object({
        store: z.enum(['neo4j', 'embedded']),
        embedder: embedderSchema,
        documents: z.number().int(),
        passages: z.number().int(),
        targets: z.number().int(),
        entities: countsOf(ENTITY_TYPES),
        relations: countsOf(RELATION_TYPES),
      }),
      handler: async (_input, { services }) => ({ store: services.store.kind, embedder: publicEmbedder(services.embedderInfo), ...(await services.store.stats()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document',
      response: z.record(z.string(), z.unknown()),
      handler: async () => openapi() as Record<string, unknown>,
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      tag: 'meta',
      summary: 'Human-readable API documentation (works offline)',
      response: z.string(),
      raw: 'html',
      handler: async (_input, { res }) => {
        res.type('html').send(docsPage(openapi()));
        return undefined;
      },
    }),
  ];
}
