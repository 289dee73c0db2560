// The production GraphStore: Neo4j through one driver. Each method delegates to a small query module.
import type { EntityType, Target } from '../../model/index.js';
import type {
  DocumentToWrite,
  EntityCandidate,
  EntityDetail,
  GraphChannelQuery,
  GraphChannelResult,
  GraphNode,
  GraphStore,
  NeighborQuery,
  OverviewFilter,
  PassageHit,
  RecognitionLookup,
  TargetQuery,
  TargetsForAnyQuery,
} from '../port.js';
import { Neo4jConnection, type Neo4jSettings } from './connection.js';
import { migrate, readSchemaState, recreateVectorIndex } from './migrate.js';
import { readDocument } from './read-document.js';
import * as docs from './read-documents.js';
import * as graph from './read-graph.js';
import { uniteTargets } from '../unite-targets.js';
import { ReadCache } from './read-cache.js';
import * as search from './read-search.js';
import type { PassageSource } from './read-search.js';
import { assertVectorDimension } from './vector-dimension.js';
import { deleteDocumentTx, writeDocumentsTx } from './write-document.js';

/** How long a cached read may lag another process's writes (scope's document listing allows 5 s too). */
const CACHE_MAX_AGE_MS = 5_000;
/**
 * A passage id names its text (the document id is the text's hash, the ordinal its place), so what a
 * cached passage says only goes stale when another process replaces its document under a new title.
 */
