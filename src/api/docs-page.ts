// A self-contained documentation page rendered from the OpenAPI document: no CDN, no script needed.
const esc = (s: unknown): string => String(s).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
}

export function docsPage(openapi: unknown): string {
  const doc = openapi as { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>> };
  const sections = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''}) <code>${esc(JSON.stringify(p.schema))}</code></li>`)
        .join('');
      const body = op.requestBody ? `<p>Body: ${Object.keys(op.requestBody.content).map((t) => `<code>${esc(t)}</code>`).join(', ')}</p>` : '';
      const responses = Object.keys(op.responses ?? {}).map((s) => `<code>${esc(s)}</code>`).join(' ');
      return `<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? '')}</p>${params ? `<ul>${params}</ul>` : ''}${body}<p>Responses: ${responses}</p></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} API</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
section{border-top:1px solid #ddd;padding:.5em 0}code{background:#f4f4f4;padding:0 .25em}
.m{display:inline-block;min-width:4.5em;font-weight:600}.get{color:#1565c0}.post{color:#2e7d32}.delete{color:#c62828}</style></head>
<body><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Errors are <code>application/problem+json</code>.</p>
${sections.join('\n')}</body></html>`;
}
