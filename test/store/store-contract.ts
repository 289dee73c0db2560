// The GraphStore contract: one suite factory that every adapter's test file runs against its own
// store. It asserts behaviour and error codes only, never query text, on small hand-built facts
// from real Chinese policy sentences, with 4-dimensional embeddings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMeta, Entity, EntityType, Evidence, Mention, Relation, RelationType, Target } from '../../src/model/index.js';
import type { DocumentToWrite, GraphStore, StoredPassage } from '../../src/store/port.js';

export type ResettableStore = GraphStore & { resetForTests(): Promise<void> };
export interface StoreContractOptions {
  /** Per-test timeout in ms (a server store may need more than the default). */
  timeout?: number;
}

const DIM = 4;

// ---- fixtures -----------------------------------------------------------------------------------

const entity = (type: EntityType, name: string, aliases: string[] = []): Entity => ({ id: `${type}:${name}`, type, name, aliases });
export const E = {
  tongzhou: entity('Region', '通州区'),
  park: entity('Park', '南通高新区'),
  it: entity('Industry', '新一代信息技术产业'),
  equip: entity('Industry', '智能装备产业'),
  pcb: entity('Industry', '印刷线路板'),
  ic: entity('Industry', '集成电路零部件'),
  chain: entity('Policy', '链长制'),
  textile: entity('Industry', '家纺产业'),
  textilePark: entity('Park', '叠石桥家纺产业园'),
  textileCentre: entity('Organization', '家纺产业创新中心'),
  province: entity('Region', '江苏省'),
  city: entity('Region', '南通市'),
};

interface PassageSpec {
  text: string;
  tokens: string;
  embedding: number[];
  /** Entities mentioned, by the surface written in the text. */
  mentions: Array<[Entity, string]>;
  relations?: Array<[RelationType, Entity, Entity]>;
  target?: Omit<Target, 'id' | 'evidence' | 'quote'> & { quote: string };
}

/** Builds a document with consistent ids and offsets: passage i is `${id}:p${i}`, spans in document text. */
function buildDocument(meta: Omit<DocumentMeta, 'chars'>, specs: PassageSpec[], entityAliases: Record<string, string[]> = {}): DocumentToWrite {
  const passages: StoredPassage[] = [];
  const mentions: Mention[] = [];
  const targets: Target[] = [];
  const relations = new Map<string, Relation>();
  const entities = new Map<string, Entity>();
  let offset = 0;
  specs.forEach((spec, ordinal) => {
    const passage: StoredPassage = {
      id: `${meta.id}:p${ordinal}`,
      docId: meta.id,
      ordinal,
      heading: '',
      text: spec.text,
      start: offset,
      end: offset + spec.text.length,
      tokens: spec.tokens,
      embedding: spec.embedding,
    };
    passages.push(passage);
    const span = (surface: string, rule: string): Evidence => {
      const at = spec.text.indexOf(surface);
      if (at < 0) throw new Error(`fixture: "${surface}" not in "${spec.text}"`);
      return { docId: meta.id, passageId: passage.id, start: offset + at, end: offset + at + surface.length, rule };
    };
    for (const [e, surface] of spec.mentions) {
      entities.set(e.id, { ...e, aliases: entityAliases[e.id] ?? e.aliases });
      mentions.push({ entityId: e.id, surface, evidence: span(surface, 'entity.lexicon') });
    }
    for (const [type, from, to] of spec.relations ?? []) {
      const key = `${type}:${from.id}->${to.id}`;
      const rel = relations.get(key) ?? { type, from: from.id, to: to.id, weight: 0, evidence: [] };
      rel.evidence.push(span(spec.text.slice(0, 6), `rel.${type.toLowerCase()}`));
      rel.weight = rel.evidence.length;
      relations.set(key, rel);
    }
    if (spec.target) {
      const evidence = span(spec.target.quote, 'target.reach');
      targets.push({ ...spec.target, id: `${meta.id}:t${evidence.start}`, evidence });
    }
    offset += spec.text.length + 1;
  });
  const entityTokens = Object.fromEntries([...entities.values()].map((e) => [e.id, [e.name, ...e.aliases].join(' ')]));
  return {
    meta: { ...meta, chars: offset },
    passages,
    facts: { entities: [...entities.values()], mentions, targets, relations: [...relations.values()] },
    entityTokens,
  };
}

