/**
 * Parsing what a (German-speaking) user types or pastes into the input form.
 *
 * Numbers: a comma or a point is the decimal separator ("5,3" = "5.3" = 5.3); surrounding spaces
 * are ignored; a leading + or - (also the typographic minus "−") and an exponent ("1e-3", "2,5e3")
 * are accepted; "5," and ",5" are read as 5 and 0.5 so that typing "5,3" never flashes an error.
 * Thousands separators are NOT supported: a number with both a comma and a point ("1.234,5" or
 * "1,234.5") is rejected as ambiguous with a message saying how to write it. Values beyond
 * float32's range (about 3.4e38) are rejected, as the model computes in float32.
 *
 * Rows (parseVector): values separated by semicolons, tabs, line breaks, spaces or ", " (a comma
 * followed by a space) are split there, and a comma inside a value is a decimal comma:
 * "5,3 3,4 1,9 0,6", "5,3;3,4;1,9;0,6", "5.3, 3.4, 1.9, 0.6", "[5.3, 3.4, 1.9, 0.6]". Without any
 * spaces, commas are separators when the values use decimal points ("5.3,3.4,1.9,0.6", as Python
 * and CSV files write them). A comma-only list without spaces or points ("5,3,1,0") is read as
 * separators only when that gives exactly the expected count and reading the commas as decimal
 * commas could not; otherwise it is rejected as ambiguous.
 */

import { inspectorParse as P } from '../i18n/messages/inspector-parse';

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };
export type VectorResult = { ok: true; values: number[] } | { ok: false; error: string };

export interface NumberOptions {
  /** Smallest allowed value, e.g. 0 for a length. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One number from a text field. */
export function parseNumber(text: string, options: NumberOptions = {}): ParseResult {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return { ok: false, error: P.enterNumber };
  if (/^[+-]?nan$/i.test(t)) return { ok: false, error: P.notANumber(t) };
  if (/^[+-]?(inf|infinity|∞)$/i.test(t)) return { ok: false, error: P.infinite };
  const commas = (t.match(/,/g) ?? []).length;
  const points = (t.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    return { ok: false, error: P.mixed(t) };
  }
  if (commas > 1) return { ok: false, error: P.commas(t) };
  if (points > 1) return { ok: false, error: P.points(t) };
  if (/\s/.test(t)) return { ok: false, error: P.space(t) };
  const normal = t.replace(',', '.');
  if (!NUMBER.test(normal)) return { ok: false, error: P.notNumber(t) };
  const value = Number(normal);
  if (!Number.isFinite(value) || Math.abs(value) > FLOAT32_MAX) {
    return { ok: false, error: P.tooLarge(t) };
  }
  if (options.min !== undefined && value < options.min) {
    return { ok: false, error: P.atLeast(options.min) };
  }
  if (options.max !== undefined && value > options.max) return { ok: false, error: P.atMost(options.max) };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

function splitRow(text: string, expectedLength: number): { ok: true; parts: string[] } | { ok: false; error: string } {
  const t = text.trim().replace(/^[[(]\s*|\s*[\])]$/g, '').replace(/[\s,;]+$/, '');
  if (t === '') return { ok: false, error: P.pasteRow(expectedLength) };
  if (t.includes(';')) return { ok: true, parts: t.split(/\s*;\s*/) };
  if (/[\t\r\n]/.test(t)) return { ok: true, parts: t.split(/\s*[\t\r\n]+\s*/) };
  if (/\s/.test(t)) return { ok: true, parts: t.split(/\s*,\s+|\s+/) };
  if (!t.includes(',')) return { ok: true, parts: [t] };
  const pieces = t.split(',');
  if (t.includes('.')) return { ok: true, parts: pieces };
  // Only commas, no spaces, no points: "5,3,1,0". Separators unless decimal commas could also fit.
  const decimalReadingFits = pieces.length === 2 * expectedLength;
  if (pieces.length === expectedLength && !decimalReadingFits) return { ok: true, parts: pieces };
  return { ok: false, error: P.ambiguous(t) };
}

/** A pasted row of `expectedLength` numbers. */
export function parseVector(text: string, expectedLength: number, options: NumberOptions = {}): VectorResult {
  const split = splitRow(text, expectedLength);
  if (!split.ok) return split;
  const parts = split.parts;
  if (parts.length !== expectedLength) {
    return { ok: false, error: P.count(expectedLength, parts.length) };
  }
  const values: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const r = parseNumber(parts[i], options);
    if (!r.ok) return { ok: false, error: P.valueAt(i + 1, r.error) };
    values.push(r.value);
  }
  return { ok: true, values };
}

export interface Range {
  min: number;
  max: number;
}

/**
 * A warning when `value` lies outside the training data's range, else null. Just outside (within
 * half the range's width beyond it; with a span of 0, a width of 1 is used) the model extrapolates
 * a little: a mild note. Farther out its prediction has little data behind it: a stronger warning.
 */
export function rangeWarning(value: number, range: Range, name: string): string | null {
  if (!Number.isFinite(value) || !Number.isFinite(range.min) || !Number.isFinite(range.max)) return null;
  if (value >= range.min && value <= range.max) return null;
  const span = range.max - range.min > 0 ? range.max - range.min : 1;
  const low = range.min - 0.5 * span;
  const high = range.max + 0.5 * span;
  const below = value < range.min;
  if (value >= low && value <= high) return P.outside(name, value, below, range.min, range.max);
  return P.farOutside(name, value, below, range.min, range.max);
}

export type NamesResult = { ok: true; names: string[] } | { ok: false; error: string };

/**
 * A list of names for a model's inputs or outputs, one per line or separated by ";" or ",":
 * "sepal length (cm); sepal width (cm); …". Exactly `expected` names, none empty, none repeated.
 */
export function parseNames(text: string, expected: number, what = 'names'): NamesResult {
  const separator = /[\n;]/.test(text) ? /[\n;]/ : /,/;
  const names = text.split(separator).map((n) => n.trim()).filter((n, i, all) => n !== '' || i < all.length - 1);
  if (text.trim() === '') return { ok: false, error: P.names.enter(expected, what) };
  if (names.some((n) => n === '')) return { ok: false, error: P.names.empty(what) };
  if (names.length !== expected) return { ok: false, error: P.names.count(expected, what, names.length) };
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return { ok: false, error: P.names.twice(n, what) };
    seen.add(n);
  }
  return { ok: true, names };
}
