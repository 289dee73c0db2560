// Reads the extraction rules kept as data under graph/rules/ (suffixes, cue words, patterns), once
// per process at module load: rules are data, the code that applies them stays pure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RULES_DIR = fileURLToPath(new URL('../../graph/rules/', import.meta.url));

export function readRuleFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, `file://${RULES_DIR}`), 'utf8'));
}
