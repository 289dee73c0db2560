// The anchor every ingest figure is a ratio to: raw `nodejieba.tag` over the same passages, with the
// pipeline's dictionaries loaded.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { normaliseText } from '../../src/ingest/normalise-text.js';
import { splitPassages } from '../../src/ingest/split-passages.js';
import { getSegmenter } from '../../src/segment/index.js';

export interface TextInput {
  ref: { id: string; title: string };
  text: string;
}

/** The folder's documents, normalised as the pipeline does. */
export async function loadInputs(folder: string): Promise<TextInput[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name, i) => ({ ref: { id: `doc_${i}`, title: name }, text: normaliseText(await readFile(path.join(folder, name), 'utf8')) })),
  );
}

/** Milliseconds to tag every passage once with raw nodejieba (the same dictionaries as the pipeline). */
export function rawTagMs(inputs: readonly TextInput[]): number {
  getSegmenter();
  const passages = inputs.flatMap((d) => splitPassages(d.ref.id, d.text).map((p) => p.text));
  const started = performance.now();
  for (const text of passages) nodejieba.tag(text);
  return performance.now() - started;
}

