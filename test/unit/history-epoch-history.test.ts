import { describe, expect, it } from 'vitest';
import { EpochHistory } from '../../src/viz/history/epoch-history.svelte';
import { formatSize } from '../../src/viz/history/size';
import { setLanguage } from '../../src/i18n/language';
import type { WeightSnapshots, WeightTensor } from '../../src/models/types';

const w = (v: number): WeightTensor[] => [{ layer: 'dense', name: 'kernel', shape: [1], values: Float32Array.of(v) }];

function snapshots(epochs: number[]): WeightSnapshots {
  return { epochs, weights: epochs.map(w), totalEpochs: epochs.at(-1)!, bytes: epochs.length * 4 };
}

describe('EpochHistory', () => {
  it('belongs to the model built from its final weights only (by identity), shown at the last epoch', () => {
    const h = new EpochHistory();
    const s = snapshots([0, 1, 2, 3]);
    const final = w(3);
    h.keep(s, final);
    expect(h.active).toBe(false);
    h.attach(w(3)); // equal values, another array: another model
    expect(h.active).toBe(false);
    expect(h.select(0)).toBeNull();
    h.attach(final);
    expect(h.active).toBe(true);
    expect(h.epoch).toBe(3);
    expect(h.showingPast).toBe(false);
    expect(h.complete).toBe(true);
  });

  it('select hands back the epoch\'s weights, clamped; the same epoch again changes nothing', () => {
    const h = new EpochHistory();
    const s = snapshots([0, 25, 50, 75, 100]);
    const final = w(100);
    h.keep(s, final);
    h.attach(final);
    expect(h.complete).toBe(false);
    expect(h.select(1)).toBe(s.weights[1]);
    expect(h.epoch).toBe(25);
    expect(h.showingPast).toBe(true);
    expect(h.pastWeights).toBe(s.weights[1]);
    expect(h.select(1)).toBeNull();
    expect(h.select(-5)).toBe(s.weights[0]);
    expect(h.select(99)).toBe(s.weights[4]);
    expect(h.showingPast).toBe(false);
    expect(h.pastWeights).toBeNull();
    expect(h.indexOfEpoch(60)).toBe(2);
  });

  it('a file\'s model detaches it; the course model built again from the final weights attaches it at the last epoch', () => {
    const h = new EpochHistory();
    const final = w(2);
    h.keep(snapshots([0, 1, 2]), final);
    h.attach(final);
    h.select(0);
    h.detach();
    expect(h.active).toBe(false);
    expect(h.showingPast).toBe(false);
    h.attach(final);
    expect(h.active).toBe(true);
    expect(h.epoch).toBe(2);
    h.clear();
    h.attach(final);
    expect(h.active).toBe(false);
  });

  it('a run without a history (or one snapshot) shows none', () => {
    const h = new EpochHistory();
    const final = w(0);
    h.keep(undefined, final);
    h.attach(final);
    expect(h.active).toBe(false);
    h.keep(snapshots([0]), final);
    h.attach(final);
    expect(h.active).toBe(false);
  });
});

describe('formatSize', () => {
  it('KB below a MB, one decimal below 10 MB, in the language', () => {
    expect(formatSize(301 * 67 * 4)).toBe('79 KB');
    expect(formatSize(16 * 101_770 * 4)).toBe('6.2 MB');
    expect(formatSize(61 * 2 ** 20)).toBe('61 MB');
    setLanguage('de');
    try {
      expect(formatSize(16 * 101_770 * 4)).toBe('6,2 MB');
    } finally {
      setLanguage('en');
    }
  });
});
