// The graph as text: every drawn entity and every drawn relation as a button, grouped by type — the
// canvas's text alternative, and how a keyboard reaches each edge (Enter shows its evidence).

import { relationBadge, typeBadge } from './badges.js';
import { h, fill } from './dom.js';
import { ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS } from './vocabulary.js';

export function renderGraphText(container, graph, { onEntity, onEdge }) {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const nameOf = (id) => names.get(id) ?? id.replace(/^[A-Za-z]+:/, '');
  const entityGroups = ENTITY_TYPES.map((t) => ({ t, nodes: graph.nodes.filter((n) => n.type === t.id) })).filter((g) => g.nodes.length);
  const relationGroups = RELATION_TYPES.map((r) => ({ r, edges: graph.edges.filter((e) => e.type === r.id) })).filter((g) => g.edges.length);
  fill(container, 
    h('h3', {}, `实体（${graph.nodes.length}）`),
    entityGroups.map((g) =>
      h('div', { class: 'text-group' }, h('h4', {}, typeBadge(g.t.id), ` ${g.nodes.length}`), h('ul', { class: 'inline-list' }, g.nodes.map((n) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => onEntity(n.id) }, n.name))))),
    ),
    h('h3', {}, `关系（${graph.edges.length}）`),
    relationGroups.length
      ? relationGroups.map((g) =>
          h(
            'div',
            { class: 'text-group' },
            h('h4', {}, relationBadge(g.r.id), ` ${g.edges.length}`),
            h(
              'ul',
              { class: 'edge-text-list' },
              g.edges.map((e) =>
                h('li', {}, h('button', { type: 'button', class: 'link edge-link', dataset: { edgeId: e.id }, onclick: () => onEdge(e) }, `${nameOf(e.source)} ${SYMMETRIC_RELATIONS.has(e.type) ? '—' : '→'} ${nameOf(e.target)}（${g.r.label}，${e.evidence?.length ?? 0} 条证据）`)),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '没有关系。'),
  );
}
