// Builds facts from a few real sentences for the extractor's own tests: one passage per line,
// headed as given. Test support only; the pipeline builds passages with ingest/split-passages.
import type { DocumentFacts, SegmentedPassage } from '../../src/model/index.js';
import { getSegmenter } from '../../src/segment/segmenter.js';
import { extractDocument } from '../../src/extract/extract-document.js';

export function passagesOf(text: string, heading = '', docId = 'doc'): SegmentedPassage[] {
  const seg = getSegmenter();
  const out: SegmentedPassage[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      out.push(seg.segment({ id: `${docId}:p${out.length}`, docId, ordinal: out.length, heading, text: line, start, end: start + line.length }));
    }
    start += line.length + 1;
  }
  return out;
}

export function factsOf(text: string, opts: { heading?: string; title?: string } = {}): DocumentFacts {
  return extractDocument({ id: 'doc', title: opts.title ?? '' }, passagesOf(text, opts.heading ?? ''));
}
