// A pool of worker threads (piscina) running the pipeline's CPU stages, so segmentation and
// extraction use every core and never block the thread that serves HTTP. Fixed size: each worker
// loads jieba's dictionaries once (1–3 s, tens of MB), so workers are started once and kept.
import os from 'node:os';
import { Piscina } from 'piscina';
import { moduleLogger } from '../log.js';
import type { AnalyseInput, AnalysedDocument } from './ingest-document.js';

const WORKER = new URL('./analyse-worker.mjs', import.meta.url);
const TASKS_QUEUED_PER_WORKER = 3;

export function defaultWorkers(): number {
  return os.availableParallelism();
}

export class AnalysePool {
  private readonly log = moduleLogger('analyse-pool');

  private constructor(
    private readonly pool: Piscina<AnalyseInput, AnalysedDocument>,
    readonly size: number,
  ) {}

  /** `lexiconDir` must be the folder the main thread's segmenter loaded, so both cut alike. */
  static open(workers: number = defaultWorkers(), lexiconDir?: string): AnalysePool {
    const size = Math.max(1, Math.trunc(workers));
    const pool = new Piscina<AnalyseInput, AnalysedDocument>({
      filename: WORKER.href,
      minThreads: size,
      maxThreads: size,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Tasks queue at the worker, not only here: while this thread is inside a synchronous write
      // (an embedded-store batch takes 100–300 ms) it cannot hand a finished worker its next
      // document, and the worker would sit idle. The task is synchronous, so they still run one at a time.
      concurrentTasksPerWorker: TASKS_QUEUED_PER_WORKER,
      workerData: lexiconDir ? { lexiconDir } : {},
    });
    return new AnalysePool(pool, size);
  }

  async analyse(input: AnalyseInput): Promise<AnalysedDocument> {
    const started = performance.now();
    const result = await this.pool.run(input);
    this.log.debug({ docId: input.ref.id, passages: result.passages.length, ms: Math.round(performance.now() - started) }, 'analysed');
    return result;
  }

  /** Documents waiting for a worker. */
  get queued(): number {
    return this.pool.queueSize;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
