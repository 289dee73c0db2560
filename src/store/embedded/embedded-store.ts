// The zero-setup GraphStore: one SQLite file (WAL) with FTS5 for tokens and sqlite-vec for vectors.
// better-sqlite3 is synchronous; each method runs its statements at once and answers a promise, so
// every SQLite failure surfaces as a rejected AppError (original kept as `cause`).
import type { EntityType } from '../../model/index.js';
import type { DocumentToWrite, GraphChannelQuery, GraphChannelResult, GraphStore, NeighborQuery, OverviewFilter, RecognitionLookup, TargetQuery, TargetsForAnyQuery } from '../port.js';
import { namedIn } from '../named-in.js';
import { uniteTargets } from '../unite-targets.js';
import { DATA_TABLES, createBaseSchema } from './base-schema.js';
import { deleteDocumentRows } from './delete-document.js';
import { one, openDatabase, run, toStoreError, type Db } from './open-database.js';
import { readDocument } from './read-document.js';
import * as docs from './read-documents.js';
import * as facts from './read-facts.js';
import * as graph from './read-graph.js';
import * as search from './read-search.js';
import { PassageRows } from './read-search.js';
import { checkSchemaVersion, migrateVectors, readSchemaState, recreateVectorTable, setEmbeddings, vectorDimension } from './vector-table.js';
import { BatchMemo, writeDocumentRows } from './write-document.js';
import { contentVersion, Snapshot } from './read-snapshot.js';
import { buildVectorMatrix, type VectorMatrix } from './vector-matrix.js';
import { EntityStatsSnapshot } from './entity-stats.js';
import { buildTargetSnapshot, snapshotTargets, type TargetSnapshot } from './target-snapshot.js';
import { buildFulltextIndex, type FulltextIndex } from './fulltext-index.js';
import { buildMentionIndex, passageEntitiesFrom, passagesMentioningFrom, type MentionIndex } from './mention-index.js';

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;

  /** This connection's writes (data_version only counts other connections'). */
  private writes = 0;
  private readonly vectors = new Map<number, Snapshot<VectorMatrix>>();
  private readonly entityStatsSnapshot = new Snapshot(EntityStatsSnapshot.build);
  private readonly targetSnapshot = new Snapshot<TargetSnapshot>(buildTargetSnapshot);
  private readonly fulltextSnapshot = new Snapshot<FulltextIndex>(buildFulltextIndex);
  private readonly mentionSnapshot = new Snapshot<MentionIndex>(buildMentionIndex);
  private readonly passageRows = new PassageRows();
  private readonly readPassages: search.PassageReader = (pks, score) => this.passageRows.read(this.db, this.version(), pks, score);

  private constructor(
    private readonly db: Db,
    readonly file: string,
  ) {}

  private version(): string {
    return contentVersion(this.db, this.writes);
  }

  /** The passage vectors of one dimension as an in-memory matrix (undefined while the file keeps changing). */
  private vectorMatrix(dimension: number): VectorMatrix | undefined {
    let snapshot = this.vectors.get(dimension);
    if (!snapshot) this.vectors.set(dimension, (snapshot = new Snapshot((db) => buildVectorMatrix(db, dimension))));
    return snapshot.getUnlessBusy(this.db, this.version());
  }

  private entityStats(): EntityStatsSnapshot {
    return this.entityStatsSnapshot.get(this.db, this.version());
  }

  /** Passages mentioning any of the entities, from the mention index (SQL while the file keeps changing). */
  private mentioning(db: Db, entityIds: string[], k: number) {
    if (!entityIds.length) return [];
    const index = this.mentionSnapshot.getUnlessBusy(db, this.version());
    if (!index) return search.passagesMentioning(db, entityIds, k);
    const best = passagesMentioningFrom(index, entityIds, Math.min(4096, Math.trunc(k)));
    return this.readPassages(
      best.map((b) => b.pk),
      new Map(best.map((b) => [b.pk, b.score])),
    );
  }

  private allTargets(): TargetSnapshot {
    return this.targetSnapshot.get(this.db, this.version());
  }

  /** Opens or creates the file (and its folders); STORE_UNAVAILABLE when it cannot be used. */
  static async open(file: string): Promise<EmbeddedStore> {
    const db = openDatabase(file);
    try {
      createBaseSchema(db);
      checkSchemaVersion(db, file);
    } catch (error) {
      db.close();
      throw toStoreError(error, file);
    }
    return new EmbeddedStore(db, file);
  }

  /** Runs synchronous work and maps any failure to AppError. */
  private async use<T>(work: (db: Db) => T): Promise<T> {
    try {
      return work(this.db);
    } catch (error) {
      throw toStoreError(error, this.file);
    }
  }

  /** As `use`, for work that changes the file: read snapshots are rebuilt afterwards. */
  private async write<T>(work: (db: Db) => T): Promise<T> {
    try {
      return await this.use(work);
    } finally {
      this.writes++;
    }
  }

  migrate(dimension: number) {
    return this.write((db) => migrateVectors(db, dimension));
  }
  recreateVectorIndex(dimension: number) {
    return this.write((db) => recreateVectorTable(db, dimension));
  }
  schemaState() {
    return this.use(readSchemaState);
  }
  embeddersInUse() {
    return this.use((db) => {
      if (!one(db, 'SELECT 1 AS x FROM documents LIMIT 1')) return [];
      const row = one<{ value: string }>(db, `SELECT value FROM meta WHERE key = 'embedder'`);
      return row ? [row.value] : [];
    });
  }
  recordEmbedder(name: string) {
    return this.write((db) => void run(db, `INSERT INTO meta(key, value) VALUES ('embedder', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, name));
  }
  ping() {
    return this.use((db) => void db.prepare('SELECT 1').get());
  }
  async close() {
    if (this.db.open) this.db.close();
  }

  getDocument(id: string) {
    return this.use((db) => docs.getDocument(db, id));
  }
  findDocumentsBy(key: { sha256?: string; source?: string }) {
    return this.use((db) => docs.findDocumentsBy(db, key));
  }
  listDocuments(page: { offset: number; limit: number }) {
    return this.use((db) => docs.listDocuments(db, page));
  }
  /** One IMMEDIATE transaction: replaced documents go and the new one arrives together, or nothing changes. */
  writeDocument(doc: DocumentToWrite, replaces: string[]) {
    return this.write((db) =>
      db
        .transaction(() => {
          for (const id of replaces) deleteDocumentRows(db, id);
          writeDocumentRows(db, doc);
        })
        .immediate(),
    );
  }
  writeDocuments(batch: Array<{ doc: DocumentToWrite; replaces: string[] }>) {
    return this.write((db) =>
      db
        .transaction(() => {
          const memo = new BatchMemo();
          for (const { doc, replaces } of batch) {
            // a deletion may remove or change rows the memo holds
            if (replaces.length) memo.clear();
            for (const id of replaces) deleteDocumentRows(db, id);
            writeDocumentRows(db, doc, memo);
          }
        })
        .immediate(),
    );
  }
  deleteDocument(id: string) {
    return this.write((db) => db.transaction(() => deleteDocumentRows(db, id)).immediate());
  }
  /** A snapshot of one document as written, for copying it to another store. */
  readDocument(id: string) {
    return this.use((db) => db.transaction(() => readDocument(db, id)).deferred());
  }
  passagesForReindex(after: string | undefined, limit: number) {
    return this.use((db) => docs.passagesForReindex(db, after, limit));
  }
  setEmbeddings(rows: Array<{ id: string; embedding: number[] }>) {
    return this.write((db) => setEmbeddings(db, rows));
  }
  stats() {
    return this.use(docs.stats);
  }
  exportGraph() {
    return this.use((db) => db.transaction(() => docs.exportGraph(db)).deferred());
  }

  fulltextPassages(tokens: string[], k: number) {
    return this.use((db) => search.fulltextPassages(db, this.readPassages, () => this.fulltextSnapshot.getUnlessBusy(db, this.version()), tokens, k));
  }
  vectorPassages(vector: number[], k: number) {
    return this.use((db) => search.vectorPassages(db, this.readPassages, (dimension) => this.vectorMatrix(dimension), vector, k));
  }
  async textAndVectorPassages(tokens: string[], vector: number[], k: number) {
    // In process there is no round trip to save: the two look-ups as they are.
    const [fulltext, vectorHits] = await Promise.all([this.fulltextPassages(tokens, k), vector.length ? this.vectorPassages(vector, k) : []]);
    return { fulltext, vector: vectorHits };
  }
  passagesMentioning(entityIds: string[], k: number) {
    return this.use((db) => this.mentioning(db, entityIds, k));
  }
  getPassages(ids: string[]) {
    return this.use((db) => search.getPassages(db, ids));
  }
  documentPassages(docId: string) {
    return this.use((db) => docs.documentPassages(db, docId));
  }
  passageEntities(passageIds: string[]) {
    return this.use((db) => {
      const index = this.mentionSnapshot.getUnlessBusy(db, this.version());
      return index ? passageEntitiesFrom(index, passageIds) : search.passageEntities(db, passageIds);
    });
  }
  async graphChannel(entityIds: string[], q: GraphChannelQuery): Promise<GraphChannelResult> {
    const [passages, targets] = await Promise.all([this.graphPassages(entityIds, q), q.targets ? this.targetsForAny(q.targets) : undefined]);
    return targets ? { ...passages, targets } : passages;
  }
  private graphPassages(entityIds: string[], q: GraphChannelQuery) {
    return this.use((db) => {
      const neighbours = entityIds.slice(0, q.expandFrom).flatMap((id) => graph.neighbourNodes(db, id, { depth: 1, rels: q.rels, limit: q.perEntity + 1 }).map((n) => n.id));
      const expandTo = [...new Set(neighbours)].filter((id) => !entityIds.includes(id));
      return {
        direct: this.mentioning(db, entityIds, q.k),
        expanded: expandTo.length ? this.mentioning(db, expandTo, q.k) : [],
      };
    });
  }

  findEntities(q: { text?: string; tokens?: string[]; type?: EntityType; limit: number }) {
    return this.use((db) => graph.findEntities(db, this.entityStats(), q));
  }
  findEntityCandidates(tokens: string[], limit: number) {
    // The documents come from memory here: dropping them only keeps the two stores alike.
    return this.use((db) => graph.findEntities(db, this.entityStats(), { tokens, limit }).map(({ docIds: _, ...candidate }) => candidate));
  }
  recognitionLookup(q: RecognitionLookup) {
    // One call of the port, two in-process look-ups here (no round trip to save).
    return this.use((db) => {
      const candidates = q.tokens.length ? graph.findEntities(db, this.entityStats(), { tokens: q.tokens, limit: q.limit }).map(({ docIds: _, ...candidate }) => candidate) : [];
      const named = candidates.filter((e) => namedIn(q.text, e, q.endings)).map((e) => e.id);
      return { candidates, details: graph.getEntities(db, this.entityStats(), [...new Set([...q.ids, ...named])]) };
    });
  }
  getEntity(id: string) {
    return this.use((db) => graph.getEntity(db, this.entityStats(), id));
  }
  getEntities(ids: string[]) {
    return this.use((db) => graph.getEntities(db, this.entityStats(), ids));
  }
  neighbors(id: string, q: NeighborQuery) {
    return this.use((db) => graph.neighbors(db, id, q));
  }
  shortestPath(from: string, to: string, maxDepth: number) {
    return this.use((db) => graph.shortestPath(db, from, to, maxDepth));
  }
  overview(types: EntityType[], limit: number, filter?: OverviewFilter) {
    return this.use((db) => graph.overview(db, types, limit, filter));
  }
  targets(q: TargetQuery) {
    return this.use(() => snapshotTargets(this.allTargets(), q));
  }
  targetsForAny(q: TargetsForAnyQuery) {
    return this.use(() => {
      const targets = this.allTargets();
      return uniteTargets([
        ...q.metrics.map((metric) => snapshotTargets(targets, { metric, limit: q.perLookup })),
        ...q.entityIds.map((entityId) => snapshotTargets(targets, { entityId, limit: q.perLookup })),
      ]);
    });
  }
  entityEvidence(id: string, limit: number) {
    return this.use((db) => facts.entityEvidence(db, id, limit));
  }

  /** For tests: empties every table, keeping the schema and the vector dimension. Not on the port. */
  async resetForTests(): Promise<void> {
    await this.write((db) =>
      db
        .transaction(() => {
          if (vectorDimension(db) !== undefined) db.exec('DELETE FROM passage_vec');
          for (const table of DATA_TABLES) db.exec(`DELETE FROM ${table}`);
        })
        .immediate(),
    );
  }
}
