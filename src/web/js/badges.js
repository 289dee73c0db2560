// Type badges: an entity type (园区, 产业 …) or a relation type (承载, 支持 …) in its colour. Badge
// text uses the type's darker ink so that it keeps WCAG AA contrast on the tinted background.

import { h } from './dom.js';
import { entityType, relationType } from './vocabulary.js';

export function typeBadge(type) {
  const t = entityType(type);
  return h('span', { class: `badge badge-${type}`, style: `--badge:${t.color};--badge-ink:${t.ink}` }, t.label);
}

export function relationBadge(type) {
  const r = relationType(type);
  return h('span', { class: 'rel-badge', style: `--rel:${r.color}`, title: r.hint }, r.label);
}
