// One ingest measurement, run as a child process inside a project checkout (the current tree or an
// older commit): opens the services, ingests a warm-up folder (schema, JIT, caches), then times
// ingestFiles over the measured folder. Prints one JSON line: {startupMs, warmupMs, ms, documents}.
// Usage: ingest-run.ts <project> <warm-up folder> <folder> [workers]
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [project, warmup, folder, workers] = process.argv.slice(2);
if (!project || !warmup || !folder) throw new Error('usage: ingest-run.ts <project> <warm-up folder> <folder> [workers]');
const load = (file: string) => import(pathToFileURL(path.join(project, file)).href);

const { loadConfig } = await load('src/config.ts');
const { createRootLogger } = await load('src/log.ts');
const { openServices } = await load('src/services.ts');
const { ingestFiles } = await load('src/ingest/ingest-files.ts');

createRootLogger('warn');
let t = performance.now();
// The worker pool (a checkout that has one) starts with the services, so the warm-up set also warms
// it up: its threads' dictionary loading is start-up, not ingest. 0 runs the stages inline.
const poolSize = workers === undefined ? os.availableParallelism() : Number(workers);
const services = await openServices(loadConfig(), poolSize ? { workers: poolSize } : {});
const startupMs = performance.now() - t;
const opts = { workers: poolSize };
const run = async (dir: string) => {
  const outcomes = (await ingestFiles(services, [dir], opts)) as Array<{ path: string; error?: { message: string } }>;
  const failed = outcomes.find((o) => o.error);
  if (failed) throw new Error(`${failed.path}: ${failed.error!.message}`);
  return outcomes.length;
};
try {
  t = performance.now();
  await run(warmup);
  const warmupMs = performance.now() - t;
  t = performance.now();
  const documents = await run(folder);
  const ms = performance.now() - t;
  process.stdout.write(`${JSON.stringify({ startupMs, warmupMs, ms, documents })}\n`);
} finally {
  await services.close();
}
process.exit(0);
