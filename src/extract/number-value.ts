// Reads a protected number token ("2000亿元", "26.95%", "-3480.83万元", "5%-6%", "5-6个") into its
// value(s) and unit, as written: 2000 亿元 stays 2000 亿元 (the unit carries the magnitude).

export interface NumberValue {
  value: number;
  valueMax?: number;
  unit: string;
}

const NUMBER_TOKEN = /^(-?\d[\d,]*(?:\.\d+)?)(%|‰)?(?:[-~～—](\d[\d,]*(?:\.\d+)?))?(\S*)$/;

export function parseNumberToken(word: string): NumberValue | undefined {
  const m = NUMBER_TOKEN.exec(word);
  if (!m) return undefined;
  const value = Number(m[1]!.replace(/,/g, ''));
  const unit = m[4] || m[2] || '';
  if (!Number.isFinite(value)) return undefined;
  const out: NumberValue = { value, unit };
  if (m[3] !== undefined) {
    const max = Number(m[3].replace(/,/g, ''));
    if (Number.isFinite(max) && max > value) out.valueMax = max;
  }
  return out;
}

/** "2025年" → 2025; any other token → undefined. */
export function yearOf(word: string): number | undefined {
  const m = /^((?:19|20)\d{2})年$/.exec(word);
  return m ? Number(m[1]) : undefined;
}
