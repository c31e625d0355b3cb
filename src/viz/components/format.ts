/** Number formatting shared by the views: never shows "NaN". */

/** Em dash shown for values that are not finite. */
export const MISSING = '—';

/**
 * `digits` significant digits (at least one decimal place kept where it matters), plain notation
 * for |v| in [1e-3, 1e5), exponent notation outside; non-finite -> "—"; -0 -> "0".
 */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return MISSING;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(Math.max(0, digits - 1)).replace('e+', 'e');
  if (a >= 10 ** digits) return String(Math.round(v));
  const s = v.toPrecision(digits);
  return s.includes('e') ? String(Math.round(v)) : s;
}

/** "97.1 %" with one decimal; non-finite -> "—". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return MISSING;
  return `${(p * 100).toFixed(1)} %`;
}

/** "(4, 8)" or "(8,)" as Python prints a shape: one spelling across the app. */
export { formatShape } from '../../inspector/format';

/** "~1.2 s left", "~2 min left"; null when unknown. */
export function formatTimeLeft(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 60_000) return `~${(ms / 1000).toFixed(1)} s left`;
  return `~${Math.round(ms / 60_000)} min left`;
}
