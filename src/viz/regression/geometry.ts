/**
 * The plain maths behind the regression views: axis domains, the nearest point to a click, and
 * residual histogram bins. No DOM, so it is tested in Node and reused by the canvas views.
 */

import { viewRegression as m } from '../../i18n/messages/view-regression';
import { formatInteger } from '../../i18n/format';
import { language } from '../../i18n/language';

export interface Box {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A shared [lo, hi] for both axes of predicted vs actual: 0 .. the cap at least, widened for
 * predictions beyond it but never past `reach` cap-widths on either side (a handful of extreme
 * districts would otherwise shrink the cloud to a dot; points outside are drawn at the edge).
 */
export function scatterDomain(pred: ArrayLike<number>, actual: ArrayLike<number>, cap: number, reach = 0.4): [number, number] {
  let lo = 0;
  let hi = cap;
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i];
    if (Number.isFinite(p)) {
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
    const a = actual[i];
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  lo = Math.max(lo, -reach * cap);
  hi = Math.min(hi, (1 + reach) * cap);
  const pad = (hi - lo) * 0.03;
  return [lo - (lo < 0 ? pad : 0), hi + pad];
}

/** v limited to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Linear map of a value in `domain` to pixels [p0, p1]. */
export function linear(domain: [number, number], p0: number, p1: number): (v: number) => number {
  const [d0, d1] = domain;
  const k = (p1 - p0) / (d1 - d0 || 1);
  return (v) => p0 + (v - d0) * k;
}

/** The row whose point (x = actual, y = predicted) lies nearest to pixel (px, py), within `radius` px; else null. */
export function nearestPoint(
  px: number,
  py: number,
  pred: ArrayLike<number>,
  actual: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
  radius = 8,
): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < pred.length; i++) {
    const dx = sx(actual[i]) - px;
    const dy = sy(pred[i]) - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

export interface Bin {
  /** [lo, hi) in the residual's unit; the outer bins are open-ended (lo = -Infinity / hi = Infinity). */
  lo: number;
  hi: number;
  count: number;
}

/**
 * Counts residuals (pred - actual) in bins of `width` from -limit to +limit, with one open bin on
 * each side for everything beyond. Non-finite residuals are not counted.
 */
export function residualBins(pred: ArrayLike<number>, actual: ArrayLike<number>, width: number, limit: number, start = 0, end = pred.length): Bin[] {
  const inner = Math.round((2 * limit) / width);
  const bins: Bin[] = [{ lo: -Infinity, hi: -limit, count: 0 }];
  for (let b = 0; b < inner; b++) bins.push({ lo: -limit + b * width, hi: -limit + (b + 1) * width, count: 0 });
  bins.push({ lo: limit, hi: Infinity, count: 0 });
  for (let i = start; i < end; i++) {
    const r = pred[i] - actual[i];
    if (!Number.isFinite(r)) continue;
    const k = r < -limit ? 0 : r >= limit ? bins.length - 1 : 1 + Math.min(inner - 1, Math.floor((r + limit) / width));
    bins[k].count++;
  }
  return bins;
}

/** "$250k", "-$100k", "$0" (German "250 Tsd. $", "−100 Tsd. $", "0 $"): short dollar labels for axes (value in dollars). */
export function shortDollars(dollars: number): string {
  const k = Math.round(dollars / 1000);
  const sign = k < 0 ? (language() === 'de' ? '\u2212' : '-') : '';
  return k === 0 ? m.dollars('0') : `${sign}${m.shortDollars(String(Math.abs(k)))}`;
}

/**
 * An axis tick in dollars: "$250k" in English; in German the thousands alone ("250", "−100"), the
 * unit "Tsd. $" standing once in the axis title (as German charts write it).
 */
export function tickDollars(dollars: number): string {
  return language() === 'de' ? formatInteger(Math.round(dollars / 1000)) : shortDollars(dollars);
}

/** Whole dollars in the language: "$500,001" / "500.001 $". */
export function wholeDollars(dollars: number): string {
  return m.dollars(formatInteger(Math.round(dollars)));
}
