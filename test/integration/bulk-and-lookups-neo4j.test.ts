// Bulk writes and one-trip look-ups against the real Neo4j of the run.
import { describe, it } from 'vitest';
import { describeBulkAndLookups } from '../store/bulk-and-lookups-contract.js';
import { neo4jUri, openTestNeo4j } from './open-test-neo4j.js';

if (neo4jUri) describeBulkAndLookups('neo4j', openTestNeo4j, { timeout: 60_000 });
else describe.skip('bulk writes and one-trip look-ups: neo4j', () => it('needs Neo4j', () => undefined));
