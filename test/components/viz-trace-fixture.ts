/** A hand-built Iris-shaped Trace (4 -> Dense 8 relu -> Dense 3 softmax) for the view tests. */
import type { Trace, TraceStep } from '../../src/inspector/types';

const f32 = (n: number, f: (i: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i));

function dense(index: number, name: string, nIn: number, nOut: number, input: Float32Array, activation: string, kernelAt: (i: number) => number): TraceStep {
  const kernel = f32(nIn * nOut, kernelAt);
  const bias = f32(nOut, (j) => 0.05 * (j - 1));
  const z = f32(nOut, (j) => {
    let s = bias[j];
    for (let i = 0; i < nIn; i++) s += input[i] * kernel[i * nOut + j];
    return s;
  });
  let out = z;
  if (activation === 'relu') out = z.map((v) => Math.max(0, v));
  if (activation === 'softmax') {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    out = e.map((v) => v / sum);
  }
  return {
    index,
    name,
    className: 'Dense',
    config: { units: nOut, activation },
    paramCount: nIn * nOut + nOut,
    inputNames: [index === 0 ? 'values_0' : 'dense'],
    inputs: [{ shape: [1, nIn], values: input }],
    params: [
      { name: 'kernel', shape: [nIn, nOut], values: kernel },
      { name: 'bias', shape: [nOut], values: bias },
    ],
    output: { shape: [1, nOut], values: out },
    reference: { shape: [1, nOut], values: out },
    maxAbsDiff: 0,
  };
}

export function irisTrace(): Trace {
  const x = Float32Array.from([-0.9, 1.0, -1.3, -1.3]);
  const s0 = dense(0, 'dense', 4, 8, x, 'relu', (i) => Math.sin(i * 2.3) * 0.8);
  const s1 = dense(1, 'dense_1', 8, 3, s0.output.values, 'softmax', (i) => Math.cos(i * 1.7) * 0.9);
  return {
    raw: { shape: [1, 4], values: x },
    values: [{ shape: [1, 4], values: x }, s0.output, s1.output],
    steps: [s0, s1],
    maxAbsDiff: 0,
  };
}

/** 784 -> Dense 128 -> Dense 10, to check the capped drawing. */
export function bigTrace(): Trace {
  const x = f32(784, (i) => ((i * 37) % 255) / 255);
  const s0 = dense(0, 'dense', 784, 128, x, 'relu', (i) => Math.sin(i * 0.37) * 0.1);
  const s1 = dense(1, 'dense_1', 128, 10, s0.output.values, 'softmax', (i) => Math.cos(i * 0.7) * 0.3);
  return {
    raw: { shape: [1, 784], values: x },
    values: [{ shape: [1, 784], values: x }, s0.output, s1.output],
    steps: [s0, s1],
    maxAbsDiff: 0,
  };
}
