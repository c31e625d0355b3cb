/** Number formatting shared by the views: never shows "NaN"; numbers follow the language (5,3 in German). */
import { formatFixed, formatInteger, formatNumber } from '../../inspector/format';
import { language } from '../../i18n/language';
import { viewTraining as t } from '../../i18n/messages/view-training';

/** The app's one number format lives in the inspector (views and arithmetic text share it). */
export { formatNumber, formatFixed, formatInteger, formatPercent, MISSING } from '../../inspector/format';

/** "(4, 8)" or "(8,)" as Python prints a shape: one spelling across the app. */
export { formatShape } from '../../inspector/format';

/** "~1.2 s left", "~2 min left" (German "noch ~1,2 s"); null when unknown. */
export function formatTimeLeft(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 60_000) return t.secondsLeft(formatFixed(ms / 1000, 1));
  return t.minutesLeft(Math.round(ms / 60_000));
}

/**
 * An axis tick as short as the tick itself ("0", "0.5", "250"; German "0,5"): as many decimals as
 * the number needs, the decimal mark of the language, a real minus sign.
 */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  const plain = String(Number(v.toPrecision(12)));
  if (plain.includes('e')) return formatNumber(v);
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  return formatFixed(v, decimals);
}

/**
 * A limit in a message ("between 1 and 10,000", "0.000001"): whole numbers with the language's
 * thousands mark, others as short as they are written, with the language's decimal mark.
 */
export function formatLimit(v: number): string {
  if (Number.isInteger(v)) return formatInteger(v);
  const plain = String(v);
  return language() === 'de' ? plain.replace('.', ',') : plain;
}
