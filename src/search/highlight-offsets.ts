// Where the query's tokens occur in a passage: merged, sorted [start, end) spans relative to the text.
export interface Span {
  start: number;
  end: number;
}

/** Case-insensitive occurrences of each token, overlapping and adjacent ones merged. */
export function highlightOffsets(text: string, tokens: readonly string[]): Span[] {
  // Lowercasing changes the length of a few letters (İ); then match as written so offsets stay true.
  const lower = text.toLowerCase();
  const fold = lower.length === text.length;
  const haystack = fold ? lower : text;
  const needles = new Set(tokens.map((t) => (fold ? t.toLowerCase() : t)).filter(Boolean));
  const spans: Span[] = [];
  for (const token of needles) {
    for (let at = haystack.indexOf(token); at >= 0; at = haystack.indexOf(token, at + token.length)) {
      spans.push({ start: at, end: at + token.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
