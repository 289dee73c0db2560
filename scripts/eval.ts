// `npm run eval -- <questions.jsonl> [--ingest <path>]… [-k N] [--misses] [--json]`
// Evaluates search (each mode) and ask over a question set against what is in the configured store
// (Neo4j when NEO4J_URI is set, else the embedded file), optionally ingesting documents first, and
// prints hit@1, hit@5 and MRR per system, then per kind of question.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { ingestFiles } from '../src/ingest/ingest-files.js';
import { createRootLogger } from '../src/log.js';
import {
  evaluateQuestions,
  parseQuestionsJsonl,
  scoresBy,
  type EvalScores,
  type QuestionOutcome,
} from '../src/search/evaluate-questions.js';
import { openServices } from '../src/services.js';

const USAGE = 'usage: npm run eval -- <questions.jsonl> [--ingest <file|folder>]… [-k N] [--misses] [--json]';

function table(rows: readonly EvalScores[], label = 'system'): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [`${label.padEnd(10)} ${'n'.padStart(4)}  hit@1  hit@5    MRR`];
  for (const r of rows) lines.push(`${r.system.padEnd(10)} ${String(r.questions).padStart(4)}  ${pct(r.hit1)}  ${pct(r.hit5)}  ${pct(r.mrr)}`);
  return lines.join('\n');
}

function misses(outcomes: readonly QuestionOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const missed = (['hybrid', 'fulltext', 'vector', 'ask'] as const).filter((s) => !o.ranks[s] || o.ranks[s]! > 5);
    if (!missed.length) continue;
    lines.push(`- [${o.question.kind ?? 'other'}] ${o.question.question} → ${o.question.answer}  (missed by ${missed.join(', ')})`);
    lines.push(`    ask: ${o.ask.kind} ${o.ask.confidence} ${o.ask.answer.slice(0, 120)}`);
  }
  return lines.length ? `\nmisses (not in top 5):\n${lines.join('\n')}` : '\nno misses';
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ingest: { type: 'string', multiple: true },
      k: { type: 'string', short: 'k', default: '10' },
      misses: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const file = positionals[0];
  const k = Number(values.k);
  if (values.help || !file || !Number.isInteger(k) || k < 5 || k > 50) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const questions = parseQuestionsJsonl(await readFile(file, 'utf8'));
  const config = loadConfig();
  createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const services = await openServices(config);
  try {
    if (values.ingest?.length) {
      for (const o of await ingestFiles(services, values.ingest)) {
        if (o.error) throw new Error(`${o.path}: ${o.error.message}`);
        console.error(`${o.result!.status} ${o.result!.document.id} ${o.path}`);
      }
    }
    const { scores, outcomes } = await evaluateQuestions(services, questions, { k });
    if (values.json) {
      const byKind = Object.fromEntries(scoresBy(outcomes, (q) => q.kind));
      const byWording = Object.fromEntries(scoresBy(outcomes, (q) => q.wording));
      console.log(JSON.stringify({ embedder: services.embedderInfo, store: services.store.kind, k, scores, byKind, byWording }, null, 2));
      return 0;
    }
    console.log(`${questions.length} questions from ${file}; store ${services.store.kind}; embedder ${services.embedderInfo.name}${services.embedderInfo.fallback ? ' (fallback)' : ''}; k=${k}\n`);
    console.log(table(scores));
    for (const [kind, rows] of scoresBy(outcomes, (q) => q.kind)) console.log(`\n${table(rows, kind)}`);
    for (const [wording, rows] of scoresBy(outcomes, (q) => q.wording)) console.log(`\n${table(rows, wording)}`);
    if (values.misses) console.log(misses(outcomes));
    return 0;
  } finally {
    await services.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
