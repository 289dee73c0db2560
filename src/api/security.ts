// Who may call and who may write. Every request must name an allowed host (a DNS-rebinding page
// names its own). Writes need the API key when one is configured; without one, only loopback
// clients may write, and never on behalf of another site: browsers send text/plain POSTs across
// sites without a preflight, so Origin and Sec-Fetch-Site are checked and a browser's non-JSON write
// must carry a header no cross-site form can set.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);
/** The header a browser page of ours adds to a non-JSON write; forms and simple requests cannot. */
export const WRITE_HEADER = 'X-Requested-With';

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK.has(address) || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/** The host name of a Host or Origin authority, lower-cased, without port or IPv6 brackets. */
export function hostName(authority: string): string {
  const lower = authority.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']') > 0 ? lower.indexOf(']') : undefined);
  const colon = lower.indexOf(':');
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  return colon >= 0 && lower.indexOf(':', colon + 1) < 0 ? lower.slice(0, colon) : lower;
}

/** The allowed Host names: ALLOWED_HOSTS, else loopback names and a specific HOST; undefined = any. */
export function allowedHosts(config: Pick<Config, 'ALLOWED_HOSTS' | 'HOST'>): Set<string> | undefined {
  const listed = config.ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean);
  if (listed.includes('*')) return undefined;
  const names = listed.length ? listed : [...LOOPBACK_NAMES, ...(WILDCARD_BINDS.has(config.HOST) ? [] : [config.HOST])];
  return new Set(names.map(hostName));
}

/** Middleware refusing requests whose Host header names a host this service does not serve. */
export function hostGuard(allowed: Set<string> | undefined) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const host = req.get('host');
    if (allowed && !(host && allowed.has(hostName(host)))) {
      return next(new AppError('HOST_NOT_ALLOWED', 'the Host header names a host this service does not serve; set ALLOWED_HOSTS to add it'));
    }
    next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function originAuthority(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A browser says where a request comes from; any site but this one may not write. */
function assertSameSite(req: Request, corsOrigins: string[]): void {
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const listed = origin !== undefined && corsOrigins.includes(origin);
  if (site && site !== 'same-origin' && site !== 'none' && !listed) {
    throw new AppError('CROSS_SITE_WRITE', `writes from another site are refused (Sec-Fetch-Site: ${site.slice(0, 20)})`);
  }
  if (origin !== undefined && !listed && originAuthority(origin) !== req.get('host')?.toLowerCase()) {
    throw new AppError('CROSS_SITE_WRITE', 'writes from another origin are refused; list it in CORS_ORIGINS to allow it');
  }
  // Browsers send Sec-Fetch-Site on every request and Origin on every POST; Node's fetch sends only
  // Sec-Fetch-Mode, and is a tool like curl, not a page acting for a user.
  const fromBrowser = origin !== undefined || site !== undefined;
  if (fromBrowser && req.method === 'POST' && !req.is('application/json') && !req.get(WRITE_HEADER)) {
    throw new AppError('CROSS_SITE_WRITE', `a browser write must send JSON or the ${WRITE_HEADER} header`);
  }
}

export function assertMayWrite(req: Request, config: Pick<Config, 'API_KEY'> & { corsOrigins?: string[] }): void {
  if (config.API_KEY) {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token || !sameSecret(token, config.API_KEY)) throw new AppError('UNAUTHORIZED', 'this write needs "Authorization: Bearer <API_KEY>"');
    return;
  }
  if (!isLoopback(req.socket.remoteAddress)) {
    throw new AppError('FORBIDDEN', 'no API_KEY is configured, so writes are only accepted from loopback');
  }
  assertSameSite(req, config.corsOrigins ?? []);
}
