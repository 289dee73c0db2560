// The question box: GET /api/ask answers in Chinese with a kind, a confidence and citations (quote
// and document title). Targets used for number answers and entities of list answers are shown too.
// While the route is not deployed (404) the panel says so instead of failing. The question lives in
// the address (q): the page asks it when the view says so.

import { relationBadge, typeBadge } from './badges.js';
import { ApiError, getJson, routeAvailable } from './api-client.js';
import { h, fill } from './dom.js';
import { citationItem } from './evidence-quotes.js';
import { showError } from './message-area.js';
import { ANSWER_KINDS, formatTargetValue, RELATION_TYPES } from './vocabulary.js';

const EXAMPLES = ['通州区到2025年高新技术企业目标是多少？', '南通高新区承载哪些产业？', '城镇登记失业率控制在多少？', '新一代信息技术产业向哪些领域拓展？'];

/** A relation type id as its badge; any other wording as plain text. */
function relationLabel(relation) {
  return RELATION_TYPES.some((r) => r.id === relation) ? relationBadge(relation) : h('span', { class: 'muted' }, relation);
}

export function createAskPanel({ form, input, examples, result, onEntity, onSubmit }) {
  let asked = 0;

  for (const q of EXAMPLES) {
    examples.append(
      h('button', { type: 'button', class: 'chip chip-button', onclick: () => onSubmit(q) }, q),
    );
  }

  const unavailable = () => fill(result, h('p', { class: 'notice' }, '问答接口（/api/ask）尚未启用。可以先用“段落检索”查找原文。'));
  routeAvailable('/api/ask').then((ok) => ok || unavailable());

  /** Asks `q` within `scope` ({region, docs}) and shows the answer. */
  async function ask(q, scope = {}) {
    input.value = q;
    const mine = ++asked;
    if (!(await routeAvailable('/api/ask'))) return unavailable();
    fill(result, h('p', { class: 'muted loading' }, '正在思考…'));
    try {
      const answer = await getJson('/api/ask', { q, ...scope });
      if (mine === asked) renderAnswer(answer);
    } catch (error) {
      if (mine !== asked) return;
      if (error instanceof ApiError && error.status === 404 && /route/i.test(error.detail)) return unavailable();
      fill(result, h('p', { class: 'notice notice-error' }, `${error.title}：${error.detail}`));
      showError(error, '问答失败');
    }
  }

  function renderAnswer(a) {
    const confidence = Math.round((a.confidence ?? 0) * 100);
    fill(result, 
      h(
        'article',
        { class: `answer answer-${a.kind}` },
        h(
          'div',
          { class: 'answer-meta' },
          h('span', { class: 'kind' }, ANSWER_KINDS[a.kind] ?? a.kind),
          h('span', { class: 'confidence', title: '置信度' }, '置信度', h('meter', { min: 0, max: 100, value: confidence, 'aria-label': '置信度' }), `${confidence}%`),
        ),
        h('p', { class: 'answer-text' }, a.answer),
        a.targets?.length
          ? h(
              'ul',
              { class: 'target-list compact' },
              a.targets.map((t) => h('li', { class: 'target' }, h('div', { class: 'target-head' }, h('span', { class: 'metric' }, t.metric), h('span', { class: 'target-value' }, formatTargetValue(t)), t.year ? h('span', { class: 'target-when' }, `${t.year} 年`) : t.period ? h('span', { class: 'target-when' }, t.period) : null))),
            )
          : null,
        a.items?.length
          ? h(
              'ul',
              { class: 'answer-items' },
              a.items.map((item) =>
                h('li', {}, typeBadge(item.entity.type), h('button', { type: 'button', class: 'link entity-link', onclick: () => onEntity(item.entity.id) }, item.entity.name), item.relation ? relationLabel(item.relation) : null),
              ),
            )
          : null,
        h('h3', {}, `引用（${a.citations?.length ?? 0}）`),
        a.citations?.length ? h('ul', { class: 'evidence-list' }, a.citations.map(citationItem)) : h('p', { class: 'muted' }, '没有可引用的原文。'),
      ),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) onSubmit(q);
  });

  return { ask };
}
