// Credentials in NEO4J_URI never reach a message; store errors name no host.
import { describe, expect, it } from 'vitest';
import { parseConfig, redactUri } from '../../src/config.js';
import { toStoreError } from '../../src/store/neo4j/connection.js';

describe('credential redaction', () => {
  it('drops user and password from connection URIs, and leaves others alone', () => {
    expect(redactUri('bolt://neo4j:secret@db.internal:7687')).toBe('bolt://db.internal:7687');
    expect(redactUri('neo4j+s://u:p%40ss@x.databases.neo4j.io')).toBe('neo4j+s://x.databases.neo4j.io');
    expect(redactUri('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
  });

  it('an invalid NEO4J_URI is reported without its password', () => {
    expect(() => parseConfig({ NEO4J_URI: 'http://neo4j:secret@db.internal:7474' })).toThrow(/NEO4J_URI="http:\/\/db\.internal:7474"/);
    expect(() => parseConfig({ NEO4J_URI: 'http://neo4j:secret@db.internal:7474' })).not.toThrow(/secret/);
  });

  it('an unavailable store is said to be unavailable, without host or credentials', () => {
    const driverError = Object.assign(new Error('Could not connect to bolt://neo4j:secret@db.internal:7687'), { code: 'ServiceUnavailable' });
    const error = toStoreError(driverError);
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toBe('the graph store is unavailable');
    expect(error.cause).toBe(driverError);
  });
});
