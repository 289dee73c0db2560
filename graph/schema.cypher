// PolicyGraph schema for Neo4j 5.26 Community (no APOC, no Enterprise features).
// Applied idempotently at start-up by the migration step (src/store/neo4j/migrate.ts), statement by
// statement. {{EMBEDDING_DIMENSION}} is replaced by the configured embedder's dimension.

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (t:Target) REQUIRE t.id IS UNIQUE;

CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256);
CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
CREATE INDEX passage_doc IF NOT EXISTS FOR (p:Passage) ON (p.docId);
CREATE INDEX target_doc IF NOT EXISTS FOR (t:Target) ON (t.docId);
CREATE INDEX target_metric IF NOT EXISTS FOR (t:Target) ON (t.metric);
// Metric words are looked up by substring (`t.metric CONTAINS word`, a dozen per question): a text
// index answers CONTAINS; the range index above does not, and each look-up scanned every target.
CREATE TEXT INDEX target_metric_text IF NOT EXISTS FOR (t:Target) ON (t.metric);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);

// Text is pre-segmented by jieba and joined by spaces, so the whitespace analyzer indexes jieba
// tokens (Neo4j's cjk analyzer would only make bigrams).
CREATE FULLTEXT INDEX passage_tokens IF NOT EXISTS FOR (p:Passage) ON EACH [p.tokens]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.nameTokens]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

CREATE VECTOR INDEX passage_embedding IF NOT EXISTS FOR (p:Passage) ON (p.embedding)
  OPTIONS {indexConfig: {`vector.dimensions`: {{EMBEDDING_DIMENSION}}, `vector.similarity_function`: 'cosine'}};
