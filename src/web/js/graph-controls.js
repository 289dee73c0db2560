// The graph's filters: neighbourhood depth, node limit, entity types and stated relation types (each
// with its count in the drawn graph; the checkboxes double as the legend), the co-occurrence switch.
// They show the view in the address and change it; they hold no state of their own.

import { h } from './dom.js';
import { ENTITY_TYPES, RELATION_TYPES, STATED_RELATIONS } from './vocabulary.js';
import { setState } from './url-state.js';

const list = (value) => (value ? value.split(',').filter(Boolean) : []);

export function createGraphControls({ form, typeBox, relBox, legend }) {
  const depth = form.querySelector('#depth');
  const limit = form.querySelector('#limit');
  const cooc = form.querySelector('#show-cooccurs');
  const counts = new Map();

  const counter = (key) => {
    const el = h('span', { class: 'count' }, '');
    counts.set(key, el);
    return el;
  };
  for (const t of ENTITY_TYPES) {
    typeBox.append(h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'types', value: t.id }), h('span', { class: 'swatch dot', style: `--swatch:${t.color}` }), t.label, counter(t.id)));
  }
  for (const r of RELATION_TYPES.filter((rel) => rel.id !== 'CO_OCCURS')) {
    relBox.append(h('label', { class: 'check', title: r.hint }, h('input', { type: 'checkbox', name: 'rels', value: r.id }), h('span', { class: 'swatch line', style: `--swatch:${r.color}` }), r.label, counter(r.id)));
  }
  cooc.parentElement.append(counter('CO_OCCURS'));
  legend.append(
    h('span', { class: 'legend-title' }, '图例'),
    ...ENTITY_TYPES.map((t) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch dot', style: `--swatch:${t.color}` }), t.label)),
    h('span', { class: 'legend-item muted' }, '节点大小＝提及次数 · 线宽＝关系权重 · 箭头＝方向 · 虚线＝共现'),
  );

  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

  /** Shows the view's filters. */
  function reflect(state) {
    depth.value = state.depth;
    limit.value = state.limit;
    const types = list(state.types);
    const rels = state.rels ? list(state.rels) : STATED_RELATIONS;
    for (const input of form.querySelectorAll('input[name="types"]')) input.checked = types.includes(input.value);
    for (const input of form.querySelectorAll('input[name="rels"]')) input.checked = rels.includes(input.value);
    cooc.checked = state.cooc === '1';
  }

  /** Shows how many nodes of each type and edges of each relation the drawn graph has. */
  function setCounts(graph) {
    const tally = new Map();
    for (const n of graph?.nodes ?? []) tally.set(n.type, (tally.get(n.type) ?? 0) + 1);
    for (const e of graph?.edges ?? []) tally.set(e.type, (tally.get(e.type) ?? 0) + 1);
    for (const [key, el] of counts) el.textContent = graph ? ` ${tally.get(key) ?? 0}` : '';
  }

  form.addEventListener('change', (event) => {
    const field = event.target.name;
    if (field === 'types' && !checked('types').length) event.target.checked = true; // keep at least one type
    const rels = checked('rels');
    setState({
      depth: depth.value,
      limit: limit.value,
      types: checked('types').join(','),
      rels: rels.length === STATED_RELATIONS.length ? '' : rels.join(',') || 'none',
      cooc: cooc.checked ? '1' : '',
    });
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  return { reflect, setCounts };
}

/** The relation types a view draws. */
export function drawnRelations(state) {
  const stated = state.rels === 'none' ? [] : state.rels ? list(state.rels) : STATED_RELATIONS;
  return state.cooc === '1' ? [...stated, 'CO_OCCURS'] : stated;
}
