// Entities, neighbours, paths, the overview graph and targets. Depths and limits are capped by the
// schemas; entity and relation types are checked against the model's fixed lists.
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { RELATION_TYPES, type RelationType } from '../../model/index.js';
import type { Subgraph } from '../../store/port.js';
import { defineRoute } from '../route.js';
import {
  csvOf,
  entityDetailSchema,
  entityTypeSchema,
  evidenceSchema,
  graphEdgeSchema,
  idParamSchema,
  limitSchema,
  MAX_DEPTH,
  MAX_PATH_DEPTH,
  relationTypeSchema,
  subgraphSchema,
  targetSchema,
} from '../schemas.js';
import { scopeDocIds, scopeQuerySchema } from './document-scope.js';

const entityIdSchema = z.string().min(1).max(300);

/** Relations a text states; co-occurrence is only the fallback, shown when asked for. */
const STATED_RELATIONS: RelationType[] = RELATION_TYPES.filter((t) => t !== 'CO_OCCURS');
/** Relations listed on an entity's page; the count says how many there are in all. */
const DETAIL_RELATIONS = 25;
const MAX_RELATIONS_COUNTED = 300;

const limitedGraphSchema = subgraphSchema.extend({ truncated: z.boolean().describe('true when the node limit cut the graph') });

/** The store was asked for one node more than the limit: its presence says the limit cut the graph. */
function cutToLimit(graph: Subgraph, limit: number): Subgraph & { truncated: boolean } {
  if (graph.nodes.length <= limit) return { ...graph, truncated: false };
  const nodes = graph.nodes.slice(0, limit);
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)), truncated: true };
}

