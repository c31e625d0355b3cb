/**
 * Activation functions in plain TypeScript (float64 arithmetic, stored as float32), shared by the
 * Activation layer and Dense's built-in activation, plus their explanation with the real numbers.
 */
import type { ActivationDetail, SoftmaxRow } from '../explain';
import { NoReferenceError } from '../check';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';

/** Keras/tfjs activation names that have a reference here (tfjs writes some in camelCase). */
const ELEMENTWISE: Record<string, { formula: string; f: (x: number) => number }> = {
  linear: { formula: 'y = x (identity)', f: (x) => x },
  relu: { formula: 'np.maximum(x, 0)', f: (x) => (x > 0 ? x : 0) },
  relu6: { formula: 'np.minimum(np.maximum(x, 0), 6)', f: (x) => Math.min(Math.max(x, 0), 6) },
  sigmoid: { formula: '1 / (1 + np.exp(-x))', f: (x) => 1 / (1 + Math.exp(-x)) },
  tanh: { formula: 'np.tanh(x)', f: (x) => Math.tanh(x) },
  elu: { formula: 'x if x > 0 else np.exp(x) - 1', f: (x) => (x > 0 ? x : Math.expm1(x)) },
  softplus: { formula: 'np.log(1 + np.exp(x))', f: (x) => Math.log1p(Math.exp(x)) },
  softsign: { formula: 'x / (1 + np.abs(x))', f: (x) => x / (1 + Math.abs(x)) },
  selu: {
    formula: '1.0507 * (x if x > 0 else 1.6733 * (np.exp(x) - 1))',
    f: (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * Math.expm1(x)),
  },
  swish: { formula: 'x / (1 + np.exp(-x))', f: (x) => x / (1 + Math.exp(-x)) },
  silu: { formula: 'x / (1 + np.exp(-x))', f: (x) => x / (1 + Math.exp(-x)) },
  mish: { formula: 'x * np.tanh(np.log(1 + np.exp(x)))', f: (x) => x * Math.tanh(Math.log1p(Math.exp(x))) },
};

export function normaliseActivation(name: string): string {
  // tfjs writes e.g. "hardSigmoid"; Keras "hard_sigmoid". Most names need no work.
  return /[A-Z]/.test(name) ? name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() : name;
}

export function hasActivationReference(name: string): boolean {
  const n = normaliseActivation(name);
  return n === 'softmax' || n in ELEMENTWISE;
}

/** Applies the activation in place to `values`, softmax over the last axis of length `lastDim`. */
export function applyActivation(name: string, values: Float64Array, lastDim: number): void {
  const n = normaliseActivation(name);
  if (n === 'softmax') {
    for (let start = 0; start < values.length; start += lastDim) {
      let max = -Infinity;
      for (let i = start; i < start + lastDim; i++) max = Math.max(max, values[i]);
      let sum = 0;
      for (let i = start; i < start + lastDim; i++) {
        values[i] = Math.exp(values[i] - max);
        sum += values[i];
      }
      for (let i = start; i < start + lastDim; i++) values[i] /= sum;
    }
    return;
  }
  const e = ELEMENTWISE[n];
  if (!e) throw new NoReferenceError(L.activation.noReference(name));
  for (let i = 0; i < values.length; i++) values[i] = e.f(values[i]);
}

/** The arithmetic of one activation: x (its input) and y (tfjs's output), softmax over the last axis. */
export function activationDetail(
  name: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  lastDim: number,
): ActivationDetail {
  const n = normaliseActivation(name);
  const xs = Array.from(x);
  const ys = Array.from(y);
  if (n === 'relu') {
    const zeroed = xs.map((v) => v < 0);
    return {
      fn: 'relu',
      formula: 'np.maximum(x, 0)',
      x: xs,
      y: ys,
      zeroed,
      zeroCount: zeroed.filter(Boolean).length,
    };
  }
  if (n === 'softmax') {
    const rows: SoftmaxRow[] = [];
    for (let start = 0; start < xs.length; start += lastDim) {
      const row = xs.slice(start, start + lastDim);
      const max = Math.max(...row);
      const shifted = row.map((v) => v - max);
      const exp = shifted.map((v) => Math.exp(v));
      const sum = exp.reduce((a, b) => a + b, 0);
      rows.push({ x: row, max, shifted, exp, sum, quotient: exp.map((v) => v / sum), output: ys.slice(start, start + lastDim) });
    }
    return {
      fn: 'softmax',
      formula: 'np.exp(x - x.max()) / np.sum(np.exp(x - x.max()))',
      rows,
      note: L.activation.softmaxStable,
    };
  }
  const e = ELEMENTWISE[n];
  if (!e) return { fn: 'unsupported', name, message: L.activation.noReference(name) };
  return {
    fn: 'elementwise',
    name: n,
    formula: n === 'linear' ? L.activation.linearFormula : e.formula,
    x: xs,
    y: ys,
    intermediate: n === 'sigmoid' ? { label: 'exp(-x)', values: xs.map((v) => Math.exp(-v)) } : null,
  };
}
