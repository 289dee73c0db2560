// Passage search: GET /api/search in hybrid, full-text or vector mode; each result shows its
// document, heading, the passage with the query's highlights, the channels that found it and the
// entities it mentions (click one to explore it), and a link that opens the passage in its document.
// The query lives in the address (sq, mode): the page runs it when the view says so.

import { typeBadge } from './badges.js';
import { ApiError, getJson, routeAvailable } from './api-client.js';
import { h, highlighted, fill } from './dom.js';
import { readerLink, rememberSearchResults } from './evidence-quotes.js';
import { showError } from './message-area.js';
import { SEARCH_CHANNELS } from './vocabulary.js';

export function createSearchPanel({ form, input, mode, result, onEntity, onSubmit }) {
  let searched = 0;

  const unavailable = () => {
    fill(result, h('p', { class: 'notice' }, '检索接口（/api/search）尚未启用。'));
  };
  routeAvailable('/api/search').then((ok) => ok || unavailable());

  /** Runs a search within `scope` ({region, docs}) and shows it. */
  async function search(q, m, scope = {}) {
    input.value = q;
    mode.value = m;
    const mine = ++searched;
    if (!(await routeAvailable('/api/search'))) return unavailable();
    fill(result, h('p', { class: 'muted loading' }, '正在检索…'));
    try {
      const res = await getJson('/api/search', { q, mode: m, k: 20, ...scope });
      if (mine !== searched) return;
      rememberSearchResults(res);
      renderResults(res);
    } catch (error) {
      if (mine !== searched) return;
      if (error instanceof ApiError && error.status === 404 && /route/i.test(error.detail)) return unavailable();
      fill(result, h('p', { class: 'notice notice-error' }, `${error.title}：${error.detail}`));
      showError(error, '检索失败');
    }
  }

  function renderResults(res) {
    const summary = h(
      'p',
      { class: 'muted search-summary' },
      `${res.results.length} 条结果 · ${Math.round(res.tookMs ?? 0)} ms`,
      res.embedder?.fallback ? h('span', { class: 'chip chip-warn', title: '没有加载向量模型，使用了哈希回退嵌入' }, `回退嵌入 ${res.embedder.name}`) : null,
      res.tokens?.length ? h('span', { class: 'tokens' }, '分词：', res.tokens.map((t) => h('code', {}, t))) : null,
    );
    const list = h(
      'ol',
      { class: 'search-results' },
      res.results.map((r) =>
        h(
          'li',
          { class: 'search-result' },
          h(
            'p',
            { class: 'source-line' },
            h('span', { class: 'rank' }, `#${r.rank}`),
            h('cite', {}, `《${r.docTitle || r.passage.docId}》`),
            r.passage.heading ? h('span', {}, r.passage.heading) : null,
            readerLink(r.passage.docId, r.passage.start, r.passage.end, '在文档中打开'),
            Object.entries(r.channels ?? {}).map(([c, hit]) => h('span', { class: 'channel', title: `得分 ${hit.score.toFixed(3)}` }, `${SEARCH_CHANNELS[c] ?? c} #${hit.rank}`)),
          ),
          h('p', { class: 'passage-text' }, highlighted(r.passage.text, r.highlights)),
          r.entities?.length
            ? h(
                'p',
                { class: 'entity-chips' },
                r.entities.slice(0, 12).map((e) => h('button', { type: 'button', class: 'chip chip-button', onclick: () => onEntity(e.id), title: `查看${e.name}` }, typeBadge(e.type), e.name)),
              )
            : null,
        ),
      ),
    );
    fill(result, summary, res.results.length ? list : h('p', { class: 'muted' }, '没有匹配的段落。'));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) onSubmit(q, mode.value);
  });

  return { search };
}
