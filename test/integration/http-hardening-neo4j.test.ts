// The HTTP hardening suite against the real Neo4j of the run.
import { describe, it } from 'vitest';
import { describeHttpHardening } from '../api/http-hardening.js';
import { neo4jUri } from './open-test-neo4j.js';
import { openTestServices } from './test-services.js';

if (neo4jUri) describeHttpHardening('neo4j', () => openTestServices());
else describe.skip('HTTP hardening: neo4j', () => it('needs Neo4j', () => undefined));
