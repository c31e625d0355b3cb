/**
 * The fast engine at MNIST size: its SIMD kernels (in sync with their .wat source), gradients of
 * the course's 784-128-10 models against tf.variableGrads, the SIMD and plain-TypeScript paths
 * against each other, and the validation split of 60,000 rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';
import { tf } from '../../src/models/tf';
import { buildModel, initialWeights, irisRecipe, mnistRecipe } from '../../src/models/recipes';
import { DenseNetwork } from '../../src/models/train/network';
import { FastEngine } from '../../src/models/train/fast-engine';
import { TfjsEngine } from '../../src/models/train/tfjs-engine';
import { KERNELS_WASM_BASE64 } from '../../src/models/train/wasm/kernels-wasm';
import * as kernelsModule from '../../src/models/train/wasm/kernels';
import { createRng } from '../../src/models/random';
import { splitRows, train } from '../../src/models/train';
import type { Dataset, Recipe, WeightTensor } from '../../src/models/types';
import { loadMnistNode } from './mnist-node';

/** The first `n` rows of a data set (a copy). */
function head(ds: Dataset, n: number): Dataset {
  return { ...ds, rows: n, x: ds.x.slice(0, n * ds.features), y: ds.y.slice(0, n) };
}

/** max |a - b| over all weights, and the largest |b| (for a relative check). */
function compareGrads(a: Float32Array[], b: Float32Array[]): { maxDiff: number; maxAbs: number } {
  let maxDiff = 0;
  let maxAbs = 0;
  a.forEach((g, t) => {
    expect(g.length).toBe(b[t].length);
    for (let i = 0; i < g.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(g[i] - b[t][i]));
      maxAbs = Math.max(maxAbs, Math.abs(b[t][i]));
    }
  });
  return { maxDiff, maxAbs };
}

beforeAll(async () => {
  // As train() and evaluateRecipe() do before they build a network.
  expect(await kernelsModule.loadKernels()).toBe(true);
});

