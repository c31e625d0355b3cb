/**
 * Float32 values as text that reads back to the very same float32.
 *
 * A float32 needs at most 9 significant decimal digits; we take the fewest digits p (1..9) whose
 * decimal rounds back to the same float32, so 0.1f prints as "0.1", not "0.100000001490116".
 * Parsing the text as a double and rounding it to float32 (Math.fround, np.float32) gives the
 * original bits back: both roundings are correctly rounded, so there is no double-rounding trap.
 */

/** The shortest decimal (JavaScript number syntax) that rounds back to float32 `x`. */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return String(candidate);
  }
  return String(Number(f.toPrecision(9)));
}

/** Same digits, but with a decimal comma instead of the point (German Excel). */
export function formatFloat32Comma(x: number): string {
  return formatFloat32(x).replace('.', ',');
}
