// Runs the CPU stages (load → normalise → split → segment → extract) on each keyed corpus document
// alone and scores it against its answer key (GUIDELINES.md): per type, per document, micro-averaged,
// and document facts. Used by `npm run eval:extraction` and by the test that guards the figures.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument } from '../extract/extract-document.js';
import {
  AnswerKey,
  DOCUMENT_FIELDS,
  precisionOf,
  recallOf,
  SCORED,
  scoreExtraction,
  sumTallies,
  type DocumentScore,
} from '../extract/score-extraction.js';
import { getSegmenter } from '../segment/segmenter.js';
import { loadFile } from './load-files.js';
import { normaliseText } from './normalise-text.js';
import { splitPassages } from './split-passages.js';

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