const sha = (c: string) => c.repeat(64);

/** 通州区 report: the region contains the park, which hosts 新一代信息技术产业; a 2025 target; an EXTENDS_TO. */
export function docA(id = 'doc-a', opts: { withExtends?: boolean } = {}): DocumentToWrite {
  const specs: PassageSpec[] = [
    {
      text: '通州区以南通高新区为主阵地，做强新一代信息技术产业。',
      tokens: '通州区 以 南通高新区 为 主阵地 ， 做强 新一代信息技术产业 。',
      embedding: [1, 0, 0, 0],
      mentions: [[E.tongzhou, '通州区'], [E.park, '南通高新区'], [E.it, '新一代信息技术产业']],
      relations: [['CONTAINS', E.tongzhou, E.park], ['HOSTS', E.park, E.it]],
    },
    {
      text: '到2025年，全区高新技术企业达500家。',
      tokens: '到 2025年 ， 全区 高新技术企业 达 500家 。',
      embedding: [0, 1, 0, 0],
      mentions: [],
      target: { metric: '高新技术企业', value: 500, unit: '家', comparator: '>=', year: 2025, quote: '到2025年，全区高新技术企业达500家', measures: [E.tongzhou.id] },
    },
  ];
  if (opts.withExtends !== false) {
    specs.push({
      text: '推动印刷线路板向集成电路零部件拓展，推进“5G+工业互联网”融合应用。',
      tokens: '推动 印刷线路板 向 集成电路零部件 拓展 ， 推进 “ 5G+工业互联网 ” 融合 应用 。',
      embedding: [0, 0, 1, 0],
      mentions: [[E.pcb, '印刷线路板'], [E.ic, '集成电路零部件']],
      relations: [['EXTENDS_TO', E.pcb, E.ic]],
    });
  }
  return buildDocument(
    { id, title: '通州区政府工作报告', source: `seed/${id}.txt`, region: '通州区', publishedAt: '2024-01-10', sha256: sha(id === 'doc-a' ? 'a' : 'd'), ingestedAt: '2024-02-01T00:00:00.000Z' },
    specs,
  );
}

/** The park's plan: shares the park, 新一代信息技术产业 and the HOSTS edge with A; writes the park as 高新区. */
export function docB(id = 'doc-b'): DocumentToWrite {
  return buildDocument(
    { id, title: '南通高新区产业发展规划', source: `seed/${id}.txt`, sha256: sha('b'), ingestedAt: '2024-06-01T00:00:00.000Z' },
    [
      {
        text: '高新区重点发展新一代信息技术产业和智能装备产业，实行链长制。',
        tokens: '高新区 重点 发展 新一代信息技术产业 和 智能装备产业 ， 实行 链长制 。',
        embedding: [0, 0, 0, 1],
        mentions: [[E.park, '高新区'], [E.it, '新一代信息技术产业'], [E.equip, '智能装备产业'], [E.chain, '链长制']],
        relations: [['HOSTS', E.park, E.it], ['HOSTS', E.park, E.equip], ['SUPPORTS', E.chain, E.it]],
      },
      {
        text: '到2027年，智能装备产业产值突破300亿元。',
        tokens: '到 2027年 ， 智能装备产业 产值 突破 300亿元 。',
        embedding: [0, 0.6, 0, 0.8],
        mentions: [[E.equip, '智能装备产业']],
        target: { metric: '智能装备产业产值', value: 300, unit: '亿元', comparator: '>=', year: 2027, quote: '到2027年，智能装备产业产值突破300亿元', measures: [E.equip.id] },
      },
    ],
    { [E.park.id]: ['高新区'] },
  );
}

/** A third, unrelated document: names that rank exact > prefix > contains for 家纺产业. */
export function docC(id = 'doc-c'): DocumentToWrite {
  return buildDocument(
    { id, title: '家纺产业转型升级意见', source: `seed/${id}.txt`, sha256: sha('c'), ingestedAt: '2024-09-01T00:00:00.000Z' },
    [
      {
        text: '依托叠石桥家纺产业园，做强家纺产业，建设家纺产业创新中心。',
        tokens: '依托 叠石桥家纺产业园 ， 做强 家纺产业 ， 建设 家纺产业创新中心 。',
        embedding: [0, 0, 0.7, 0.7],
        mentions: [[E.textilePark, '叠石桥家纺产业园'], [E.textile, '家纺产业'], [E.textileCentre, '家纺产业创新中心']],
      },
    ],
  );
}

