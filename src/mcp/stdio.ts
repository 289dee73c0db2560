// `policygraph mcp`: the MCP server on stdin/stdout, for desktop agents that start it as a child
// process. stdout carries only protocol messages, so anything else that would print there goes to
// stderr. Resolves when the client goes away (stdin ends or the transport closes).
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { moduleLogger } from '../log.js';
import type { Services } from '../services.js';
import { createMcpServer } from './server.js';

const log = moduleLogger('mcp');

export async function runStdioServer(services: Services, opts: { allowWrites: boolean }): Promise<void> {
  // A stray console.log from a dependency would corrupt the protocol stream.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const server = createMcpServer(services, opts);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
  });
  await server.connect(transport);
  log.info({ store: services.store.kind, writes: opts.allowWrites }, 'MCP server on stdio');
  process.stderr.write(`PolicyGraph MCP server on stdio (store: ${services.store.kind}, embedder: ${services.embedderInfo.name}${opts.allowWrites ? ', ingest_document on' : ''})\n`);
  await closed;
  await server.close().catch(() => undefined);
}
