/**
 * Number formatting lives with the language (src/i18n/format.ts: German writes "5,3"); the inspector
 * and the views import it from here, beside Python's spelling of a shape.
 */
import { formatNumber } from '../i18n/format';
import { language } from '../i18n/language';

export { formatNumber, formatFixed, formatInteger, formatPercent, MISSING, type FormatOptions } from '../i18n/format';
export { formatPlain } from '../i18n/plain-number';

/** A shape as Python prints it: [1, 4] -> "(1, 4)", [8] -> "(8,)". */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * A number in an arithmetic line the panels show ("5.30*0.120 + ... = 0.730"): in English with
 * an ASCII minus and a dot, as Python writes it; in German with the decimal comma and a real
 * minus ("5,30*0,120"), as the course writes numbers. Code and exports use
 * `formatNumber(x, d, { ascii: true })` instead, in every language.
 */
export function formatArithmetic(x: number, digits = 3): string {
  return formatNumber(x, digits, language() === 'de' ? {} : { ascii: true });
}

/** `formatArithmetic` in parentheses when negative: "(-0.500)" / "(−0,500)". */
export function formatArithmeticParen(x: number, digits = 3): string {
  const t = formatArithmetic(x, digits);
  return t.startsWith('-') || t.startsWith('\u2212') ? `(${t})` : t;
}
