// Finds a Neo4j for the integration suites: NEO4J_URI when set; otherwise starts the local launcher
// on a separate port and data folder for this run (when java and mvn exist); otherwise the suites
// skip with one line saying why. REQUIRE_NEO4J=1 turns a missing Neo4j into a failed run.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jTestEnv: Record<string, string>;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEST_PORT = '7688';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export default function setup(project: TestProject): (() => void) | undefined {
  const required = process.env.REQUIRE_NEO4J === '1';
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jTestEnv', {});
    return undefined;
  }
  if (!has('java') || !has('mvn')) {
    const why = 'Neo4j suites skipped: NEO4J_URI is not set and java/mvn are missing to start the local launcher';
    if (required) throw new Error(`REQUIRE_NEO4J=1 but ${why.replace('Neo4j suites skipped: ', '')}`);
    console.warn(why);
    project.provide('neo4jUri', '');
    project.provide('neo4jTestEnv', {});
    return undefined;
  }
  // One jar cache for every launcher a run starts (the outage suites start their own).
  const env = { ...process.env, DATA_DIR: path.join(ROOT, 'data/test'), NEO4J_BOLT_PORT: TEST_PORT, NEO4J_LIB: process.env.NEO4J_LIB ?? path.join(ROOT, 'data/neo4j/lib') };
  execFileSync('bash', [path.join(ROOT, 'scripts/neo4j/start.sh')], { env, stdio: 'inherit' });
  project.provide('neo4jUri', `bolt://127.0.0.1:${TEST_PORT}`);
  project.provide('neo4jTestEnv', { DATA_DIR: env.DATA_DIR, NEO4J_BOLT_PORT: TEST_PORT });
  return () => {
    execFileSync('bash', [path.join(ROOT, 'scripts/neo4j/stop.sh')], { env, stdio: 'inherit' });
  };
}
