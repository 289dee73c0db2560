// Starts the HTTP service: opens the services, ingests seeds/ into an empty store, listens, and
// drains requests and closes the store on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import { ingestFiles } from '../ingest/ingest-files.js';
import { createRootLogger, moduleLogger } from '../log.js';
import { openServices, type Services } from '../services.js';
import { createApp } from './app.js';
import { answerClientErrors, MAX_HEADER_BYTES } from './client-error.js';
import type { StoreBreaker } from './store-breaker.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Listens on the configured host and port; a taken port is one clear error. */
export async function startServer(services: Services): Promise<RunningServer> {
  const { config } = services;
  const app = createApp(services);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
    answerClientErrors(s);
    s.listen(config.PORT, config.HOST);
    s.once('listening', () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('PORT_IN_USE', `port ${config.PORT} on ${config.HOST} is already in use; set PORT or pass --port`, { cause: error })
          : error,
      ),
    );
  });
  server.requestTimeout = config.REQUEST_TIMEOUT_MS + 5_000;
  // The breaker's background ping lives as long as the server.
  server.once('close', () => (app.locals.storeBreaker as StoreBreaker).stop());
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  return {
    server,
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Ingests the seed documents when the store holds no document yet. */
export async function ingestSeedsIfEmpty(services: Services): Promise<number> {
  const log = moduleLogger('seeds');
  if ((await services.store.stats()).documents > 0) return 0;
  if (!existsSync(services.config.SEEDS_DIR)) return 0;
  const outcomes = await ingestFiles(services, [services.config.SEEDS_DIR]).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') return [];
    throw error;
  });
  for (const o of outcomes) {
    if (o.error) throw new AppError(o.error.code, `seed ${o.path}: ${o.error.message}`);
    log.info({ file: o.path, docId: o.result?.document.id, ...o.result?.counts }, 'seed ingested');
  }
  return outcomes.length;
}

export async function runServer(config: Config): Promise<void> {
  createRootLogger(config.LOG_LEVEL);
  const log = moduleLogger('server');
  // Ingest's CPU stages run on worker threads, so a large POST /api/documents never stalls /health.
  const services = await openServices(config, { workers: config.INGEST_WORKERS });
  let running: RunningServer;
  try {
    await ingestSeedsIfEmpty(services);
    running = await startServer(services);
  } catch (error) {
    await services.close();
    throw error;
  }
  log.info({ url: running.url, store: services.store.kind, embedder: services.embedderInfo.name }, 'PolicyGraph listening');
  if (!config.API_KEY) log.warn('API_KEY is not set: writes (POST/DELETE) are accepted only from loopback clients');
  if (services.embedderInfo.fallback) log.warn({ reason: services.embedderInfo.reason }, `embedder fallback in use: ${services.embedderInfo.name}`);
  process.stderr.write(`PolicyGraph listening on ${running.url} (store: ${services.store.kind}, embedder: ${services.embedderInfo.name})\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    await services.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
