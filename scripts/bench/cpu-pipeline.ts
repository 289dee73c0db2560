// The pipeline's CPU stages alone (split → segment → extract → search tokens), inline or on the
// worker pool: no embedding, no store.
import { analyseDocument, type AnalyseInput } from '../../src/ingest/ingest-document.js';
import { AnalysePool } from '../../src/ingest/analyse-pool.js';
import { getSegmenter } from '../../src/segment/index.js';

/** Milliseconds for the CPU stages over every document: inline when `workers` is 0. */
export async function cpuPipelineMs(inputs: readonly AnalyseInput[], workers: number, pool?: AnalysePool): Promise<number> {
  const started = performance.now();
  if (workers === 0) {
    const segmenter = getSegmenter();
    for (const input of inputs) analyseDocument(input, segmenter);
  } else {
    await Promise.all(inputs.map((input) => pool!.analyse(input)));
  }
  return performance.now() - started;
}
