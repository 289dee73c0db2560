// The command-line entry: parses arguments, opens services once, runs one command, and maps the
// project's error codes to exit codes with one-line messages. Only the CLI prints to stdout.
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { formatOutcomes, ingestPaths } from './cli/ingest-command.js';
import { toGraphml } from './cli/export-graphml.js';
import { loadConfig, type Config } from './config.js';
import { AppError, ERROR_CATALOGUE, isAppError } from './errors.js';
import { createRootLogger } from './log.js';
import { openServices, type Services } from './services.js';
import type { StoreKind } from './store/open.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected an integer from 0 to 64');
  return n;
}

let config: Config | undefined;

async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  config ??= loadConfig();
  createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const services = await openServices(config);
  // An interrupted command still closes the driver (or the SQLite file) cleanly; a document being
  // written is one transaction, so it is either stored whole or not at all.
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`policygraph: ${signal}, closing the store\n`);
    void services.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(services);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await services.close();
  }
}

const print = (text: string): void => void process.stdout.write(`${text}\n`);
const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

const program = new Command()
  .name('policygraph')
  .description('Chinese policy documents → a knowledge graph with search and cited answers')
  .showHelpAfterError();

program
  .command('ingest')
  .description('ingest .txt/.md files or folders (UTF-8 or GB18030)')
  .argument('<paths...>')
  .option('--replace', 'replace documents of the same source (and identical text)')
  .option('--workers <n>', 'worker threads for segmentation and extraction (default: one per core; 0 runs them inline)', nonNegativeInt)
  .option('--json', 'print the outcome as JSON')
  .action(async (paths: string[], opts: { replace?: boolean; workers?: number; json?: boolean }) =>
    withServices(async (services) => {
      const outcomes = await ingestPaths(services, paths, { replace: opts.replace === true, ...(opts.workers === undefined ? {} : { workers: opts.workers }) });
      if (opts.json) printJson(outcomes);
      else print(formatOutcomes(outcomes));
      if (outcomes.some((o) => o.error)) process.exitCode = outcomes.some((o) => o.error?.code === 'STORE_UNAVAILABLE') ? 3 : 2;
    }),
  );

