import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../src/models/random';
import { glorotUniform } from '../../src/models/init';

describe('createRng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.uniform());
    expect(Array.from({ length: 20 }, () => b.uniform())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.uniform())).not.toEqual(sa);
  });

  it('stays in [0, 1) and spreads over it', () => {
    const rng = createRng(7);
    const xs = Array.from({ length: 10_000 }, () => rng.uniform());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const p = createRng(1).permutation(135);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 135 }, (_, i) => i));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 135 }, (_, i) => i));
    expect(createRng(1).permutation(135)).toEqual(p);
    expect(createRng(2).permutation(135)).not.toEqual(p);
    const words = createRng(3).shuffle(['a', 'b', 'c', 'd', 'e']);
    expect([...words].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rejects a seed that is not a number', () => {
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
  });

  it('derives distinct streams from one seed', () => {
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(1, 2));
    expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
  });
});

describe('glorotUniform', () => {
  it('draws within +-sqrt(6 / (fan_in + fan_out)) and uses the whole range', () => {
    const limit = Math.sqrt(6 / (4 + 8));
    const w = glorotUniform(4, 8, createRng(5));
    expect(w.length).toBe(32);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    const bigLimit = Math.sqrt(6 / (100 + 100));
    const big = glorotUniform(100, 100, createRng(5));
    expect(Math.max(...big)).toBeLessThanOrEqual(bigLimit);
    expect(Math.max(...big)).toBeGreaterThan(0.95 * bigLimit);
    expect(Math.min(...big)).toBeLessThan(-0.95 * bigLimit);
  });
});
