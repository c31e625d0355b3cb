/** Shared by the layer-kind tests: run a tfjs layer on random data and compare with the kind's reference. */
import { expect } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { kindFor } from '../../src/inspector/layers';
import { toSnakeConfig } from '../../src/inspector/trace';
import type { NamedTensor, Tensor, TraceStep } from '../../src/inspector/types';

/** A deterministic pseudo-random float array in [-scale/2, scale/2). */
export function numbers(n: number, seed: number, scale = 2): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * scale;
  });
}

export const randomTensor = (shape: number[], seed: number, scale = 2): Tensor => ({ shape, values: numbers(shape.reduce((a, b) => a * b, 1), seed, scale) });

export function paramName(variableName: string): string {
  const last = variableName.slice(variableName.lastIndexOf('/') + 1);
  return last.replace(/:\d+$/, '');
}

export function maxAbs(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  let m = 0;
  for (let i = 0; i < a.values.length; i++) {
    const d = Math.abs(a.values[i] - b.values[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

export interface LayerRun {
  step: TraceStep;
  /** tfjs' output. */
  output: Tensor;
  reference: Tensor;
  diff: number;
}

/**
 * Builds `layer` for `shape` (batch first), gives it random weights (variances positive), runs tfjs
 * (training false unless asked) and the kind's reference on the same input.
 */
export function runLayer(layer: tfl.layers.Layer, shape: number[], seed = 1, opts: { scale?: number; training?: boolean } = {}): LayerRun {
  layer.build(shape.map((d, i) => (i === 0 ? null : d)) as (number | null)[] as number[]);
  const weights = layer.getWeights().map((w, i) => {
    const v = numbers(w.size, seed * 31 + i, 2);
    const name = paramName((layer.weights[i] as unknown as { originalName?: string; name: string }).originalName ?? layer.weights[i].name);
    if (name === 'moving_variance') for (let k = 0; k < v.length; k++) v[k] = Math.abs(v[k]) + 0.1;
    return tf.tensor(v, w.shape);
  });
  if (weights.length) layer.setWeights(weights);
  const x = randomTensor(shape, seed, opts.scale ?? 2);
  // The parameters as they were before the call (training moves BatchNormalization's statistics).
  const params: NamedTensor[] = layer.getWeights().map((w, i) => ({
    name: paramName((layer.weights[i] as unknown as { originalName?: string; name: string }).originalName ?? layer.weights[i].name),
    shape: w.shape.slice(),
    values: Float32Array.from(w.dataSync()),
  }));
  const y = tf.tidy(() => layer.apply(tf.tensor(x.values, x.shape), { training: opts.training ?? false }) as tf.Tensor);
  const output: Tensor = { shape: y.shape.slice(), values: Float32Array.from(y.dataSync()) };
  y.dispose();
  weights.forEach((w) => w.dispose());
  const className = layer.getClassName();
  const config = toSnakeConfig(layer.getConfig()) as Record<string, unknown>;
  const kind = kindFor(className);
  if (!kind) throw new Error(`no kind for ${className}`);
  const reference = kind.reference([x], params, config);
  const step: TraceStep = {
    index: 0, name: layer.name, className, config, paramCount: layer.countParams(), inputNames: ['values_0'], inputValues: [0],
    inputs: [x], params, output, reference, maxAbsDiff: null,
  };
  return { step, output, reference, diff: maxAbs(reference, output) };
}
