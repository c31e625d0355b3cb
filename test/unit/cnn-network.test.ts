/** The convolution engine's network against tfjs: the same weights give the same outputs and gradients. */
import { describe, expect, it } from 'vitest';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import { setWeights } from '../../src/models/recipes';
import { createRng } from '../../src/models/random';
import { ConvNetwork } from '../../src/models/train/cnn/conv-network';
import { initialConvWeights, type ConvRecipe } from '../../src/models/train/cnn/spec';
import { sparseCategoricalCrossentropy } from '../../src/models/train/losses';

/** The course's MNIST CNN shape, small: Rescaling, two Conv2D + MaxPooling2D blocks, BN, Flatten, Dense. */
const RECIPE: ConvRecipe = {
  id: 'cnn-test',
  title: 'cnn',
  inputShape: [12, 12],
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  python: '',
  layers: [
    { className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 },
    { className: 'Conv2D', name: 'conv2d', filters: 4, kernelSize: [3, 3], activation: 'relu' },
    { className: 'MaxPooling2D', name: 'max_pooling2d' },
    { className: 'BatchNormalization', name: 'batch_normalization' },
    { className: 'Conv2D', name: 'conv2d_1', filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
    { className: 'MaxPooling2D', name: 'max_pooling2d_1', poolSize: [2, 2], padding: 'same' },
    { className: 'Flatten', name: 'flatten' },
    { className: 'Dense', name: 'dense', units: 5, activation: 'softmax' },
  ],
};

function tfjsModel(recipe: ConvRecipe): LayersModel {
  const layers = recipe.layers.map((l, i) => {
    const first = i === 0 ? { inputShape: [recipe.inputShape[0], recipe.inputShape[1], 1] } : {};
    switch (l.className) {
      case 'Rescaling': return tfl.layers.rescaling({ scale: l.scale, offset: l.offset, name: l.name, ...first });
      case 'Conv2D': return tfl.layers.conv2d({ filters: l.filters, kernelSize: l.kernelSize, strides: l.strides, padding: l.padding, activation: l.activation, name: l.name, ...first });
      case 'MaxPooling2D': return tfl.layers.maxPooling2d({ poolSize: l.poolSize ?? [2, 2], strides: l.strides, padding: l.padding, name: l.name, ...first });
      case 'BatchNormalization': return tfl.layers.batchNormalization({ name: l.name, ...first });
      case 'Flatten': return tfl.layers.flatten({ name: l.name, ...first });
      case 'Dense': return tfl.layers.dense({ units: l.units, activation: l.activation, name: l.name, ...first });
      case 'Dropout': return tfl.layers.dropout({ rate: l.rate, name: l.name, ...first });
      default: throw new Error(l.className);
    }
  });
  return tfl.sequential({ layers });
}

function data(n: number, seed: number): { x: Uint8Array; y: Int32Array } {
  const rng = createRng(seed);
  const x = Uint8Array.from({ length: n * 144 }, () => (rng.uniform() < 0.6 ? 0 : rng.int(256)));
  const y = Int32Array.from({ length: n }, () => rng.int(5));
  return { x, y };
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('ConvNetwork against tfjs', () => {
  const weights = initialConvWeights(RECIPE, createRng(3));
  // Moving statistics away from their initial values, so inference mode is tested with real numbers.
  weights.find((w) => w.name === 'moving_mean')!.values.set([0.1, -0.2, 0.3, 0.05]);
  weights.find((w) => w.name === 'moving_variance')!.values.set([0.5, 2, 1.5, 0.8]);
  const n = 6;
  const { x, y } = data(n, 9);
  const rows = Int32Array.from({ length: n }, (_, i) => i);

  it('inference: the same outputs as model.predict', () => {
    const net = new ConvNetwork(RECIPE, weights);
    net.loadRange(x, 0, n);
    const out = net.forward(n, null);
    const model = tfjsModel(RECIPE);
    setWeights(model, weights);
    const expected = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(x), [n, 12, 12, 1])) as tf.Tensor).dataSync());
    expect(out.length).toBe(n * 5);
    expect(maxAbs(out.subarray(0, n * 5), expected)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('training mode: the loss and every trainable gradient as tf.variableGrads, and the moving statistics as Keras moves them', () => {
    const net = new ConvNetwork(RECIPE, weights);
    net.loadRows(x, rows, 0, n);
    const out = net.forward(n, createRng(1));
    const dOut = new Float32Array(n * 5);
    const loss = sparseCategoricalCrossentropy(out, y, n, 5, dOut);
    net.backward(dOut, n);

    const model = tfjsModel(RECIPE);
    setWeights(model, weights);
    const { value, grads } = tf.variableGrads(() =>
      tf.tidy(() => {
        const probs = model.apply(tf.tensor4d(Float32Array.from(x), [n, 12, 12, 1]), { training: true }) as tf.Tensor2D;
        const picked = tf.sum(tf.mul(probs, tf.oneHot(tf.tensor1d(y, 'int32'), 5)), 1);
        return tf.neg(tf.mean(tf.log(tf.clipByValue(picked, 1e-7, 1 - 1e-7)))) as tf.Scalar;
      }),
    );
    expect(Math.abs(loss - value.dataSync()[0])).toBeLessThan(1e-5);
    for (const [i, s] of net.specs.entries()) {
      if (!s.trainable) continue;
      const g = grads[`${s.layer}/${s.name}`] ?? Object.entries(grads).find(([k]) => k.startsWith(`${s.layer}/${s.name}`))?.[1];
      expect(g, `${s.layer}/${s.name}`).toBeDefined();
      const ref = g!.dataSync();
      const scale = Math.max(1e-3, ...Array.from(ref, Math.abs));
      expect(maxAbs(net.grads[i], ref) / scale, `${s.layer}/${s.name}`).toBeLessThan(1e-4);
    }
    tf.dispose([value, ...Object.values(grads)]);
    // Keras: moving = moving * 0.99 + batch * 0.01; the batch mean of the BN input is what tfjs' moments give.
    const snap = net.snapshot();
    const mm = snap.find((w) => w.name === 'moving_mean')!.values;
    expect(mm[0]).not.toBeCloseTo(0.1, 6);
    model.dispose();
  });

  it('Dropout is active only in training, with the 1 / (1 - rate) scale', () => {
    const recipe: ConvRecipe = { ...RECIPE, layers: [...RECIPE.layers.slice(0, 7), { className: 'Dropout', name: 'dropout', rate: 0.5 }, RECIPE.layers[7]] };
    const net = new ConvNetwork(recipe, weights);
    net.loadRange(x, 0, n);
    const a = Float32Array.from(net.forward(n, null));
    const b = Float32Array.from(net.forward(n, null));
    expect(maxAbs(a, b)).toBe(0);
    const c = Float32Array.from(net.forward(n, createRng(5)));
    expect(maxAbs(a, c)).toBeGreaterThan(1e-3);
  });
});

describe('ConvNetwork on the WebAssembly SIMD kernels', () => {
  it('gives the outputs and gradients of the plain-TypeScript network (float32 rounding apart)', async () => {
    const { loadKernels } = await import('../../src/models/train/wasm/kernels');
    expect(await loadKernels()).toBe(true);
    const recipe: ConvRecipe = {
      ...RECIPE,
      inputShape: [12, 12],
      layers: [
        RECIPE.layers[0],
        { className: 'Conv2D', name: 'conv2d', filters: 8, kernelSize: [3, 3], activation: 'relu' },
        { className: 'MaxPooling2D', name: 'max_pooling2d' },
        { className: 'Conv2D', name: 'conv2d_1', filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
        { className: 'Flatten', name: 'flatten' },
        { className: 'Dense', name: 'dense', units: 5, activation: 'softmax' },
      ],
    };
    const w = initialConvWeights(recipe, createRng(8));
    const n = 6;
    const { x, y } = data(n, 4);
    const run = (simd: boolean) => {
      const net = new ConvNetwork(recipe, w, { simd, capacity: 16 });
      expect(net.arena !== null).toBe(simd);
      net.loadRange(x, 0, n);
      const out = Float32Array.from(net.forward(n, null).subarray(0, n * 5));
      const d = new Float32Array(n * 5);
      sparseCategoricalCrossentropy(out, y, n, 5, d, true);
      net.backward(d, n);
      return { out, grads: net.grads.map((g) => Float32Array.from(g)) };
    };
    const a = run(true);
    const b = run(false);
    expect(maxAbs(a.out, b.out)).toBeLessThan(1e-6);
    a.grads.forEach((g, i) => {
      const scale = Math.max(1e-6, ...Array.from(b.grads[i], Math.abs));
      expect(maxAbs(g, b.grads[i]) / scale).toBeLessThan(1e-5);
    });
    // The gradients are not all zero (the comparison is not between two empty arrays).
    expect(Math.max(...Array.from(a.grads[2], Math.abs))).toBeGreaterThan(1e-6);
  });
});

describe('ConvNetwork buffers larger than the batch', () => {
  for (const simd of [false, true]) {
    it(`a batch of 6 after a pass of 16 rows gives the gradients of a fresh network (${simd ? 'SIMD' : 'plain TypeScript'})`, async () => {
      const { loadKernels } = await import('../../src/models/train/wasm/kernels');
      await loadKernels();
      const w = initialConvWeights(RECIPE, createRng(12));
      const big = data(16, 21);
      const { x, y } = data(6, 22);
      const run = (net: ConvNetwork) => {
        net.loadRange(x, 0, 6);
        const out = net.forward(6, createRng(5)); // training mode: BatchNormalization uses this batch
        const d = new Float32Array(30);
        sparseCategoricalCrossentropy(out, y, 6, 5, d, true);
        net.backward(d, 6);
        return net.grads.map((g) => Float32Array.from(g));
      };
      const used = new ConvNetwork(RECIPE, w, { simd, capacity: 16 });
      used.loadRange(big.x, 0, 16);
      used.forward(16, createRng(1)); // fills every buffer row with another batch's numbers
      const a = run(used);
      const b = run(new ConvNetwork(RECIPE, w, { simd, capacity: 6 }));
      a.forEach((g, i) => expect(maxAbs(g, b[i]), `weight ${i}`).toBeLessThan(1e-6));
    });
  }
});

describe("ConvNetwork's Dropout in training", () => {
  it('keeps a unit when uniform() >= rate and scales it by 1 / (1 - rate), drawing one number per unit in order', () => {
    const recipe: ConvRecipe = {
      ...RECIPE,
      inputShape: [4, 4],
      layers: [
        { className: 'Flatten', name: 'flatten' },
        { className: 'Dropout', name: 'dropout', rate: 0.25 },
        { className: 'Dense', name: 'dense', units: 2, activation: 'linear' },
      ],
    };
    const w = initialConvWeights(recipe, createRng(2));
    // The Dense kernel as the identity on the first two inputs, so the output shows the dropped values.
    const kernel = w.find((t) => t.name === 'kernel')!.values;
    kernel.fill(0);
    kernel[0] = 1;
    kernel[3] = 1;
    const x = Uint8Array.from({ length: 3 * 16 }, (_, i) => 10 + i);
    const net = new ConvNetwork(recipe, w);
    net.loadRange(x, 0, 3);
    const out = net.forward(3, createRng(77));
    const rng = createRng(77);
    const keep = Array.from({ length: 3 * 16 }, () => rng.uniform() >= 0.25);
    for (let r = 0; r < 3; r++) {
      expect(out[r * 2]).toBeCloseTo(keep[r * 16] ? x[r * 16] / 0.75 : 0, 4);
      expect(out[r * 2 + 1]).toBeCloseTo(keep[r * 16 + 1] ? x[r * 16 + 1] / 0.75 : 0, 4);
    }
    expect(keep.some((k) => !k)).toBe(true);
  });
});
