// Entities, neighbours, paths, the overview graph and targets. Depths and limits are capped by the
// schemas; entity and relation types are checked against the model's fixed lists.
import { z } from 'zod';
import { AppError } from '../../errors.js';
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

const entityIdSchema = z.string().min(1).max(300);

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
    summary: 'One entity: aliases, mention count, targets that measure it, strongest relations, evidence',
    params: idParamSchema,
    response: entityDetailSchema.extend({
      targets: z.array(targetSchema),
      relations: z.array(graphEdgeSchema),
      neighbors: subgraphSchema.shape.nodes,
      evidence: z.array(evidenceSchema),
    }),
    errors: [404],
    handler: async ({ params }, { services }) => {
      const entity = await services.store.getEntity(params.id);
      if (!entity) throw new AppError('NOT_FOUND', `no entity ${params.id}`);
      const [targets, graph, evidence] = await Promise.all([
        services.store.targets({ entityId: params.id, limit: 50 }),
        services.store.neighbors(params.id, { depth: 1, limit: 25 }),
        services.store.entityEvidence(params.id, 20),
      ]);
      return { ...entity, targets, relations: graph.edges, neighbors: graph.nodes.filter((n) => n.id !== params.id), evidence };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/entities/:id/neighbors',
    tag: 'graph',
    summary: 'Neighbourhood of an entity, breadth-first, with type and relation filters',
    params: idParamSchema,
    query: z.object({
      depth: z.coerce.number().int().min(1).max(MAX_DEPTH).default(1),
      types: csvOf(entityTypeSchema),
      rels: csvOf(relationTypeSchema),
      limit: limitSchema(50, 300),
    }),
    response: subgraphSchema,
    errors: [404],
    handler: async ({ params, query }, { services }) => {
      const graph = await services.store.neighbors(params.id, {
        depth: query.depth,
        limit: query.limit,
        ...(query.types ? { types: query.types } : {}),
        ...(query.rels ? { rels: query.rels } : {}),
      });
      if (!graph.nodes.length) throw new AppError('NOT_FOUND', `no entity ${params.id}`);
      return graph;
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
    summary: 'Overview graph of the most mentioned entities of the chosen types, with the relations among them',
    query: z.object({ types: csvOf(entityTypeSchema), limit: limitSchema(100, 500) }),
    response: subgraphSchema,
    handler: async ({ query }, { services }) => services.store.overview(query.types ?? ['Park', 'Industry', 'Policy'], query.limit),
  }),
  defineRoute({
    method: 'get',
    path: '/api/targets',
    tag: 'graph',
    summary: 'Quantitative targets by metric (substring), year or measured entity',
    query: z.object({
      metric: z.string().trim().min(1).max(100).optional(),
      year: z.coerce.number().int().min(1900).max(2200).optional(),
      entity: entityIdSchema.optional(),
      limit: limitSchema(100, 500),
    }),
    response: z.object({ items: z.array(targetSchema) }),
    handler: async ({ query }, { services }) => ({
      items: await services.store.targets({
        limit: query.limit,
        ...(query.metric ? { metric: query.metric } : {}),
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(query.entity ? { entityId: query.entity } : {}),
      }),
    }),
  }),
];

