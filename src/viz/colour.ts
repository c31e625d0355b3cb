/**
 * Colour for numbers: a diverging, colour-blind-safe scale centred on 0 (ColorBrewer RdBu,
 * negative = blue, positive = red, 0 = the neutral midpoint), readable text on a coloured cell,
 * and the stops of a legend. Pure functions, no DOM.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';
import { scaleDiverging } from 'd3-scale';

/** Colour of values that are not finite (NaN, ±Infinity). */
export const NON_FINITE_COLOUR = '#b8bcc4';

/** Negative -> blue, 0 -> neutral, positive -> red. */
export const interpolateSigned = (t: number): string => interpolateRdBu(1 - t);

/** The neutral colour 0 maps to. */
export const NEUTRAL_COLOUR = interpolateSigned(0.5);

/** max |v| over the finite values (0 when there are none). */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

/** One colour domain for several matrices, so equal numbers get equal colours across them. */
export function sharedMaxAbs(...arrays: ArrayLike<number>[]): number {
  return arrays.reduce((m, a) => Math.max(m, maxAbs(a)), 0);
}

export interface SignedScale {
  (value: number): string;
  /** The symmetric domain [-m, 0, m] actually used (m > 0 even for an all-zero matrix). */
  domain: [number, number, number];
}

/** A diverging scale with the symmetric domain [-m, m]; m <= 0 or non-finite falls back to 1. */
export function signedScale(m: number): SignedScale {
  const half = Number.isFinite(m) && m > 0 ? m : 1;
  const scale = scaleDiverging(interpolateSigned).domain([-half, 0, half]).clamp(true);
  const fn = ((v: number) => (Number.isFinite(v) ? scale(v) : NON_FINITE_COLOUR)) as SignedScale;
  fn.domain = [-half, 0, half];
  return fn;
}

/** Parse "rgb(r, g, b)" or "#rrggbb" into [r, g, b] (0..255). */
export function parseRgb(colour: string): [number, number, number] {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (h) return [parseInt(h[1], 16), parseInt(h[2], 16), parseInt(h[3], 16)];
  throw new Error(`Unsupported colour "${colour}"`);
}

/**
 * A lookup table of `size` RGB colours over [-m, m] for canvas heatmaps:
 * `rgbAt(v)` returns the offset into `table` (r, g, b at offset, offset+1, offset+2).
 */
export function signedColourTable(m: number, size = 256) {
  const scale = signedScale(m);
  const [lo, , hi] = scale.domain;
  const table = new Uint8ClampedArray(size * 3);
  for (let i = 0; i < size; i++) {
    const [r, g, b] = parseRgb(scale(lo + ((hi - lo) * i) / (size - 1)));
    table.set([r, g, b], i * 3);
  }
  const nonFinite = parseRgb(NON_FINITE_COLOUR);
  return {
    table,
    nonFinite,
    /** Index of the colour for v, or -1 when v is not finite. */
    indexOf(v: number): number {
      if (!Number.isFinite(v)) return -1;
      const t = (v - lo) / (hi - lo);
      return Math.round(Math.min(1, Math.max(0, t)) * (size - 1));
    },
  };
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours ("rgb(r, g, b)" or "#rrggbb"), 1..21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseRgb(a)), luminance(parseRgb(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The contrast WCAG AA asks of normal-size text. */
export const TEXT_CONTRAST = 4.5;

/**
 * Text colour for a coloured cell: the app's dark text or white, whichever has more contrast on
 * `background`; black where neither reaches 4.5:1 (mid-tones of the scale; black or white always does).
 */
export function textColourOn(background: string): '#1d2330' | '#ffffff' | '#000000' {
  const known = textColours.get(background);
  if (known) return known;
  const dark = contrastRatio('#1d2330', background);
  const white = contrastRatio('#ffffff', background);
  const colour = Math.max(dark, white) >= TEXT_CONTRAST
    ? (dark >= white ? '#1d2330' : '#ffffff')
    : contrastRatio('#000000', background) >= white ? '#000000' : '#ffffff';
  // Matrices redraw many cells per input change, in a few hundred distinct colours: remember them.
  if (textColours.size > 4096) textColours.clear();
  textColours.set(background, colour);
  return colour;
}
const textColours = new Map<string, '#1d2330' | '#ffffff' | '#000000'>();

export interface LegendStop {
  /** 0..1 along the legend. */
  offset: number;
  colour: string;
}

/** Gradient stops and three labelled ticks (-m, 0, m) for a legend of a signed scale. */
export function legendFor(m: number, stops = 11): { stops: LegendStop[]; ticks: number[] } {
  const scale = signedScale(m);
  const [lo, , hi] = scale.domain;
  return {
    stops: Array.from({ length: stops }, (_, i) => {
      const offset = i / (stops - 1);
      return { offset, colour: scale(lo + (hi - lo) * offset) };
    }),
    ticks: [lo, 0, hi],
  };
}
