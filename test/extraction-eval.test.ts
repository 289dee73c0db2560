// Guards extraction quality: the six keyed corpus documents (../shared/gold, GUIDELINES.md) scored
// as `npm run eval:extraction` scores them must stay above a floor a few points under the figures
// reached, so that no change quietly loses quality. Raise a floor when the figures rise.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCORED, type Scored } from '../src/extract/score-extraction.js';
import { evaluateExtraction, type ExtractionEval } from '../src/ingest/evaluate-extraction.js';

const shared = path.resolve(import.meta.dirname, '../../shared');
const gold = path.join(shared, 'gold');
const corpus = path.join(shared, 'corpus');

/** Micro-averaged recall and precision floors per scored type. */
const FLOORS: Record<Scored, { recall: number; precision: number }> = {
  parks: { recall: 0.9, precision: 0.94 },
  industries: { recall: 0.83, precision: 0.85 },
  policies: { recall: 0.82, precision: 0.87 },
  targets: { recall: 0.95, precision: 0.96 },
  relations: { recall: 0.68, precision: 0.87 },
};

const describeIfKeys = existsSync(gold) && existsSync(corpus) ? describe : describe.skip;

describeIfKeys('extraction against the answer keys', () => {
  let result: ExtractionEval;
  beforeAll(async () => {
    result = await evaluateExtraction(gold, corpus);
  }, 120_000);

  it('scores the six keyed documents', () => {
    expect(result.documents.length).toBeGreaterThanOrEqual(6);
  });

  it.each(SCORED)('keeps %s recall and precision above their floors', (type) => {
    const { recall, precision } = result.micro[type];
    expect(recall, `${type} recall`).toBeGreaterThanOrEqual(FLOORS[type].recall);
    expect(precision, `${type} precision`).toBeGreaterThanOrEqual(FLOORS[type].precision);
  });

  it('reads every keyed document’s region and genre right, and most of its other facts', () => {
    expect(result.documentFacts.region.right).toBe(result.documents.length);
    expect(result.documentFacts.genre.right).toBe(result.documents.length);
    for (const f of ['issuer', 'date', 'period'] as const) expect(result.documentFacts[f].right, f).toBeGreaterThanOrEqual(result.documents.length - 1);
  });
});
