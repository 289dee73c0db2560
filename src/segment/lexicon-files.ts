// Where the policy-domain user dictionaries live: one jieba user dictionary per entity type under
// graph/lexicon/. Each line is `word freq tag`; the tag is the entity type, optionally followed by
// `=canonical name` for an alias ("工信部 3000 Organization=工业和信息化部"). See graph/lexicon/README.md.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';

/** One file per entity type, loaded in this order (a later file's entry wins a duplicate word). */
export const LEXICON_FILES = ['region-divisions.txt', 'region.txt', 'organization.txt', 'policy.txt', 'industry-gbt4754.txt', 'industry.txt', 'park-catalogue.txt', 'park.txt'] as const;

/** graph/lexicon/ of this repository, found from this module's own location. */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('../../graph/lexicon/', import.meta.url));

/**
 * Absolute paths of the lexicon files in `dir`. cppjieba aborts the whole process on a missing user
 * dictionary, so we check first and fail with our own error instead.
 */
export function lexiconPaths(dir: string = DEFAULT_LEXICON_DIR): string[] {
  const paths = LEXICON_FILES.map((f) => path.resolve(dir, f));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new AppError('CONFIG_INVALID', `lexicon file(s) missing: ${missing.join(', ')}`);
  }
  // cppjieba splits the user-dictionary list on '|' or ';', so a path must contain neither.
  const unsafe = paths.find((p) => /[|;]/.test(p));
  if (unsafe) throw new AppError('CONFIG_INVALID', `lexicon path may not contain '|' or ';': ${unsafe}`);
  return paths;
}
