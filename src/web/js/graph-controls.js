// The graph's filters: neighbourhood depth, node limit, entity types, relation types (the checkboxes
// double as the relation legend) and the switch that hides co-occurrence edges.

import { h } from './dom.js';
import { DEFAULT_OVERVIEW_TYPES, ENTITY_TYPES, RELATION_TYPES } from './vocabulary.js';

export function createGraphControls({ form, typeBox, relBox, legend, onChange }) {
  const depth = form.querySelector('#depth');
  const limit = form.querySelector('#limit');
  const hideCo = form.querySelector('#hide-cooccurs');

  for (const t of ENTITY_TYPES) {
    typeBox.append(
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'types', value: t.id, checked: DEFAULT_OVERVIEW_TYPES.includes(t.id) }), h('span', { class: 'swatch dot', style: `--swatch:${t.color}` }), t.label),
    );
  }
  for (const r of RELATION_TYPES) {
    relBox.append(
      h('label', { class: 'check', title: r.hint }, h('input', { type: 'checkbox', name: 'rels', value: r.id, checked: true }), h('span', { class: `swatch line${r.id === 'CO_OCCURS' ? ' dashed' : ''}`, style: `--swatch:${r.color}` }), r.label),
    );
  }
  legend.append(
    h('span', { class: 'legend-title' }, '图例'),
    ...ENTITY_TYPES.map((t) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch dot', style: `--swatch:${t.color}` }), t.label)),
    h('span', { class: 'legend-item muted' }, '节点大小＝提及次数 · 线宽＝关系权重 · 箭头＝方向'),
  );

  const coBox = relBox.querySelector('input[value="CO_OCCURS"]');
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

  function state() {
    const rels = checked('rels').filter((r) => !(hideCo.checked && r === 'CO_OCCURS'));
    return {
      depth: Number(depth.value),
      limit: Number(limit.value),
      types: checked('types'),
      rels,
      allRels: rels.length === RELATION_TYPES.length,
      allTypes: checked('types').length === ENTITY_TYPES.length,
    };
  }

  hideCo.addEventListener('change', () => {
    coBox.checked = !hideCo.checked;
    coBox.disabled = hideCo.checked;
  });
  coBox.addEventListener('change', () => {
    hideCo.checked = !coBox.checked;
  });
  form.addEventListener('change', (event) => {
    const field = event.target.name;
    if (field === 'types' && !checked('types').length) event.target.checked = true; // keep at least one type
    onChange(state(), field);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  return { state };
}
