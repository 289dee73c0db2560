// The explorer's colours meet WCAG AA: badge text (the type's ink on a 13% tint of its colour) and
// relation badges (white on the relation's colour) at 4.5:1, node fills and relation lines against
// the white canvas at 3:1 (graphical objects). The page's own modules are imported as they ship.
import { describe, expect, it } from 'vitest';

interface EntityColour { id: string; color: string; ink: string }
interface RelationColour { id: string; color: string }
const vocabulary = (await import(new URL('../src/web/js/vocabulary.js', import.meta.url).href)) as { ENTITY_TYPES: EntityColour[]; RELATION_TYPES: RelationColour[] };
const { contrastRatio, tint } = (await import(new URL('../src/web/js/contrast.js', import.meta.url).href)) as {
  contrastRatio: (a: string, b: string) => number;
  tint: (hex: string, weight: number) => string;
};

describe('explorer colours (WCAG AA)', () => {
  it('computes the known ratios: black on white is 21:1, the old 产业 badge was 2.62:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#e07b2e', tint('#e07b2e', 0.13))).toBeCloseTo(2.62, 2);
  });

  it.each(vocabulary.ENTITY_TYPES.map((t) => [t.id, t] as const))('%s: badge text ≥ 4.5:1, node fill ≥ 3:1', (_id, t) => {
    expect(contrastRatio(t.ink, tint(t.color, 0.13))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t.color, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it.each(vocabulary.RELATION_TYPES.map((r) => [r.id, r] as const))('%s: white badge text ≥ 4.5:1', (_id, r) => {
    expect(contrastRatio('#ffffff', r.color)).toBeGreaterThanOrEqual(4.5);
  });
});
