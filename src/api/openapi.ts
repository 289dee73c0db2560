// The OpenAPI 3.1 document, generated from the route declarations' zod schemas (no hand-written copy).
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { AnyRoute } from './route.js';
import { problemSchema } from './schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The app refuses empty query values (`offset=`), so a string parameter has at least one character. */
function nonEmpty(schema: JsonSchema): JsonSchema {
  return schema.type === 'string' && schema.minLength === undefined ? { ...schema, minLength: 1 } : schema;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: nonEmpty(Object.keys(s).length ? s : { type: 'string', description: 'comma-separated list' }),
  }));
}

/** A text body is the JSON body's `text` field sent alone (the metadata then travels in the query). */
function textBodySchema(route: AnyRoute): JsonSchema {
  const body = route.body ? (jsonSchema(route.body, 'input') as { properties?: Record<string, JsonSchema> }) : {};
  return body.properties?.text ?? { type: 'string' };
}

/**
 * Every status a route can answer besides its own: any request may name a host not served (421), be
 * rate limited (429), carry headers over the limit (431) or meet an unavailable store or a timeout
 * (503); inputs can be invalid (400); writes can be refused (401, 403) or too large or of the wrong
 * type (413, 415).
 */
function errorStatuses(route: AnyRoute): number[] {
  const statuses = [
    ...(route.query || route.params || route.body ? [400] : []),
    ...(route.write ? [401, 403] : []),
    ...(route.body ? [413, 415] : []),
    ...(route.errors ?? []),
    421,
    429,
    431,
    503,
  ];
  return [...new Set(statuses)].sort((a, b) => a - b);
}

function operation(route: AnyRoute) {
  const status = String(route.status ?? 200);
  const success =
    route.raw === 'html'
      ? { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } }
      : { description: 'Success', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } };
  const successes = Object.fromEntries([status, ...(route.otherSuccess ?? []).map(String)].map((s) => [s, { ...success, description: STATUS_CODES[Number(s)] ?? 'Success' }]));
  // A handler that writes its own JSON (the MCP transport's JSON-RPC errors) may answer errors in it too.
  const ownErrors = route.raw === 'json' ? { 'application/json': { schema: {} } } : {};
  const problems = Object.fromEntries(
    errorStatuses(route).map((s) => [
      String(s),
      { description: STATUS_CODES[s] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } }, ...ownErrors } },
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
              ...Object.fromEntries((route.bodyTypes ?? []).map((t) => [t, { schema: textBodySchema(route) }])),
            },
          },
        }
      : {}),
    ...(route.write ? { security: [{ bearer: [] }, {}] } : {}),
    responses: { ...successes, ...problems },
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
