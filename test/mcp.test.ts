// The MCP faces driven by the SDK's own client against a real embedded store (a SQLite file): over
// stdio by spawning `policygraph mcp`, and over streamable HTTP at /mcp on the running service.
// Both list the tools with their schemas and give a cited answer; only a caller that may write gets
// ingest_document.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/api/run-server.js';
import { parseConfig } from '../src/config.js';
import { ingestDocument } from '../src/ingest/ingest-document.js';
import { documentUri, entityUri, READ_TOOLS, WRITE_TOOLS } from '../src/mcp/server.js';
import { askResponseSchema } from '../src/search/index.js';
import { openServices, type Services } from '../src/services.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/policygraph.js');
const SEED = readFileSync(path.join(ROOT, 'seeds/2021-tongzhou-district-plan-article.txt'), 'utf8');
const QUESTION = '到2025年高新技术企业目标是多少？';

const dataDir = mkdtempSync(path.join(tmpdir(), 'pg-mcp-test-'));
const env = { DATA_DIR: dataDir, MODELS_DIR: path.join(dataDir, 'no-models'), SEEDS_DIR: path.join(dataDir, 'no-seeds'), LOG_LEVEL: 'silent', PORT: '0' };

interface Citation {
  docId: string;
  passageId: string;
  quote: string;
  start: number;
  end: number;
}

const textOf = (result: unknown): string => (((result as { content?: Array<{ text?: string }> }).content) ?? []).map((c) => c.text ?? '').join('\n');

/** What every face must offer: the tools with descriptions and object schemas, and a cited answer. */
async function expectToolsAndCitedAnswer(client: Client, writes: boolean): Promise<void> {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  expect(names).toEqual([...READ_TOOLS, ...(writes ? WRITE_TOOLS : [])].sort());
  for (const tool of tools) {
    expect(tool.description!.length, tool.name).toBeGreaterThan(80);
    expect(tool.inputSchema.type).toBe('object');
    expect(tool.outputSchema?.type, tool.name).toBe('object');
    expect(tool.annotations?.readOnlyHint, tool.name).toBe(!WRITE_TOOLS.includes(tool.name as never));
  }
  const ask = tools.find((t) => t.name === 'ask')!;
  expect(ask.inputSchema.required).toEqual(['question']);

  const result = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
  expect(result.isError, textOf(result)).toBeFalsy();
  const answer = askResponseSchema.parse(result.structuredContent);
  expect(answer.answer).toContain('500');
  expect(answer.citations.length).toBeGreaterThan(0);
  const citation = answer.citations[0] as Citation;
  expect(SEED.replace(/\r\n/g, '\n')).toContain(citation.quote);
  expect(textOf(result)).toContain(citation.quote);

  // The citation's passage quotes it at the cited offsets.
  const passages = await client.callTool({ name: 'get_passage', arguments: { ids: [citation.passageId] } });
  const [item] = (passages.structuredContent as { items: Array<{ passage: { text: string; start: number } }> }).items;
  expect(item!.passage.text.slice(citation.start - item!.passage.start, citation.end - item!.passage.start)).toBe(citation.quote);
}

