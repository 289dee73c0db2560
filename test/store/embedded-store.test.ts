// The embedded store on a real SQLite file: the shared GraphStore contract, then what only a file
// store has (persistence across reopen, open failures, rollback of the vector table, FTS details).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { EmbeddedStore } from '../../src/store/embedded/embedded-store.js';
import { ftsQuery } from '../../src/store/embedded/read-search.js';
import { describeStoreContract, docA, docB, docC, docChain, E } from './store-contract.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'policygraph-embedded-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeStoreContract('embedded (SQLite file)', () => EmbeddedStore.open(path.join(dir, 'contract', 'graph.sqlite')));

describe('EmbeddedStore on a file', () => {
  const opened: EmbeddedStore[] = [];
  const open = async (name: string) => {
    const store = await EmbeddedStore.open(path.join(dir, name));
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('creates missing parent folders, and keeps everything across close and reopen', async () => {
    const file = 'deep/er/graph.sqlite';
    const first = await open(file);
    await first.migrate(4);
    await first.writeDocument(docA(), []);
    const exported = await first.exportGraph();
    await first.close();

    const again = await open(file);
    await again.migrate(4);
    expect(await again.schemaState()).toEqual({ vectorDimension: 4 });
    expect(await again.exportGraph()).toEqual(exported);
    expect((await again.fulltextPassages(['高新技术企业'], 3))[0]?.passage.id).toBe('doc-a:p1');
    expect((await again.vectorPassages([0, 0, 1, 0], 1))[0]?.passage.id).toBe('doc-a:p2');
  });

  it('two handles on one file (a server and a CLI) see each other\'s writes', async () => {
    const server = await open('shared.sqlite');
    const cli = await open('shared.sqlite');
    await server.migrate(4);
    await cli.migrate(4);
    await cli.writeDocument(docA(), []);
    expect((await server.stats()).documents).toBe(1);
    await server.deleteDocument('doc-a');
    expect((await cli.stats()).documents).toBe(0);
  });

  it('a different dimension on reopen gives SCHEMA_MISMATCH naming both dimensions and the fix', async () => {
    const store = await open('dims.sqlite');
    await store.migrate(4);
    const error = await store.migrate(512).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'SCHEMA_MISMATCH' });
    expect((error as AppError).message).toMatch(/\b4\b.*\b512\b.*policygraph reindex/);
  });

  it('rejects an invalid dimension as CONFIG_INVALID', async () => {
    const store = await open('bad-dim.sqlite');
    await expect(store.migrate(0)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(store.migrate(2.5)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('a file that cannot be opened gives STORE_UNAVAILABLE with the cause kept', async () => {
    const notADb = path.join(dir, 'not-a-database.sqlite');
    await writeFile(notADb, 'this is not a SQLite file, just text that is long enough to have a header');
    const error = await EmbeddedStore.open(notADb).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((error as AppError).cause).toBeDefined();
    await expect(EmbeddedStore.open(dir)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('a closed store answers STORE_UNAVAILABLE', async () => {
    const store = await open('closed.sqlite');
    await store.stats();
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.stats()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('an embedding of the wrong dimension fails the write with SCHEMA_MISMATCH and rolls back the vectors too', async () => {
    const store = await open('rollback.sqlite');
    await store.migrate(4);
    await store.writeDocument(docA(), []);
    const before = await store.exportGraph();
    const broken = docB();
    broken.passages[1]!.embedding = [1, 0, 0];
    await expect(store.writeDocument(broken, ['doc-a'])).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
    expect(await store.exportGraph()).toEqual(before);
    // The deleted-then-restored passages are still in the vector table and the FTS index.
    expect((await store.vectorPassages([1, 0, 0, 0], 1))[0]?.passage.id).toBe('doc-a:p0');
    expect((await store.fulltextPassages(['主阵地'], 1))[0]?.passage.id).toBe('doc-a:p0');
    await expect(store.vectorPassages([1, 0, 0], 1)).rejects.toMatchObject({ code: 'SCHEMA_MISMATCH' });
  });

  it('re-embedding to a new dimension before rebuilding the index (the reindex order) keeps every passage', async () => {
    const store = await open('reindex.sqlite');
    await store.migrate(4);
    await store.writeDocument(docA(), []);
    const rows = await store.passagesForReindex(undefined, 100);
    await store.setEmbeddings(rows.map((r, i) => ({ id: r.id, embedding: [i === 2 ? 1 : 0, 0, 0, 0, 0, i === 2 ? 0 : 1] })));
    await store.recreateVectorIndex(6);
    await store.migrate(6);
    const hits = await store.vectorPassages([1, 0, 0, 0, 0, 0], 5);
    expect(hits.map((h) => h.passage.id)).toHaveLength(3);
    expect(hits[0]?.passage.id).toBe('doc-a:p2');
    expect(hits[0]?.score).toBeCloseTo(1, 5);
  });

  it('vector scores are on Neo4j cosine scale: (1 + cos) / 2', async () => {
    const store = await open('scale.sqlite');
    await store.migrate(4);
    await store.writeDocument(docA(), []);
    const byId = new Map((await store.vectorPassages([1, 0, 0, 0], 3)).map((h) => [h.passage.id, h.score]));
    expect(byId.get('doc-a:p0')).toBeCloseTo(1, 5);
    expect(byId.get('doc-a:p1')).toBeCloseTo(0.5, 5);
  });

  it('finds entities by the jieba tokens of their names and aliases', async () => {
    const store = await open('entity-tokens.sqlite');
    await store.migrate(4);
    const b = docB();
    b.entityTokens[E.park.id] = '南通 高新区';
    await store.writeDocument(b, []);
    expect((await store.findEntities({ tokens: ['高新区'], limit: 5 })).map((e) => e.id)).toEqual([E.park.id]);
    expect(await store.findEntities({ tokens: ['高新'], limit: 5 })).toEqual([]);
    expect(await store.findEntities({ tokens: [], limit: 5 })).toEqual([]);
    expect(await store.findEntities({ tokens: ['"', 'a:b*'], limit: 5 })).toEqual([]);
  });

  it('full-text rows match their tables after writes, replacement and deletion, also in a file made with insert triggers (version 2)', async () => {
    const file = path.join(dir, 'fts-upgrade.sqlite');
    const v2 = await EmbeddedStore.open(file);
    await v2.close();
    // What version 2 created: triggers that inserted the full-text rows (the writer now does).
    const raw = new Database(file);
    for (const [fts, table, column] of [['passage_fts', 'passages', 'tokens'], ['entity_fts', 'entities', 'name_tokens']] as const) {
      raw.exec(`CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN INSERT INTO ${fts}(rowid, ${column}) VALUES (new.pk, new.${column}); END;`);
    }
    const store = await open('fts-upgrade.sqlite');
    await store.migrate(4);
    await store.writeDocuments([{ doc: docA(), replaces: [] }, { doc: docB(), replaces: [] }]);
    const check = () => {
      // FTS5's own check of an external-content index against its table: a row indexed twice or not at all fails it.
      for (const fts of ['passage_fts', 'entity_fts']) raw.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`);
      const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM passage_fts_docsize')).toBe(count('SELECT count(*) AS n FROM passages'));
      expect(count('SELECT count(*) AS n FROM entity_fts_docsize')).toBe(count('SELECT count(*) AS n FROM entities'));
    };
    check();
    expect((await store.fulltextPassages(['高新技术企业'], 3))[0]?.passage.id).toBe('doc-a:p1');
    await store.writeDocument(docA(), ['doc-a']);
    check();
    await store.deleteDocument('doc-b');
    check();
    raw.close();
  });

  it('a batch stores the entity names and tokens that one-by-one writes store, also across a replacement within it', async () => {
    const rows = async (name: string, write: (store: EmbeddedStore) => Promise<void>) => {
      const store = await open(name);
      await store.migrate(4);
      await write(store);
      await store.close();
      const raw = new Database(path.join(dir, name), { readonly: true });
      try {
        return raw.prepare('SELECT id, aliases, name_tokens FROM entities ORDER BY id').all();
      } finally {
        raw.close();
      }
    };
    // docB names the park by an alias docA does not, and gives it more name tokens.
    const b = () => {
      const doc = docB();
      doc.entityTokens[E.park.id] = '南通 高新区 南通高新区';
      return doc;
    };
    const serial = await rows('names-serial.sqlite', async (store) => {
      for (const doc of [docA(), b(), docC(), docChain()]) await store.writeDocument(doc, []);
      await store.writeDocument(docA(), ['doc-a']);
    });
    const batched = await rows('names-batched.sqlite', (store) =>
      store.writeDocuments([docA(), b(), docC(), docChain()].map((doc) => ({ doc, replaces: [] as string[] })).concat([{ doc: docA(), replaces: ['doc-a'] }])),
    );
    expect(batched).toEqual(serial);
    expect(serial.length).toBeGreaterThan(0);
  });

  it('builds FTS5 queries from quoted tokens only', () => {
    expect(ftsQuery(['南通', 'a"b', ' ', '南通', 'OR'])).toBe('"南通" OR "a""b" OR "OR"');
    expect(ftsQuery([])).toBe('');
  });
});
