// The entity search box: an ARIA combobox with autocomplete from GET /api/entities, a type filter,
// results with type badges, and the keyboard of a listbox (↑ ↓ Home End Enter Escape).

import { typeBadge } from './badges.js';
import { getJson, isAbort } from './api-client.js';
import { h, clear } from './dom.js';
import { showError } from './message-area.js';
import { ENTITY_TYPES } from './vocabulary.js';

const DEBOUNCE_MS = 180;

export function createEntitySearch({ form, input, typeSelect, list, onSelect }) {
  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  for (const t of ENTITY_TYPES) typeSelect.append(h('option', { value: t.id }, t.label));

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  }

  function setActive(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    const li = index >= 0 ? list.children[index] : null;
    if (li?.id) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function renderResults(query) {
    clear(list);
    if (!items.length) {
      list.append(h('li', { class: 'combo-empty', role: 'option', 'aria-disabled': 'true' }, query ? `没有找到“${query}”` : '没有实体'));
    }
    items.forEach((item, i) => {
      const li = h(
        'li',
        { id: `entity-option-${i}`, role: 'option', 'aria-selected': 'false', class: 'combo-option', dataset: { id: item.id } },
        typeBadge(item.type),
        h('span', { class: 'option-name' }, item.name),
        item.aliases?.length ? h('span', { class: 'option-alias' }, item.aliases.slice(0, 2).join('、')) : null,
        h('span', { class: 'option-count', title: '提及次数' }, String(item.mentions)),
      );
      li.addEventListener('mousedown', (event) => event.preventDefault());
      li.addEventListener('click', () => choose(i));
      li.addEventListener('mousemove', () => active !== i && setActive(i));
      list.append(li);
    });
    open(true);
    setActive(items.length ? 0 : -1);
  }

  async function lookup() {
    const q = input.value.trim();
    controller?.abort();
    if (!q && !typeSelect.value) {
      items = [];
      open(false);
      return;
    }
    controller = new AbortController();
    try {
      const res = await getJson('/api/entities', { q, type: typeSelect.value, limit: 12 }, { signal: controller.signal });
      items = res.items ?? [];
      renderResults(q);
    } catch (error) {
      if (!isAbort(error)) showError(error, '实体搜索失败');
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookup, DEBOUNCE_MS);
  }

  function choose(index) {
    const item = items[index];
    if (!item) return;
    input.value = item.name;
    open(false);
    onSelect(item);
  }

  input.addEventListener('input', schedule);
  input.addEventListener('focus', () => {
    if (items.length && input.value.trim()) open(true);
  });
  input.addEventListener('blur', () => setTimeout(() => open(false), 120));
  typeSelect.addEventListener('change', () => {
    lookup();
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (list.hidden) lookup();
        else if (count) setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) setActive((active - 1 + count) % count);
        break;
      case 'Home':
        if (!list.hidden && count) {
          event.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (!list.hidden && count) {
          event.preventDefault();
          setActive(count - 1);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          open(false);
        } else input.value = '';
        break;
      default:
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!list.hidden && active >= 0) return choose(active);
    clearTimeout(timer);
    await lookup();
    if (items.length) choose(0);
  });
}
