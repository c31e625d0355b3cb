/** The convolution engine's kernels against tfjs' own ops and gradients (odd sizes, strides, 'same', batch > 1). */
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/models/tf';
import { conv2dBackward, conv2dForward, conv2dGeometry } from '../../src/models/train/cnn/conv2d';
import { maxPool2dBackward, maxPool2dForward, pool2dGeometry } from '../../src/models/train/cnn/pool2d';
import { batchNormBackward, batchNormInference, batchNormTrainForward, createBatchNormCache, updateMovingStatistics } from '../../src/models/train/cnn/batchnorm';
import { createRng } from '../../src/models/random';

function random(n: number, seed: number, zeros = 0): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => (rng.uniform() < zeros ? 0 : rng.uniform() * 2 - 1));
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const CASES: { name: string; x: [number, number, number, number]; k: [number, number, number, number]; s: [number, number]; p: 'valid' | 'same'; d?: [number, number] }[] = [
  { name: '3x3 valid, batch 3, odd size', x: [3, 9, 7, 2], k: [3, 3, 2, 4], s: [1, 1], p: 'valid' },
  { name: '3x3 same, stride 2 (asymmetric padding), even size', x: [2, 8, 10, 3], k: [3, 3, 3, 5], s: [2, 2], p: 'same' },
  { name: '2x4 same, strides 2x3, odd size', x: [2, 7, 11, 1], k: [2, 4, 1, 3], s: [2, 3], p: 'same' },
  { name: '3x3 dilation 2, valid', x: [2, 9, 9, 2], k: [3, 3, 2, 2], s: [1, 1], p: 'valid', d: [2, 2] },
  { name: '5x5 same, one channel in, MNIST-like zeros', x: [4, 12, 12, 1], k: [5, 5, 1, 6], s: [1, 1], p: 'same' },
];

describe('Conv2D kernels against tfjs', () => {
  for (const c of CASES) {
    it(`forward and all three gradients: ${c.name}`, () => {
      const x = random(c.x.reduce((a, b) => a * b), 1, 0.3);
      const w = random(c.k.reduce((a, b) => a * b), 2);
      const bias = random(c.k[3], 3);
      const g = conv2dGeometry(c.x, c.k, c.s, c.p, c.d);
      const M = g.n * g.oh * g.ow;
      const cols = new Float32Array(M * g.kh * g.kw * g.c);
      const y = new Float32Array(M * g.f);
      conv2dForward(x, w, bias, g, cols, y);
      const dy = random(y.length, 4);
      const dW = new Float32Array(w.length);
      const dB = new Float32Array(bias.length);
      const dx = new Float32Array(x.length);
      conv2dBackward(dy, w, g, cols, dW, dB, dx, new Float32Array(cols.length));

      // tfjs has no gradient for dilated convolutions: for those, compare with the equivalent
      // undilated convolution whose kernel has zeros between the taps (and read its gradient there).
      const d = c.d ?? [1, 1];
      const [kh, kw, kc, kf] = c.k;
      const bigShape: [number, number, number, number] = [(kh - 1) * d[0] + 1, (kw - 1) * d[1] + 1, kc, kf];
      const tap = (ky: number, kx: number) => ((ky * d[0]) * bigShape[1] + kx * d[1]) * kc * kf;
      const big = new Float32Array(bigShape.reduce((a, b) => a * b));
      for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) big.set(w.subarray((ky * kw + kx) * kc * kf, (ky * kw + kx + 1) * kc * kf), tap(ky, kx));
      const [ty, tdx, tdBig, tdb] = tf.tidy(() => {
        const tx = tf.tensor4d(x, c.x);
        const tw = tf.tensor4d(big, bigShape);
        const tb = tf.tensor1d(bias);
        const f = (a: tf.Tensor4D, k: tf.Tensor4D, b: tf.Tensor1D) => tf.add(tf.conv2d(a, k, c.s, c.p), b) as tf.Tensor4D;
        const out = f(tx, tw, tb);
        const grads = tf.grads((a: tf.Tensor, k: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a as tf.Tensor4D, k as tf.Tensor4D, b as tf.Tensor1D), tf.tensor4d(dy, out.shape))))([tx, tw, tb]);
        return [out.dataSync(), grads[0].dataSync(), grads[1].dataSync(), grads[2].dataSync()].map((v) => Float32Array.from(v));
      });
      const tdw = new Float32Array(w.length);
      for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) tdw.set(tdBig.subarray(tap(ky, kx), tap(ky, kx) + kc * kf), (ky * kw + kx) * kc * kf);
      expect(maxAbs(y, ty)).toBeLessThan(1e-5);
      expect(maxAbs(dx, tdx)).toBeLessThan(1e-5);
      expect(maxAbs(dW, tdw)).toBeLessThan(1e-4);
      expect(maxAbs(dB, tdb)).toBeLessThan(1e-4);
    });
  }
});

