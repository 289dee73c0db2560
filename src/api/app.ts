// The Express app: request ids and logs, the Host allow-list, security headers, CORS, rate limit,
// body limits, timeouts, the store behind its circuit breaker, the declared routes (405 for other
// methods on their paths), the explorer page, and one problem+json error handler.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { z } from 'zod';
import { AppError, validate } from '../errors.js';
import { moduleLogger } from '../log.js';
import type { Services } from '../services.js';
import { buildOpenApi } from './openapi.js';
import { problemMiddleware, sendProblem } from './problem.js';
import type { AnyRoute } from './route.js';
import { apiRoutes } from './routes/index.js';
import { allowedHosts, assertMayWrite, hostGuard } from './security.js';
import { StoreBreaker } from './store-breaker.js';
import { webVendorRouter } from './web-vendor.js';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
const VERSION = '0.1.0';

function parseInput(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  return schema ? validate(schema, value ?? {}, where) : value;
}

/** Empty query values (`offset=`, `types=`) are refused rather than read as a default. */
function assertNoEmptyQuery(query: Record<string, unknown>): void {
  const empty = Object.entries(query).filter(([, v]) => v === '' || (Array.isArray(v) && v.some((x) => x === '')));
  if (empty.length) {
    const fields = empty.map(([name]) => ({ path: `query.${name}`, message: 'must not be empty; leave the parameter out instead' }));
    throw new AppError('VALIDATION_FAILED', `empty query parameter: ${empty.map(([name]) => name).join(', ')}`, { fields });
  }
}

function register(app: Express, route: AnyRoute, services: Services, corsOrigins: string[]): void {
  app[route.method](route.path, async (req: Request, res: Response) => {
    if (route.write) assertMayWrite(req, { API_KEY: services.config.API_KEY, corsOrigins });
    if (route.body && !req.is(['application/json', ...(route.bodyTypes ?? [])])) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send ${['application/json', ...(route.bodyTypes ?? [])].join(' or ')}`);
    }
    assertNoEmptyQuery(req.query as Record<string, unknown>);
    const params = parseInput(route.params, req.params, 'path');
    const query = parseInput(route.query, req.query, 'query');
    // Routes that accept several body types validate the body themselves.
    const body = route.body && !route.bodyTypes ? parseInput(route.body, req.body, 'body') : req.body;
    res.status(route.status ?? 200);
    const result = await route.handler({ params, query, body }, { services, req, res });
    if (!route.raw && !res.headersSent) res.json(result);
  });
}

/**
 * Unsupported methods on a known path answer 405 with the methods it has (OPTIONS: 204 with them).
 * One middleware after the routes rather than a catch-all route per path, so the app's routes stay
 * exactly the declared ones.
 */
function methodNotAllowed(routes: AnyRoute[]): RequestHandler {
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const route of routes) {
    const pattern = new RegExp(`^${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
    (byPath.get(route.path) ?? byPath.set(route.path, { pattern, methods: new Set() }).get(route.path)!).methods.add(route.method.toUpperCase());
  }
  const known = [...byPath.values()].map(({ pattern, methods }) => ({ pattern, allow: [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ') }));
  return (req, res, next) => {
    const match = known.find((k) => k.pattern.test(req.path));
    if (!match) return next();
    res.setHeader('Allow', match.allow);
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(new AppError('METHOD_NOT_ALLOWED', `${req.method.slice(0, 20)} is not supported here; use ${match.allow}`));
  };
}

export function createApp(services: Services): Express {
  const breaker = new StoreBreaker(services.store);
  services = { ...services, store: breaker.guard() };
  const { config } = services;
  const log = moduleLogger('http');
  const app = express();
  app.locals.storeBreaker = breaker;
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    res.locals.requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', String(res.locals.requestId));
    const started = performance.now();
    res.on('finish', () => {
      const entry = { reqId: res.locals.requestId, method: req.method, url: req.originalUrl.slice(0, 300), status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) log.error(entry, 'request failed');
      else if (res.statusCode >= 400) log.info(entry, 'request refused');
      else log.debug(entry, 'request');
    });
    // A read that takes too long is answered with 503 rather than left hanging. Writes are not cut
    // short: the ingest would still commit, and a client told to retry would write twice.
    if (req.method === 'GET') {
      const timer = setTimeout(() => {
        if (!res.headersSent) sendProblem(req, res, new AppError('REQUEST_TIMEOUT', `the request took longer than ${config.REQUEST_TIMEOUT_MS} ms`));
      }, config.REQUEST_TIMEOUT_MS);
      res.on('close', () => clearTimeout(timer));
    }
    next();
  });
  app.use(hostGuard(allowedHosts(config)));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] } } }));
  const origins = config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (origins.length) app.use(cors({ origin: origins.includes('*') ? '*' : origins, exposedHeaders: ['X-Request-Id', 'Retry-After'] }));
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (req, res) => sendProblem(req, res, new AppError('RATE_LIMITED', `more than ${config.RATE_LIMIT_PER_MINUTE} requests a minute; retry later`)),
    }),
  );
  app.use(express.json({ limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  // Text bodies stay bytes: the route decodes them like files (declared charset, else UTF-8, else GB18030).
  app.use(express.raw({ limit: config.BODY_LIMIT, type: 'text/plain' }));

  let openapi: Record<string, unknown> | undefined;
  const routes = apiRoutes(() => openapi);
  openapi = buildOpenApi(routes, VERSION);
  for (const route of routes) register(app, route, services, origins);
  app.use(methodNotAllowed(routes));

  app.use('/vendor', webVendorRouter());
  app.use(express.static(WEB_DIR, { index: 'index.html', fallthrough: true }));
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `no route ${req.method} ${req.path}`)));
  app.use(problemMiddleware);
  return app;
}
