import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Compose {
  services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[] }>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8')) as Compose;
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');

describe('docker-compose.yml', () => {
  const neo4j = compose.services.neo4j!;
  const app = compose.services.policygraph!;

  it('runs Neo4j 5.26 community with auth and memory from the environment, a wget healthcheck and a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/NEO4J_USER.*NEO4J_PASSWORD/);
    expect(Object.keys(neo4j.environment ?? {}).some((k) => k.startsWith('NEO4J_server_memory_'))).toBe(true);
    expect(neo4j.healthcheck?.test.join(' ')).toContain('wget');
    const volume = neo4j.volumes?.[0]?.split(':')[0];
    expect(compose.volumes && volume && volume in compose.volumes).toBeTruthy();
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
  });

  it('builds the service, points it at the neo4j service and starts it after Neo4j is healthy', () => {
    expect(app.build).toBeDefined();
    expect(app.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(app.ports).toContain('127.0.0.1:3000:3000');
    expect(app.environment?.API_KEY).toMatch(/API_KEY:\?/);
  });

  it('the Dockerfile uses Node 20, npm ci and a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
