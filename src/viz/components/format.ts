/** Number formatting shared by the views: never shows "NaN". */
import { MISSING } from '../../inspector/format';

/** The app's one number format lives in the inspector (views and arithmetic text share it). */
export { formatNumber, formatInteger, formatPercent, MISSING } from '../../inspector/format';

/** "(4, 8)" or "(8,)" as Python prints a shape: one spelling across the app. */
export { formatShape } from '../../inspector/format';

/** "~1.2 s left", "~2 min left"; null when unknown. */
export function formatTimeLeft(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 60_000) return `~${(ms / 1000).toFixed(1)} s left`;
  return `~${Math.round(ms / 60_000)} min left`;
}
