// The shared GraphStore contract against the real Neo4j of the run.
import { describe, it } from 'vitest';
import { describeStoreContract } from '../store/store-contract.js';
import { neo4jUri, openTestNeo4j } from './open-test-neo4j.js';

if (neo4jUri) describeStoreContract('neo4j', openTestNeo4j, { timeout: 60_000 });
else describe.skip('GraphStore contract: neo4j', () => it('needs Neo4j', () => undefined));
