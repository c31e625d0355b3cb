import { describe, expect, it } from 'vitest';
import { COURSE_SETTINGS, decodeShare, encodeShare, type ShareState } from '../../src/viz/state/share';

const fallback: ShareState = { settings: COURSE_SETTINGS, trained: false, input: [5.3, 3.4, 1.9, 0.6], step: 0 };

describe('the shareable URL hash', () => {
  it('round-trips settings, input and step', () => {
    const s: ShareState = {
      settings: { epochs: 120, learningRate: 0.01, hiddenUnits: 16, seed: 7 },
      trained: true,
      input: [6.5, 3.1, 5, 1.7],
      step: 3,
    };
    expect(decodeShare(encodeShare(s), fallback)).toEqual(s);
  });

  it('falls back per field on malformed values', () => {
    const d = decodeShare('#epochs=abc&lr=-1&hidden=2.5&seed=9&x=1_2_NaN_4&step=-2', fallback);
    expect(d.settings).toEqual({ ...COURSE_SETTINGS, seed: 9 });
    expect(d.input).toEqual(fallback.input);
    expect(d.step).toBe(0);
    expect(d.trained).toBe(false);
  });

  it('ignores an empty or foreign hash', () => {
    expect(decodeShare('', fallback)).toEqual(fallback);
    expect(decodeShare('#%%%<script>', fallback)).toEqual(fallback);
  });
});