/** A chain above 通州区: 江苏省 contains 南通市 contains 通州区, so the park is 3 hops from 江苏省. */
export function docChain(id = 'doc-chain'): DocumentToWrite {
  return buildDocument(
    { id, title: '江苏省区划', source: `seed/${id}.txt`, sha256: sha('e'), ingestedAt: '2024-10-01T00:00:00.000Z' },
    [
      {
        text: '江苏省南通市通州区加快发展。',
        tokens: '江苏省 南通市 通州区 加快 发展 。',
        embedding: [0.5, 0.5, 0, 0],
        mentions: [[E.province, '江苏省'], [E.city, '南通市'], [E.tongzhou, '通州区']],
        relations: [['CONTAINS', E.province, E.city], ['CONTAINS', E.city, E.tongzhou]],
      },
    ],
  );
}

// ---- the suite ----------------------------------------------------------------------------------

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
const hitIds = (hits: Array<{ passage: { id: string } }>) => hits.map((h) => h.passage.id);
const stripStored = ({ tokens: _t, embedding: _e, ...passage }: StoredPassage) => passage;

/** Registers the GraphStore contract for one adapter; `openStore` is called once for the suite. */
export function describeStoreContract(name: string, openStore: () => Promise<ResettableStore>, opts: StoreContractOptions = {}): void {
  describe(`GraphStore contract: ${name}`, { timeout: opts.timeout ?? 30_000 }, () => {
    let store: ResettableStore;
    const write = async (...docs: DocumentToWrite[]) => {
      for (const doc of docs) await store.writeDocument(doc, []);
    };

    beforeAll(async () => {
      store = await openStore();
      await store.resetForTests();
      // Another suite may have left an index of another dimension behind.
      await store.recreateVectorIndex(DIM);
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store.resetForTests();
      await store.migrate(DIM);
    });

    describe('schema', () => {
      it('migrate is idempotent and reports the vector dimension', async () => {
        await store.migrate(DIM);
        await store.migrate(DIM);
        expect(await store.schemaState()).toEqual({ vectorDimension: DIM });
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('a vector index of another dimension gives SCHEMA_MISMATCH', async () => {
        await expect(store.migrate(DIM * 2)).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
        expect(await store.schemaState()).toEqual({ vectorDimension: DIM });
      });

      it('recreateVectorIndex changes the dimension and back, keeping stored embeddings searchable', async () => {
        await write(docA(), docB());
        try {
          await store.recreateVectorIndex(DIM * 2);
          expect(await store.schemaState()).toEqual({ vectorDimension: DIM * 2 });
          await expect(store.migrate(DIM)).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
        } finally {
          await store.recreateVectorIndex(DIM);
        }
        expect(hitIds(await store.vectorPassages([0.9, 0.1, 0, 0], 2))[0]).toBe('doc-a:p0');
      });
    });

    describe('documents', () => {
      it('reads back what was written', async () => {
        const a = docA();
        await write(a, docB());
        expect(await store.getDocument('doc-a')).toEqual(a.meta);
        expect(await store.getDocument('nope')).toBeUndefined();
        const hits = await store.getPassages(['doc-b:p0', 'doc-a:p1', 'nope']);
        expect(hitIds(hits)).toEqual(['doc-b:p0', 'doc-a:p1']);
        expect(hits[1]!.passage).toEqual(stripStored(a.passages[1]!));
        expect(hits[1]!.docTitle).toBe(a.meta.title);
        const s = await store.stats();
        expect(s).toMatchObject({ documents: 2, passages: 5, targets: 2 });
        expect(s.entities).toEqual({ Park: 1, Industry: 4, Policy: 1, Region: 1, Organization: 0 });
        expect(s.relations).toEqual({ HOSTS: 2, SUPPORTS: 1, EXTENDS_TO: 1, INTEGRATES_WITH: 0, PART_OF: 0, CONTAINS: 1, CO_OCCURS: 0 });
      });

      it('merges an entity written by two documents: aliases united, mentions from both', async () => {
        await write(docA(), docB());
        const park = await store.getEntity(E.park.id);
        expect(park).toMatchObject({ id: E.park.id, type: 'Park', name: '南通高新区', mentions: 2 });
        expect(park!.aliases).toEqual(['高新区']);
        expect([...park!.docIds].sort()).toEqual(['doc-a', 'doc-b']);
        expect(await store.getEntity('Park:不存在')).toBeUndefined();
      });

      it('writing an existing document id without replacing it gives CONFLICT and changes nothing', async () => {
        await write(docA());
        const before = await store.exportGraph();
        await expect(store.writeDocument(docA(), [])).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.exportGraph()).toEqual(before);
      });

      it('finds documents by sha256 or source, and paginates the list in ingestion order', async () => {
        await write(docC(), docA(), docB());
        expect(ids(await store.findDocumentsBy({ sha256: sha('a') }))).toEqual(['doc-a']);
        expect(ids(await store.findDocumentsBy({ source: 'seed/doc-b.txt' }))).toEqual(['doc-b']);
        expect(await store.findDocumentsBy({ sha256: sha('f') })).toEqual([]);
        const first = await store.listDocuments({ offset: 0, limit: 2 });
        expect(first.total).toBe(3);
        expect(ids(first.items)).toEqual(['doc-a', 'doc-b']);
        expect(ids((await store.listDocuments({ offset: 2, limit: 2 })).items)).toEqual(['doc-c']);
        expect(await store.listDocuments({ offset: 5, limit: 2 })).toEqual({ items: [], total: 3 });
      });
    });

    describe('exact updates', () => {
      it('replacing a document swaps it exactly', async () => {
        await write(docB(), docA('doc-a2', { withExtends: false }));
        const expected = await store.stats();
        await store.resetForTests();
        await write(docA(), docB());
        await store.writeDocument(docA('doc-a2', { withExtends: false }), ['doc-a']);
        expect(await store.stats()).toEqual(expected);
        expect(await store.getDocument('doc-a')).toBeUndefined();
        expect(await store.getEntity(E.pcb.id)).toBeUndefined();
        expect(await store.getPassages(['doc-a:p0'])).toEqual([]);
      });

      it('re-writing a document under its own id with replaces is accepted', async () => {
        await write(docA());
        const before = await store.exportGraph();
        await store.writeDocument(docA(), ['doc-a']);
        expect(await store.exportGraph()).toEqual(before);
      });

      it('deleting a document keeps shared entities and the other document evidence and weight', async () => {
        await write(docA(), docB());
        expect(await store.deleteDocument('doc-a')).toBe(true);
        expect(await store.deleteDocument('doc-a')).toBe(false);
        const park = await store.getEntity(E.park.id);
        expect(park).toMatchObject({ mentions: 1, docIds: ['doc-b'], aliases: ['高新区'] });
        const hosts = (await store.exportGraph()).relations.find((r) => r.type === 'HOSTS' && r.to === E.it.id);
        expect(hosts).toMatchObject({ from: E.park.id, weight: 1 });
        expect(hosts!.evidence.map((e) => e.docId)).toEqual(['doc-b']);
        for (const gone of [E.tongzhou, E.pcb, E.ic]) expect(await store.getEntity(gone.id)).toBeUndefined();
        const s = await store.stats();
        expect(s.relations).toMatchObject({ HOSTS: 2, CONTAINS: 0, EXTENDS_TO: 0, SUPPORTS: 1 });
        expect(s).toMatchObject({ documents: 1, passages: 2, targets: 1 });
      });

      it('deleting the document that wrote an alias removes the alias, not the entity', async () => {
        await write(docA(), docB());
        await store.deleteDocument('doc-b');
        expect(await store.getEntity(E.park.id)).toMatchObject({ aliases: [], mentions: 1, docIds: ['doc-a'] });
      });

      it('an alias written in quotation marks in a remaining document survives the deletion of another', async () => {
        const plan = entity('Policy', '南通市制造业高质量发展行动计划');
        const quoted = (id: string, sha256: string) =>
          buildDocument(
            { id, title: id, source: `seed/${id}.txt`, sha256, ingestedAt: '2024-07-01T00:00:00.000Z' },
            [{ text: '实施《制造业高质量发展行动计划》。', tokens: '实施 《 制造业高质量发展行动计划 》 。', embedding: [1, 1, 0, 0], mentions: [[plan, '《制造业高质量发展行动计划》']] }],
            { [plan.id]: ['制造业高质量发展行动计划'] },
          );
        await write(quoted('doc-q1', sha('q1')), quoted('doc-q2', sha('q2')));
        await store.deleteDocument('doc-q2');
        expect((await store.getEntity(plan.id))?.aliases).toEqual(['制造业高质量发展行动计划']);
      });

      it('deleting every document leaves no orphan entity, target or relation', async () => {
        await write(docA(), docB());
        await store.deleteDocument('doc-b');
        await store.deleteDocument('doc-a');
        expect(await store.exportGraph()).toEqual({ documents: [], entities: [], targets: [], relations: [] });
        const s = await store.stats();
        expect(Object.values(s.entities).every((n) => n === 0)).toBe(true);
        expect(await store.fulltextPassages(['高新技术企业'], 5)).toEqual([]);
        expect(await store.vectorPassages([1, 0, 0, 0], 5)).toEqual([]);
      });

      it('a write failing half-way (duplicate passage id) leaves the store exactly as before, replaced documents included', async () => {
        await write(docA());
        const before = await store.exportGraph();
        const broken = docB();
        broken.passages[1]!.id = broken.passages[0]!.id;
        await expect(store.writeDocument(broken, [])).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(store.writeDocument(broken, ['doc-a'])).rejects.toMatchObject({ code: 'CONFLICT' });
        expect(await store.exportGraph()).toEqual(before);
        expect(hitIds(await store.fulltextPassages(['高新技术企业'], 5))).toEqual(['doc-a:p1']);
      });
    });

    describe('search', () => {
      beforeEach(async () => write(docA(), docB()));

      it('full-text finds a passage by a whole Chinese token, and not by part of one', async () => {
        const hits = await store.fulltextPassages(['高新技术企业'], 5);
        expect(hitIds(hits)).toEqual(['doc-a:p1']);
        expect(hits[0]!.docTitle).toBe('通州区政府工作报告');
        expect(await store.fulltextPassages(['高新'], 5)).toEqual([]);
        expect(hitIds(await store.fulltextPassages(['产值', '智能装备产业'], 5))[0]).toBe('doc-b:p1');
        expect(await store.fulltextPassages([], 5)).toEqual([]);
      });

      it('full-text treats query syntax characters as text', async () => {
        expect(hitIds(await store.fulltextPassages(['5G+工业互联网'], 5))).toEqual(['doc-a:p2']);
        for (const token of ['a:b', '"', '*', '\\', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', '-', '^', '~', '{', '[', '""', ' ']) {
          await expect(store.fulltextPassages([token, '链长制'], 5), token).resolves.toBeInstanceOf(Array);
        }
      });

      it('vector search ranks the nearest passage first', async () => {
        const hits = await store.vectorPassages([0.9, 0.1, 0, 0], 3);
        expect(hits).toHaveLength(3);
        expect(hits[0]!.passage.id).toBe('doc-a:p0');
        const scores = hits.map((h) => h.score);
        expect([...scores].sort((x, y) => y - x)).toEqual(scores);
        expect(hitIds(await store.vectorPassages([0, 0.6, 0, 0.8], 1))).toEqual(['doc-b:p1']);
      });

      it('new embeddings replace old ones', async () => {
        const all: string[] = [];
        for (let after: string | undefined; ; ) {
          const rows = await store.passagesForReindex(after, 2);
          if (!rows.length) break;
          all.push(...rows.map((r) => r.id));
          after = rows[rows.length - 1]!.id;
        }
        expect(all).toEqual([...all].sort());
        expect([...all].sort()).toEqual(['doc-a:p0', 'doc-a:p1', 'doc-a:p2', 'doc-b:p0', 'doc-b:p1']);
        await store.setEmbeddings([{ id: 'doc-a:p2', embedding: [0.9, 0.1, 0, 0] }]);
        expect(hitIds(await store.vectorPassages([0.9, 0.1, 0, 0], 1))).toEqual(['doc-a:p2']);
      });

      it('passages mentioning more of the entities come first', async () => {
        const hits = await store.passagesMentioning([E.park.id, E.it.id, E.equip.id], 10);
        expect(hitIds(hits)[0]).toBe('doc-b:p0');
        expect(hitIds(hits)).toEqual(expect.arrayContaining(['doc-a:p0', 'doc-b:p1']));
        expect(hitIds(hits)).not.toContain('doc-a:p1');
        expect(await store.passagesMentioning([], 10)).toEqual([]);
      });

      it('lists the entities each passage mentions, in one call', async () => {
        const byPassage = await store.passageEntities(['doc-b:p0', 'doc-a:p1', 'no-such-passage']);
        expect(ids(byPassage['doc-b:p0'] ?? []).sort()).toEqual(expect.arrayContaining([E.park.id, E.it.id]));
        for (const node of byPassage['doc-b:p0'] ?? []) expect(node.name).toBeTruthy();
        expect(byPassage['no-such-passage']).toBeUndefined();
        expect(await store.passageEntities([])).toEqual({});
      });
    });

    describe('graph', () => {
      beforeEach(async () => write(docA(), docB()));

      it('finds entities by substring, ranked exact > prefix > contains, with a type filter', async () => {
        await write(docC());
        expect(ids(await store.findEntities({ text: '家纺产业', limit: 10 }))).toEqual([E.textile.id, E.textileCentre.id, E.textilePark.id]);
        expect(ids(await store.findEntities({ text: '家纺产业', type: 'Park', limit: 10 }))).toEqual([E.textilePark.id]);
        expect(ids(await store.findEntities({ text: '高新区', limit: 10 }))).toEqual([E.park.id]);
        expect(await store.findEntities({ text: '家纺产业', limit: 1 })).toHaveLength(1);
      });

      it('neighbors respects depth, type and relation filters and the node limit', async () => {
        const around = async (id: string, q: Parameters<GraphStore['neighbors']>[1]) => ids((await store.neighbors(id, q)).nodes).sort();
        expect(await around(E.tongzhou.id, { depth: 1, limit: 50 })).toEqual([E.park.id, E.tongzhou.id].sort());
        expect(await around(E.tongzhou.id, { depth: 2, limit: 50 })).toEqual([E.park.id, E.tongzhou.id, E.it.id, E.equip.id].sort());
        expect(await around(E.tongzhou.id, { depth: 3, limit: 50 })).toContain(E.chain.id);
        expect(await around(E.tongzhou.id, { depth: 3, types: ['Park'], limit: 50 })).toEqual([E.park.id, E.tongzhou.id].sort());
        expect(await around(E.park.id, { depth: 3, rels: ['HOSTS'], limit: 50 })).toEqual([E.park.id, E.it.id, E.equip.id].sort());
        const strongest = await store.neighbors(E.park.id, { depth: 1, limit: 2 });
        expect(ids(strongest.nodes).sort()).toEqual([E.park.id, E.it.id].sort());
        expect(strongest.edges).toEqual([
          expect.objectContaining({ id: `HOSTS:${E.park.id}->${E.it.id}`, source: E.park.id, target: E.it.id, type: 'HOSTS', weight: 2 }),
        ]);
        expect(strongest.edges[0]!.evidence).toHaveLength(2);
        expect(await store.neighbors('Park:不存在', { depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [] });
      });

      it('every neighbor edge joins two returned nodes and carries its evidence', async () => {
        const graph = await store.neighbors(E.park.id, { depth: 3, limit: 50 });
        const nodeIds = new Set(ids(graph.nodes));
        expect(graph.edges.length).toBeGreaterThanOrEqual(4);
        for (const edge of graph.edges) {
          expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
          expect(edge.id).toBe(`${edge.type}:${edge.source}->${edge.target}`);
          expect(edge.evidence).toHaveLength(edge.weight);
        }
      });

      it('shortestPath follows relations in either direction and is undefined when there is none', async () => {
        const path = await store.shortestPath(E.tongzhou.id, E.it.id, 3);
        expect(ids(path!.nodes)).toEqual([E.tongzhou.id, E.park.id, E.it.id]);
        expect(path!.edges.map((e) => e.type)).toEqual(['CONTAINS', 'HOSTS']);
        expect(ids((await store.shortestPath(E.chain.id, E.tongzhou.id, 4))!.nodes)).toEqual([E.chain.id, E.it.id, E.park.id, E.tongzhou.id]);
        expect(await store.shortestPath(E.tongzhou.id, E.it.id, 1)).toBeUndefined();
        expect(await store.shortestPath(E.tongzhou.id, E.ic.id, 6)).toBeUndefined();
        expect(await store.shortestPath(E.tongzhou.id, 'Park:不存在', 3)).toBeUndefined();
      });

      it('overview keeps to the types and the limit, with edges among the returned nodes', async () => {
        const graph = await store.overview(['Park', 'Industry'], 10);
        expect(graph.nodes.every((n) => n.type === 'Park' || n.type === 'Industry')).toBe(true);
        expect(ids(graph.nodes).sort()).toEqual([E.park.id, E.it.id, E.equip.id, E.pcb.id, E.ic.id].sort());
        expect(graph.edges.map((e) => e.id).sort()).toEqual(
          [`EXTENDS_TO:${E.pcb.id}->${E.ic.id}`, `HOSTS:${E.park.id}->${E.equip.id}`, `HOSTS:${E.park.id}->${E.it.id}`].sort(),
        );
        expect((await store.overview(['Park', 'Industry'], 1)).nodes).toHaveLength(1);
      });

      it('targets filter by year, metric and measured entity', async () => {
        const [a, b] = [docA().facts.targets[0]!, docB().facts.targets[0]!];
        expect(await store.targets({ year: 2025, limit: 10 })).toEqual([a]);
        expect(await store.targets({ metric: '产值', limit: 10 })).toEqual([b]);
        expect(await store.targets({ entityId: E.equip.id, limit: 10 })).toEqual([b]);
        expect(await store.targets({ entityId: E.tongzhou.id, year: 2027, limit: 10 })).toEqual([]);
        expect(ids(await store.targets({ limit: 10 })).sort()).toEqual([a.id, b.id].sort());
        expect(await store.targets({ limit: 1 })).toHaveLength(1);
      });

      it('reads for the explorer: an overview of chosen relations, reads scoped to documents, a document as passages', async () => {
        // HOSTS only: the entities a HOSTS relation joins; the ends of other relations drop out.
        const hosts = await store.overview(['Park', 'Industry'], 10, { rels: ['HOSTS'] });
        expect(ids(hosts.nodes).sort()).toEqual([E.park.id, E.it.id, E.equip.id].sort());
        expect(hosts.edges.every((e) => e.type === 'HOSTS')).toBe(true);
        // Scoped to doc-a: park → equip is stated in doc-b only.
        const inA = await store.overview(['Park', 'Industry'], 10, { rels: ['HOSTS'], docIds: ['doc-a'] });
        expect(ids(inA.nodes).sort()).toEqual([E.park.id, E.it.id].sort());
        expect(inA.edges.map((e) => e.id)).toEqual([`HOSTS:${E.park.id}->${E.it.id}`]);
        expect(ids((await store.neighbors(E.park.id, { depth: 1, limit: 50, docIds: ['doc-b'] })).nodes).sort()).toEqual([E.park.id, E.it.id, E.equip.id].sort());
        expect(await store.targets({ docIds: ['doc-a'], limit: 10 })).toEqual([docA().facts.targets[0]]);
        expect(await store.targets({ docIds: [], limit: 10 })).toEqual([]);
        expect(await store.documentPassages('doc-b')).toEqual(docB().passages.map(({ tokens: _tokens, embedding: _embedding, ...passage }) => passage));
        expect(await store.documentPassages('doc-none')).toEqual([]);
      });

      it('entity evidence lists the newest document first, capped', async () => {
        const evidence = await store.entityEvidence(E.park.id, 10);
        expect(evidence.map((e) => e.docId)).toEqual(['doc-b', 'doc-a']);
        expect(evidence[0]).toEqual(docB().facts.mentions[0]!.evidence);
        expect(await store.entityEvidence(E.park.id, 1)).toHaveLength(1);
      });

      it('the export holds every fact with evidence that points at stored passages', async () => {
        const graph = await store.exportGraph();
        expect(ids(graph.documents).sort()).toEqual(['doc-a', 'doc-b']);
        const passages = new Set(hitIds(await store.getPassages([...docA().passages, ...docB().passages].map((p) => p.id))));
        const documents = new Set(ids(graph.documents));
        const check = (e: Evidence) => expect(passages.has(e.passageId) && documents.has(e.docId), JSON.stringify(e)).toBe(true);
        expect(graph.entities).toHaveLength(7);
        for (const e of graph.entities) {
          expect(e.evidence.length, e.id).toBeGreaterThan(0);
          e.evidence.forEach(check);
        }
        expect(graph.targets).toHaveLength(2);
        graph.targets.forEach((t) => check(t.evidence));
        expect(graph.relations).toHaveLength(5);
        for (const r of graph.relations) {
          expect(r.evidence).toHaveLength(r.weight);
          r.evidence.forEach(check);
        }
      });
    });

    describe('one behaviour on both stores', () => {
      beforeEach(async () => write(docA(), docB(), docC()));

      it('neighbors never walk deeper than 3 hops, whatever depth is asked', async () => {
        await write(docChain());
        const at = async (depth: number) => ids((await store.neighbors(E.province.id, { depth, limit: 50 })).nodes).sort();
        expect(await at(3)).toEqual([E.province.id, E.city.id, E.tongzhou.id, E.park.id].sort());
        expect(await at(5)).toEqual(await at(3));
      });

      it('neighbors and overview order ties the same way: weight, then ids', async () => {
        expect(ids((await store.neighbors(E.park.id, { depth: 1, limit: 3 })).nodes)).toEqual([E.park.id, E.it.id, E.equip.id]);
        expect((await store.overview(['Park', 'Industry'], 10)).edges.map((e) => e.id)).toEqual([
          `HOSTS:${E.park.id}->${E.it.id}`,
          `EXTENDS_TO:${E.pcb.id}->${E.ic.id}`,
          `HOSTS:${E.park.id}->${E.equip.id}`,
        ]);
      });

      it('finds entities by whole name or alias tokens, text matches first', async () => {
        expect(ids(await store.findEntities({ tokens: ['家纺产业'], limit: 10 }))).toEqual([E.textile.id]);
        expect(ids(await store.findEntities({ tokens: ['高新区'], limit: 10 }))).toEqual([E.park.id]);
        expect(ids(await store.findEntities({ tokens: ['高新'], limit: 10 }))).toEqual([]);
        expect(await store.findEntities({ tokens: [], limit: 10 })).toEqual([]);
        expect(ids(await store.findEntities({ tokens: ['链长制'], text: '家纺产业', limit: 10 }))).toEqual([E.textile.id, E.textileCentre.id, E.textilePark.id, E.chain.id]);
        expect(ids(await store.findEntities({ tokens: ['链长制', '家纺产业'], type: 'Policy', limit: 10 }))).toEqual([E.chain.id]);
      });

      it('finds entity candidates by tokens as findEntities does, without their documents', async () => {
        for (const tokens of [['家纺产业'], ['高新区', '链长制', '新一代信息技术产业', '家纺产业'], ['高新'], []]) {
          for (const limit of [10, 2]) {
            const full = await store.findEntities({ tokens, limit });
            expect(await store.findEntityCandidates(tokens, limit)).toEqual(full.map(({ docIds: _, ...candidate }) => candidate));
          }
        }
      });

      it('names the embedder of the stored vectors, and none when nothing is stored', async () => {
        await store.resetForTests();
        expect(await store.embeddersInUse()).toEqual([]);
        const doc = docA();
        doc.meta.embedder = 'hashing-fallback-4';
        await write(doc);
        expect(await store.embeddersInUse()).toEqual(['hashing-fallback-4']);
        await store.recordEmbedder('tiny-model');
        expect(await store.embeddersInUse()).toEqual(['tiny-model']);
      });

      it('refuses vectors of another dimension than the index, on write and on query', async () => {
        const before = await store.exportGraph();
        const wrong = docA('doc-d');
        wrong.passages[0]!.embedding = [1, 0, 0];
        await expect(store.writeDocument(wrong, [])).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
        expect(await store.exportGraph()).toEqual(before);
        await expect(store.vectorPassages([1, 0, 0], 3)).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
      });
    });
  });
}
