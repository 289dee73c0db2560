import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';

function errorOf(env: Record<string, string>): AppError {
  try {
    parseConfig(env);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('defaults to the embedded store on port 3000 with the BGE model', () => {
    const config = parseConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.EMBEDDING_MODEL).toBe('Xenova/bge-small-zh-v1.5');
  });

  it('reads typed values from the environment', () => {
    const config = parseConfig({ NEO4J_URI: 'neo4j+s://db.example:7687', PORT: '8080', ALLOW_REMOTE_MODELS: 'true' });
    expect(config).toMatchObject({ NEO4J_URI: 'neo4j+s://db.example:7687', PORT: 8080, ALLOW_REMOTE_MODELS: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
  ])('a bad value (%o) is one error naming %s', (env, name) => {
    const error = errorOf(env);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(name);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('never echoes a secret in the error', () => {
    const error = errorOf({ API_KEY: 'short' });
    expect(error.message).toContain('API_KEY');
    expect(error.message).not.toContain('short');
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ NEO4J_URI: '', PORT: '' }).PORT).toBe(3000);
  });
});
