// Streamable HTTP at /mcp on the running service, stateless: each POST carries one JSON-RPC message
// (or a batch) and gets its answer as JSON, from a server made for that request. So any instance
// behind a load balancer can answer, and there is no session to expire. A caller who passes the
// checks every write passes (API key, or loopback when none is set) also gets ingest_document; a
// wrong key is refused outright rather than silently served read-only.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request } from 'express';
import { z } from 'zod';
import { isAppError } from '../errors.js';
import { moduleLogger } from '../log.js';
import type { Services } from '../services.js';
import { defineRoute } from '../api/route.js';
import { assertMayWrite } from '../api/security.js';
import { createMcpServer } from './server.js';

const log = moduleLogger('mcp');

export const MCP_PATH = '/mcp';

/** Whether this request may use the write tools; a wrong API key is an error, not a downgrade. */
export function mayWrite(req: Request, services: Services): boolean {
  const corsOrigins = services.config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    assertMayWrite(req, { API_KEY: services.config.API_KEY, corsOrigins });
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHORIZED' && req.get('authorization')) throw error;
    return false;
  }
}

const jsonRpcMessageSchema = z.looseObject({ jsonrpc: z.literal('2.0'), method: z.string().optional(), id: z.union([z.string(), z.number(), z.null()]).optional() });

export const mcpRoutes = [
  defineRoute({
    method: 'post',
    path: MCP_PATH,
    tag: 'mcp',
    summary:
      'Model Context Protocol (streamable HTTP, stateless): tools search, ask, get_entity, neighbors, find_path, list_targets, list_documents, get_passage, ' +
      'and ingest_document for callers allowed to write; resources policygraph://document/{id} and policygraph://entity/{id}. Send Accept: application/json, text/event-stream.',
    body: z.union([jsonRpcMessageSchema, z.array(jsonRpcMessageSchema).min(1).max(100)]),
    response: z.unknown().describe('A JSON-RPC response (or batch of them); 202 with no body for notifications'),
    otherSuccess: [202],
    errors: [401, 406, 415],
    raw: 'json',
    handler: async ({ body }, { services, req, res }) => {
      const server = createMcpServer(services, { allowWrites: mayWrite(req, services) });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close().catch(() => undefined);
        void server.close().catch(() => undefined);
      });
      transport.onerror = (error) => log.warn({ err: error }, 'MCP transport error');
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
      return undefined;
    },
  }),
];
