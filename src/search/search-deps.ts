// What search and ask need: a subset of Services, passed in by each face. Pure orchestration over
// these; no global state.
import type { Embedder } from '../embed/index.js';
import type { Segmenter } from '../segment/segmenter.js';
import type { GraphStore } from '../store/port.js';

export interface SearchDeps {
  store: GraphStore;
  segmenter: Pick<Segmenter, 'searchTokens' | 'tag'>;
  embedder: Embedder;
  embedderInfo: { name: string; dimension: number; fallback: boolean };
}
