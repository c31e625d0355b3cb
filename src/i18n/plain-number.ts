/**
 * A number written as JavaScript writes it shortest (0.2, 0.001, 1e-7, 127.5), in the language on
 * screen: German "0,2" and a real minus "−"; English exactly as `String(x)`. For values a user set
 * or a model file stores (a dropout rate, a momentum, an epsilon, a limit), where the fixed digits
 * of `formatNumber` would add noise ("0.200"). Not for text meant for Python.
 */
import { language } from './language';
import { MISSING } from './format';

export function formatPlain(x: number): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '\u221e' : '\u2212\u221e';
  const text = String(Object.is(x, -0) ? 0 : x);
  if (language() !== 'de') return text;
  return text.replace('.', ',').replace(/-/g, '\u2212');
}
