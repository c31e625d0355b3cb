import { describe, expect, it } from 'vitest';
import {
  NEUTRAL_COLOUR,
  NON_FINITE_COLOUR,
  interpolateSigned,
  legendFor,
  maxAbs,
  parseRgb,
  sharedMaxAbs,
  signedColourTable,
  signedScale,
  textColourOn,
  contrastRatio,
} from '../../src/viz/colour';
import { formatNumber, formatPercent, formatShape, formatTimeLeft } from '../../src/viz/components/format';
import { matrixLayout } from '../../src/viz/components/matrix-layout';

describe('signed colour scale', () => {
  it('is symmetric around 0 and maps 0 to the neutral midpoint', () => {
    const s = signedScale(2);
    expect(s.domain).toEqual([-2, 0, 2]);
    expect(s(0)).toBe(NEUTRAL_COLOUR);
    expect(s(0)).toBe(interpolateSigned(0.5));
    // the same distance from 0 gives colours equally far from neutral, mirrored
    const n = parseRgb(NEUTRAL_COLOUR);
    const dist = (c: string) => Math.hypot(...parseRgb(c).map((x, i) => x - n[i]));
    expect(Math.abs(dist(s(1.3)) - dist(s(-1.3)))).toBeLessThan(25);
    expect(s(1.3)).not.toBe(s(-1.3));
  });

  it('puts negatives on the blue side and positives on the red side', () => {
    const s = signedScale(1);
    const [rn, , bn] = parseRgb(s(-1));
    const [rp, , bp] = parseRgb(s(1));
    expect(bn).toBeGreaterThan(rn);
    expect(rp).toBeGreaterThan(bp);
  });

  it('clamps beyond the domain and greys out non-finite values', () => {
    const s = signedScale(1);
    expect(s(5)).toBe(s(1));
    expect(s(Number.NaN)).not.toBe(s(0));
    expect(signedScale(0)(0)).toBe(NEUTRAL_COLOUR);
  });

  it('maxAbs ignores non-finite values and can be shared', () => {
    expect(maxAbs(new Float32Array([-3, 1, Number.NaN, Infinity]))).toBe(3);
    expect(sharedMaxAbs([1, -2], [0.5, 4])).toBe(4);
  });

  it('the canvas lookup table agrees with the scale at the ends and the middle', () => {
    const lut = signedColourTable(2, 257);
    expect(Array.from(lut.table.slice(lut.indexOf(0) * 3, lut.indexOf(0) * 3 + 3))).toEqual(parseRgb(NEUTRAL_COLOUR));
    expect(lut.indexOf(-2)).toBe(0);
    expect(lut.indexOf(2)).toBe(256);
    expect(lut.indexOf(Number.NaN)).toBe(-1);
  });

  it('chooses white text on dark cells and dark text on light cells', () => {
    const s = signedScale(1);
    expect(textColourOn(s(1))).toBe('#ffffff');
    expect(textColourOn(s(-1))).toBe('#ffffff');
    expect(textColourOn(s(0))).toBe('#1d2330');
  });

  it('text on any cell colour of the scale meets WCAG AA contrast (4.5:1)', () => {
    const s = signedScale(1);
    let worst = Infinity;
    for (let i = 0; i <= 1000; i++) {
      const bg = s(-1 + i / 500);
      worst = Math.min(worst, contrastRatio(textColourOn(bg), bg));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(textColourOn(NON_FINITE_COLOUR), NON_FINITE_COLOUR)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });

  it('legend has ticks -m, 0, m', () => {
    expect(legendFor(0.5).ticks).toEqual([-0.5, 0, 0.5]);
    expect(legendFor(0.5).stops[5].colour).toBe(NEUTRAL_COLOUR);
  });
});

describe('formatting', () => {
  it('formats numbers with significant digits and never NaN', () => {
    expect(formatNumber(-0.73124)).toBe('\u22120.731');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0)).toBe('0.00');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(0.0005)).toBe('5.00e\u22124');
    expect(formatNumber(1234567)).toBe('1.23e6');
    expect(formatPercent(0.9712)).toBe('97.1 %');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatShape([4, 8])).toBe('(4, 8)');
    expect(formatShape([8])).toBe('(8,)');
    expect(formatTimeLeft(1234)).toBe('~1.2 s left');
    expect(formatTimeLeft(null)).toBeNull();
  });
});

describe('matrix layout', () => {
  it('shows a bias as one row and [1, n] as one row', () => {
    expect(matrixLayout([8])).toMatchObject({ rows: 1, cols: 8, note: null });
    expect(matrixLayout([1, 8])).toMatchObject({ rows: 1, cols: 8, note: null });
    expect(matrixLayout([8]).indexLabel(5)).toBe('[5]');
    expect(matrixLayout([4, 8]).indexLabel(21)).toBe('[2][5]');
  });

  it('flattens higher ranks into rows and says so', () => {
    const l = matrixLayout([2, 3, 4]);
    expect(l.rows).toBe(6);
    expect(l.cols).toBe(4);
    expect(l.note).toMatch(/flattened/);
    expect(l.indexLabel(23)).toBe('[1][2][3]');
  });
});

describe('formatNumber edge cases', () => {
  it('rounds to significant digits without growing an extra digit', () => {
    expect(formatNumber(0.99999)).toBe('1.00');
    expect(formatNumber(-3)).toBe('\u22123.00');
    expect(formatNumber(0.0366)).toBe('0.0366');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(999.96)).toBe('1000');
    expect(formatNumber(0.73124, 2)).toBe('0.73');
  });
});
