// The browser libraries of the explorer (graph, layout, charts), served from the installed npm
// packages at /vendor/<file>: the page must work where no CDN can be reached, and the versions are
// the ones package-lock.json pins.
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);

/** Served name → [package, file inside the package]. Classic scripts that define one global each. */
const FILES: Record<string, [string, string]> = {
  'cytoscape.min.js': ['cytoscape', 'dist/cytoscape.min.js'],
  'layout-base.js': ['layout-base', 'layout-base.js'],
  'cose-base.js': ['cose-base', 'cose-base.js'],
  'cytoscape-fcose.js': ['cytoscape-fcose', 'cytoscape-fcose.js'],
  'echarts.min.js': ['echarts', 'dist/echarts.min.js'],
};

/** The package's folder, found from its main entry (some packages export no package.json). */
function packageDir(name: string): string {
  const entry = require.resolve(name);
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot locate the folder of package ${name} from ${entry}`);
  return entry.slice(0, at + marker.length);
}

export function webVendorRouter(): Router {
  const router = express.Router();
  for (const [served, [pkg, file]] of Object.entries(FILES)) {
    const full = path.join(packageDir(pkg), file);
    router.get(`/${served}`, (_req, res) => res.sendFile(full, { maxAge: '1h' }));
  }
  return router;
}
