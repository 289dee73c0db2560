// `npm run bench:web -- [--nodes 200,500] [--seconds 4] [--runs 3]`
// Frame rate of the explorer's graph view in headless Chromium (Debian's /usr/bin/chromium): the real
// page served by the real app (embedded store in a temp folder) draws a synthetic graph of N nodes
// and ~2.5N edges of every type; the layout time is measured, then one node is dragged in circles
// with the mouse for a few seconds while requestAnimationFrame callbacks are counted. A measurement,
// not a test: the numbers depend on the machine and what else runs on it, so each size is measured
// --runs times and the best and the median are reported (the best is nearest an idle machine).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src/api/run-server.js';
import { parseConfig } from '../src/config.js';
import { openServices } from '../src/services.js';

/** Counts animation frames in the page until window.benchCounting is set to false. */
const START_FRAME_COUNT = `(() => {
  window.benchFrames = 0;
  window.benchCounting = true;
  const tick = () => { window.benchFrames++; if (window.benchCounting) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '200,500' }, seconds: { type: 'string', default: '4' }, runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
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
const rows: Array<{ nodes: number; edges: number; layoutMs: number; dragFps: number; idleFps: number; frames: number }> = [];
try {
  for (const n of sizes.flatMap((size) => Array<number>(runs).fill(size))) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('#graph[data-layout="settled"]');
    const graph = syntheticGraph(n);
    const layoutMs = await page.evaluate(async (g) => {
      const started = performance.now();
      await (window as unknown as { policyGraphView: { setData: (g: unknown) => Promise<void> } }).policyGraphView.setData(g);
      return performance.now() - started;
    }, graph);
    // Page code as strings: tsx would wrap named functions in a helper the page does not have.
    // The node drawn nearest to the canvas's centre, in page coordinates.
    const start = (await page.evaluate(`(() => {
      const cy = window.policyGraphView.cy;
      const box = document.getElementById('graph').getBoundingClientRect();
      let best = { x: 0, y: 0, d: Infinity };
      cy.nodes().forEach((node) => {
        const p = node.renderedPosition();
        const d = Math.hypot(p.x - box.width / 2, p.y - box.height / 2);
        if (d < best.d) best = { x: p.x + box.x, y: p.y + box.y, d };
      });
      return best;
    })()`)) as { x: number; y: number };
    // The same count with no input: the frame rate this machine gives the page at all right now.
    await page.evaluate(START_FRAME_COUNT);
    const idleBegan = Date.now();
    await page.waitForTimeout(2000);
    const idleFps = ((await page.evaluate('(window.benchCounting = false, window.benchFrames)')) as number) / ((Date.now() - idleBegan) / 1000);
    await page.evaluate(START_FRAME_COUNT);
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
    const frames = (await page.evaluate('(window.benchCounting = false, window.benchFrames)')) as number;
    rows.push({ nodes: n, edges: graph.edges.length, layoutMs: Math.round(layoutMs), dragFps: Math.round((frames / elapsed) * 10) / 10, idleFps: Math.round(idleFps * 10) / 10, frames });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`| nodes | edges | layout ms (best / median) | drag frames/s (best / median) | idle frames/s (median) | runs |`);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const mine = rows.filter((r) => r.nodes === n);
  const fps = mine.map((r) => r.dragFps);
  const layout = mine.map((r) => r.layoutMs);
  console.log(`| ${n} | ${mine[0]!.edges} | ${Math.min(...layout)} / ${median(layout)} | ${Math.max(...fps)} / ${median(fps)} | ${median(mine.map((r) => r.idleFps))} | ${mine.length} |`);
}
console.log(JSON.stringify({ chromium: execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(), load: loadavg(), rows }));
