import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { parseAskRequest } from '../../src/search/answer-question.js';
import { askResponseSchema, searchRequestSchema, searchResponseSchema } from '../../src/search/search-schemas.js';
import { parseSearchRequest } from '../../src/search/search-passages.js';

function validationError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return error as AppError;
  }
  throw new Error('expected a validation error');
}

describe('search request schema', () => {
  it('applies defaults and trims the query', () => {
    expect(searchRequestSchema.parse({ q: '  高新技术企业 ' })).toEqual({ q: '高新技术企业', k: 10, mode: 'hybrid' });
  });

  it('coerces k from a query string', () => {
    expect(searchRequestSchema.parse({ q: 'x', k: '5', mode: 'vector' })).toEqual({ q: 'x', k: 5, mode: 'vector' });
  });

  it('accepts exactly 2000 characters and any content', () => {
    expect(parseSearchRequest({ q: '企'.repeat(2000) }).q).toHaveLength(2000);
    expect(parseSearchRequest({ q: 'title:(a OR b)~2 AND * \\ " 😀' }).q).toContain('title:');
    expect(parseSearchRequest({ q: '？！。，' }).q).toBe('？！。，');
  });

  it.each([
    [{ q: '' }, 'q', 'must not be empty'],
    [{ q: '   \n ' }, 'q', 'must not be empty'],
    [{}, 'q', 'q is required'],
    [{ q: 42 }, 'q', 'q must be a string'],
    [{ q: 'x'.repeat(2001) }, 'q', 'at most 2000 characters'],
    [{ q: 'x', k: 0 }, 'k', 'at least 1'],
    [{ q: 'x', k: 51 }, 'k', 'at most 50'],
    [{ q: 'x', k: 2.5 }, 'k', 'integer'],
    [{ q: 'x', k: 'ten' }, 'k', 'k must be a number'],
    [{ q: 'x', mode: 'bm25' }, 'mode', 'hybrid, fulltext, vector'],
  ])('rejects %j with a message naming %s', (input, field, message) => {
    const error = validationError(() => parseSearchRequest(input));
    expect(error.fields?.[0]?.path).toBe(field);
    expect(error.message).toContain(message);
  });

  it('validates ask the same way', () => {
    expect(parseAskRequest({ q: ' 多少？ ' })).toBe('多少？');
    expect(validationError(() => parseAskRequest({ q: '' })).message).toContain('q: q must not be empty');
  });

  it('has response schemas that convert to JSON Schema for OpenAPI', async () => {
    const { z } = await import('zod');
    for (const schema of [searchRequestSchema, searchResponseSchema, askResponseSchema]) {
      expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).not.toThrow();
    }
  });
});