program
  .command('search')
  .description('hybrid search over passages')
  .argument('<query>')
  .option('-k <n>', 'number of results', positiveInt, 10)
  .option('--mode <mode>', 'hybrid, fulltext or vector', 'hybrid')
  .option('--json', 'print the response as JSON')
  .action(async (query: string, opts: { k: number; mode: string; json?: boolean }) =>
    withServices(async (services) => {
      const { searchPassages } = await import('./search/index.js');
      const response = await searchPassages(services, { q: query, k: opts.k, mode: opts.mode as 'hybrid' });
      if (opts.json) return printJson(response);
      print(`${response.results.length} results (${response.mode}, embedder ${response.embedder.name}${response.embedder.fallback ? ', fallback' : ''})`);
      for (const r of response.results) {
        const channels = Object.entries(r.channels).map(([c, h]) => `${c}#${h.rank}`).join(' ');
        print(`\n${r.rank}. ${r.docTitle} · ${r.passage.id} · ${channels}\n   ${r.passage.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }),
  );

program
  .command('ask')
  .description('answer a question with citations')
  .argument('<question>')
  .option('--json', 'print the answer as JSON')
  .action(async (question: string, opts: { json?: boolean }) =>
    withServices(async (services) => {
      const { answerQuestion } = await import('./search/index.js');
      const answer = await answerQuestion(services, question);
      if (opts.json) return printJson(answer);
      if (answer.span) print(answer.span);
      print(`${answer.answer}  (${answer.kind}, confidence ${answer.confidence.toFixed(2)})`);
      const scope = answer.understanding.scope;
      if (scope?.restricted) print(`  scope: ${[...scope.regions, ...(scope.national ? ['全国'] : [])].join('、') || '—'}; ${scope.documents.length} document(s) inside, ${scope.excludedDocuments} left out`);
      for (const c of answer.citations) print(`  — ${c.docTitle} [${c.passageId} ${c.start}-${c.end}]: ${c.quote}`);
    }),
  );

program
  .command('export')
  .description('export the whole graph with every fact’s evidence')
  .option('--format <format>', 'json or graphml', 'json')
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (opts: { format: string; out?: string }) => {
    if (opts.format !== 'json' && opts.format !== 'graphml') throw new AppError('VALIDATION_FAILED', `--format must be json or graphml, got ${opts.format}`);
    await withServices(async (services) => {
      const graph = await services.store.exportGraph();
      const text = opts.format === 'json' ? JSON.stringify(graph, null, 2) : toGraphml(graph);
      if (opts.out) await writeFile(opts.out, text);
      else print(text);
    });
  });

program
  .command('stats')
  .description('counts of documents, passages, entities, targets and relations')
  .option('--json', 'print as JSON')
  .action(async (opts: { json?: boolean }) =>
    withServices(async (services) => {
      const stats = { store: services.store.kind, embedder: services.embedderInfo, ...(await services.store.stats()) };
      if (opts.json) return printJson(stats);
      print(`store ${stats.store} · embedder ${stats.embedder.name}${stats.embedder.fallback ? ' (fallback)' : ''}`);
      print(`${stats.documents} documents, ${stats.passages} passages, ${stats.targets} targets`);
      print(`entities: ${Object.entries(stats.entities).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      print(`relations: ${Object.entries(stats.relations).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }),
  );

program
  .command('delete')
  .description('delete a document and exactly what only it supported')
  .argument('<docId>')
  .action(async (docId: string) =>
    withServices(async (services) => {
      if (!(await services.store.deleteDocument(docId))) throw new AppError('NOT_FOUND', `no document ${docId}`);
      print(`deleted ${docId}`);
    }),
  );

program
  .command('serve')
  .description('run the HTTP API and the explorer page; ingests seeds/ when the store is empty')
  .option('--port <port>', 'port to listen on', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
    return n;
  })
  .action(async (opts: { port?: number }) => {
    config ??= loadConfig();
    const serviceConfig = opts.port === undefined ? config : { ...config, PORT: opts.port };
    const { runServer } = await import('./api/run-server.js');
    await runServer(serviceConfig);
  });

program
  .command('reindex')
  .description('re-embed every passage with the configured embedder and rebuild the vector index')
  .option('--batch <n>', 'passages per batch', positiveInt, 64)
  .option('--allow-fallback', 're-embed with the hashing fallback when the model cannot be loaded')
  .action(async (opts: { batch: number; allowFallback?: boolean }) => {
    config ??= loadConfig();
    createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
    const services = await openServices(config, { migrate: false });
    try {
      if (services.embedderInfo.fallback && !opts.allowFallback) {
        throw new AppError(
          'SCHEMA_MISMATCH',
          `the model ${config.EMBEDDING_MODEL} cannot be loaded (${services.embedderInfo.reason ?? 'unknown reason'}); fetch it first, or pass --allow-fallback`,
        );
      }
      const { reindex } = await import('./ingest/reindex.js');
      const count = await reindex(services, opts.batch, (done) => process.stderr.write(`re-embedded ${done} passages\n`));
      print(`re-embedded ${count} passages with ${services.embedder.name}`);
    } finally {
      await services.close();
    }
  });

program
  .command('mcp')
  .description('serve the Model Context Protocol on stdin/stdout, for agents (Claude Desktop, Cursor, …)')
  .option('--allow-writes', 'also offer the ingest_document tool')
  .action(async (opts: { allowWrites?: boolean }) =>
    withServices(async (services) => {
      const { runStdioServer } = await import('./mcp/stdio.js');
      await runStdioServer(services, { allowWrites: opts.allowWrites === true });
    }),
  );

const storeKind = (value: string): StoreKind => {
  if (value !== 'embedded' && value !== 'neo4j') throw new InvalidArgumentError('expected embedded or neo4j');
  return value;
};

program
  .command('migrate')
  .description('copy every document, with its passages, embeddings and facts, from one store to another (a rerun changes nothing)')
  .requiredOption('--from <store>', 'embedded (the SQLite file in DATA_DIR) or neo4j (NEO4J_URI)', storeKind)
  .requiredOption('--to <store>', 'neo4j or embedded', storeKind)
  .option('--batch <n>', 'documents per batch', positiveInt, 50)
  .option('--json', 'print the report as JSON')
  .action(async (opts: { from: StoreKind; to: StoreKind; batch: number; json?: boolean }) => {
    if (opts.from === opts.to) throw new AppError('VALIDATION_FAILED', `--from and --to are both ${opts.from}; migrate between the embedded store and Neo4j`);
    config ??= loadConfig();
    createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
    const { openStoreOfKind, storeLocation } = await import('./store/open.js');
    const { migrateStore } = await import('./ingest/migrate-store.js');
    const from = await openStoreOfKind(config, opts.from);
    let to: Awaited<ReturnType<typeof openStoreOfKind>> | undefined;
    const interrupt = (signal: NodeJS.Signals) => {
      process.stderr.write(`policygraph: ${signal}, closing the stores (documents written so far stay; a rerun continues)\n`);
      void Promise.allSettled([from.close(), to?.close()]).finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    try {
      to = await openStoreOfKind(config, opts.to);
      const where = { from: storeLocation(config, opts.from), to: storeLocation(config, opts.to) };
      const tty = process.stderr.isTTY === true;
      const report = await migrateStore(from, to, {
        batch: opts.batch,
        onBatch: (p) => {
          const line = `migrate: ${p.done}/${p.total} documents (${p.copied} copied, ${p.present} already there) · ${p.passages} passages · ${(p.copied / Math.max(p.seconds, 1e-3)).toFixed(1)} documents/s`;
          process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
        },
      });
      if (tty) process.stderr.write('\n');
      const result = { from: { store: opts.from, at: where.from }, to: { store: opts.to, at: where.to }, ...report };
      if (opts.json) return printJson(result);
      print(
        `migrated ${report.total} documents from ${opts.from} (${where.from}) to ${opts.to} (${where.to}): ${report.copied} copied, ${report.present} already there, ` +
          `${report.passages} passages${report.embedder ? ` with ${report.embedder} vectors` : ''}, in ${report.seconds.toFixed(1)} s (${report.documentsPerSecond.toFixed(1)} documents/s)`,
      );
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      await Promise.allSettled([from.close(), to?.close()]);
    }
  });

function fail(error: unknown): never {
  if (isAppError(error)) {
    process.stderr.write(`policygraph: ${error.message}\n`);
    process.exit(ERROR_CATALOGUE[error.code].exit);
  }
  process.stderr.write(`policygraph: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

program.parseAsync(process.argv).catch(fail);
