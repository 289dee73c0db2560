// The task each pool worker runs: the pipeline's CPU stages (analyseDocument) with this thread's own
// segmenter. nodejieba keeps one dictionary per thread (a N-API addon instance), loaded here once.
import { workerData } from 'node:worker_threads';
import { getSegmenter } from '../segment/index.js';
import { analyseDocument, type AnalyseInput, type AnalysedDocument } from './ingest-document.js';

const { lexiconDir } = (workerData ?? {}) as { lexiconDir?: string };
const segmenter = getSegmenter(lexiconDir ? { lexiconDir } : {});

export function analyseTask(input: AnalyseInput): AnalysedDocument {
  return analyseDocument(input, segmenter);
}
