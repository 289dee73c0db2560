// WCAG 2.x contrast: relative luminance of sRGB colours and the ratio between two of them. The
// vocabulary's colours are checked with it (a test keeps badges, chips and node colours at AA).

/** '#rrggbb' → [r, g, b] in 0..255. */
export function parseHex(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function luminance(hex) {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` mixed with white: the tint badges use as background (weight = share of `hex`). */
export function tint(hex, weight) {
  const mixed = parseHex(hex).map((c) => Math.round(c * weight + 255 * (1 - weight)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