describe('SIMD kernels', () => {
  it('kernels-wasm.ts holds exactly what wabt assembles from kernels.wat', async () => {
    const wabt = await wabtInit();
    const wat = readFileSync(fileURLToPath(new URL('../../src/models/train/wasm/kernels.wat', import.meta.url)), 'utf8');
    const mod = wabt.parseWat('kernels.wat', wat, { simd: true, bulk_memory: true });
    mod.validate();
    const bytes = Buffer.from(mod.toBinary({ log: false, write_debug_names: false }).buffer);
    mod.destroy();
    expect(bytes.toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it('the blocked kernels (32 outputs in registers) equal the simple ones bit for bit, and the plain loops within rounding', () => {
    const { KernelArena } = kernelsModule;
    const rng = createRng(8);
    for (const [n, inW, outW] of [[32, 784, 128], [7, 50, 64], [3, 33, 32]]) {
      const arena = KernelArena.create(4 * (n * inW + inW * outW + n * outW + outW) + 64, Math.max(n, inW))!;
      const x = arena.alloc(n * inW);
      const w = arena.alloc(inW * outW);
      const b = arena.alloc(outW);
      const dy = arena.alloc(n * outW);
      // Mostly zeros, like MNIST's pixels.
      for (let i = 0; i < x.length; i++) x[i] = rng.uniform() < 0.8 ? 0 : rng.uniformIn(0, 1);
      for (let i = 0; i < w.length; i++) w[i] = rng.uniformIn(-0.1, 0.1);
      for (let i = 0; i < b.length; i++) b[i] = rng.uniformIn(-0.1, 0.1);
      for (let i = 0; i < dy.length; i++) dy[i] = rng.uniformIn(-1, 1);
      const out1 = arena.alloc(n * outW);
      const out2 = arena.alloc(n * outW);
      arena.denseForward(x, w, b, out1, n, inW, outW, true);
      arena.denseForward(x, w, b, out2, n, inW, outW, false);
      expect(Array.from(out1)).toEqual(Array.from(out2));
      const dw1 = arena.alloc(inW * outW);
      const dw2 = arena.alloc(inW * outW);
      dw1.fill(7); // stale values must be overwritten, zero rows included
      arena.denseKernelGrad(x, dy, dw1, n, inW, outW, true);
      arena.denseKernelGrad(x, dy, dw2, n, inW, outW, false);
      expect(Array.from(dw1)).toEqual(Array.from(dw2));
      // Against a plain double-precision loop.
      let maxDiff = 0;
      for (let r = 0; r < n; r++) {
        for (let o = 0; o < outW; o++) {
          let sum = 0;
          for (let i = 0; i < inW; i++) sum += x[r * inW + i] * w[i * outW + o];
          maxDiff = Math.max(maxDiff, Math.abs(sum + b[o] - out1[r * outW + o]));
        }
      }
      for (let i = 0; i < inW; i += 5) {
        for (let o = 0; o < outW; o++) {
          let sum = 0;
          for (let r = 0; r < n; r++) sum += x[r * inW + i] * dy[r * outW + o];
          maxDiff = Math.max(maxDiff, Math.abs(sum - dw1[i * outW + o]));
        }
      }
      expect(maxDiff).toBeLessThan(1e-5);
      expect(out1.some((v) => v !== 0)).toBe(true);
    }
  });

  it('run the MNIST network; Iris and other small networks stay in plain TypeScript', () => {
    const mnist = mnistRecipe('rescaling');
    expect(new DenseNetwork(mnist, initialWeights(mnist, 1)).arena).not.toBeNull();
    expect(new DenseNetwork(irisRecipe(), initialWeights(irisRecipe(), 1)).arena).toBeNull();
    expect(new DenseNetwork(mnist, initialWeights(mnist, 1), { simd: false }).arena).toBeNull();
  });
});

describe('fast engine gradients at MNIST size (784 -> 128 -> 10) against tf.variableGrads', () => {
  for (const variant of ['rescaling', 'sequential'] as const) {
    it(`${variant}: a batch of 16 real images, every weight's gradient`, async () => {
      const { train: full } = await loadMnistNode();
      const data = head(full, 64);
      const recipe = mnistRecipe(variant);
      // Weights scaled down for raw pixels, so the softmax is not saturated (saturated rows have
      // no gradient at all once the probability is clipped, which would make the check empty).
      const weights = initialWeights(recipe, 3).map((w) =>
        variant === 'sequential' && w.name === 'kernel' && w.layer === 'dense' ? { ...w, values: w.values.map((v) => v / 255) } : w,
      );
      const rows = createRng(5).permutation(64);
      const fast = new FastEngine(recipe, data, weights, 0.001, createRng(1));
      const oracle = new TfjsEngine(recipe, data, weights, 0.001, createRng(1));
      const a = fast.gradients(rows, 0, 16);
      const b = oracle.gradients(rows, 0, 16);
      oracle.dispose();
      expect(a.loss).toBeCloseTo(b.loss, 5);
      expect(a.correct).toBe(b.correct);
      const { maxDiff, maxAbs } = compareGrads(a.grads, b.grads);
      expect(maxAbs).toBeGreaterThan(1e-3);
      expect(maxDiff / maxAbs).toBeLessThan(1e-5);
      // The first layer's kernel gradient is nonzero exactly on the rows of pixels that are ink
      // somewhere in the batch (its zero rows are where the engine skips work).
      const used = new Set<number>();
      for (let r = 0; r < 16; r++) for (let p = 0; p < 784; p++) if (data.x[rows[r] * 784 + p] !== 0) used.add(p);
      let nonzeroRows = 0;
      for (let p = 0; p < 784; p++) if (a.grads[0].subarray(p * 128, p * 128 + 128).some((v) => v !== 0)) nonzeroRows++;
      expect(nonzeroRows).toBe(used.size);
      expect(used.size).toBeLessThan(784);
    });
  }

  it('the SIMD kernels and the plain-TypeScript loops train to the same weights (float32 rounding apart)', async () => {
    const { train: full } = await loadMnistNode();
    const data = head(full, 320);
    const recipe = mnistRecipe('rescaling');
    const run = async (simd: boolean): Promise<WeightTensor[]> => {
      const engine = new FastEngine(recipe, data, initialWeights(recipe, 7), 0.001, createRng(1));
      if (!simd) (engine as unknown as { net: DenseNetwork }).net = new DenseNetwork(recipe, initialWeights(recipe, 7), { simd: false });
      const rows = createRng(2).permutation(320);
      for (let s = 0; s < 320; s += 32) engine.step(rows, s, s + 32);
      return engine.weights();
    };
    const [a, b] = [await run(true), await run(false)];
    const { maxDiff, maxAbs } = compareGrads(a.map((w) => w.values), b.map((w) => w.values));
    expect(maxDiff / maxAbs).toBeLessThan(1e-5);
    // ...and training moved the weights (the comparison is not between two untouched copies).
    const start = initialWeights(recipe, 7);
    expect(compareGrads([a[0].values], [start[0].values]).maxDiff).toBeGreaterThan(1e-3);
  });
});

describe('validation_split at MNIST size', () => {
  it('0.1 of 60,000 rows: the last 6,000 validate, 54,000 train in 1,688 batches of 32', () => {
    expect(splitRows(60_000, 0.1)).toEqual({ trainRows: 54_000, valRows: 6_000 });
    expect(Math.ceil(54_000 / 32)).toBe(1688);
  });

  it('one epoch reports val_loss and val_accuracy of rows 54,000..59,999 with the final weights', async () => {
    const { train: ds } = await loadMnistNode();
    // A small hidden layer so one epoch of all 54,000 rows stays quick in a test; still on the
    // SIMD kernels, whose fixed capacity makes the engine validate in chunks.
    const recipe10 = mnistRecipe('rescaling', 16);
    expect(new DenseNetwork(recipe10, initialWeights(recipe10, 1)).arena).not.toBeNull();
    let batches = 0;
    const res = await train(recipe10, ds, { epochs: 1, learningRate: 0.001, batchSize: 32, validationSplit: 0.1, seed: 4 }, {
      onEpoch: () => batches++,
    });
    expect(batches).toBe(1);
    const model = buildModel(recipe10, res.weights);
    const x = tf.tensor3d(Float32Array.from(ds.x.subarray(54_000 * 784)), [6_000, 28, 28]);
    const probs = (model.predict(x) as ReturnType<typeof tf.tensor>).dataSync();
    let loss = 0;
    let correct = 0;
    for (let r = 0; r < 6_000; r++) {
      const label = ds.y[54_000 + r];
      const p = probs[r * 10 + label];
      loss -= Math.log(Math.min(Math.max(p, 1e-7), 1 - 1e-7));
      let best = 0;
      for (let k = 1; k < 10; k++) if (probs[r * 10 + k] > probs[r * 10 + best]) best = k;
      if (best === label) correct++;
    }
    tf.dispose([x]);
    model.dispose();
    expect(res.history[0].val_loss).toBeCloseTo(loss / 6_000, 5);
    expect(res.history[0].val_accuracy).toBe(correct / 6_000);
    expect(res.history[0].val_accuracy).toBeGreaterThan(0.85);
  });
});
