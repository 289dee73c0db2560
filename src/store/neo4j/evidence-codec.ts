// Relationship properties cannot hold maps, so each piece of relation evidence is stored as one
// string `docId|passageId|start|end|rule`; these two functions are the only place that knows it.
import type { Evidence } from '../../model/index.js';

export function encodeEvidence(e: Evidence): string {
  return [e.docId, e.passageId, e.start, e.end, e.rule].join('|');
}

export function decodeEvidence(span: string): Evidence {
  const [docId = '', passageId = '', start = '0', end = '0', rule = ''] = span.split('|');
  return { docId, passageId, start: Number(start), end: Number(end), rule };
}
