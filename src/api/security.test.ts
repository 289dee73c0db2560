import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.js';
import { assertMayWrite } from './security.js';

function request(remoteAddress: string, authorization?: string): Request {
  return { socket: { remoteAddress }, get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined) } as unknown as Request;
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('write protection', () => {
  it('without an API key accepts loopback writes only', () => {
    expect(codeOf(() => assertMayWrite(request('127.0.0.1'), undefined))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('::1'), undefined))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('::ffff:127.0.0.1'), undefined))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('10.1.2.3'), undefined))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayWrite(request('::ffff:192.168.0.9'), undefined))).toBe('FORBIDDEN');
  });

  it('with an API key needs the matching bearer token, from anywhere', () => {
    expect(codeOf(() => assertMayWrite(request('127.0.0.1'), 'topsecret1'))).toBe('UNAUTHORIZED');
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', 'Bearer topsecret2'), 'topsecret1'))).toBe('UNAUTHORIZED');
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', 'Bearer topsecret1'), 'topsecret1'))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', 'Basic topsecret1'), 'topsecret1'))).toBe('UNAUTHORIZED');
  });
});
