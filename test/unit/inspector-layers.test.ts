import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { explainStep, kindFor, neuronSum } from '../../src/inspector/layers';
import { toSnakeConfig } from '../../src/inspector/trace';
import type { NamedTensor, Tensor, TraceStep } from '../../src/inspector/types';

/** A deterministic pseudo-random float array. */
function numbers(n: number, seed: number, scale = 2): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * scale;
  });
}
const t = (shape: number[], seed: number, scale = 2): Tensor => ({ shape, values: numbers(shape.reduce((a, b) => a * b, 1), seed, scale) });
const p = (name: string, shape: number[], seed: number): NamedTensor => ({ name, ...t(shape, seed) });
const tfOf = (x: Tensor) => tf.tensor(x.values, x.shape);
function maxDiff(a: Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  const bv = b.dataSync();
  return Math.max(0, ...Array.from(a.values, (v, i) => Math.abs(v - bv[i])));
}

function step(className: string, config: Record<string, unknown>, inputs: Tensor[], params: NamedTensor[], output: Tensor): TraceStep {
  return { index: 2, name: 'layer', className, config, paramCount: 0, inputNames: inputs.map((_, i) => `v${i}`), inputValues: inputs.map((_, i) => i + 1), inputs, params, output, reference: null, maxAbsDiff: null };
}

describe('reference implementations agree with tfjs', () => {
  const dense = kindFor('Dense')!;
  it.each(['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'softplus', 'softsign', 'relu6'])('Dense with %s', (activation) => {
    const x = t([1, 6], 1, 6);
    const kernel = p('kernel', [6, 5], 2);
    const bias = p('bias', [5], 3);
    const ref = dense.reference([x], [kernel, bias], { activation, use_bias: true });
    const diff = tf.tidy(() => {
      const z = tf.add(tf.matMul(tfOf(x), tfOf(kernel)), tfOf(bias));
      const y =
        activation === 'linear' ? z
        : activation === 'softsign' ? tf.div(z, tf.add(1, tf.abs(z)))
        : (tf as unknown as Record<string, (v: tf.Tensor) => tf.Tensor>)[activation](z);
      return maxDiff(ref, y);
    });
    expect(diff).toBeLessThan(1e-5);
  });

  it('Dense without bias, on a rank-3 input', () => {
    const x = t([1, 3, 4], 5);
    const kernel = p('kernel', [4, 2], 6);
    const ref = dense.reference([x], [kernel], { activation: 'linear' });
    expect(ref.shape).toEqual([1, 3, 2]);
    expect(tf.tidy(() => maxDiff(ref, tf.reshape(tf.matMul(tf.reshape(tfOf(x), [3, 4]), tfOf(kernel)), [1, 3, 2])))).toBeLessThan(1e-5);
  });

  it('Dense with a kernel that does not fit says so', () => {
    expect(() => dense.reference([t([1, 3], 1)], [p('kernel', [4, 2], 2)], {})).toThrow('Dense kernel expects 4 inputs, got 3');
  });

  it.each(['selu', 'swish', 'mish'])('Activation %s against the tfjs layer', (activation) => {
    const x = t([1, 9], 8, 10);
    const ref = kindFor('Activation')!.reference([x], [], { activation });
    const y = tf.tidy(() => maxDiff(ref, tfl.layers.activation({ activation: activation as 'selu' }).apply(tfOf(x)) as tf.Tensor));
    expect(y).toBeLessThan(1e-5);
  });

  it.each(['relu', 'sigmoid', 'tanh', 'softmax', 'linear'])('Activation %s', (activation) => {
    const x = t([1, 7], 8, 10);
    const ref = kindFor('Activation')!.reference([x], [], { activation });
    const y = tf.tidy(() => maxDiff(ref, activation === 'linear' ? tfOf(x) : (tf as unknown as Record<string, (v: tf.Tensor) => tf.Tensor>)[activation](tfOf(x))));
    expect(y).toBeLessThan(1e-6);
  });

  it('softmax stays finite for large inputs (max subtracted)', () => {
    const ref = kindFor('Activation')!.reference([{ shape: [1, 3], values: Float32Array.from([1000, 1001, 999]) }], [], { activation: 'softmax' });
    expect(Array.from(ref.values).every(Number.isFinite)).toBe(true);
    expect(ref.values[1]).toBeCloseTo(0.665, 3);
  });

  it('Dropout is the identity at inference', () => {
    const x = t([1, 5], 9);
    expect(kindFor('Dropout')!.reference([x], [], { rate: 0.5 })).toEqual(x);
  });

  it('Flatten, Concatenate (both axes) and Add', () => {
    const x = t([1, 2, 3], 10);
    expect(tf.tidy(() => maxDiff(kindFor('Flatten')!.reference([x], [], {}), tf.reshape(tfOf(x), [1, 6])))).toBe(0);
    const a = t([1, 2, 3], 11);
    const b = t([1, 2, 2], 12);
    const c = kindFor('Concatenate')!.reference([a, b], [], { axis: -1 });
    expect(tf.tidy(() => maxDiff(c, tf.concat([tfOf(a), tfOf(b)], -1)))).toBe(0);
    const d = kindFor('Concatenate')!.reference([a, x], [], { axis: 1 });
    expect(tf.tidy(() => maxDiff(d, tf.concat([tfOf(a), tfOf(x)], 1)))).toBe(0);
    const s = kindFor('Add')!.reference([a, x, a], [], {});
    expect(tf.tidy(() => maxDiff(s, tf.addN([tfOf(a), tfOf(x), tfOf(a)])))).toBeLessThan(1e-6);
  });

  it('has no kind for classes not built yet', () => {
    expect(kindFor('LSTM')).toBeNull();
    expect(kindFor('dense')).toBeNull(); // class names only, never layer names
  });
});