export const graphRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/entities',
    tag: 'graph',
    summary: 'Find entities by name or alias (substring; exact and prefix matches first)',
    query: z.object({ q: z.string().trim().max(200).optional(), type: entityTypeSchema.optional(), limit: limitSchema(20, 200) }),
    response: z.object({ items: z.array(entityDetailSchema) }),
    handler: async ({ query }, { services }) => ({
      items: await services.store.findEntities({
        limit: query.limit,
        ...(query.q ? { text: query.q } : {}),
        ...(query.type ? { type: query.type } : {}),
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/entities/:id',
    tag: 'graph',
    summary: 'One entity: aliases, mention count, targets that measure it, strongest relations (and how many in all), evidence',
    params: idParamSchema,
    response: entityDetailSchema.extend({
      targets: z.array(targetSchema),
      relations: z.array(graphEdgeSchema),
      relationCount: z.number().int().describe(`All relations of the entity, counted up to ${MAX_RELATIONS_COUNTED}; relations lists the ${DETAIL_RELATIONS} strongest`),
      neighbors: subgraphSchema.shape.nodes,
      evidence: z.array(evidenceSchema),
    }),
    errors: [404],
    handler: async ({ params }, { services }) => {
      const entity = await services.store.getEntity(params.id);
      if (!entity) throw new AppError('NOT_FOUND', `no entity ${params.id}`);
      const [targets, graph, evidence] = await Promise.all([
        services.store.targets({ entityId: params.id, limit: 50 }),
        services.store.neighbors(params.id, { depth: 1, limit: MAX_RELATIONS_COUNTED + 1 }),
        services.store.entityEvidence(params.id, 20),
      ]);
      const relations = [...graph.edges].sort((a, b) => b.weight - a.weight).slice(0, DETAIL_RELATIONS);
      const shown = new Set(relations.flatMap((e) => [e.source, e.target]));
      const neighbors = graph.nodes.filter((n) => n.id !== params.id && shown.has(n.id));
      return { ...entity, targets, relations, relationCount: graph.edges.length, neighbors, evidence };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/entities/:id/neighbors',
    tag: 'graph',
    summary: 'Neighbourhood of an entity, breadth-first, with type and relation filters',
    params: idParamSchema,
    query: z
      .object({
        depth: z.coerce.number().int().min(1).max(MAX_DEPTH).default(1),
        types: csvOf(entityTypeSchema),
        rels: csvOf(relationTypeSchema),
        limit: limitSchema(50, 300),
      })
      .extend(scopeQuerySchema.shape),
    response: limitedGraphSchema,
    errors: [404],
    handler: async ({ params, query }, { services }) => {
      const docIds = await scopeDocIds(services, query);
      const graph = await services.store.neighbors(params.id, {
        depth: query.depth,
        limit: query.limit + 1,
        ...(query.types ? { types: query.types } : {}),
        ...(query.rels ? { rels: query.rels } : {}),
        ...(docIds ? { docIds } : {}),
      });
      if (!graph.nodes.length) throw new AppError('NOT_FOUND', `no entity ${params.id}`);
      return cutToLimit(graph, query.limit);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/path',
    tag: 'graph',
    summary: 'Shortest path between two entities over semantic relations',
    query: z.object({ from: entityIdSchema, to: entityIdSchema, maxDepth: z.coerce.number().int().min(1).max(MAX_PATH_DEPTH).default(4) }),
    response: subgraphSchema,
    errors: [404],
    handler: async ({ query }, { services }) => {
      const [from, to] = await Promise.all([services.store.getEntity(query.from), services.store.getEntity(query.to)]);
      if (!from) throw new AppError('NOT_FOUND', `no entity ${query.from}`);
      if (!to) throw new AppError('NOT_FOUND', `no entity ${query.to}`);
      const path = await services.store.shortestPath(query.from, query.to, query.maxDepth);
      if (!path) throw new AppError('NOT_FOUND', `no path of at most ${query.maxDepth} relations between ${query.from} and ${query.to}`);
      return path;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/graph',
    tag: 'graph',
    summary: 'Overview graph: the most mentioned entities of the chosen types linked by the chosen relations (stated ones by default, CO_OCCURS only when asked)',
    query: z
      .object({
        types: csvOf(entityTypeSchema),
        rels: csvOf(relationTypeSchema).describe(`Relation types to draw; default: ${STATED_RELATIONS.join(',')}`),
        limit: limitSchema(100, 500),
      })
      .extend(scopeQuerySchema.shape),
    response: limitedGraphSchema,
    handler: async ({ query }, { services }) => {
      const docIds = await scopeDocIds(services, query);
      const graph = await services.store.overview(query.types ?? ['Park', 'Industry', 'Policy'], query.limit + 1, {
        rels: query.rels ?? STATED_RELATIONS,
        ...(docIds ? { docIds } : {}),
      });
      const cut = cutToLimit(graph, query.limit);
      // Entities whose only links lead past the limit would float alone: an overview shows links.
      const linked = new Set(cut.edges.flatMap((e) => [e.source, e.target]));
      return { ...cut, nodes: cut.nodes.filter((n) => linked.has(n.id)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/targets',
    tag: 'graph',
    summary: 'Quantitative targets by metric (substring), year, measured entity, document or region (of the stating document)',
    query: z
      .object({
        metric: z.string().trim().min(1).max(100).optional(),
        year: z.coerce.number().int().min(1900).max(2200).optional(),
        entity: entityIdSchema.optional(),
        document: z.string().min(1).max(300).optional().describe('Only targets stated in this document'),
        limit: limitSchema(100, 500),
      })
      .extend(scopeQuerySchema.shape),
    response: z.object({ items: z.array(targetSchema) }),
    handler: async ({ query }, { services }) => {
      const scoped = await scopeDocIds(services, query);
      const docIds = query.document ? (scoped ?? [query.document]).filter((id) => id === query.document) : scoped;
      return {
        items: await services.store.targets({
          limit: query.limit,
          ...(query.metric ? { metric: query.metric } : {}),
          ...(query.year !== undefined ? { year: query.year } : {}),
          ...(query.entity ? { entityId: query.entity } : {}),
          ...(docIds ? { docIds } : {}),
        }),
      };
    },
  }),
];

