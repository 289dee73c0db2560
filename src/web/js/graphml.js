// The graph on screen as GraphML (the format Gephi, yEd and Cytoscape desktop read): nodes with
// name, type and mentions; edges with relation type, weight and the passages that state them.

const escape = (text) => String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

export function toGraphml(graph) {
  const nodes = graph.nodes.map(
    (n) => `    <node id="${escape(n.id)}"><data key="name">${escape(n.name)}</data><data key="type">${escape(n.type)}</data><data key="mentions">${n.mentions ?? 0}</data></node>`,
  );
  const edges = graph.edges.map(
    (e) =>
      `    <edge id="${escape(e.id)}" source="${escape(e.source)}" target="${escape(e.target)}"><data key="relation">${escape(e.type)}</data><data key="weight">${e.weight}</data><data key="evidence">${escape([...new Set((e.evidence ?? []).map((ev) => ev.passageId))].join(' '))}</data></edge>`,
  );
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <graph id="policygraph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
  return new Blob([text], { type: 'application/graphml+xml' });
}
