// `npm run eval:extraction [-- --gold DIR] [--corpus DIR] [--misses] [--only TYPE] [--out FILE]`
// Scores extraction on each keyed corpus document against ../shared/gold (see
// src/ingest/evaluate-extraction.ts); prints a table (and with --misses what was missed or wrong), writes JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_FIELDS, SCORED } from '../src/extract/score-extraction.js';
import { evaluateExtraction, formatTable, type ExtractionEval } from '../src/ingest/evaluate-extraction.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');

function formatMisses(result: ExtractionEval, only?: string): string {
  const out: string[] = [];
  for (const d of result.documents) {
    out.push(`\n## ${d.doc}`);
    for (const s of SCORED) {
      if (only && s !== only) continue;
      if (d.misses[s].length) out.push(`missed ${s} (${d.misses[s].length}): ${d.misses[s].join(' | ')}`);
      if (d.wrong[s].length) out.push(`wrong ${s} (${d.wrong[s].length}): ${d.wrong[s].join(' | ')}`);
    }
    for (const f of DOCUMENT_FIELDS) {
      const x = d.documentFacts[f];
      if (!x.right && (!only || only === 'document')) out.push(`document ${f}: expected ${x.expected ?? 'null'}, got ${x.got ?? 'null'}`);
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', default: path.join(SHARED, 'gold') },
      corpus: { type: 'string', default: path.join(SHARED, 'corpus') },
      misses: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: path.join(ROOT, 'data/eval/extraction.json') },
    },
  });
  const result = await evaluateExtraction(values.gold, values.corpus);
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, JSON.stringify(result, null, 2));
  if (values.misses) console.log(formatMisses(result, values.only));
  console.log(formatTable(result));
  console.log(`\n${result.documents.length} keyed documents in ${Math.round(result.ms)} ms; JSON: ${path.relative(process.cwd(), values.out)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