const PASSAGE_MAX_AGE_MS = 60_000;
/** A passage known to mention nothing, a look-up that found no target (compared by identity). */
const NO_ENTITIES: GraphNode[] = [];
const NO_TARGETS: Target[] = [];
type StoredHit = Readonly<Omit<PassageHit, 'score'>>;
/** An id no passage has. */
const NO_PASSAGE: StoredHit = Object.freeze({ passage: Object.freeze({ id: '', docId: '', ordinal: 0, heading: '', text: '', start: 0, end: 0 }), docTitle: '' });

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  /** This store's completed writes: each one makes the read caches stale. */
  private writes = 0;
  private readonly recognitions = new ReadCache<{ candidates: EntityCandidate[]; details: EntityDetail[] }>(
    { maxAgeMs: CACHE_MAX_AGE_MS, capacity: 1_000 },
    () => this.writes,
  );
  private readonly mentioned = new ReadCache<GraphNode[]>({ maxAgeMs: CACHE_MAX_AGE_MS, capacity: 20_000 }, () => this.writes);
  private readonly targetLookups = new ReadCache<Target[]>({ maxAgeMs: CACHE_MAX_AGE_MS, capacity: 2_000 }, () => this.writes);
  private readonly passages = new ReadCache<StoredHit>({ maxAgeMs: PASSAGE_MAX_AGE_MS, capacity: 20_000 }, () => this.writes);
  /** The search channels' passages, read once and kept (see PassageSource). */
  private readonly source: PassageSource = async (scored) => {
    const found = await this.passages.getMany(
      scored.map((s) => s.id),
      async (ids) => Object.fromEntries((await search.getPassages(this.db, ids)).map(({ passage, docTitle }) => [passage.id, Object.freeze({ passage: Object.freeze(passage), docTitle })])),
      NO_PASSAGE,
    );
    return scored.map((s) => {
      const hit = found[s.id];
      return hit && { ...hit, score: s.score };
    });
  };

  private constructor(private readonly db: Neo4jConnection) {}

  /** Runs a write; the read caches are stale once it ends, whether it committed or not. */
  private async written<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      this.writes++;
    }
  }

  static async open(settings: Neo4jSettings): Promise<Neo4jStore> {
    return new Neo4jStore(await Neo4jConnection.open(settings));
  }

  migrate(dimension: number) {
    return this.written(migrate(this.db, dimension));
  }
  recreateVectorIndex(dimension: number) {
    return this.written(recreateVectorIndex(this.db, dimension));
  }
  schemaState() {
    return readSchemaState(this.db);
  }
  async embeddersInUse() {
    const rows = await this.db.rows('MATCH (d:Document) WHERE d.embedder IS NOT NULL RETURN collect(DISTINCT d.embedder) AS names');
    return (rows[0]?.names ?? []) as string[];
  }
  async recordEmbedder(name: string) {
    await this.written(this.db.write((tx) => tx.run('MATCH (d:Document) SET d.embedder = $name', { name })));
  }
  ping() {
    return this.db.ping();
  }
  close() {
    return this.db.close();
  }

  getDocument(id: string) {
    return docs.getDocument(this.db, id);
  }
  findDocumentsBy(key: { sha256?: string; source?: string }) {
    return docs.findDocumentsBy(this.db, key);
  }
  listDocuments(page: { offset: number; limit: number }) {
    return docs.listDocuments(this.db, page);
  }
  writeDocument(doc: DocumentToWrite, replaces: string[]) {
    return this.writeDocuments([{ doc, replaces }]);
  }
  writeDocuments(batch: Array<{ doc: DocumentToWrite; replaces: string[] }>) {
    return this.written(this.writeBatch(batch));
  }
  private async writeBatch(batch: Array<{ doc: DocumentToWrite; replaces: string[] }>) {
    await assertVectorDimension(this.db, batch.flatMap((b) => b.doc.passages.map((p) => p.embedding.length)), 'a passage embedding');
    await this.db.write(async (tx) => {
      for (const id of batch.flatMap((b) => b.replaces)) await deleteDocumentTx(tx, id);
      await writeDocumentsTx(
        tx,
        batch.map((b) => b.doc),
      );
    });
  }
  deleteDocument(id: string) {
    return this.written(this.db.write((tx) => deleteDocumentTx(tx, id)));
  }
  readDocument(id: string) {
    return readDocument(this.db, id);
  }
  passagesForReindex(after: string | undefined, limit: number) {
    return docs.passagesForReindex(this.db, after, limit);
  }
  setEmbeddings(rows: Array<{ id: string; embedding: number[] }>) {
    return this.written(docs.setEmbeddings(this.db, rows));
  }
  stats() {
    return docs.stats(this.db);
  }
  exportGraph() {
    return docs.exportGraph(this.db);
  }

  fulltextPassages(tokens: string[], k: number) {
    return search.fulltextPassages(this.db, this.source, tokens, k);
  }
  vectorPassages(vector: number[], k: number) {
    return search.vectorPassages(this.db, this.source, vector, k);
  }
  textAndVectorPassages(tokens: string[], vector: number[], k: number) {
    return search.textAndVectorPassages(this.db, this.source, tokens, vector, k);
  }
  passagesMentioning(entityIds: string[], k: number) {
    return search.passagesMentioning(this.db, this.source, entityIds, k);
  }
  async getPassages(ids: string[]) {
    const hits = await this.source(ids.map((id) => ({ id, score: 0 })));
    return hits.filter((h): h is PassageHit => h !== undefined);
  }
  documentPassages(docId: string) {
    return docs.documentPassages(this.db, docId);
  }
  passageEntities(passageIds: string[]) {
    return this.mentioned.getMany(passageIds, (unread) => search.passageEntities(this.db, unread), NO_ENTITIES);
  }
  async graphChannel(entityIds: string[], q: GraphChannelQuery): Promise<GraphChannelResult> {
    const { targets, ...passageQuery } = q;
    const [passages, found] = await Promise.all([
      search.graphChannel(this.db, this.source, entityIds, passageQuery),
      targets ? this.targetsForAny(targets) : undefined,
    ]);
    return found ? { ...passages, targets: found } : passages;
  }

  findEntities(q: { text?: string; tokens?: string[]; type?: EntityType; limit: number }) {
    return graph.findEntities(this.db, q);
  }
  findEntityCandidates(tokens: string[], limit: number) {
    return graph.findEntityCandidates(this.db, tokens, limit);
  }
  recognitionLookup(q: RecognitionLookup) {
    return this.recognitions.get(JSON.stringify(q), () => graph.recognitionLookup(this.db, q));
  }
  getEntity(id: string) {
    return graph.getEntity(this.db, id);
  }
  getEntities(ids: string[]) {
    return graph.getEntities(this.db, ids);
  }
  neighbors(id: string, q: NeighborQuery) {
    return graph.neighbors(this.db, id, q);
  }
  shortestPath(from: string, to: string, maxDepth: number) {
    return graph.shortestPath(this.db, from, to, maxDepth);
  }
  overview(types: EntityType[], limit: number, filter?: OverviewFilter) {
    return graph.overview(this.db, types, limit, filter);
  }
  targets(q: TargetQuery) {
    return graph.targets(this.db, q);
  }
  /** The union of the look-ups, each kept on its own (a question's metric words recur in others). */
  async targetsForAny(q: TargetsForAnyQuery): Promise<Target[]> {
    const per = Math.trunc(q.perLookup);
    const keys = [...q.metrics.map((m) => `metric|${per}|${m}`), ...q.entityIds.map((id) => `entity|${per}|${id}`)];
    const lists = await this.targetLookups.getMany(
      keys,
      async (unread) => {
        const split = (kind: string) => unread.filter((k) => k.startsWith(`${kind}|`)).map((k) => k.slice(`${kind}|${per}|`.length));
        const found = await graph.targetLookups(this.db, split('metric'), split('entity'), per);
        return Object.fromEntries([
          ...Object.entries(found.metrics).map(([m, ts]) => [`metric|${per}|${m}`, ts] as const),
          ...Object.entries(found.entities).map(([id, ts]) => [`entity|${per}|${id}`, ts] as const),
        ]);
      },
      NO_TARGETS,
    );
    return uniteTargets(Object.values(lists));
  }
  entityEvidence(id: string, limit: number) {
    return graph.entityEvidence(this.db, id, limit);
  }

  /** For tests: removes every node. Not on the port: no face may call it. */
  async resetForTests(): Promise<void> {
    await this.written(this.db.run('MATCH (n) DETACH DELETE n'));
  }
}
