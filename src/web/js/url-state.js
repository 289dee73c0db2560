// The whole view lives in the address's hash, as URL parameters (#view=graph&entity=…&depth=2…), so
// a view can be shared, reloaded and walked with the back button. Only values that differ from the
// defaults are written. Listeners hear every change, from the page or from history.

export const DEFAULTS = Object.freeze({
  view: 'graph', // graph | targets | documents
  entity: '', // focused entity id (graph)
  edge: '', // selected relation id (graph)
  depth: '1',
  limit: '60',
  types: 'Park,Industry,Policy',
  rels: '', // relation types to draw; empty = all stated relations
  cooc: '', // '1' = also draw co-occurrence
  region: '', // scope: documents governing this region
  doc: '', // scope: one document
  tab: 'detail', // side panel: detail | ask | search
  q: '', // the question asked
  sq: '', // the passage search
  mode: 'hybrid',
  metric: '', // targets: metric substring
  year: '',
  measure: '', // targets: measured entity id
  sort: 'year', // targets: column, '-' prefix for descending
  chart: '', // targets: the metric charted
  by: 'region', // targets: chart across region | year
  read: '', // documents: the document open in the reader
  span: '', // documents: 'start-end' to highlight
});

const listeners = new Set();
let current = parse(location.hash);

function parse(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    const value = params.get(key);
    if (value !== null) state[key] = value;
  }
  return state;
}

function serialize(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== DEFAULTS[key] && value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `#${text}` : location.pathname + location.search;
}

export function getState() {
  return current;
}

function notify(previous) {
  for (const listener of listeners) listener(current, previous);
}

/**
 * Merges `patch` into the view and records it: a new history entry by default, replacing the
 * current one with `replace` (for changes that should not each take a back-button step).
 */
export function setState(patch, { replace = false } = {}) {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) next[key] = value === undefined || value === null ? DEFAULTS[key] : String(value);
  if (Object.keys(DEFAULTS).every((k) => next[k] === current[k])) return;
  const previous = current;
  current = next;
  history[replace ? 'replaceState' : 'pushState'](null, '', serialize(current));
  notify(previous);
}

export function onStateChange(listener) {
  listeners.add(listener);
}

/** The link (hash) of a view: for anchors, so that middle-click and copy work as on any page. */
export function hrefOf(patch) {
  const next = { ...DEFAULTS, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)])) };
  const text = serialize(next);
  return text.startsWith('#') ? text : '#';
}

/** The hash link that opens a document in the reader with [start, end) highlighted. */
export function readerHref(docId, start, end) {
  return hrefOf({ view: 'documents', read: docId, span: start !== undefined && end !== undefined ? `${start}-${end}` : '' });
}

function fromHistory() {
  const previous = current;
  current = parse(location.hash);
  notify(previous);
}
window.addEventListener('popstate', fromHistory);
// A link to another hash (a reader link, a pasted address) arrives as hashchange.
window.addEventListener('hashchange', () => {
  if (serialize(parse(location.hash)) !== serialize(current)) fromHistory();
});
