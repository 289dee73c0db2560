// GraphML for Gephi and yEd: entities and targets as nodes, semantic relations and MEASURES as edges.
import type { GraphExport } from '../store/port.js';

const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function toGraphml(graph: GraphExport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="value" for="node" attr.name="value" attr.type="double"/>',
    '  <key id="rel" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <graph id="policygraph" edgedefault="directed">',
  ];
  for (const e of graph.entities) {
    out.push(`    <node id="${escapeXml(e.id)}"><data key="label">${escapeXml(e.name)}</data><data key="type">${e.type}</data></node>`);
  }
  for (const t of graph.targets) {
    const label = `${t.metric} ${t.comparator} ${t.value}${t.unit}${t.year ? ` (${t.year})` : ''}`;
    out.push(
      `    <node id="${escapeXml(t.id)}"><data key="label">${escapeXml(label)}</data><data key="type">Target</data><data key="value">${t.value}</data></node>`,
    );
  }
  let n = 0;
  for (const r of graph.relations) {
    const evidence = r.evidence.map((e) => e.passageId).join(' ');
    out.push(
      `    <edge id="e${n++}" source="${escapeXml(r.from)}" target="${escapeXml(r.to)}"><data key="rel">${r.type}</data><data key="weight">${r.weight}</data><data key="evidence">${escapeXml(evidence)}</data></edge>`,
    );
  }
  for (const t of graph.targets) {
    for (const m of t.measures) {
      out.push(
        `    <edge id="e${n++}" source="${escapeXml(t.id)}" target="${escapeXml(m)}"><data key="rel">MEASURES</data><data key="weight">1</data><data key="evidence">${escapeXml(t.evidence.passageId)}</data></edge>`,
      );
    }
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
