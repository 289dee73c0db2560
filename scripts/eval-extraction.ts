// `npm run eval:extraction [-- --gold DIR] [--corpus DIR] [--misses [TYPE]] [--out FILE]`
// Runs the CPU pipeline (load → normalise → split → segment → extract) on each keyed corpus document
// alone and scores it against its answer key (../shared/gold/*.json, GUIDELINES.md): recall and
// precision per type, per document and micro-averaged, and document facts. Prints a table, writes JSON.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/extract/extract-document.js';
import {
  AnswerKey,
  DOCUMENT_FIELDS,
  precisionOf,
  recallOf,
  SCORED,
  scoreExtraction,
  sumTallies,
  type DocumentScore,
} from '../src/extract/score-extraction.js';
import { loadFile } from '../src/ingest/load-files.js';
import { normaliseText } from '../src/ingest/normalise-text.js';
import { splitPassages } from '../src/ingest/split-passages.js';
import { getSegmenter } from '../src/segment/segmenter.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');

export interface ExtractionEval {
  documents: DocumentScore[];
  micro: Record<(typeof SCORED)[number], { recall: number; precision: number; found: number; required: number; correct: number; extracted: number }>;
  documentFacts: Record<(typeof DOCUMENT_FIELDS)[number], { right: number; of: number }>;
  ms: number;
}

export async function evaluateExtraction(goldDir: string, corpusDir: string): Promise<ExtractionEval> {
  const started = performance.now();
  const segmenter = getSegmenter();
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  const documents: DocumentScore[] = [];
  for (const f of files) {
    const raw: unknown = JSON.parse(await readFile(path.join(goldDir, f), 'utf8'));
    if (!(raw as { exhaustive?: boolean }).exhaustive) continue; // superseded, non-exhaustive keys
    const key = AnswerKey.parse(raw);
    const loaded = await loadFile(path.join(corpusDir, key.doc));
    const text = normaliseText(loaded.text);
    const docId = `doc_${path.basename(key.doc, '.txt')}`;
    const passages = splitPassages(docId, text).map((p) => segmenter.segment(p));
    documents.push(scoreExtraction(extractDocument({ id: docId, title: loaded.title }, passages), key));
  }
  const micro = Object.fromEntries(
    SCORED.map((s) => {
      const t = sumTallies(documents.map((d) => d.tallies[s]));
      return [s, { ...t, recall: recallOf(t), precision: precisionOf(t) }];
    }),
  ) as ExtractionEval['micro'];
  const documentFacts = Object.fromEntries(
    DOCUMENT_FIELDS.map((f) => [f, { right: documents.filter((d) => d.documentFacts[f].right).length, of: documents.length }]),
  ) as ExtractionEval['documentFacts'];
  return { documents, micro, documentFacts, ms: performance.now() - started };
}

const f2 = (x: number): string => x.toFixed(2);

export function formatTable(result: ExtractionEval): string {
  const head = `| document | ${SCORED.map((s) => `${s} R / P`).join(' | ')} | doc facts |`;
  const rule = `|---|${SCORED.map(() => '---').join('|')}|---|`;
  const rows = result.documents.map((d) => {
    const cells = SCORED.map((s) => `${f2(recallOf(d.tallies[s]))} / ${f2(precisionOf(d.tallies[s]))}`);
    const facts = DOCUMENT_FIELDS.filter((f) => d.documentFacts[f].right).length;
    return `| ${d.doc.replace(/\.txt$/, '')} | ${cells.join(' | ')} | ${facts}/${DOCUMENT_FIELDS.length} |`;
  });
  const micro = SCORED.map((s) => `${f2(result.micro[s].recall)} / ${f2(result.micro[s].precision)}`);
  const factsRight = DOCUMENT_FIELDS.reduce((a, f) => a + result.documentFacts[f].right, 0);
  const factsOf = DOCUMENT_FIELDS.reduce((a, f) => a + result.documentFacts[f].of, 0);
  rows.push(`| **micro** | ${micro.join(' | ')} | ${factsRight}/${factsOf} |`);
  const byField = DOCUMENT_FIELDS.map((f) => `${f} ${result.documentFacts[f].right}/${result.documentFacts[f].of}`).join(', ');
  return [head, rule, ...rows, '', `document facts right: ${byField}`].join('\n');
}

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
