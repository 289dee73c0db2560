// The GraphStore port: what the stages need from a store, in domain terms only. No Cypher, SQL or
// driver type crosses it; adapters turn driver failures into AppError (STORE_UNAVAILABLE, CONFLICT).
import type {
  DocumentFacts,
  DocumentMeta,
  Entity,
  EntityType,
  Evidence,
  Passage,
  RelationType,
  Target,
} from '../model/index.js';

/** A passage as stored: its search tokens (jieba, space-joined) and its embedding. */
export interface StoredPassage extends Passage {
  tokens: string;
  /** Written from either; read back as numbers. Ingest passes Float32Array (cheap between threads). */
  embedding: number[] | Float32Array;
}

export interface DocumentToWrite {
  meta: DocumentMeta;
  passages: StoredPassage[];
  facts: DocumentFacts;
  /** Search tokens of each entity's name and aliases, by entity id. */
  entityTokens: Record<string, string>;
}

export interface PassageHit {
  passage: Passage;
  docTitle: string;
  /** The channel's own score: BM25 (full-text), (1 + cosine) / 2 (vector), entities matched (graph). */
  score: number;
}

export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  mentions?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  weight: number;
  evidence: Evidence[];
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface EntityDetail extends Entity {
  mentions: number;
  docIds: string[];
}

/** An entity with its mention count, without the documents (cheap to find many of). */
export type EntityCandidate = Omit<EntityDetail, 'docIds'>;

export interface StoreStats {
  documents: number;
  passages: number;
  entities: Record<EntityType, number>;
  targets: number;
  relations: Record<RelationType, number>;
}

export interface ExportedRelation {
  type: RelationType;
  from: string;
  to: string;
  weight: number;
  evidence: Evidence[];
}

export interface GraphExport {
  documents: DocumentMeta[];
  entities: Array<Entity & { evidence: Evidence[] }>;
  targets: Target[];
  relations: ExportedRelation[];
}

export interface TargetQuery {
  metric?: string;
  year?: number;
  entityId?: string;
  /** Only targets stated in these documents. */
  docIds?: string[];
  limit: number;
}

export interface NeighborQuery {
  /** 1..3 hops. */
  depth: number;
  types?: EntityType[];
  rels?: RelationType[];
  /** Node limit, the start node included. */
  limit: number;
  /** Only relations with evidence in these documents. */
  docIds?: string[];
}

/** What the overview draws: relations of these types (all when absent), evidence in these documents. */
export interface OverviewFilter {
  rels?: RelationType[];
  docIds?: string[];
}

export interface GraphChannelQuery {
  rels: RelationType[];
  expandFrom: number;
  perEntity: number;
  k: number;
  /** Also these target look-ups (as targetsForAny), answered with the passages. */
  targets?: TargetsForAnyQuery;
}

export interface GraphChannelResult {
  direct: PassageHit[];
  expanded: PassageHit[];
  /** targetsForAny(q.targets), present when `targets` was asked for. */
  targets?: Target[];
}

/** Targets matching any of several look-ups at once, each look-up capped (`perLookup`). */
export interface TargetsForAnyQuery {
  /** Targets whose metric contains the word. */
  metrics: string[];
  /** Targets that measure the entity. */
  entityIds: string[];
  perLookup: number;
}

/** Entity recognition's look-ups for one query, asked at once (see GraphStore.recognitionLookup). */
export interface RecognitionLookup {
  /** Search tokens: candidates as findEntityCandidates(tokens, limit) finds them. */
  tokens: string[];
  limit: number;
  /** Entities to detail whatever the candidates are (unknown ones left out). */
  ids: string[];
  /** The query: candidates it names are detailed too. */
  text: string;
  /** Generic endings a name may be written without (产业): a candidate whose name less one occurs in `text` is named. */
  endings: string[];
}

export interface SchemaState {
  /** Dimension of the passage vector index, when it exists. */
  vectorDimension?: number;
}

