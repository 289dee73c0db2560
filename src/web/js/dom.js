// A tiny element builder: every text goes through textContent, never innerHTML, so document text
// and API data can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * h('p', {class: 'x', onclick: fn}, 'text', child) builds an element.
 * Attributes: `class`, `dataset` (object), `on*` listeners, booleans (true → present, false/null → absent).
 */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Replaces the element's children; arrays (of arrays) of children are flattened, as in h(). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Text with [start, end) spans wrapped in <mark>; overlapping or unsorted spans are merged. */
export function highlighted(text, spans) {
  const sorted = [...(spans ?? [])]
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const parts = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(h('mark', {}, text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
