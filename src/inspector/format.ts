/**
 * Number formatting lives with the language (src/i18n/format.ts: German writes "5,3"); the inspector
 * and the views import it from here, beside Python's spelling of a shape.
 */
export { formatNumber, formatFixed, formatInteger, formatPercent, MISSING, type FormatOptions } from '../i18n/format';

/** A shape as Python prints it: [1, 4] -> "(1, 4)", [8] -> "(8,)". */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
