/**
 * Number formatting for every view, in the language on screen: German writes a decimal comma
 * ("5,30", "0,0619") and a dot between thousands ("20.640"); English "5.30", "20,640". Text meant
 * for Python (`ascii: true`) always keeps the dot. The arithmetic views: a fixed number of significant digits, a real minus
 * sign (U+2212) for display or an ASCII hyphen for text meant to be pasted into Python, and never
 * "-0" / "-0.00" (a value that rounds to zero is shown without a sign).
 */

import { language } from './language';

export interface FormatOptions {
  /**
   * Text a user copies into Python: "-" instead of the typographic minus "−", and a decimal dot
   * whatever the language.
   */
  ascii?: boolean;
}

const MINUS = '\u2212';

function signed(text: string, opts: FormatOptions): string {
  // Drop the sign of anything that reads as zero ("-0", "-0.00", "-0.0e+0").
  if (text.startsWith('-') && !/[1-9]/.test(text.replace(/e.*$/, ''))) text = text.slice(1);
  if (opts.ascii) return text;
  text = text.replace(/-/g, MINUS);
  return language() === 'de' ? text.replace('.', ',') : text;
}

/** Shown for a value that is not a number: the views never print "NaN". */
export const MISSING = '\u2014';

/**
 * The app's one number format (every view, matrix cell and arithmetic line uses it, so a weight
 * reads the same everywhere): `x` with `digits` significant digits (default 3): 5.3 -> "5.30",
 * -0.5 -> "−0.500", 0.123456 -> "0.123", 0.0366 -> "0.0366", 1234.5 -> "1235", 0 -> "0.00".
 * Exponent notation below 1e-3 and from 1e6 on: 0.0005 -> "5.00e−4", 3.1e-8 -> "3.10e−8",
 * 1234567 -> "1.23e6". NaN -> "—" (never "NaN"), ±Infinity -> "∞" / "−∞".
 */
export function formatNumber(x: number, digits = 3, opts: FormatOptions = {}): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '\u221e' : (opts.ascii ? '-' : MINUS) + '\u221e';
  const d = Math.min(21, Math.max(1, Math.round(digits)));
  const a = Math.abs(x);
  if (a === 0) return signed((0).toPrecision(d), opts);
  if (a < 1e-3 || a >= 1e6) {
    const [mant, exp] = x.toExponential(d - 1).split('e');
    return signed(`${mant}e${exp.startsWith('+') ? exp.slice(1) : exp}`, opts);
  }
  if (a >= 10 ** d) return signed(x.toFixed(0), opts);
  const text = x.toPrecision(d);
  // 999.96 to 3 digits rounds up to "1.00e+3": show the whole number instead.
  return signed(text.includes('e') ? x.toFixed(0) : text, opts);
}

/** `x` with exactly `decimals` decimals (toFixed) without "-0.00": -0.001 -> "0.00". */
export function formatFixed(x: number, decimals = 2, opts: FormatOptions = {}): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '\u221e' : (opts.ascii ? '-' : MINUS) + '\u221e';
  return signed(x.toFixed(Math.min(20, Math.max(0, Math.round(decimals)))), opts);
}

/** A count with the language's thousands separator: 20640 -> "20,640" (en) or "20.640" (de). */
export function formatInteger(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  const text = Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, language() === 'de' ? '.' : ',');
  return n < 0 && Math.round(n) !== 0 ? MINUS + text : text;
}

/** A fraction as a percentage with one decimal: 0.9712 -> "97.1 %" (en), "97,1 %" (de); non-finite -> "—". */
export function formatPercent(p: number, decimals = 1): string {
  if (!Number.isFinite(p)) return MISSING;
  return `${formatFixed(p * 100, decimals)} %`;
}
