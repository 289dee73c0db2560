// The production GraphStore: Neo4j through one driver. Each method delegates to a small query module.
import type { EntityType } from '../../model/index.js';
import type { DocumentToWrite, GraphChannelQuery, GraphStore, NeighborQuery, OverviewFilter, RecognitionLookup, TargetQuery, TargetsForAnyQuery } from '../port.js';
import { Neo4jConnection, type Neo4jSettings } from './connection.js';
import { migrate, readSchemaState, recreateVectorIndex } from './migrate.js';
import { readDocument } from './read-document.js';
import * as docs from './read-documents.js';
import * as graph from './read-graph.js';
import * as search from './read-search.js';
import { assertVectorDimension } from './vector-dimension.js';
import { deleteDocumentTx, writeDocumentsTx } from './write-document.js';

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  private constructor(private readonly db: Neo4jConnection) {}

  static async open(settings: Neo4jSettings): Promise<Neo4jStore> {
    return new Neo4jStore(await Neo4jConnection.open(settings));
  }

  migrate(dimension: number) {
    return migrate(this.db, dimension);
  }
  recreateVectorIndex(dimension: number) {
    return recreateVectorIndex(this.db, dimension);
  }
  schemaState() {
    return readSchemaState(this.db);
  }
  async embeddersInUse() {
    const rows = await this.db.rows('MATCH (d:Document) WHERE d.embedder IS NOT NULL RETURN collect(DISTINCT d.embedder) AS names');
    return (rows[0]?.names ?? []) as string[];
  }
  async recordEmbedder(name: string) {
    await this.db.write((tx) => tx.run('MATCH (d:Document) SET d.embedder = $name', { name }));
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
  async writeDocuments(batch: Array<{ doc: DocumentToWrite; replaces: string[] }>) {
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
    return this.db.write((tx) => deleteDocumentTx(tx, id));
  }
  readDocument(id: string) {
    return readDocument(this.db, id);
  }
  passagesForReindex(after: string | undefined, limit: number) {
    return docs.passagesForReindex(this.db, after, limit);
  }
  setEmbeddings(rows: Array<{ id: string; embedding: number[] }>) {
    return docs.setEmbeddings(this.db, rows);
  }
  stats() {
    return docs.stats(this.db);
  }
  exportGraph() {
    return docs.exportGraph(this.db);
  }

  fulltextPassages(tokens: string[], k: number) {
    return search.fulltextPassages(this.db, tokens, k);
  }
  vectorPassages(vector: number[], k: number) {
    return search.vectorPassages(this.db, vector, k);
  }
  textAndVectorPassages(tokens: string[], vector: number[], k: number) {
    return search.textAndVectorPassages(this.db, tokens, vector, k);
  }
  passagesMentioning(entityIds: string[], k: number) {
    return search.passagesMentioning(this.db, entityIds, k);
  }
  getPassages(ids: string[]) {
    return search.getPassages(this.db, ids);
  }
  documentPassages(docId: string) {
    return docs.documentPassages(this.db, docId);
  }
  passageEntities(passageIds: string[]) {
    return search.passageEntities(this.db, passageIds);
  }
  graphChannel(entityIds: string[], q: GraphChannelQuery) {
    return search.graphChannel(this.db, entityIds, q);
  }

  findEntities(q: { text?: string; tokens?: string[]; type?: EntityType; limit: number }) {
    return graph.findEntities(this.db, q);
  }
  findEntityCandidates(tokens: string[], limit: number) {
    return graph.findEntityCandidates(this.db, tokens, limit);
  }
  recognitionLookup(q: RecognitionLookup) {
    return graph.recognitionLookup(this.db, q);
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
  targetsForAny(q: TargetsForAnyQuery) {
    return graph.targetsForAny(this.db, q);
  }
  entityEvidence(id: string, limit: number) {
    return graph.entityEvidence(this.db, id, limit);
  }

  /** For tests: removes every node. Not on the port: no face may call it. */
  async resetForTests(): Promise<void> {
    await this.db.run('MATCH (n) DETACH DELETE n');
  }
}
