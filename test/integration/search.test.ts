// The search and ask acceptance suite against real Neo4j (the graph is reset first).
import { describe } from 'vitest';
import { describeSearchAcceptance } from '../search/search-acceptance.js';
import { neo4jUri, openTestNeo4j } from './open-test-neo4j.js';

describe.skipIf(!neo4jUri)('Neo4j', () => {
  describeSearchAcceptance('neo4j', openTestNeo4j);
});
