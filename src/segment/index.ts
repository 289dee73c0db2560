// The segmentation stage's public surface.
export { getSegmenter, type Segmenter, type SegmenterOptions } from './segmenter.js';
export { findNumberSpans, type NumberSpan } from './number-spans.js';
export { LEXICON_FILES, DEFAULT_LEXICON_DIR, lexiconPaths } from './lexicon-files.js';
