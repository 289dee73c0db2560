// Who may write: with API_KEY set, a matching bearer token; without one, only loopback clients.
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (LOOPBACK.has(address) || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function assertMayWrite(req: Request, apiKey: string | undefined): void {
  if (apiKey) {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token || !sameSecret(token, apiKey)) throw new AppError('UNAUTHORIZED', 'this write needs "Authorization: Bearer <API_KEY>"');
    return;
  }
  if (!isLoopback(req.socket.remoteAddress)) {
    throw new AppError('FORBIDDEN', 'no API_KEY is configured, so writes are only accepted from loopback');
  }
}
