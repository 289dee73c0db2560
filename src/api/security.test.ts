import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.js';
import { allowedHosts, assertMayWrite, hostName } from './security.js';

function request(remoteAddress: string, headers: Record<string, string> = {}, method = 'POST'): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const type = lower['content-type'] ?? '';
  return {
    method,
    socket: { remoteAddress },
    get: (name: string) => lower[name.toLowerCase()],
    is: (t: string) => (type.startsWith(t) ? t : false),
  } as unknown as Request;
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
}

const open = { API_KEY: undefined };
const keyed = { API_KEY: 'topsecret1' };

describe('write protection', () => {
  it('without an API key accepts loopback writes only', () => {
    expect(codeOf(() => assertMayWrite(request('127.0.0.1'), open))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('::1'), open))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('::ffff:127.0.0.1'), open))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('10.1.2.3'), open))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayWrite(request('::ffff:192.168.0.9'), open))).toBe('FORBIDDEN');
  });

  it('with an API key needs the matching bearer token, from anywhere', () => {
    expect(codeOf(() => assertMayWrite(request('127.0.0.1'), keyed))).toBe('UNAUTHORIZED');
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', { authorization: 'Bearer topsecret2' }), keyed))).toBe('UNAUTHORIZED');
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', { authorization: 'Bearer topsecret1' }), keyed))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('10.1.2.3', { authorization: 'Basic topsecret1' }), keyed))).toBe('UNAUTHORIZED');
  });

  it('without an API key refuses a loopback write on behalf of another site', () => {
    const host = { host: '127.0.0.1:3000' };
    const crossSite = { ...host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' };
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', crossSite), open))).toBe('CROSS_SITE_WRITE');
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...host, origin: 'https://evil.example', 'content-type': 'application/json' }), open))).toBe('CROSS_SITE_WRITE');
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...host, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }), open))).toBe('CROSS_SITE_WRITE');
    // The page's own origin may write JSON; a browser's text/plain write needs the custom header.
    const sameOrigin = { ...host, origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' };
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...sameOrigin, 'content-type': 'application/json' }), open))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...sameOrigin, 'content-type': 'text/plain' }), open))).toBe('CROSS_SITE_WRITE');
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...sameOrigin, 'content-type': 'text/plain', 'x-requested-with': 'policygraph' }), open))).toBeUndefined();
    // An origin listed in CORS_ORIGINS may write; a tool without browser headers may post text.
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...crossSite, 'content-type': 'application/json' }), { ...open, corsOrigins: ['https://evil.example'] }))).toBeUndefined();
    expect(codeOf(() => assertMayWrite(request('127.0.0.1', { ...host, 'content-type': 'text/plain' }), open))).toBeUndefined();
  });
});

describe('allowed hosts', () => {
  it('reads host names from Host authorities, with ports and IPv6 brackets', () => {
    expect(hostName('LocalHost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('::1')).toBe('::1');
    expect(hostName('evil.example')).toBe('evil.example');
  });

  it('defaults to loopback names and a specific bind address; * allows any', () => {
    expect([...allowedHosts({ ALLOWED_HOSTS: '', HOST: '127.0.0.1' })!].sort()).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect(allowedHosts({ ALLOWED_HOSTS: '', HOST: '0.0.0.0' })!.has('0.0.0.0')).toBe(false);
    expect(allowedHosts({ ALLOWED_HOSTS: '', HOST: '10.0.0.5' })!.has('10.0.0.5')).toBe(true);
    expect([...allowedHosts({ ALLOWED_HOSTS: 'graph.example.org, localhost', HOST: '0.0.0.0' })!]).toEqual(['graph.example.org', 'localhost']);
    expect(allowedHosts({ ALLOWED_HOSTS: '*', HOST: '0.0.0.0' })).toBeUndefined();
  });
});
