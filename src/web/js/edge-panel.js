// The side panel for one relation (an edge clicked in the graph or chosen in an entity's relation
// list): its type, both ends, weight, and every evidence passage with the stated span marked.

import { relationBadge, typeBadge } from './badges.js';
import { h, fill } from './dom.js';
import { evidenceItem, resolvePassages } from './evidence-quotes.js';
import { relationType, SYMMETRIC_RELATIONS } from './vocabulary.js';

/**
 * edge: {id, source, target, type, weight, evidence}; names: Map id → {id, name, type}.
 * actions: onEntity(id), onBack() (optional: returns to the entity the edge was opened from).
 */
export function renderEdgePanel(container, edge, names, actions) {
  const end = (id) => names.get(id) ?? { id, name: id.replace(/^[A-Za-z]+:/, ''), type: id.split(':')[0] };
  const source = end(edge.source);
  const target = end(edge.target);
  const rel = relationType(edge.type);
  const list = h('ul', { class: 'evidence-list' });
  const refill = () => fill(list, ...(edge.evidence ?? []).map(evidenceItem));
  refill();

  const entityButton = (e) =>
    h('span', { class: 'edge-end' }, typeBadge(e.type), h('button', { type: 'button', class: 'link entity-link', onclick: () => actions.onEntity(e.id) }, e.name));

  fill(container, 
    h(
      'article',
      { class: 'edge-panel', dataset: { edgeId: edge.id } },
      actions.onBack ? h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: actions.onBack }, '← 返回实体') : null,
      h(
        'header',
        { class: 'panel-header' },
        h('div', { class: 'panel-title' }, relationBadge(edge.type), h('h2', {}, `${rel.label}关系`)),
        h('p', { class: 'edge-ends' }, entityButton(source), h('span', { class: 'arrow' }, SYMMETRIC_RELATIONS.has(edge.type) ? '—' : '→', h('span', { class: 'visually-hidden' }, SYMMETRIC_RELATIONS.has(edge.type) ? '与' : '指向')), entityButton(target)),
        h('p', { class: 'entity-meta' }, `${rel.hint} · 权重 ${edge.weight} · ${edge.evidence?.length ?? 0} 条证据`, h('span', { class: 'mono' }, edge.type)),
      ),
      h(
        'section',
        { class: 'panel-section', 'aria-labelledby': 'sec-edge-evidence' },
        h('h3', { id: 'sec-edge-evidence' }, '证据段落'),
        edge.evidence?.length ? list : h('p', { class: 'muted' }, '该关系没有记录证据。'),
      ),
    ),
  );

  resolvePassages(edge.evidence ?? []).then(() => {
    if (container.querySelector('.edge-panel')?.dataset.edgeId === edge.id) refill();
  });
}