export interface GraphStore {
  readonly kind: 'neo4j' | 'embedded';
  /** Creates constraints and indexes idempotently; SCHEMA_MISMATCH when the vector index has another dimension. */
  migrate(embeddingDimension: number): Promise<void>;
  /** Drops and recreates the vector index with a new dimension (for reindexing). */
  recreateVectorIndex(embeddingDimension: number): Promise<void>;
  schemaState(): Promise<SchemaState>;
  /** Names of the embedders whose vectors the stored passages hold (empty when nothing is stored). */
  embeddersInUse(): Promise<string[]>;
  /** Records that every stored passage now holds vectors of `name` (after reindexing). */
  recordEmbedder(name: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;

  getDocument(id: string): Promise<DocumentMeta | undefined>;
  findDocumentsBy(key: { sha256?: string; source?: string }): Promise<DocumentMeta[]>;
  listDocuments(page: { offset: number; limit: number }): Promise<{ items: DocumentMeta[]; total: number }>;
  /**
   * Writes one document atomically, first removing the documents in `replaces` exactly. A relation's
   * stored weight is the number of its evidence spans (over all documents), not `Relation.weight`.
   */
  writeDocument(doc: DocumentToWrite, replaces: string[]): Promise<void>;
  /**
   * Bulk loading: writes several documents in one transaction, all or none, each first removing its
   * `replaces`; the same result as writing them one by one in order.
   */
  writeDocuments(batch: Array<{ doc: DocumentToWrite; replaces: string[] }>): Promise<void>;
  /** Removes a document and what only it supported; false when it did not exist. */
  deleteDocument(id: string): Promise<boolean>;
  /**
   * Everything `writeDocument` stored for one document, to copy it into another store (migration):
   * its metadata as `getDocument` reads it, its passages with tokens and embeddings, and the facts it
   * gave — mentions, targets, its own relation evidence, and the entities those touch (whole
   * aliases and name tokens). Writing the result into an empty store reproduces the document exactly.
   */
  readDocument(id: string): Promise<DocumentToWrite | undefined>;
  /** Passage ids and texts in id order after `after` (keyset paging), for re-embedding. */
  passagesForReindex(after: string | undefined, limit: number): Promise<Array<{ id: string; text: string }>>;
  setEmbeddings(rows: Array<{ id: string; embedding: number[] }>): Promise<void>;

  stats(): Promise<StoreStats>;
  exportGraph(): Promise<GraphExport>;

  fulltextPassages(tokens: string[], k: number): Promise<PassageHit[]>;
  vectorPassages(vector: number[], k: number): Promise<PassageHit[]>;
  /** fulltextPassages and vectorPassages in one look-up (hybrid search wants both); an empty input gives an empty list. */
  textAndVectorPassages(tokens: string[], vector: number[], k: number): Promise<{ fulltext: PassageHit[]; vector: PassageHit[] }>;
  /** Passages that mention any of the entities, ranked by how many of them they mention. */
  passagesMentioning(entityIds: string[], k: number): Promise<PassageHit[]>;
  getPassages(ids: string[]): Promise<PassageHit[]>;
  /** Every passage of a document in reading order (empty when there is no such document). */
  documentPassages(docId: string): Promise<Passage[]>;
  /** The entities each passage mentions (its stored MENTIONS), by passage id; passages without any are absent. */
  passageEntities(passageIds: string[]): Promise<Record<string, GraphNode[]>>;
  /**
   * The graph channel in one look-up: passages mentioning the entities (`direct`, ranked by how many
   * of them they mention), and passages mentioning the neighbours of the first `expandFrom` of them
   * over `rels` (`expanded`: at most `perEntity` strongest neighbours each, the entities themselves
   * excluded). Each list at most `k` long.
   */
  graphChannel(entityIds: string[], q: GraphChannelQuery): Promise<GraphChannelResult>;

  /** By substring of name or alias (`text`) and/or by whole search tokens of name or alias (`tokens`). */
  findEntities(q: { text?: string; tokens?: string[]; type?: EntityType; limit: number }): Promise<EntityDetail[]>;
  /**
   * As findEntities by `tokens` alone (same entities, same order), without the documents: recognising
   * a query's entities weighs dozens of candidates and keeps a few, whose documents it then asks for.
   */
  findEntityCandidates(tokens: string[], limit: number): Promise<EntityCandidate[]>;
  /**
   * Recognising a query's entities in one look-up: `candidates` exactly as findEntityCandidates, and
   * `details` as getEntities gives them for `ids` and for the candidates whose name or an alias (case
   * aside), or name less one of `endings`, occurs in `text`, in no particular order.
   */
  recognitionLookup(q: RecognitionLookup): Promise<{ candidates: EntityCandidate[]; details: EntityDetail[] }>;
  getEntity(id: string): Promise<EntityDetail | undefined>;
  /** Entities by id in one look-up; unknown ids are left out. */
  getEntities(ids: string[]): Promise<EntityDetail[]>;
  neighbors(id: string, q: NeighborQuery): Promise<Subgraph>;
  shortestPath(from: string, to: string, maxDepth: number): Promise<Subgraph | undefined>;
  /**
   * The most mentioned entities of the types; with a filter, only those taking part in a chosen
   * relation (with evidence in the chosen documents) with another entity of the types.
   */
  overview(types: EntityType[], limit: number, filter?: OverviewFilter): Promise<Subgraph>;
  targets(q: TargetQuery): Promise<Target[]>;
  /** The union of several target look-ups in one round trip, each target once. */
  targetsForAny(q: TargetsForAnyQuery): Promise<Target[]>;
  /** Evidence of the entity's mentions, newest document first, capped. */
  entityEvidence(id: string, limit: number): Promise<Evidence[]>;
}
