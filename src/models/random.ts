/**
 * A small seeded pseudo-random generator (mulberry32), so that weight initialisation, the
 * per-epoch shuffle and dropout masks are reproducible: the same seed gives the same run.
 * Each generator owns its state; there is no module-level state.
 */
import { modelsTrain } from '../i18n/messages/models-train';

export interface Rng {
  /** A float in [0, 1). */
  uniform(): number;
  /** A float in [low, high). */
  uniformIn(low: number, high: number): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /** A fresh random permutation of 0 .. n-1. */
  permutation(n: number): Int32Array;
}

/** mulberry32: 32-bit state, period 2^32, good enough for shuffles and initialisation. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(modelsTrain.checks.seedFinite(seed));
  let state = Math.trunc(seed) >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(uniform() * n);
  const shuffle = <T extends { length: number; [i: number]: unknown }>(items: T): T => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  };
  return {
    uniform,
    uniformIn: (low, high) => low + (high - low) * uniform(),
    int,
    shuffle,
    permutation(n) {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return shuffle(p);
    },
  };
}

/** Derives an independent seed for a second stream (e.g. shuffling) from a user's seed. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
