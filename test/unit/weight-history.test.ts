import { describe, expect, it } from 'vitest';
import { HISTORY_BUDGET_BYTES, MAX_SNAPSHOTS, planSnapshots, snapshotBuffers, snapshotBytes, SnapshotKeeper } from '../../src/models/train/weight-history';
import { loadIris } from '../../src/models/iris';
import { initialWeights, irisRecipe, IRIS_COURSE_CONFIG, mnistRecipe, MNIST_COURSE_CONFIG } from '../../src/models/recipes';
import { train } from '../../src/models/train/train';
import { resultTransfer } from '../../src/models/train/messages';
import type { WeightTensor } from '../../src/models/types';

const weightsOf = (n: number, fill = 0): WeightTensor[] => [{ layer: 'dense', name: 'kernel', shape: [n], values: new Float32Array(n).fill(fill) }];

describe('planSnapshots', () => {
  it('keeps every epoch of a small model: Iris 300 epochs are 301 snapshots (0..300)', () => {
    const bytes = snapshotBytes(initialWeights(irisRecipe(), 42));
    expect(bytes).toBe(67 * 4);
    const plan = planSnapshots(300, bytes);
    expect(plan).toHaveLength(301);
    expect(plan[0]).toBe(0);
    expect(plan.at(-1)).toBe(300);
    expect(new Set(plan).size).toBe(301);
  });

  it('keeps as many as the budget holds, evenly spread, with the first and the last', () => {
    // 100 epochs of a 1.6 MB model in a 61 MB budget: 38 snapshots.
    const bytes = 1.6 * 2 ** 20;
    const plan = planSnapshots(100, bytes, { budgetBytes: 61 * 2 ** 20 });
    expect(plan).toHaveLength(38);
    expect(plan[0]).toBe(0);
    expect(plan.at(-1)).toBe(100);
    expect(plan.length * bytes).toBeLessThanOrEqual(61 * 2 ** 20);
    const gaps = plan.slice(1).map((e, i) => e - plan[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3);
    expect([...plan].sort((a, b) => a - b)).toEqual(plan);
  });

  it('never keeps more than MAX_SNAPSHOTS, however small the model', () => {
    const plan = planSnapshots(5000, 8);
    expect(plan).toHaveLength(MAX_SNAPSHOTS);
    expect(plan[0]).toBe(0);
    expect(plan.at(-1)).toBe(5000);
  });

  it('keeps nothing when not even two snapshots fit; one epoch keeps 0 and 1', () => {
    expect(planSnapshots(10, HISTORY_BUDGET_BYTES)).toEqual([]);
    expect(planSnapshots(1, 4)).toEqual([0, 1]);
    expect(planSnapshots(-1, 4)).toEqual([]);
  });

  it('MNIST Dense 784-128-10, 15 epochs: all 16 snapshots, about 6.2 MB', () => {
    const w = initialWeights(mnistRecipe(), 1);
    const bytes = snapshotBytes(w);
    expect(bytes).toBe((784 * 128 + 128 + 128 * 10 + 10) * 4);
    expect(planSnapshots(MNIST_COURSE_CONFIG.epochs, bytes)).toHaveLength(MNIST_COURSE_CONFIG.epochs + 1);
    // MNIST's largest settings (200 epochs of 1024 hidden units, 3.3 MB each) stay within 64 MB.
    const big = (784 * 1024 + 1024 + 1024 * 10 + 10) * 4;
    const plan = planSnapshots(200, big);
    expect(plan.length * big).toBeLessThanOrEqual(HISTORY_BUDGET_BYTES);
    expect(plan.length).toBe(Math.floor(HISTORY_BUDGET_BYTES / big));
  });
});

describe('SnapshotKeeper', () => {
  it('keeps the arrays it is given (no copy) for the planned epochs', () => {
    const w0 = weightsOf(4);
    const keeper = new SnapshotKeeper(10, w0, { budgetBytes: 16 * 3 });
    const all = [w0];
    for (let e = 1; e <= 10; e++) {
      const w = weightsOf(4, e);
      all.push(w);
      keeper.add(e, w);
    }
    const r = keeper.result();
    expect(r?.epochs).toEqual([0, 5, 10]);
    expect(r?.weights[1]).toBe(all[5]);
    expect(r?.bytes).toBe(3 * 16);
    expect(r?.totalEpochs).toBe(10);
  });

  it('a stopped run keeps the planned epochs it reached and its last completed epoch', () => {
    const keeper = new SnapshotKeeper(100, weightsOf(1), { maxSnapshots: 5 });
    for (let e = 1; e <= 60; e++) keeper.add(e, weightsOf(1, e));
    const r = keeper.result();
    expect(r?.epochs).toEqual([0, 25, 50, 60]);
    expect(r?.weights[3][0].values[0]).toBe(60);
  });

  it('a model too large for the budget keeps no history', () => {
    const keeper = new SnapshotKeeper(3, weightsOf(8), { budgetBytes: 40 });
    keeper.add(1, weightsOf(8));
    expect(keeper.keeping).toBe(false);
    expect(keeper.result()).toBeNull();
  });
});

describe('train with keepWeights', () => {
  it('Iris: epoch 0 is the initial weights, the last snapshot the final weights, every epoch kept', async () => {
    const config = { ...IRIS_COURSE_CONFIG, epochs: 40 };
    const result = await train(irisRecipe(), loadIris(), config, {}, { keepWeights: true });
    const s = result.snapshots;
    expect(s?.epochs).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(s?.weights[0].map((w) => [...w.values])).toEqual(initialWeights(irisRecipe(), config.seed).map((w) => [...w.values]));
    expect(s?.weights[40].map((w) => [...w.values])).toEqual(result.weights.map((w) => [...w.values]));
    // Weights move between epochs: epoch 1 differs from epoch 0 and from epoch 40.
    expect([...s!.weights[1][0].values]).not.toEqual([...s!.weights[0][0].values]);
    expect(s?.bytes).toBe(41 * 67 * 4);
    // Transferred once each, the final weights' buffers included.
    const buffers = resultTransfer(result);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toEqual(expect.arrayContaining(snapshotBuffers(s)));
  });

  it('without the option a run keeps none', async () => {
    const result = await train(irisRecipe(), loadIris(), { ...IRIS_COURSE_CONFIG, epochs: 3 });
    expect(result.snapshots).toBeUndefined();
  });
});