describe('explanations with the real numbers', () => {
  it('ReLU flags the zeroed elements', () => {
    const x = { shape: [1, 4], values: Float32Array.from([1.5, -2, 0, -0.25]) };
    const y = { shape: [1, 4], values: Float32Array.from([1.5, 0, 0, 0]) };
    const e = explainStep(step('Activation', { activation: 'relu' }, [x], [], y));
    expect(e.formula).toBe('values_3 = relu(values_1)');
    if (e.kind !== 'activation' || e.detail.fn !== 'relu') throw new Error('not relu');
    expect(e.detail.formula).toBe('np.maximum(x, 0)');
    expect(e.detail.zeroed).toEqual([false, true, false, true]);
    expect(e.notes[0]).toBe('2 of 4 values were negative and became 0.');
  });

  it('softmax lists exp(x - max), the sum and quotients that add up to 1', () => {
    const x = { shape: [1, 3], values: Float32Array.from([2, 1, 0.1]) };
    const y = { shape: [1, 3], values: Float32Array.from([0.659, 0.242, 0.099]) };
    const e = explainStep(step('Activation', { activation: 'softmax' }, [x], [], y));
    if (e.kind !== 'activation' || e.detail.fn !== 'softmax') throw new Error('not softmax');
    const row = e.detail.rows[0];
    expect(row.max).toBe(2);
    expect(row.exp[0]).toBe(1);
    expect(row.sum).toBeCloseTo(1 + Math.exp(-1) + Math.exp(-1.9), 6);
    expect(row.quotient.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(row.quotient[0]).toBeCloseTo(0.659, 3);
    expect(e.detail.note).toMatch(/subtracted.*does not change the result/);
  });

  it('sigmoid shows exp(-x); Dropout shows the rate and why; unknown classes a message', () => {
    const x = { shape: [1, 2], values: Float32Array.from([0, 2]) };
    const s = explainStep(step('Activation', { activation: 'sigmoid' }, [x], [], x));
    if (s.kind !== 'activation' || s.detail.fn !== 'elementwise') throw new Error('not elementwise');
    expect(s.detail.formula).toBe('1 / (1 + np.exp(-x))');
    expect(s.detail.intermediate?.values[1]).toBeCloseTo(Math.exp(-2), 6);
    const d = explainStep(step('Dropout', { rate: 0.2 }, [x], [], x));
    expect(d.kind === 'dropout' && d.rate).toBe(0.2);
    expect(d.notes.join(' ')).toMatch(/unchanged.*random 20%/);
    const u = explainStep(step('LSTM', {}, [x], [], x));
    expect(u.kind).toBe('unsupported');
    expect(u.kind === 'unsupported' && u.message).toBe('no reference implementation for LSTM yet');
  });

  it('Flatten and Add formulas', () => {
    const x = t([1, 2, 2], 1);
    expect(explainStep(step('Flatten', {}, [x], [], { shape: [1, 4], values: x.values })).shapes).toBe('(1, 2, 2) -> (1, 4)');
    expect(explainStep(step('Add', {}, [x, x], [], x)).formula).toBe('values_3 = values_1 + values_2');
  });
});

it('configs are in Keras JSON spelling', () => {
  expect(toSnakeConfig({ useBias: true, kernelInitializer: { className: 'Zeros', config: { someValue: 1 } }, batchInputShape: [null, 4] })).toEqual({
    use_bias: true,
    kernel_initializer: { class_name: 'Zeros', config: { some_value: 1 } },
    batch_input_shape: [null, 4],
  });
});

it('neuronSum writes the whole sum with the real numbers', () => {
  const x = { shape: [1, 4], values: Float32Array.from([5.3, 3.4, 1.9, 0.6]) };
  // kernel (4, 2): column 0 is the neuron under test, column 1 is filler.
  const kernel = { name: 'kernel', shape: [4, 2], values: Float32Array.from([0.12, 9, -0.5, 9, 0.33, 9, 0.07, 9]) };
  const bias = { name: 'bias', shape: [2], values: Float32Array.from([0.01, 0]) };
  const z = 5.3 * 0.12 - 3.4 * 0.5 + 1.9 * 0.33 + 0.6 * 0.07 + 0.01;
  const out = { shape: [1, 2], values: Float32Array.from([Math.max(z, 0), 99]) };
  const s = neuronSum(step('Dense', { activation: 'relu' }, [x], [kernel, bias], out), 0);
  expect(s.text).toBe('5.30*0.120 + 3.40*(-0.500) + 1.90*0.330 + 0.600*0.0700 + 0.0100 = -0.385');
  expect(s.activationText).toBe('relu(-0.385) = 0.00');
  expect(s.total).toBeCloseTo(z, 6);
  expect(s.activated).toBe(0);
  expect(s.output).toBe(0);
  expect(s.terms.map((t) => t.w)).toEqual(Array.from(Float32Array.from([0.12, -0.5, 0.33, 0.07])));
});
