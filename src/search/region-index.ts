// Region names and their containment, from the reference divisions (province / prefecture / county
// with parent and province) and the region lexicon's short forms (江苏 → 江苏省). Pure once built:
// which regions a text names, and whether one region lies within another. A name shared by several
// divisions (通州区 in 北京市 and in 南通市) keeps every reading.

export interface DivisionRow {
  name: string;
  /** 省级, 地级 or 县级. */
  level: string;
  parent: string;
  province: string;
}

export interface RegionMention {
  /** Canonical division name. */
  name: string;
  start: number;
  end: number;
}

export interface RegionIndex {
  /** Regions a text names, longest surface first where two overlap, in text order. */
  mentions(text: string): RegionMention[];
  /** The canonical name a region string stands for ("江苏" → 江苏省), or the string itself. */
  canonical(name: string): string;
  /** Whether `inner` is `outer` or lies within it (any reading of a shared name). */
  within(inner: string, outer: string): boolean;
  /** Every surface naming `outer` or a region within it, longest first (computed once per region). */
  surfacesWithin(outer: string): string[];
}

const MIN_SHORT = 2;
/** A county's two-character short form is too often an ordinary word (城中, 河东, 新城): three at least. */
const MIN_COUNTY_SHORT = 3;

/** The short form of a division name without its administrative suffix ("海拉尔区" → 海拉尔). */
export function shortForm(name: string, suffixes: readonly string[]): string | undefined {
  for (const s of suffixes) {
    if (name.endsWith(s) && [...name].length - [...s].length >= MIN_SHORT) return name.slice(0, -s.length);
  }
  return undefined;
}

export function createRegionIndex(rows: readonly DivisionRow[], aliases: ReadonlyMap<string, string>, suffixes: readonly string[]): RegionIndex {
  const ancestors = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = ancestors.get(r.name) ?? new Set<string>();
    if (r.parent) set.add(r.parent);
    if (r.province && r.province !== r.name) set.add(r.province);
    ancestors.set(r.name, set);
  }
  // A prefecture's own parent is its province; walk up so a county is within its province.
  const chain = (name: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [name];
    while (todo.length) {
      for (const up of ancestors.get(todo.pop()!) ?? []) if (!seen.has(up)) (seen.add(up), todo.push(up));
    }
    return seen;
  };
  // Surfaces: full names, lexicon short forms, and suffix-less short forms claimed by one name only.
  const surfaces = new Map<string, string>();
  for (const name of ancestors.keys()) surfaces.set(name, name);
  const shortOwners = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = shortForm(r.name, suffixes);
    if (!s || ancestors.has(s) || (r.level === '县级' && [...s].length < MIN_COUNTY_SHORT)) continue;
    shortOwners.set(s, (shortOwners.get(s) ?? new Set()).add(r.name));
  }
  for (const [s, owners] of shortOwners) if (owners.size === 1) surfaces.set(s, [...owners][0]!);
  for (const [alias, name] of aliases) if (!surfaces.has(alias) || surfaces.get(alias) === alias) surfaces.set(alias, name);
  // By first character, longest first: a scan looks at a handful of surfaces per position.
  const byFirst = new Map<string, string[]>();
  for (const s of [...surfaces.keys()].sort((a, b) => b.length - a.length)) byFirst.set(s[0]!, [...(byFirst.get(s[0]!) ?? []), s]);

  const within = (inner: string, outer: string): boolean => {
    const a = surfaces.get(inner) ?? inner;
    const b = surfaces.get(outer) ?? outer;
    return a === b || chain(a).has(b);
  };
  const inside = new Map<string, string[]>();

  return {
    mentions(text) {
      const out: RegionMention[] = [];
      for (let i = 0; i < text.length; i++) {
        const surface = byFirst.get(text[i]!)?.find((s) => text.startsWith(s, i));
        if (!surface) continue;
        out.push({ name: surfaces.get(surface)!, start: i, end: i + surface.length });
        i += surface.length - 1;
      }
      return out;
    },
    canonical(name) {
      return surfaces.get(name) ?? name;
    },
    within,
    surfacesWithin(outer) {
      let list = inside.get(outer);
      if (!list) {
        list = [...surfaces].filter(([, name]) => within(name, outer)).map(([s]) => s).sort((a, b) => b.length - a.length);
        inside.set(outer, list);
      }
      return list;
    },
  };
}
