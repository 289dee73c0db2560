// The OpenAPI 3.1 document, generated from the route declarations' zod schemas (no hand-written copy).
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../errors.js';
import type { AnyRoute } from './route.js';
import { problemSchema } from './schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: Object.keys(s).length ? s : { type: 'string', description: 'comma-separated list' },
  }));
}

const STATUS_TEXT: Record<number, string> = Object.fromEntries(Object.values(ERROR_CATALOGUE).map((e) => [e.status, e.title]));

function operation(route: AnyRoute) {
  const status = String(route.status ?? 200);
  const success =
    route.raw === 'html'
      ? { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } }
      : { description: 'Success', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } };
  const errorStatuses = [...new Set([...(route.query || route.params || route.body ? [400] : []), ...(route.errors ?? []), 429])];
  const problems = Object.fromEntries(
    errorStatuses.map((s) => [
      String(s),
      { description: STATUS_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    ]),
  );
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: jsonSchema(route.body, 'input') },
              ...Object.fromEntries((route.bodyTypes ?? []).map((t) => [t, { schema: { type: 'string' } }])),
            },
          },
        }
      : {}),
    ...(route.write ? { security: [{ bearer: [] }, {}] } : {}),
    responses: { [status]: success, ...problems },
  };
}

export function buildOpenApi(routes: AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PolicyGraph',
      version,
      description: 'Chinese policy documents as a knowledge graph: documents, hybrid search, cited answers and graph traversal.',
    },
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API_KEY, required for writes when configured' } },
    },
  };
}
