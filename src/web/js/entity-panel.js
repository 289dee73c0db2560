// The side panel for one entity: name, type, aliases, mention count, the targets that measure it
// (with their quotes), its relations grouped by type (each with its evidence passages), and where
// it is mentioned. Quotes of passages are filled in once they have been fetched.

import { relationBadge, typeBadge } from './badges.js';
import { h, fill } from './dom.js';
import { docTitle, evidenceItem, readerLink, resolvePassages } from './evidence-quotes.js';
import { formatTargetValue, RELATION_TYPES, SYMMETRIC_RELATIONS } from './vocabulary.js';

/** A list of evidence that can be refreshed once passage texts arrive. */
function evidenceList(evidence, refreshers, limit = Infinity) {
  const ul = h('ul', { class: 'evidence-list' });
  const refill = () => fill(ul, ...evidence.slice(0, limit).map(evidenceItem));
  refill();
  refreshers.push(refill);
  return ul;
}

function targetItem(t, refreshers) {
  const when = [t.year ? `${t.year} 年` : null, t.period].filter(Boolean).join(' · ');
  const source = h('p', { class: 'source-line' });
  const fillSource = () =>
    fill(source, 
      docTitle(t.evidence.docId) ? h('cite', {}, `《${docTitle(t.evidence.docId)}》`) : h('span', { class: 'mono' }, t.evidence.docId),
      h('span', { class: 'mono', title: '段落 ID' }, t.evidence.passageId),
      h('span', { class: 'mono', title: '文档中的字符位置' }, `[${t.evidence.start}, ${t.evidence.end})`),
      readerLink(t.evidence.docId, t.evidence.start, t.evidence.end),
    );
  fillSource();
  refreshers.push(fillSource);
  return h(
    'li',
    { class: 'target' },
    h('div', { class: 'target-head' }, h('span', { class: 'metric' }, t.metric), h('span', { class: 'target-value' }, formatTargetValue(t)), when ? h('span', { class: 'target-when' }, when) : null),
    h('blockquote', { class: 'quote' }, t.quote),
    source,
  );
}

function relationItem(edge, selfId, names, actions) {
  const outgoing = edge.source === selfId;
  const otherId = outgoing ? edge.target : edge.source;
  const other = names.get(otherId) ?? { id: otherId, name: otherId.replace(/^[A-Za-z]+:/, ''), type: otherId.split(':')[0] };
  const ids = [...new Set((edge.evidence ?? []).map((ev) => ev.passageId))];
  return h(
    'li',
    { class: 'relation' },
    h(
      'div',
      { class: 'relation-head' },
      SYMMETRIC_RELATIONS.has(edge.type)
        ? h('span', { class: 'direction', title: '无方向' }, '—')
        : h('span', { class: 'direction', title: outgoing ? '由本实体指向对方' : '由对方指向本实体' }, outgoing ? '→' : '←'),
      h('button', { type: 'button', class: 'link entity-link', onclick: () => actions.onEntity(other.id) }, other.name),
      typeBadge(other.type),
      edge.weight > 1 ? h('span', { class: 'weight', title: '支持该关系的陈述数' }, `×${edge.weight}`) : null,
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => actions.onEdge(edge) }, `证据 ${edge.evidence?.length ?? 0}`, h('span', { class: 'visually-hidden' }, `：${other.name}`)),
    ),
    ids.length ? h('p', { class: 'passage-ids' }, '证据段落：', ids.map((id) => h('code', {}, id))) : null,
  );
}

/** Says when the list is only the strongest of more relations. */
function relationHeading(detail) {
  const total = detail.relationCount ?? detail.relations.length;
  return total > detail.relations.length ? `关系（最强的 ${detail.relations.length} 条，共 ${total} 条）` : `关系（${detail.relations.length}）`;
}

/**
 * Renders `detail` (GET /api/entities/:id) into `container`.
 * actions: onEntity(id) selects another entity, onEdge(edge) shows an edge's evidence.
 */
export function renderEntityPanel(container, detail, actions) {
  const refreshers = [];
  const names = new Map(detail.neighbors.map((n) => [n.id, n]));
  names.set(detail.id, detail);
  const docs = detail.docIds?.length ?? 0;

  const header = h(
    'header',
    { class: 'panel-header' },
    h('div', { class: 'panel-title' }, typeBadge(detail.type), h('h2', { id: 'entity-name', class: 'entity-name' }, detail.name)),
    h('p', { class: 'entity-meta' }, `提及 ${detail.mentions} 次 · 出现在 ${docs} 篇文档`, h('span', { class: 'mono' }, detail.id)),
    detail.aliases?.length ? h('p', { class: 'aliases' }, '别名：', detail.aliases.map((a) => h('span', { class: 'chip' }, a))) : null,
    detail.zone
      ? h(
          'p',
          { class: 'aliases zone', title: detail.zone.source },
          `开发区目录：${[detail.zone.name, detail.zone.province, detail.zone.level, detail.zone.type].filter(Boolean).join(' · ')}`,
          detail.zone.leadingIndustries?.length ? ` · 主导产业：${detail.zone.leadingIndustries.join('、')}` : '',
        )
      : null,
  );

  const targets = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'sec-targets' },
    h('h3', { id: 'sec-targets' }, `量化目标（${detail.targets.length}）`),
    detail.targets.length ? h('ul', { class: 'target-list' }, detail.targets.map((t) => targetItem(t, refreshers))) : h('p', { class: 'muted' }, '没有度量该实体的量化目标。'),
  );

  const groups = RELATION_TYPES.map((r) => ({ rel: r, edges: detail.relations.filter((e) => e.type === r.id) })).filter((g) => g.edges.length);
  const relations = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'sec-relations' },
    h('h3', { id: 'sec-relations' }, relationHeading(detail)),
    groups.length
      ? groups.map((g) =>
          h(
            'div',
            { class: 'relation-group', dataset: { rel: g.rel.id } },
            h('h4', {}, relationBadge(g.rel.id), h('span', { class: 'muted' }, ` ${g.rel.hint} · ${g.edges.length}`)),
            h('ul', { class: 'relation-list' }, g.edges.map((e) => relationItem(e, detail.id, names, actions))),
          ),
        )
      : h('p', { class: 'muted' }, '没有抽取到与其他实体的关系。'),
  );

  const mentions = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'sec-mentions' },
    h('h3', { id: 'sec-mentions' }, `原文提及（${detail.evidence.length}）`),
    detail.evidence.length ? evidenceList(detail.evidence, refreshers, 12) : h('p', { class: 'muted' }, '没有提及记录。'),
  );

  fill(container, h('article', { class: 'entity-panel', dataset: { entityId: detail.id } }, header, targets, relations, mentions));

  const all = [...detail.evidence, ...detail.targets.map((t) => t.evidence)];
  resolvePassages(all).then(() => {
    if (container.querySelector('.entity-panel')?.dataset.entityId !== detail.id) return;
    for (const refresh of refreshers) refresh();
  });
}
