// `npm run bench:web -- [--nodes 200,500] [--seconds 4]`
// Frame rate of the explorer's graph view in headless Chromium (Debian's /usr/bin/chromium): the real
// page served by the real app (embedded store in a temp folder) draws a synthetic graph of N nodes
// and ~2.5N edges of every type; the layout time is measured, then one node is dragged in circles
// with the mouse for a few seconds while requestAnimationFrame callbacks are counted. A measurement,
// not a test: the numbers depend on the machine and what else runs on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src/api/run-server.js';
import { parseConfig } from '../src/config.js';
import { openServices } from '../src/services.js';

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '200,500' }, seconds: { type: 'string', default: '4' } } });
const sizes = values.nodes.split(',').map(Number);
const seconds = Number(values.seconds);

const TYPES = ['Park', 'Industry', 'Policy', 'Region', 'Organization'];
const RELS = ['HOSTS', 'SUPPORTS', 'EXTENDS_TO', 'INTEGRATES_WITH', 'PART_OF', 'CONTAINS', 'CO_OCCURS'];

/** A deterministic graph: seeded so that every run draws the same picture. */
function syntheticGraph(n: number) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `N:${i}`, name: `实体${i}号产业园区`, type: TYPES[i % TYPES.length], mentions: 1 + Math.floor(random() * 40) }));
  const edges = Array.from({ length: Math.round(n * 2.5) }, (_, i) => {
    // Mostly local links (a community structure, as real graphs have), some long ones.
    const a = Math.floor(random() * n);
    const b = random() < 0.8 ? (a + 1 + Math.floor(random() * 12)) % n : Math.floor(random() * n);
    return { id: `E:${i}`, source: `N:${a}`, target: `N:${b === a ? (a + 1) % n : b}`, type: RELS[i % RELS.length], weight: 1 + Math.floor(random() * 5), evidence: [] };
  });
  return { nodes, edges };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'pg-bench-web-'));
const services = await openServices(parseConfig({ DATA_DIR: dataDir, PORT: '0', MODELS_DIR: 'data/test/no-models', LOG_LEVEL: 'silent' }));
const server = await startServer(services);
const browser = await chromium.launch({ headless: true, executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const rows: Array<{ nodes: number; edges: number; layoutMs: number; dragFps: number; frames: number }> = [];
try {
  for (const n of sizes) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('#graph[data-layout="settled"]');
    const graph = syntheticGraph(n);
    const layoutMs = await page.evaluate(async (g) => {
      const started = performance.now();
      await (window as unknown as { policyGraphView: { setData: (g: unknown) => Promise<void> } }).policyGraphView.setData(g);
      return performance.now() - started;
    }, graph);
    // The node drawn nearest to the canvas's centre, in page coordinates.
    const start = await page.evaluate(() => {
      const view = (window as unknown as { policyGraphView: { cy: any } }).policyGraphView;
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const centre = { x: box.width / 2, y: box.height / 2 };
      let best = { x: 0, y: 0, d: Infinity };
      view.cy.nodes().forEach((node: any) => {
        const p = node.renderedPosition();
        const d = Math.hypot(p.x - centre.x, p.y - centre.y);
        if (d < best.d) best = { x: p.x + box.x, y: p.y + box.y, d };
      });
      return best;
    });
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number; counting: boolean };
      w.frames_ = 0;
      w.counting = true;
      const tick = () => {
        w.frames_++;
        if (w.counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const began = Date.now();
    let step = 0;
    while (Date.now() - began < seconds * 1000) {
      step++;
      await page.mouse.move(start.x + 120 * Math.cos(step / 10), start.y + 80 * Math.sin(step / 10));
    }
    await page.mouse.up();
    const elapsed = (Date.now() - began) / 1000;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames_: number; counting: boolean };
      w.counting = false;
      return w.frames_;
    });
    rows.push({ nodes: n, edges: graph.edges.length, layoutMs: Math.round(layoutMs), dragFps: Math.round((frames / elapsed) * 10) / 10, frames });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log('| nodes | edges | layout (ms) | drag (frames/s) |');
console.log('|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.nodes} | ${r.edges} | ${r.layoutMs} | ${r.dragFps} |`);
console.log(JSON.stringify({ chromium: (await import('node:child_process')).execFileSync('/usr/bin/chromium', ['--version']).toString().trim(), rows }));
