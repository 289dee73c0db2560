// The explorer end to end in a real browser (Debian's Chromium driven by playwright-core) against the
// real server on the embedded store, with the seed article (通州区) and a short text of our own
// (海门区) ingested over HTTP. One flow per test, in the order an analyst works: the overview of
// stated links, an industry to its parks with evidence, a citation opened in its document, the
// targets of a region as a table, CSV and chart, the view shared by URL, the states for an unknown
// id and an outage, exports, keyboard access to edges, and axe-core with no serious violations.
// Screenshots of each flow are left in test-results/explorer/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/run-server.js';
import { parseConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/services.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SEED = readFileSync(new URL('../../seeds/2021-tongzhou-district-plan-article.txt', import.meta.url), 'utf8');
const HAIMEN = [
  '海门区“十四五”产业发展要点',
  '一、发展目标',
  '到2025年，高新技术企业达到300家，地区生产总值突破1800亿元。海门经济技术开发区重点发展新一代信息技术产业和高端装备产业。',
  '二、主要举措',
  '实施链长制，支持海门经济技术开发区建设集成电路产业园。',
].join('\n');
const SHOTS = 'test-results/explorer';
const INDUSTRY = 'Industry:新一代信息技术产业';
const POLL = { timeout: 15_000 };

if (!HAS_CHROMIUM) console.warn(`explorer suite skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('the explorer in Chromium', () => {
  let dataDir: string;
  let services: Services;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Console errors and uncaught page errors, as they happen. */
  const problems: string[] = [];

  const hash = () => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
  const param = async (key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
  const settled = () => page.waitForSelector('#graph[data-layout="settled"]', POLL);
  const canvasCount = (selector: string) => page.evaluate((s) => (window as unknown as { policyGraphView: { cy: { $: (s: string) => { length: number } } } }).policyGraphView.cy.$(s).length, selector);
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

  async function post(body: Record<string, string>) {
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pg-web-'));
    const config = parseConfig({ DATA_DIR: dataDir, PORT: '0', MODELS_DIR: 'data/test/no-models', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' });
    services = await openServices(config);
    server = await startServer(services);
    await post({ title: '通州区：切实扛起建设硬核区的使命担当', text: SEED, source: 'seeds/2021-tongzhou-district-plan-article.txt', region: '通州区' });
    await post({ title: '海门区“十四五”产业发展要点', text: HAIMEN, source: 'test/haimen', region: '海门区' });
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      headless: true,
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await services?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws the overview from stated relations, counts it by type, and adds co-occurrence on request', async () => {
    const overview = page.waitForResponse((r) => r.url().includes('/api/graph?'));
    await page.goto(server.url);
    const res = await overview;
    expect(res.status()).toBe(200);
    const rels = new URL(res.url()).searchParams.get('rels')!.split(',');
    expect(rels).not.toContain('CO_OCCURS');
    expect(rels).toContain('HOSTS');
    await settled();
    expect(await canvasCount('node')).toBeGreaterThan(3);
    expect(await canvasCount('edge[type = "CO_OCCURS"]')).toBe(0);
    // Every drawn node has a drawn link: the overview is of links, not lone names.
    expect(await canvasCount('node[[degree = 0]]')).toBe(0);
    const industries = await canvasCount('node[type = "Industry"]');
    expect(await page.locator('#type-filter .count').first().textContent()).toMatch(/\d+/);
    expect(await page.locator('#type-filter label', { hasText: '产业' }).locator('.count').textContent()).toBe(` ${industries}`);
    await expect.poll(() => page.locator('#graph-status').textContent(), POLL).toContain('总览');
    await expect.poll(() => page.locator('#stats-line').textContent(), POLL).toMatch(/2 篇文档/);
    await shot('1-overview');

    const withCooccurrence = page.waitForResponse((r) => r.url().includes('/api/graph?') && r.url().includes('CO_OCCURS'));
    await page.locator('#show-cooccurs').check();
    await withCooccurrence;
    await settled();
    expect(await param('cooc')).toBe('1');
    expect(await canvasCount('edge[type = "CO_OCCURS"]')).toBeGreaterThan(0);
    await page.locator('#show-cooccurs').uncheck();
    await settled();
  });

  it('says when the node limit cuts the graph', async () => {
    await page.locator('#limit').selectOption('30');
    await settled();
    const truncated = await page.evaluate(async () => (await (await fetch('/api/graph?limit=30&types=Park,Industry,Policy')).json()).truncated as boolean);
    const note = page.locator('#graph-limit');
    if (truncated) await expect.poll(() => note.textContent(), POLL).toContain('已达节点上限 30');
    else expect(await note.isHidden()).toBe(true);
    await page.locator('#limit').selectOption('60');
    await settled();
  });

  it('goes from an industry to the park that hosts it, with the evidence quoted', async () => {
    const input = page.locator('#entity-query');
    await input.fill('');
    await input.click();
    await input.pressSequentially('新一代信息技术', { delay: 20 });
    await page.locator('#entity-results [role="option"]', { hasText: '新一代信息技术产业' }).first().click();
    await expect.poll(() => page.locator('#entity-name').textContent(), POLL).toBe('新一代信息技术产业');
    expect(await param('entity')).toBe(INDUSTRY);
    // The canvas now draws the industry's neighbourhood, centred on it, with the park among them.
    await expect.poll(() => canvasCount('node.focus[name = "新一代信息技术产业"]'), POLL).toBe(1);
    await settled();
    // A park that hosts it (the seed states 南通高新区; extraction may name it by its official name).
    const hosts = page.locator('#panel-detail .relation-group[data-rel="HOSTS"] .relation').filter({ has: page.locator('.badge', { hasText: '园区' }) }).first();
    await hosts.waitFor();
    const park = (await hosts.locator('.entity-link').textContent())!;
    expect(park).toMatch(/^南通高新/);
    expect(await canvasCount(`node[name = "${park}"][type = "Park"]`)).toBe(1);
    await hosts.getByRole('button', { name: /^证据 \d+/ }).click();
    const panel = page.locator('#panel-detail .edge-panel');
    await panel.waitFor();
    await expect.poll(() => panel.locator('.evidence .quote mark').first().textContent(), POLL).toBeTruthy();
    expect(await param('edge')).toBeTruthy();
    await shot('2-industry-to-park-evidence');
  });

  it('opens a citation in its document, scrolled to the marked span', async () => {
    const link = page.locator('#panel-detail .edge-panel .evidence .reader-link').first();
    const href = new URLSearchParams((await link.getAttribute('href'))!.slice(1));
    const [start, end] = href.get('span')!.split('-').map(Number);
    await link.click();
    const mark = page.locator('#reader #reader-mark');
    await mark.waitFor();
    expect(await param('view')).toBe('documents');
    // The mark is exactly the cited span of the document text.
    const marked = await mark.textContent();
    expect(marked!.length).toBe(end! - start!);
    expect(await mark.isVisible()).toBe(true);
    const box = (await mark.boundingBox())!;
    const reader = (await page.locator('#reader').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(reader.y);
    expect(box.y + box.height).toBeLessThanOrEqual(reader.y + reader.height);
    expect(await page.locator('#documents-table tbody tr').count()).toBe(2);
    await shot('3-citation-in-document');
    // Back returns to the relation the citation came from.
    await page.goBack();
    await page.locator('#panel-detail .edge-panel').waitFor();
    expect(await param('view')).toBeNull();
  });

  it('reaches every drawn edge by keyboard through the graph text', async () => {
    await page.locator('#graph-text summary').focus();
    await page.keyboard.press('Enter');
    const edgeButton = page.locator('#graph-text .edge-link').first();
    await edgeButton.waitFor();
    expect(await page.locator('#graph-text .edge-link').count()).toBe(await canvasCount('edge'));
    const edgeId = await edgeButton.getAttribute('data-edge-id');
    await edgeButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-detail .edge-panel').getAttribute('data-edge-id'), POLL).toBe(edgeId);
  });

  it('lists, filters, sorts, charts and exports the targets of a region', async () => {
    await page.locator('#nav-targets').click();
    await page.locator('#targets-table tbody tr').first().waitFor();
    const all = await page.locator('#targets-table tbody tr').count();
    expect(all).toBeGreaterThan(2);

    // Scope to 海门区: only the targets its document states.
    await page.locator('#scope-region').selectOption('海门区');
    await expect.poll(() => page.locator('#targets-table tbody tr').count(), POLL).toBeLessThan(all);
    const docs = await page.locator('#targets-table tbody tr td:nth-child(6)').allTextContents();
    expect(docs.length).toBeGreaterThan(0);
    expect(new Set(docs)).toEqual(new Set(['海门区“十四五”产业发展要点']));
    expect(await param('region')).toBe('海门区');
    await page.locator('#scope-clear').click();
    await expect.poll(() => page.locator('#targets-table tbody tr').count(), POLL).toBe(all);

    // Year filter and sort by value, descending.
    await page.locator('#tf-year').selectOption('2025');
    expect(await param('year')).toBe('2025');
    const years = await page.locator('#targets-table tbody tr td:nth-child(3)').allTextContents();
    expect(years.every((y) => y.startsWith('2025'))).toBe(true);
    await page.locator('#targets-table th button', { hasText: '目标值' }).click();
    await page.locator('#targets-table th button', { hasText: '目标值' }).click();
    expect(await param('sort')).toBe('-value');
    expect(await page.locator('#targets-table th', { hasText: '目标值' }).getAttribute('aria-sort')).toBe('descending');

    // The chart of 地区生产总值 across regions: both documents' targets, one bar per region.
    await page.locator('#tf-year').selectOption('');
    await page.locator('#chart-metric').selectOption('地区生产总值');
    expect(await param('chart')).toBe('地区生产总值');
    await expect.poll(() => page.locator('#targets-chart').getAttribute('data-points'), POLL).toBe('2');
    const caption = await page.locator('#chart-caption').textContent();
    expect(caption).toContain('通州区');
    expect(caption).toContain('海门区');
    expect(await page.locator('#targets-chart canvas').count()).toBeGreaterThan(0);

    // Each row's quote opens the reader at that target.
    const quote = page.locator('#targets-table tbody tr .reader-link').first();
    expect(new URLSearchParams((await quote.getAttribute('href'))!.slice(1)).get('span')).toMatch(/^\d+-\d+$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#targets-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('指标');
    expect(lines.length - 1).toBe(await page.locator('#targets-table tbody tr').count());
    await shot('4-targets-table-chart');
  });

  it('restores the whole view from a shared URL: entity, depth, filters, tab, question and scope', async () => {
    await page.goto(server.url);
    await settled();
    await page.locator('#entity-query').fill('新一代信息技术');
    await page.locator('#entity-results [role="option"]', { hasText: '新一代信息技术产业' }).first().click();
    await expect.poll(() => page.locator('#entity-name').textContent(), POLL).toBe('新一代信息技术产业');
    await page.locator('#depth').selectOption('2');
    await page.locator('#type-filter input[value="Region"]').check();
    await page.locator('#tab-ask').click();
    await page.locator('#ask-input').fill('到2025年地区生产总值目标是多少？');
    await page.locator('#ask-input').press('Enter');
    await page.locator('#ask-result .answer').waitFor();
    await page.locator('#scope-doc').selectOption({ label: '通州区：切实扛起建设硬核区的使命担当' });
    await settled();
    const shared = page.url();
    const state = await hash();
    expect(state).toMatchObject({ entity: INDUSTRY, depth: '2', tab: 'ask', q: '到2025年地区生产总值目标是多少？' });
    expect(state.types!.split(',')).toContain('Region');
    expect(state.doc).toMatch(/^doc_/);

    const other = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      const neighbours = other.waitForResponse((r) => r.url().includes('/neighbors?'));
      await other.goto(shared);
      const req = new URL((await neighbours).url()).searchParams;
      expect(req.get('depth')).toBe('2');
      expect(req.get('docs')).toBe(state.doc);
      await other.locator('#ask-result .answer').waitFor();
      expect(await other.locator('#ask-input').inputValue()).toBe(state.q);
      expect(await other.locator('#tab-ask').getAttribute('aria-selected')).toBe('true');
      expect(await other.locator('#depth').inputValue()).toBe('2');
      expect(await other.locator('#type-filter input[value="Region"]').isChecked()).toBe(true);
      await expect.poll(() => other.locator('#scope-doc').inputValue(), POLL).toBe(state.doc);
      await other.locator('#tab-detail').click();
      await expect.poll(() => other.locator('#entity-name').textContent(), POLL).toBe('新一代信息技术产业');
      await other.screenshot({ path: `${SHOTS}/5-shared-url-restored.png` });
    } finally {
      await other.close();
    }
  });

  it('searches passages within the region in scope, each result linking to its place in the document', async () => {
    await page.goto(`${server.url}/#tab=search&region=${encodeURIComponent('海门区')}&sq=${encodeURIComponent('高新技术企业')}`);
    const results = page.locator('#search-result .search-result');
    await results.first().waitFor();
    const titles = await results.locator('cite').allTextContents();
    expect(new Set(titles)).toEqual(new Set(['《海门区“十四五”产业发展要点》']));
    expect(await page.locator('#search-input').inputValue()).toBe('高新技术企业');
    await results.first().locator('.reader-link').click();
    await page.locator('#reader #reader-mark').waitFor();
    expect(await page.locator('#reader #reader-title').textContent()).toBe('海门区“十四五”产业发展要点');
    await shot('8-scoped-search-to-reader');
  });

  it('says an unknown entity id is unknown and leads back to the overview', async () => {
    await page.goto(`${server.url}/#entity=${encodeURIComponent('Park:不存在的园区')}`);
    const box = page.locator('#graph-state[data-kind="notfound"]');
    await box.waitFor();
    expect(await box.textContent()).toContain('Park:不存在的园区');
    await expect.poll(() => page.locator('#panel-detail').textContent(), POLL).toContain('找不到实体');
    await shot('6-unknown-id');
    await box.getByRole('button', { name: '返回总览' }).click();
    await settled();
    expect(await page.locator('#graph-state').isHidden()).toBe(true);
    expect(await canvasCount('node')).toBeGreaterThan(0);
  });

  it('shows an empty result as such, with the way out', async () => {
    await page.locator('#type-filter input[value="Park"]').uncheck();
    await page.locator('#type-filter input[value="Industry"]').uncheck();
    await page.locator('#type-filter input[value="Region"]').uncheck();
    await page.locator('#type-filter input[value="Organization"]').check();
    await page.locator('#type-filter input[value="Policy"]').uncheck();
    const box = page.locator('#graph-state');
    // Organizations alone are rarely linked by stated relations; either way the view says what it shows.
    await settled();
    if (await canvasCount('node')) expect(await box.isHidden()).toBe(true);
    else {
      expect(await box.getAttribute('data-kind')).toBe('empty');
      await expect.poll(() => box.getByRole('button', { name: '显示共现关系' }).count(), POLL).toBe(1);
    }
    await page.goto(`${server.url}/`);
    await settled();
  });

  it('shows an outage with a retry that recovers', async () => {
    // The browser loses the server (connection refused) for the overview only.
    await page.route('**/api/graph?*', (route) => route.abort('connectionrefused'));
    await page.locator('#limit').selectOption('120');
    const box = page.locator('#graph-state[data-kind="error"]');
    await box.waitFor();
    expect(await box.textContent()).toContain('服务暂时不可用');
    await shot('7-outage');
    await page.unroute('**/api/graph?*');
    await box.getByRole('button', { name: '重试' }).click();
    await settled();
    await expect.poll(() => page.locator('#graph-state').isHidden(), POLL).toBe(true);
    expect(await canvasCount('node')).toBeGreaterThan(0);
    // The failed request logged its network error; nothing else went wrong.
    const last = problems.splice(0).filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('Failed to load resource'));
    expect(last).toEqual([]);
  });

  it('exports the view as PNG and GraphML', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.locator('#export-graphml').click()]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml.match(/<node /g)?.length).toBe(await canvasCount('node'));
    expect(xml.match(/<edge /g)?.length ?? 0).toBe(await canvasCount('edge'));
  });

  it('passes axe-core with no serious or critical violations in every view', async () => {
    const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    const serious: string[] = [];
    for (const view of ['', '#view=targets', '#view=documents&read=', '#entity=' + encodeURIComponent(INDUSTRY)]) {
      await page.goto(`${server.url}/${view}`);
      await page.waitForLoadState('networkidle');
      // Evaluated through the debugging protocol: the page's CSP allows no inline script.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        // label-content-name-mismatch is experimental in axe: turned on, it checks that accessible
        // names contain the visible text (WCAG 2.5.3).
        const r = await axe.run(document, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of result) if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${view || 'overview'}: ${v.id} (${v.impact}) ${v.targets.join(', ')}`);
    }
    expect(serious).toEqual([]);
  });

  it('has produced no console errors and no page errors', () => {
    expect(problems).toEqual([]);
  });
});
