// `npm run eval -- [questions.jsonl] [--ingest <path>]… [-k N] [--misses] [--ranks] [--json]`
// Evaluates search (each mode) and ask over a question set against what is in the configured store
// (Neo4j when NEO4J_URI is set, else the embedded file), optionally ingesting documents first, and
// prints hit@1, hit@5 and MRR per system, ask-exact, and the same figures for a naive BM25 baseline
// (jieba tokens, fixed 300-character passages) over the same documents, per kind and per wording.
// Without arguments it runs the corpus question set over ../shared/corpus in a fresh temporary store.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ingestFiles } from '../src/ingest/ingest-files.js';
import { expandPaths, loadFile } from '../src/ingest/load-files.js';
import { createRootLogger } from '../src/log.js';
import { createBm25Baseline, fixedPassages, type BaselinePassage } from '../src/search/bm25-baseline.js';
import { evaluateQuestions, parseQuestionsJsonl, scoresBy, type EvalScores, type EvalSystem, type QuestionOutcome } from '../src/search/evaluate-questions.js';
import { openServices } from '../src/services.js';

const USAGE = 'usage: npm run eval -- [questions.jsonl] [--ingest <file|folder>]… [-k N] [--misses] [--ranks] [--json]';
const DEFAULT_QUESTIONS = 'test/fixtures/corpus-questions.jsonl';
const DEFAULT_CORPUS = '../shared/corpus';

function table(rows: readonly EvalScores[], label = 'system'): string {
  const f = (x: number | undefined) => (x === undefined ? '     ' : x.toFixed(3));
  const lines = [`${label.padEnd(12)} ${'n'.padStart(4)}  hit@1  hit@5    MRR  exact`];
  for (const r of rows) lines.push(`${r.system.padEnd(12)} ${String(r.questions).padStart(4)}  ${f(r.hit1)}  ${f(r.hit5)}  ${f(r.mrr)}  ${f(r.exact)}`);
  return lines.join('\n');
}

function misses(outcomes: readonly QuestionOutcome[], systems: readonly EvalSystem[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const missed = systems.filter((s) => s !== 'bm25' && (!o.ranks[s] || o.ranks[s]! > 5));
    if (!missed.length && o.exact) continue;
    lines.push(`- [${o.question.kind ?? 'other'}/${o.question.wording ?? '?'}] ${o.question.question} → ${o.question.answer}  (missed by ${[...missed, ...(o.exact ? [] : ['exact'])].join(', ')})`);
    lines.push(`    ask: ${o.ask.kind} ${o.ask.confidence} ${(o.ask.span ?? o.ask.answer).slice(0, 100)} | ${o.ask.citations[0]?.docTitle.slice(0, 20) ?? ''}`);
  }
  return lines.length ? `\nmisses (not in top 5, or ask not exact):\n${lines.join('\n')}` : '\nno misses';
}

/** Every question's rank per system ('-' past k) and whether ask was exact: where a figure comes from. */
function ranks(outcomes: readonly QuestionOutcome[], systems: readonly EvalSystem[]): string {
  const head = `${systems.map((s) => s.slice(0, 6).padStart(6)).join(' ')}  exact  question`;
  const rows = outcomes.map((o) => `${systems.map((s) => String(o.ranks[s] ?? '-').padStart(6)).join(' ')}  ${o.exact ? '  yes' : '   no'}  [${o.question.wording ?? '?'}] ${o.question.question}`);
  return ['', 'ranks per question:', head, ...rows].join('\n');
}

/** The baseline indexes the same files the store holds, keyed by file name as the questions are. */
async function baselinePassages(paths: string[]): Promise<BaselinePassage[]> {
  const files = await expandPaths(paths);
  const loaded = await Promise.all(files.map((f) => loadFile(f)));
  return loaded.flatMap((l) => fixedPassages(path.basename(l.path), l.text));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ingest: { type: 'string', multiple: true },
      k: { type: 'string', short: 'k', default: '10' },
      misses: { type: 'boolean', default: false },
      ranks: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const k = Number(values.k);
  if (values.help || !Number.isInteger(k) || k < 5 || k > 50) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = positionals[0] ?? DEFAULT_QUESTIONS;
  // The corpus folder also holds its README: only the documents.
  const corpus = () => readdirSync(DEFAULT_CORPUS).filter((f) => f.endsWith('.txt')).map((f) => path.join(DEFAULT_CORPUS, f));
  const ingest = values.ingest ?? (positionals[0] ? [] : corpus());
  const questions = parseQuestionsJsonl(await readFile(file, 'utf8'));
  const config = loadConfig();
  // The default run must not write into the user's store: it gets a fresh embedded one.
  const scratch = positionals[0] || values.ingest ? undefined : mkdtempSync(path.join(tmpdir(), 'policygraph-eval-'));
  const services = await openServices(scratch ? { ...config, NEO4J_URI: undefined, DATA_DIR: scratch } : config);
  createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  try {
    for (const o of ingest.length ? await ingestFiles(services, ingest) : []) {
      if (o.error) throw new Error(`${o.path}: ${o.error.message}`);
      console.error(`${o.result!.status} ${o.result!.document.id} ${o.path}`);
    }
    const docs = (await services.store.listDocuments({ offset: 0, limit: 10_000 })).items;
    // a question set scored against an empty store would print zeros that look like a result
    if (docs.length === 0) {
      console.error(`the store holds no documents to answer from: add --ingest <file|folder> (e.g. ${path.relative(process.cwd(), DEFAULT_CORPUS)})`);
      return 2;
    }
    const keyOf = new Map(docs.map((d) => [d.id, path.basename(d.source)]));
    const baseline = ingest.length ? createBm25Baseline(await baselinePassages(ingest), (t) => services.segmenter.searchTokens(t)) : undefined;
    const { scores, outcomes, systems } = await evaluateQuestions(services, questions, { k, docKeyOf: (id) => keyOf.get(id), ...(baseline ? { baseline } : {}) });
    const byKind = scoresBy(outcomes, (q) => q.kind, systems);
    const byWording = scoresBy(outcomes, (q) => q.wording, systems);
    if (values.json) {
      console.log(JSON.stringify({ embedder: services.embedderInfo, store: services.store.kind, k, scores, byKind: Object.fromEntries(byKind), byWording: Object.fromEntries(byWording) }, null, 2));
      return 0;
    }
    console.log(`${questions.length} questions from ${file}; ${docs.length} documents; store ${services.store.kind}; embedder ${services.embedderInfo.name}${services.embedderInfo.fallback ? ' (fallback)' : ''}; k=${k}`);
    console.log('exact: ask’s answer span holds the answer, is short, and its first citation is the stating sentence of the right document\n');
    console.log(table(scores));
    for (const [kind, rows] of byKind) console.log(`\n${table(rows, kind)}`);
    for (const [wording, rows] of byWording) console.log(`\n${table(rows, wording)}`);
    if (values.ranks) console.log(ranks(outcomes, systems));
    if (values.misses) console.log(misses(outcomes, systems));
    return 0;
  } finally {
    await services.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