describe('MaxPooling2D kernels against tfjs', () => {
  const POOLS: { name: string; x: [number, number, number, number]; p: [number, number]; s: [number, number]; pad: 'valid' | 'same'; relu?: boolean }[] = [
    { name: '2x2 stride 2, odd size drops the last row', x: [2, 7, 9, 3], p: [2, 2], s: [2, 2], pad: 'valid' },
    { name: '3x3 stride 2 same (padded cells never win)', x: [2, 8, 8, 2], p: [3, 3], s: [2, 2], pad: 'same' },
    { name: '3x3 stride 1 overlapping windows', x: [1, 6, 5, 2], p: [3, 3], s: [1, 1], pad: 'valid' },
    { name: '2x2 after ReLU: ties at 0 send the gradient to the first maximum', x: [2, 6, 6, 2], p: [2, 2], s: [2, 2], pad: 'valid', relu: true },
  ];
  for (const c of POOLS) {
    it(c.name, () => {
      const x = random(c.x.reduce((a, b) => a * b), 7).map((v) => (c.relu ? Math.max(0, v - 0.6) : v - 2)); // all negative: padding must not win
      const g = pool2dGeometry(c.x, c.p, c.s, c.pad);
      const out = g.n * g.oh * g.ow * g.c;
      const y = new Float32Array(out);
      const arg = new Int32Array(out);
      maxPool2dForward(x, g, y, arg);
      const dy = random(out, 8);
      const dx = new Float32Array(x.length);
      maxPool2dBackward(dy, arg, out, dx, x.length);
      const [ty, tdx] = tf.tidy(() => {
        const tx = tf.tensor4d(x, c.x);
        const f = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.p, c.s, c.pad);
        const o = f(tx);
        const gx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(f(a), tf.tensor(dy, o.shape))))(tx);
        return [Float32Array.from(o.dataSync()), Float32Array.from(gx.dataSync())];
      });
      expect(maxAbs(y, ty)).toBe(0);
      expect(maxAbs(dx, tdx)).toBeLessThan(1e-6);
    });
  }
});

describe('BatchNormalization in training mode', () => {
  it('normalises with the batch statistics and back-propagates as tfjs differentiates it', () => {
    const rows = 2 * 5 * 3;
    const channels = 4;
    const x = random(rows * channels, 11).map((v, i) => v * (1 + (i % channels)) + (i % channels));
    const gamma = random(channels, 12).map((v) => v + 1.5);
    const beta = random(channels, 13);
    const eps = 1e-3;
    const cache = createBatchNormCache(x.length, channels);
    const y = new Float32Array(x.length);
    batchNormTrainForward(x, rows, channels, gamma, beta, eps, cache, y);
    const dy = random(x.length, 14);
    const dx = new Float32Array(x.length);
    const dG = new Float32Array(channels);
    const dB = new Float32Array(channels);
    batchNormBackward(dy, rows, channels, gamma, cache, dG, dB, dx);
    const [ty, tdx, tdg, tdb] = tf.tidy(() => {
      const f = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const { mean, variance } = tf.moments(a, 0);
        return tf.add(tf.mul(tf.div(tf.sub(a, mean), tf.sqrt(tf.add(variance, eps))), g), b);
      };
      const args = [tf.tensor2d(x, [rows, channels]), tf.tensor1d(gamma), tf.tensor1d(beta)];
      const out = f(args[0], args[1], args[2]);
      const gr = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, g, b), tf.tensor2d(dy, [rows, channels]))))(args);
      return [out, ...gr].map((t) => Float32Array.from(t.dataSync()));
    });
    expect(maxAbs(y, ty)).toBeLessThan(1e-5);
    expect(maxAbs(dx, tdx)).toBeLessThan(1e-5);
    expect(maxAbs(dG, tdg)).toBeLessThan(1e-4);
    expect(maxAbs(dB, tdb)).toBeLessThan(1e-4);
  });

  it('moves the moving statistics as Keras 3 does (biased batch variance, momentum 0.99)', () => {
    const x = Float32Array.from([1, 10, 3, 20, 5, 60]); // 3 rows, 2 channels
    const cache = createBatchNormCache(6, 2);
    batchNormTrainForward(x, 3, 2, null, null, 1e-3, cache, new Float32Array(6));
    const mm = Float32Array.from([0, 0]);
    const mv = Float32Array.from([1, 1]);
    updateMovingStatistics(cache, 0.99, mm, mv);
    // channel 0: mean 3, biased variance 8/3; channel 1: mean 30, variance (400+100+900)/3
    expect(mm[0]).toBeCloseTo(0.01 * 3, 6);
    expect(mv[0]).toBeCloseTo(0.99 + 0.01 * (8 / 3), 6);
    expect(mm[1]).toBeCloseTo(0.3, 5);
    expect(mv[1]).toBeCloseTo(0.99 + 0.01 * (1400 / 3), 4);
    const y = new Float32Array(6);
    batchNormInference(x, 3, 2, null, null, mm, mv, 1e-3, y);
    expect(y[0]).toBeCloseTo((1 - mm[0]) / Math.sqrt(mv[0] + 1e-3), 5);
  });
});
