// Entities, neighbours, paths, the overview graph and targets. Depths and limits are capped by the
// schemas; entity and relation types are checked against the model's fixed lists.
import { z } from 'zod';
import { RELATION_TYPES, type RelationType } from '../../model/index.js';
import { cutToLimit, DETAIL_RELATIONS, entityFacts, entityNeighbors, listTargets, MAX_RELATIONS_COUNTED, pathBetween } from '../../search/graph-queries.js';
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
  catalogueZoneSchema,
} from '../schemas.js';
import { scopeDocIds, scopeQuerySchema } from './document-scope.js';

const entityIdSchema = z.string().min(1).max(300);

/** Relations a text states; co-occurrence is only the fallback, shown when asked for. */
const STATED_RELATIONS: RelationType[] = RELATION_TYPES.filter((t) => t !== 'CO_OCCURS');
const limitedGraphSchema = subgraphSchema.extend({ truncated: z.boolean().describe('true when the node limit cut the graph') });

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
      zone: catalogueZoneSchema.optional(),
      targets: z.array(targetSchema),
      relations: z.array(graphEdgeSchema),
      relationCount: z.number().int().describe(`All relations of the entity, counted up to ${MAX_RELATIONS_COUNTED}; relations lists the ${DETAIL_RELATIONS} strongest`),
      neighbors: subgraphSchema.shape.nodes,
      evidence: z.array(evidenceSchema),
    }),
    errors: [404],
    handler: async ({ params }, { services }) => entityFacts(services.store, params.id),
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
      return entityNeighbors(services.store, params.id, {
        depth: query.depth,
        limit: query.limit,
        ...(query.types ? { types: query.types } : {}),
        ...(query.rels ? { rels: query.rels } : {}),
        ...(docIds ? { docIds } : {}),
      });
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
    handler: async ({ query }, { services }) => pathBetween(services.store, query.from, query.to, query.maxDepth),
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
        metric: z.string().max(100).regex(/\S/, 'must not be blank').trim().optional(),
        year: z.coerce.number().int().min(1900).max(2200).optional(),
        entity: entityIdSchema.optional(),
        document: z.string().min(1).max(300).optional().describe('Only targets stated in this document'),
        limit: limitSchema(100, 500),
      })
      .extend(scopeQuerySchema.shape),
    response: z.object({ items: z.array(targetSchema) }),
    handler: async ({ query }, { services }) => {
      const scope = await scopeDocIds(services, query);
      return {
        items: await listTargets(services.store, {
          limit: query.limit,
          ...(scope ? { scope } : {}),
          ...(query.document ? { document: query.document } : {}),
          ...(query.metric ? { metric: query.metric } : {}),
          ...(query.year !== undefined ? { year: query.year } : {}),
          ...(query.entity ? { entityId: query.entity } : {}),
        }),
      };
    },
  }),
];

