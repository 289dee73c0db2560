// The explorer page end to end in a real browser (Debian's Chromium driven by playwright-core)
// against the real server and the run's Neo4j, with the seed article ingested over HTTP: the
// overview graph renders, the entity search finds 南通高新区, the side panel shows it, a click on a
// neighbour changes the panel, an edge shows its evidence, API problems appear in the message area,
// and the browser reports no console or page errors. Leaves a screenshot in test-results/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import type { Services } from '../../src/services.js';
import { neo4jUri } from './open-test-neo4j.js';
import { openTestServices } from './test-services.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SEED = readFileSync(new URL('../../seeds/2021-tongzhou-district-plan-article.txt', import.meta.url), 'utf8');
const SCREENSHOT = 'test-results/explorer.png';
const PARK = '南通高新区';
/** The API answers from a cold database: give each UI change a generous time to appear. */
const POLL = { timeout: 15_000 };

if (!HAS_CHROMIUM) console.warn(`explorer suite skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const title = HAS_CHROMIUM ? 'explorer page in Chromium' : `explorer page in Chromium (skipped: ${CHROMIUM} not found)`;

describe.skipIf(!neo4jUri || !HAS_CHROMIUM)(title, () => {
  let services: Services;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let documented: Set<string>;
  /** Console errors and uncaught page errors, as they happen. */
  const problems: string[] = [];

  const panelName = () => page.locator('#panel-detail #entity-name');
  const waitForSettledGraph = () => page.waitForSelector('svg#graph[data-layout="settled"]', { timeout: 15_000 });

  beforeAll(async () => {
    services = await openTestServices();
    await (services.store as unknown as { resetForTests(): Promise<void> }).resetForTests();
    server = await startServer(services);
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '通州区：切实扛起建设硬核区的使命担当', text: SEED, source: 'seeds/2021-tongzhou-district-plan-article.txt', region: '通州区' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    documented = new Set(Object.keys(openapi.paths));

    browser = await chromium.launch({
      headless: true,
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await services?.close();
  });

  it('renders the overview graph of parks, industries and policies as SVG nodes', async () => {
    const overview = page.waitForResponse((r) => r.url().includes('/api/graph?'));
    await page.goto(server.url);
    const res = await overview;
    expect(res.status()).toBe(200);
    const url = new URL(res.url());
    expect(url.searchParams.get('types')).toBe('Park,Industry,Policy');
    expect(url.searchParams.get('limit')).toBe('60');

    await page.waitForSelector('svg#graph g.node circle');
    const nodes = await page.locator('svg#graph g.node').count();
    expect(nodes).toBeGreaterThan(3);
    const types = await page.locator('svg#graph g.node').evaluateAll((els) => [...new Set(els.map((el) => (el as SVGElement).dataset.type))]);
    expect(types.every((t) => ['Park', 'Industry', 'Policy'].includes(String(t)))).toBe(true);
    await expect.poll(() => page.locator('#graph-status').textContent(), POLL).toContain('总览');
    await expect.poll(() => page.locator('#stats-line').textContent(), POLL).toMatch(/1 篇文档/);
  });

  it('finds 南通高新区 by typing 高新区, and shows it in the side panel with relations or targets', async () => {
    const input = page.locator('#entity-query');
    await input.click();
    await input.pressSequentially('高新区', { delay: 30 });
    const option = page.locator('#entity-results [role="option"]').filter({ has: page.locator('.option-name', { hasText: new RegExp(`^${PARK}$`) }) });
    await option.waitFor();
    await expect.poll(() => input.getAttribute('aria-expanded'), POLL).toBe('true');
    expect(await option.locator('.badge').textContent()).toBe('园区');
    await option.click();

    await expect.poll(() => panelName().textContent(), POLL).toBe(PARK);
    const facts = await page.locator('#panel-detail .relation, #panel-detail .target').count();
    expect(facts).toBeGreaterThan(0);
    // The graph now shows the park's neighbourhood, centred on it.
    await page.waitForSelector(`svg#graph g.node.focus[data-name="${PARK}"]`);
    expect(await page.locator('svg#graph g.node').count()).toBeGreaterThan(1);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#entity=Park:南通高新区');
  });

  it('clicking a neighbour node loads its neighbourhood and changes the panel', async () => {
    await waitForSettledGraph();
    // The neighbour drawn nearest to the centre: well clear of the overlays at the graph's edges.
    const id = await page.locator('svg#graph g.node:not(.focus)').evaluateAll((els) => {
      const frame = document.querySelector('svg#graph')!.getBoundingClientRect();
      const distance = (el: Element) => {
        const r = el.querySelector('circle')!.getBoundingClientRect();
        return Math.hypot(r.x + r.width / 2 - (frame.x + frame.width / 2), r.y + r.height / 2 - (frame.y + frame.height / 2));
      };
      return (els.sort((a, b) => distance(a) - distance(b))[0] as SVGElement | undefined)?.dataset.id;
    });
    expect(id).toBeTruthy();
    const neighbour = page.locator(`svg#graph g.node[data-id="${id}"]`);
    const name = await neighbour.getAttribute('data-name');
    expect(name).toBeTruthy();
    expect(name).not.toBe(PARK);
    await neighbour.locator('circle').click();
    await expect.poll(() => panelName().textContent(), POLL).toBe(name);
    await page.waitForSelector(`svg#graph g.node.focus[data-name="${name}"]`);
    await waitForSettledGraph();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('clicking an edge shows its relation and evidence passages', async () => {
    const edge = page.locator('svg#graph g.edge').first();
    await edge.waitFor({ state: 'attached' });
    const type = await edge.getAttribute('data-type');
    await edge.dispatchEvent('click');
    const panel = page.locator('#panel-detail .edge-panel');
    await panel.waitFor();
    expect(await panel.locator('.rel-badge').first().textContent()).toBeTruthy();
    expect(await panel.locator('.entity-meta .mono').textContent()).toBe(type);
    expect(await panel.locator('.evidence').count()).toBeGreaterThan(0);
    expect(await panel.locator('.evidence .source-line').first().textContent()).toMatch(/\[\d+, \d+\)/);
    await panel.locator('button.back').click();
    await panelName().waitFor();
  });

  it('asks a question or says the question route is not there yet', async () => {
    await page.locator('#tab-ask').click();
    await page.locator('#ask-input').fill('通州区到2025年高新技术企业目标是多少？');
    await page.locator('#ask-input').press('Enter');
    if (documented.has('/api/ask')) {
      const answer = page.locator('#ask-result .answer');
      await answer.waitFor();
      expect(await answer.locator('.answer-text').textContent()).toBeTruthy();
      // Citations are quotes with their document's title.
      const citation = answer.locator('.citation').first();
      await citation.waitFor();
      expect(await citation.locator('.quote').textContent()).toBeTruthy();
      expect(await citation.locator('cite').textContent()).toMatch(/^《.+》$/);
    } else {
      await expect.poll(() => page.locator('#ask-result .notice').textContent(), POLL).toContain('尚未启用');
    }
  });

  it('searches passages and marks the highlights, when the search route exists', async () => {
    await page.locator('#tab-search').click();
    await page.locator('#search-input').fill('集成电路零部件');
    await page.locator('#search-input').press('Enter');
    if (documented.has('/api/search')) {
      await page.locator('#search-result .search-result').first().waitFor();
      expect(await page.locator('#search-result .search-result mark').count()).toBeGreaterThan(0);
    } else {
      await expect.poll(() => page.locator('#search-result .notice').textContent(), POLL).toContain('尚未启用');
    }
  });

  it('has produced no console errors and no page errors so far', () => {
    expect(problems).toEqual([]);
  });

  it('shows an API problem (problem+json) in the message area without blocking the page', async () => {
    const before = problems.length;
    const input = page.locator('#entity-query');
    await input.fill('');
    await input.fill('园'.repeat(201)); // q is limited to 200 characters: the server answers 400
    const message = page.locator('#messages .message-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('VALIDATION_FAILED');
    // The page stays usable: the search box still answers.
    await input.fill(PARK);
    await page.locator('#entity-results [role="option"]', { hasText: PARK }).first().waitFor();
    // The only new browser error is the logged 400 response itself.
    expect(problems.slice(before).every((p) => p.includes('status of 400'))).toBe(true);
    expect(problems.slice(0, before)).toEqual([]);
  });
});
