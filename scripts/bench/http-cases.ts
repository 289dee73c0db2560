// The request mix of each measured case, built from what the running service holds: the seed
// questions for search and ask, its most mentioned entities for neighbours and paths, stored target
// metrics for the targets filter.
export interface HttpCase {
  name: string;
  paths: string[];
}

const q = (s: string) => encodeURIComponent(s);

export async function httpCases(base: string, questions: readonly string[]): Promise<HttpCase[]> {
  const graph = (await (await fetch(`${base}/api/graph?types=Industry,Park,Policy&limit=24`)).json()) as { nodes: Array<{ id: string }> };
  const ids = graph.nodes.map((n) => n.id);
  if (ids.length < 2) throw new Error('the store holds too few entities to measure graph requests');
  const targets = (await (await fetch(`${base}/api/targets?limit=200`)).json()) as { items?: Array<{ metric: string }> } | Array<{ metric: string }>;
  const list = Array.isArray(targets) ? targets : (targets.items ?? []);
  const metrics = [...new Set(list.map((t) => t.metric))].slice(0, 24);
  const search = (mode: string) => questions.map((x) => `/api/search?q=${q(x)}&k=10&mode=${mode}`);
  return [
    { name: 'search fulltext', paths: search('fulltext') },
    { name: 'search vector', paths: search('vector') },
    { name: 'search hybrid', paths: search('hybrid') },
    { name: 'ask', paths: questions.map((x) => `/api/ask?q=${q(x)}`) },
    { name: 'neighbours depth 2', paths: ids.map((id) => `/api/entities/${q(id)}/neighbors?depth=2`) },
    { name: 'path', paths: ids.map((id, i) => `/api/path?from=${q(id)}&to=${q(ids[(i + 7) % ids.length]!)}&maxDepth=4`) },
    { name: 'targets', paths: (metrics.length ? metrics : ['生产总值']).map((m) => `/api/targets?metric=${q(m)}`) },
  ];
}
