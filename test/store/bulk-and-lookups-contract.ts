// Contract for what bulk loading and the search channels ask of a store, run against each adapter:
// a batch write equals writing one by one, and each one-round-trip look-up (graphChannel,
// getEntities, recognitionLookup, textAndVectorPassages, targetsForAny) equals the several small look-ups it replaces.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RELATION_TYPES } from '../../src/model/index.js';
import type { GraphExport } from '../../src/store/port.js';
import { docA, docB, docC, docChain, E, type ResettableStore } from './store-contract.js';

const DIM = 4;
const STATED = RELATION_TYPES.filter((t) => t !== 'CO_OCCURS');
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
const passageIds = (hits: Array<{ passage: { id: string } }>) => hits.map((h) => h.passage.id);
/** A graph export with every list sorted, so write order does not matter. */
const canonical = (g: GraphExport): unknown =>
  JSON.parse(JSON.stringify(g, (_k, v: unknown) => (Array.isArray(v) ? [...v].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : v)));

export function describeBulkAndLookups(name: string, openStore: () => Promise<ResettableStore>, opts: { timeout?: number } = {}): void {
  describe(`bulk writes and one-trip look-ups: ${name}`, { timeout: opts.timeout ?? 30_000 }, () => {
    let store: ResettableStore;
    beforeAll(async () => {
      store = await openStore();
      await store.resetForTests();
      await store.recreateVectorIndex(DIM);
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store.resetForTests();
      await store.migrate(DIM);
    });

    it('a batch of documents stores exactly what writing them one by one stores', async () => {
      for (const doc of [docA(), docB(), docC(), docChain()]) await store.writeDocument(doc, []);
      const serial = await store.exportGraph();
      await store.resetForTests();
      await store.migrate(DIM);
      await store.writeDocuments([docA(), docB(), docC(), docChain()].map((doc) => ({ doc, replaces: [] })));
      const batched = await store.exportGraph();
      expect(canonical(batched)).toEqual(canonical(serial));
      expect(batched.relations.find((r) => r.type === 'HOSTS' && r.from === E.park.id && r.to === E.it.id)?.weight).toBe(2);
    });

    it('concurrent writers of documents sharing entities store what serial writes store (no duplicate entity, no deadlock left unretried)', async () => {
      for (const doc of [docA(), docB(), docC(), docChain()]) await store.writeDocument(doc, []);
      const serial = await store.exportGraph();
      await store.resetForTests();
      await store.migrate(DIM);
      await Promise.all([
        store.writeDocuments([{ doc: docA(), replaces: [] }, { doc: docChain(), replaces: [] }]),
        store.writeDocument(docB(), []),
        store.writeDocuments([{ doc: docC(), replaces: [] }]),
      ]);
      const concurrent = await store.exportGraph();
      expect(canonical(concurrent)).toEqual(canonical(serial));
      expect(new Set(ids(concurrent.entities)).size).toBe(concurrent.entities.length);
    });

    it('a batch that fails writes none of its documents', async () => {
      await store.writeDocument(docA(), []);
      await expect(store.writeDocuments([{ doc: docB(), replaces: [] }, { doc: docA(), replaces: [] }])).rejects.toThrow();
      expect((await store.stats()).documents).toBe(1);
    });

    it('getEntities finds known ids in one look-up and leaves unknown ones out', async () => {
      await store.writeDocuments([{ doc: docA(), replaces: [] }, { doc: docB(), replaces: [] }]);
      const found = await store.getEntities([E.park.id, 'Park:不存在', E.it.id]);
      expect(ids(found)).toEqual([E.park.id, E.it.id]);
      expect(found[0]).toEqual(await store.getEntity(E.park.id));
      expect(await store.getEntities([])).toEqual([]);
    });

    it('recognitionLookup gives findEntityCandidates and the details of the ids and of the candidates the text names', async () => {
      await store.writeDocuments([{ doc: docA(), replaces: [] }, { doc: docB(), replaces: [] }, { doc: docChain(), replaces: [] }]);
      const tokens = [E.it.name, E.equip.name, E.park.name];
      const q = { tokens, limit: 50, ids: [E.chain.id, 'Policy:不存在'], text: '智能装备和南通高新区', endings: ['产业'] };
      const { candidates, details } = await store.recognitionLookup(q);
      expect(candidates).toEqual(await store.findEntityCandidates(tokens, 50));
      // 南通高新区 by its name, 智能装备产业 by its name less 产业; 新一代信息技术产业 is not named
      const sorted = (xs: Array<{ id: string }>) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(sorted(details)).toEqual(sorted(await store.getEntities([E.chain.id, E.park.id, E.equip.id])));
      expect(await store.recognitionLookup({ ...q, tokens: [], ids: [] })).toEqual({ candidates: [], details: [] });
      expect((await store.recognitionLookup({ ...q, tokens: [] })).candidates).toEqual([]);
    });

    it('textAndVectorPassages is fulltextPassages and vectorPassages in one look-up', async () => {
      await store.writeDocuments([docA(), docB(), docC()].map((doc) => ({ doc, replaces: [] })));
      const tokens = ['南通高新区', '新一代信息技术产业', '产值'];
      const vector = [0.9, 0.1, 0, 0];
      expect(await store.textAndVectorPassages(tokens, vector, 3)).toEqual({ fulltext: await store.fulltextPassages(tokens, 3), vector: await store.vectorPassages(vector, 3) });
      expect(await store.textAndVectorPassages([], vector, 3)).toEqual({ fulltext: [], vector: await store.vectorPassages(vector, 3) });
      expect(await store.textAndVectorPassages(tokens, [], 3)).toEqual({ fulltext: await store.fulltextPassages(tokens, 3), vector: [] });
      expect(await store.textAndVectorPassages([], [], 3)).toEqual({ fulltext: [], vector: [] });
    });

    it('targetsForAny is the union of the single look-ups, each target once', async () => {
      await store.writeDocuments([docA(), docB(), docC()].map((doc) => ({ doc, replaces: [] })));
      const metrics = ['高新技术企业', '产值', '企业'];
      const entityIds = [E.equip.id, E.tongzhou.id];
      const single = await Promise.all([
        ...metrics.map((metric) => store.targets({ metric, limit: 50 })),
        ...entityIds.map((entityId) => store.targets({ entityId, limit: 50 })),
      ]);
      const union = [...new Set(single.flat().map((t) => t.id))].sort();
      const together = await store.targetsForAny({ metrics, entityIds, perLookup: 50 });
      expect(together.length).toBeGreaterThan(1);
      expect(ids(together).sort()).toEqual(union);
      expect(new Set(ids(together)).size).toBe(together.length);
      expect(await store.targetsForAny({ metrics: [], entityIds: [], perLookup: 50 })).toEqual([]);
    });

    it('graphChannel gives the passages mentioning the entities and those mentioning their stated neighbours', async () => {
      await store.writeDocuments([docA(), docB(), docC()].map((doc) => ({ doc, replaces: [] })));
      const focus = [E.park.id];
      const { direct, expanded } = await store.graphChannel(focus, { rels: STATED, expandFrom: 5, perEntity: 10, k: 30 });
      expect(passageIds(direct)).toEqual(passageIds(await store.passagesMentioning(focus, 30)));
      const neighbours = (await store.neighbors(E.park.id, { depth: 1, rels: STATED, limit: 11 })).nodes.map((n) => n.id).filter((id) => !focus.includes(id));
      expect(neighbours.length).toBeGreaterThan(0);
      expect(new Set(passageIds(expanded))).toEqual(new Set(passageIds(await store.passagesMentioning(neighbours, 30))));
      expect(await store.graphChannel([], { rels: STATED, expandFrom: 5, perEntity: 10, k: 30 })).toEqual({ direct: [], expanded: [] });
    });

    it('graphChannel with target look-ups also gives targetsForAny of them, in the same look-up', async () => {
      await store.writeDocuments([docA(), docB(), docC()].map((doc) => ({ doc, replaces: [] })));
      const q = { rels: STATED, expandFrom: 5, perEntity: 10, k: 30 };
      const targets = { metrics: ['高新技术企业', '产值'], entityIds: [E.park.id, E.it.id], perLookup: 50 };
      const plain = await store.graphChannel([E.park.id], q);
      const withTargets = await store.graphChannel([E.park.id], { ...q, targets });
      expect(withTargets).toEqual({ ...plain, targets: await store.targetsForAny(targets) });
      expect(withTargets.targets!.length).toBeGreaterThan(0);
      expect(await store.graphChannel([], { ...q, targets })).toEqual({ direct: [], expanded: [], targets: await store.targetsForAny(targets) });
      expect(await store.graphChannel([], { ...q, targets: { ...targets, metrics: [], entityIds: [] } })).toEqual({ direct: [], expanded: [], targets: [] });
    });
  });
}