describe('MCP', () => {
  let services: Services;
  let docId: string;

  beforeAll(async () => {
    services = await openServices(parseConfig(env));
    const result = await ingestDocument({ title: '切实扛起建设硬核区的使命担当', text: SEED, source: 'seed', region: '南通市' }, services);
    docId = result.document.id;
  });
  afterAll(async () => {
    await services?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('over stdio (policygraph mcp)', () => {
    async function spawnClient(args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [BIN, 'mcp', ...args],
        cwd: dataDir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'warn' },
        stderr: 'pipe',
      });
      let stderr = '';
      transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const client = new Client({ name: 'policygraph-test', version: '1.0.0' });
      await client.connect(transport);
      return { client, stderr: () => stderr };
    }

    it('lists the read tools and answers with citations; the documents and entities are resources', async () => {
      const { client, stderr } = await spawnClient();
      try {
        expect(client.getServerVersion()?.name).toBe('policygraph');
        expect(client.getInstructions()).toContain('ask');
        await expectToolsAndCitedAnswer(client, false);

        const search = await client.callTool({ name: 'search', arguments: { query: '高新技术企业', k: 3 } });
        const results = (search.structuredContent as { results: Array<{ passage: { text: string } }> }).results;
        expect(results.length).toBeGreaterThan(0);
        expect(results[0]!.passage.text).toContain('高新技术企业');

        const entity = await client.callTool({ name: 'get_entity', arguments: { entity: '南通高新区' } });
        expect(entity.isError, textOf(entity)).toBeFalsy();
        const park = entity.structuredContent as { id: string; type: string; evidence: unknown[] };
        expect(park.type).toBe('Park');
        expect(park.evidence.length).toBeGreaterThan(0);

        const neighbours = await client.callTool({ name: 'neighbors', arguments: { entity: park.id, depth: 2, limit: 10 } });
        const graph = neighbours.structuredContent as { nodes: Array<{ id: string }>; edges: unknown[] };
        expect(graph.nodes.some((n) => n.id === park.id)).toBe(true);
        const other = graph.nodes.find((n) => n.id !== park.id);
        if (other) {
          const path = await client.callTool({ name: 'find_path', arguments: { from: park.id, to: other.id } });
          expect((path.structuredContent as { nodes: unknown[] }).nodes.length).toBeGreaterThanOrEqual(2);
        }

        const targets = await client.callTool({ name: 'list_targets', arguments: { year: 2025, document: docId } });
        const values = (targets.structuredContent as { items: Array<{ value: number; unit: string }> }).items.map((t) => `${t.value}${t.unit}`);
        expect(values).toContain('500家');
        const inRegion = await client.callTool({ name: 'list_targets', arguments: { region: '南通市', metric: '高新技术企业' } });
        expect((inRegion.structuredContent as { items: unknown[] }).items.length).toBeGreaterThan(0);
        const elsewhere = await client.callTool({ name: 'list_targets', arguments: { region: '云南省' } });
        expect((elsewhere.structuredContent as { items: unknown[] }).items).toEqual([]);

        const documents = await client.callTool({ name: 'list_documents', arguments: {} });
        expect(documents.structuredContent).toMatchObject({ total: 1, items: [{ id: docId, region: '南通市' }] });

        // Errors come back as tool errors the agent can read, not as protocol failures.
        const missing = await client.callTool({ name: 'get_entity', arguments: { entity: '不存在的实体名称' } });
        expect(missing.isError).toBe(true);
        expect(textOf(missing)).toMatch(/^NOT_FOUND: /);
        const invalid = await client.callTool({ name: 'search', arguments: { query: '', k: 500 } });
        expect(invalid.isError).toBe(true);

        const { resources } = await client.listResources();
        expect(resources.map((r) => r.uri)).toEqual([documentUri(docId)]);
        const doc = await client.readResource({ uri: documentUri(docId) });
        const text = (doc.contents[0] as { text: string }).text;
        expect(text).toContain('# 切实扛起建设硬核区的使命担当');
        expect(text).toContain(`${docId}:p0`);
        expect(text).toContain('高新技术企业');
        const { resourceTemplates } = await client.listResourceTemplates();
        expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['policygraph://document/{id}', 'policygraph://entity/{id}']);
        const read = await client.readResource({ uri: entityUri(park.id) });
        expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ id: park.id, type: 'Park' });
      } finally {
        await client.close();
      }
      // The protocol owns stdout: the server's own lines went to stderr.
      expect(stderr()).toContain('MCP server on stdio');
    });

    it('offers ingest_document only with --allow-writes', async () => {
      const { client } = await spawnClient(['--allow-writes']);
      try {
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).toContain('ingest_document');
        const again = await client.callTool({ name: 'ingest_document', arguments: { title: '切实扛起建设硬核区的使命担当', text: SEED, source: 'seed' } });
        expect(again.structuredContent).toMatchObject({ status: 'unchanged', document: { id: docId } });
      } finally {
        await client.close();
      }
    });
  });

  describe('over streamable HTTP (/mcp)', () => {
    let server: RunningServer;
    let keyed: RunningServer;
    const API_KEY = 'mcp-test-key-0123456789';

    async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
      const client = new Client({ name: 'policygraph-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers } }));
      return client;
    }

    beforeAll(async () => {
      server = await startServer(services);
      keyed = await startServer({ ...services, config: { ...services.config, API_KEY } });
    });
    afterAll(async () => {
      await server?.close();
      await keyed?.close();
    });

    it('lists the tools (with ingest_document from loopback) and answers with citations', async () => {
      const client = await connect(server.url);
      try {
        await expectToolsAndCitedAnswer(client, true);
        const created = await client.callTool({
          name: 'ingest_document',
          arguments: { title: '短文', text: '到2027年，南通高新区高新技术企业达到800家以上。', source: 'mcp-http-test' },
        });
        expect(created.isError, textOf(created)).toBeFalsy();
        const { document } = created.structuredContent as { status: string; document: { id: string } };
        expect(created.structuredContent).toMatchObject({ status: 'created' });
        const targets = await client.callTool({ name: 'list_targets', arguments: { document: document.id } });
        expect((targets.structuredContent as { items: Array<{ value: number; year: number }> }).items).toEqual([expect.objectContaining({ value: 800, year: 2027 })]);
        expect((await services.store.deleteDocument(document.id))).toBe(true);
      } finally {
        await client.close();
      }
    });

    it('with API_KEY set, offers ingest_document only to a caller with the key, and refuses a wrong key', async () => {
      const anonymous = await connect(keyed.url);
      try {
        await expectToolsAndCitedAnswer(anonymous, false);
      } finally {
        await anonymous.close();
      }
      const holder = await connect(keyed.url, { authorization: `Bearer ${API_KEY}` });
      try {
        expect((await holder.listTools()).tools.map((t) => t.name)).toContain('ingest_document');
      } finally {
        await holder.close();
      }
      await expect(connect(keyed.url, { authorization: 'Bearer wrong-key-0000000000' })).rejects.toThrow(/401/);
    });

    it('is one POST route in the OpenAPI document; other methods are refused', async () => {
      const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { summary: string }>> };
      expect(Object.keys(openapi.paths['/mcp'] ?? {})).toEqual(['post']);
      expect(openapi.paths['/mcp']!.post!.summary).toContain('Model Context Protocol');
      const get = await fetch(`${server.url}/mcp`, { headers: { accept: 'text/event-stream' } });
      expect(get.status).toBe(405);
      const notJson = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
      expect(notJson.status).toBe(415);
    });
  });
});
