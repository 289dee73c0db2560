// `npm run bench:extraction -- [files or folders…] [--rounds 5]`
// Extraction throughput next to raw nodejieba.tag on the same passages (the goal: the pipeline's
// segmentation + extraction costs at most 2× raw tagging). Defaults to ../shared/corpus.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodejieba from 'nodejieba';
import { extractDocument } from '../src/extract/index.js';
import { expandPaths, loadFile } from '../src/ingest/load-files.js';
import { normaliseText } from '../src/ingest/normalise-text.js';
import { splitPassages } from '../src/ingest/split-passages.js';
import { getSegmenter } from '../src/segment/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '5' } } });
const rounds = Math.max(1, Number(values.rounds));
const defaultCorpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const inputs = positionals.length ? positionals : existsSync(defaultCorpus) ? [defaultCorpus] : ['seeds'];

const docs = await Promise.all(
  (await expandPaths(inputs)).filter((f) => !/readme\.md$/i.test(f)).map(async (file) => {
    const text = normaliseText((await loadFile(file)).text);
    return { id: path.basename(file), text, passages: splitPassages(path.basename(file), text) };
  }),
);
const segmenter = getSegmenter();
const chars = docs.reduce((n, d) => n + d.text.length, 0);
let raw = 0;
let tag = 0;
let extract = 0;
// Round 0 warms up the JIT and jieba's caches and is not counted.
for (let round = 0; round <= rounds; round++) {
  for (const doc of docs) {
    let t = performance.now();
    for (const p of doc.passages) nodejieba.tag(p.text);
    const a = performance.now() - t;
    t = performance.now();
    const segmented = doc.passages.map((p) => segmenter.segment(p));
    const b = performance.now() - t;
    t = performance.now();
    extractDocument({ id: doc.id, title: doc.id }, segmented);
    const c = performance.now() - t;
    if (round > 0) {
      raw += a;
      tag += b;
      extract += c;
    }
  }
  process.stderr.write(`round ${round}/${rounds}\r`);
}
const perRound = (ms: number) => ms / rounds;
const mbps = (ms: number) => (Buffer.byteLength(docs.map((d) => d.text).join('')) / 1e6 / (perRound(ms) / 1000)).toFixed(2);
console.log(`${docs.length} documents, ${chars} characters, ${rounds} rounds`);
console.log(`raw nodejieba.tag        ${perRound(raw).toFixed(1)} ms/round  ${mbps(raw)} MB/s`);
console.log(`segmenter.tag            ${perRound(tag).toFixed(1)} ms/round`);
console.log(`extractDocument          ${perRound(extract).toFixed(1)} ms/round`);
console.log(`segment + extract        ${perRound(tag + extract).toFixed(1)} ms/round  ${mbps(tag + extract)} MB/s  = ${((tag + extract) / raw).toFixed(2)}× raw tagging`);
