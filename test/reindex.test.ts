// Changing the embedder: start-up refuses a store embedded with another one, `reindex` re-embeds with
// the new model (the real transformers.js path on a generated tiny model) and search works again.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../scripts/tiny-model/write-tiny-model.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MODEL = 'tiny/reindex-test';

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/policygraph.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('switching embedders', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pg-reindex-'));
  const modelsDir = mkdtempSync(path.join(tmpdir(), 'pg-models-'));
  const fallbackEnv = { DATA_DIR: dataDir, MODELS_DIR: path.join(modelsDir, 'none'), EMBEDDING_MODEL: MODEL };
  const modelEnv = { DATA_DIR: dataDir, MODELS_DIR: modelsDir, EMBEDDING_MODEL: MODEL };

  beforeAll(async () => {
    // The fallback's dimension, so that only the embedder's name tells the vectors apart.
    await writeTinyModel(path.join(modelsDir, MODEL), { hiddenSize: 512 });
  });

  it('refuses mixed vectors, re-embeds on reindex, and never re-embeds with the fallback unasked', { timeout: 120_000 }, async () => {
    const ingest = await cli(['ingest', 'seeds'], fallbackEnv);
    expect(ingest.code).toBe(0);

    const refused = await cli(['stats'], modelEnv);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('hashing-fallback-512');
    expect(refused.stderr).toContain(MODEL);
    expect(refused.stderr).toContain('reindex');

    const reindexed = await cli(['reindex'], modelEnv);
    expect(reindexed.code, reindexed.stderr).toBe(0);
    expect(reindexed.stdout).toMatch(new RegExp(`re-embedded \\d+ passages with ${MODEL}`));

    const stats = await cli(['stats', '--json'], modelEnv);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).embedder).toMatchObject({ name: MODEL, dimension: 512, fallback: false });
    const search = await cli(['search', '高新技术企业', '--mode', 'vector', '--json'], modelEnv);
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout).results.length).toBeGreaterThan(0);

    const noFallback = await cli(['reindex'], fallbackEnv);
    expect(noFallback.code).not.toBe(0);
    expect(noFallback.stderr).toContain('--allow-fallback');
  });
});
