// The embedded store answers vector search, entity details and targets from in-memory snapshots of
// the file: they must answer as SQLite (sqlite-vec) would, and follow every write — this handle's
// and another connection's (a CLI ingest beside a running server).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { passageEntities, passagesMentioning } from '../../src/store/embedded/read-search.js';
import { docA, docB, E } from './store-contract.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'policygraph-snapshots-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A deterministic pseudo-random vector (mulberry32), some components zero like hashed features. */
function vectorOf(seed: number, dimension: number): number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: dimension }, () => (next() < 0.6 ? 0 : next() * 2 - 1));
}

/** A store file written with `docs`, and a read-only raw connection to it beside the store; both closed after `check`. */
async function withRawBeside(
  name: string,
  dimension: number,
  docs: Array<ReturnType<typeof docA>>,
  check: (store: EmbeddedStore, raw: Database.Database) => Promise<void>,
): Promise<void> {
  const file = path.join(dir, name);
  const store = await EmbeddedStore.open(file);
  await store.migrate(dimension);
  for (const doc of docs) await store.writeDocument(doc, []);
  const raw = new Database(file, { readonly: true });
  sqliteVec.load(raw);
  try {
    await check(store, raw);
  } finally {
    raw.close();
    await store.close();
  }
}

describe('embedded read snapshots', () => {
  it('vector search ranks as sqlite-vec does, with the same scores', async () => {
    const docs = Array.from({ length: 6 }, (_, d) => {
      const doc = docA(`doc-${d}`);
      doc.meta.sha256 = `${'0'.repeat(63)}${d}`;
      doc.passages.forEach((p, i) => (p.embedding = vectorOf(d * 10 + i + 1, 16)));
      return doc;
    });
    await withRawBeside('vectors.sqlite', 16, docs, async (store, raw) => {
      for (let q = 0; q < 5; q++) {
        const query = vectorOf(1000 + q, 16);
        const hits = await store.vectorPassages(query, 7);
        const expected = raw
          .prepare(
            `SELECT p.id, v.distance FROM passage_vec v JOIN passages p ON p.pk = v.rowid
             WHERE v.embedding MATCH ? AND k = 7 ORDER BY v.distance`,
          )
          .all(Buffer.from(new Float32Array(query).buffer)) as Array<{ id: string; distance: number }>;
        expect(hits.map((h) => h.passage.id)).toEqual(expected.map((e) => e.id));
        hits.forEach((h, i) => expect(h.score).toBeCloseTo(1 - expected[i]!.distance / 2, 5));
      }
    });
  });

  it('full-text search scores as FTS5 bm25() does, and leaves queries it cannot fold to FTS5', async () => {
    const more = docA('doc-c');
    more.meta.sha256 = 'c'.repeat(64);
    more.passages[0]!.tokens = '通州区 通州区 高新区 产业 产业 产业 5g+工业互联网';
    await withRawBeside('fulltext.sqlite', 4, [docA(), docB(), more], async (store, raw) => {
      const queries = [['高新区', '产业'], ['通州区'], ['新一代信息技术产业', '链长制', '未知词'], ['5G+工业互联网', '主阵地'], ['Café', '通州区']];
      for (const tokens of queries) {
        const hits = await store.fulltextPassages(tokens, 10);
        const phrases = [...new Set(tokens)].map((t) => `"${t}"`).join(' OR ');
        const expected = raw
          .prepare('SELECT p.id, -f.rank AS score FROM passage_fts f JOIN passages p ON p.pk = f.rowid WHERE passage_fts MATCH ? ORDER BY f.rank, p.doc_id, p.ordinal LIMIT 10')
          .all(phrases) as Array<{ id: string; score: number }>;
        expect(hits.map((h) => h.passage.id)).toEqual(expected.map((e) => e.id));
        hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 9));
      }
    });
  });

  it('passages mentioning entities, and the entities of passages, are what the SQL look-ups give', async () => {
    await withRawBeside('mentions.sqlite', 4, [docA(), docB()], async (store, raw) => {
      for (const ids of [[E.it.id], [E.park.id, E.it.id, E.it.id], [E.chain.id, 'Park:不存在'], [E.tongzhou.id, E.pcb.id, E.ic.id]]) {
        expect(await store.passagesMentioning(ids, 10)).toEqual(passagesMentioning(raw, ids, 10));
        expect(await store.passagesMentioning(ids, 1)).toEqual(passagesMentioning(raw, ids, 1));
      }
      const passageIds = ['doc-a:p0', 'doc-a:p1', 'doc-a:p2', 'doc-b:p0', 'doc-b:p1', 'none'];
      expect(await store.passageEntities(passageIds)).toEqual(passageEntities(raw, passageIds));
    });
  });

  it("a server's snapshots follow its own writes and another connection's", async () => {
    const file = path.join(dir, 'shared.sqlite');
    const server = await EmbeddedStore.open(file);
    const cli = await EmbeddedStore.open(file);
    try {
      await server.migrate(4);
      await cli.migrate(4);
      await server.writeDocument(docA(), []);
      expect((await server.vectorPassages([0, 0, 0, 1], 1))[0]?.passage.id).not.toBe('doc-b:p0');
      expect((await server.getEntity(E.it.id))?.mentions).toBe(1);
      expect(await server.targets({ metric: '高新技术企业', limit: 5 })).toHaveLength(1);

      await cli.writeDocument(docB(), []);
      expect((await server.vectorPassages([0, 0, 0, 1], 1))[0]?.passage.id).toBe('doc-b:p0');
      expect((await server.getEntity(E.it.id))?.docIds.sort()).toEqual(['doc-a', 'doc-b']);
      expect((await server.findEntities({ tokens: ['链长制'], limit: 5 })).map((e) => e.id)).toContain(E.chain.id);

      await cli.deleteDocument('doc-a');
      expect(await server.targets({ metric: '高新技术企业', limit: 5 })).toEqual([]);
      expect((await server.getEntity(E.it.id))?.docIds).toEqual(['doc-b']);
      expect((await server.vectorPassages([1, 0, 0, 0], 5)).map((h) => h.passage.docId)).not.toContain('doc-a');
    } finally {
      await cli.close();
      await server.close();
    }
  });
});
