// The bench's one table, as markdown: ingest throughput beside raw tagging, then HTTP latency per
// case, clients, store and scale beside the MiniSearch anchor.
import { formatSpread, type Spread } from './summarise.js';

export interface IngestRow {
  scale: number;
  documents: number;
  mb: number;
  system: string;
  ms: Spread;
  mbPerSec: number;
  ratioToRaw: number;
  startupMs?: number;
  warmupMs?: number;
}

export interface HttpRow {
  scale: number;
  store: string;
  name: string;
  clients: number;
  requests: number;
  errors: number;
  p50: Spread;
  p95: Spread;
  p99: Spread;
  reqPerSec: Spread;
}

export interface BenchReport {
  label: string;
  commit: string;
  date: string;
  cores: number;
  cpu: string;
  embedder: string;
  workers: number | undefined;
  ingest: IngestRow[];
  http: HttpRow[];
  peakRssMb: Record<string, number>;
}

export function renderReport(r: BenchReport): string {
  const lines = [
    `# PolicyGraph bench — ${r.label}`,
    '',
    `commit ${r.commit} · ${r.date} · ${r.cores} cores (${r.cpu}) · embedder ${r.embedder || 'not measured'} · workers ${r.workers ?? 'default (cores)'}`,
    'Figures are medians of repeated runs with (min–max) over the runs; the machine may be shared.',
    '',
    '## Ingest (after a warm-up document set; services already open)',
    '',
    '| scale | docs | MB | system | seconds | MB/s | × raw tagging | ×80/×8 time |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of r.ingest) {
    const small = r.ingest.find((x) => x.system === row.system && x.scale < row.scale);
    const growth = small ? (row.ms.median / small.ms.median).toFixed(1) : '';
    lines.push(
      `| ×${row.scale} | ${row.documents} | ${row.mb.toFixed(1)} | ${row.system} | ${formatSpread(scaleSpread(row.ms, 1 / 1000), 2)} | ${row.mbPerSec.toFixed(2)} | ${row.ratioToRaw.toFixed(3)} | ${growth} |`,
    );
  }
  lines.push('', '## HTTP latency (ms) and throughput', '', '| scale | store | request | clients | p50 | p95 | p99 | req/s | requests | errors |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const h of r.http) {
    lines.push(
      `| ×${h.scale} | ${h.store} | ${h.name} | ${h.clients} | ${formatSpread(h.p50)} | ${formatSpread(h.p95)} | ${formatSpread(h.p99)} | ${formatSpread(h.reqPerSec, 0)} | ${h.requests} | ${h.errors} |`,
    );
  }
  const rss = Object.entries(r.peakRssMb);
  if (rss.length) lines.push('', '## Service peak RSS', '', ...rss.map(([k, v]) => `- ${k}: ${v.toFixed(0)} MB`));
  return `${lines.join('\n')}\n`;
}

function scaleSpread(s: Spread, f: number): Spread {
  return { median: s.median * f, min: s.min * f, max: s.max * f, runs: s.runs };
}
