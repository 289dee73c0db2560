import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_RULE_IDS, RULES } from './rule-ids.js';
import { factsOf } from '../../test/support/extract-facts.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('rule ids', () => {
  it('are unique', () => {
    expect(new Set(ALL_RULE_IDS).size).toBe(ALL_RULE_IDS.length);
  });

  it('are dotted kebab-case ids of an entity, target or relation rule', () => {
    for (const id of ALL_RULE_IDS) expect(id).toMatch(/^(entity|target|rel)\.[a-z]+(-[a-z]+)*$/);
  });

  it('are written nowhere but in the catalogue', () => {
    // rules refer to RULES.x, so renaming an id is one edit and the catalogue stays complete
    const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'rule-ids.ts');
    for (const f of sources) {
      const text = readFileSync(path.join(here, f), 'utf8');
      for (const id of ALL_RULE_IDS) expect(text.includes(`'${id}'`), `${f} spells ${id}`).toBe(false);
    }
  });

  it('tag every fact extracted from a real passage with a catalogued rule', () => {
    const facts = factsOf('通州区将实施就业质量提升工程，确保实现新增城镇就业4万人以上，以南通高新区为主阵地，推动汽车零部件产业与新能源深度融合。');
    const used = [
      ...facts.mentions.map((m) => m.evidence.rule),
      ...facts.targets.map((t) => t.evidence.rule),
      ...facts.relations.flatMap((r) => r.evidence.map((e) => e.rule)),
    ];
    expect(used.length).toBeGreaterThan(0);
    for (const rule of used) expect(ALL_RULE_IDS).toContain(rule);
    expect(used).toContain(RULES.relIntegratesWith);
  });
});
