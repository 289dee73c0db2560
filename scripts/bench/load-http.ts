// A closed-loop HTTP load generator: `clients` concurrent keep-alive connections, each sending its
// next request as soon as the previous answered, for a number of requests or a time budget.
import http from 'node:http';
import { percentile } from './summarise.js';

export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  reqPerSec: number;
}

function get(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function loadHttp(
  base: string,
  paths: readonly string[],
  opts: { clients: number; requests: number; maxMs: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const ms: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const client = async () => {
    while (next < opts.requests && performance.now() - started < opts.maxMs) {
      const url = new URL(paths[next++ % paths.length]!, base);
      const t = performance.now();
      const status = await get(agent, url).catch(() => 0);
      ms.push(performance.now() - t);
      // A 404 (no path between two entities) is an answer; refusals and failures are not.
      if (status === 0 || status === 429 || status >= 500) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const wall = performance.now() - started;
  agent.destroy();
  const sorted = ms.sort((a, b) => a - b);
  return {
    requests: ms.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    reqPerSec: (ms.length / wall) * 1000,
  };
}
