/**
 * The activation layer classes: ReLU (max_value, negative_slope, threshold), LeakyReLU (alpha /
 * Keras 3's negative_slope), ELU (alpha), ThresholdedReLU (theta) and Softmax (axis). Keras'
 * `layers.ReLU()` appears in keras.io's image classification example.
 */
import type { ActivationDetail, Explanation, LayerKind, PythonPart } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import type { Tensor, TraceStep } from '../types';
import { activationDetail } from './activation-math';
import { NoReferenceError } from '../check';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import { configNumber, requireInputs, size } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

interface Elementwise {
  /** null: plain relu (explained with its zeroed elements). */
  formula: string | null;
  name: string;
  f: (x: number) => number;
}

function num(config: Record<string, unknown>, keys: string[], fallback: number): number {
  for (const k of keys) {
    const v = config[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return fallback;
}

function reluOf(config: Record<string, unknown>): Elementwise {
  const max = typeof config.max_value === 'number' ? config.max_value : null;
  const slope = configNumber(config, 'negative_slope', 0);
  const threshold = configNumber(config, 'threshold', 0);
  if (max === null && slope === 0 && threshold === 0) return { formula: null, name: 'relu', f: (x) => (x > 0 ? x : 0) };
  // Keras: x >= max_value -> max_value; threshold <= x < max_value -> x; else negative_slope * (x - threshold).
  const f = (x: number) => (max !== null && x >= max ? max : x >= threshold ? x : slope * (x - threshold));
  const low = slope === 0 ? '0' : `${slope} * (x - ${threshold})`;
  const formula = `${max !== null ? `${max} if x >= ${max} else ` : ''}x if x >= ${threshold} else ${low}`;
  return { formula, name: 'relu', f };
}

function elementwiseOf(className: string, config: Record<string, unknown>): Elementwise {
  switch (className) {
    case 'ReLU':
      return reluOf(config);
    case 'LeakyReLU': {
      const a = num(config, ['negative_slope', 'alpha'], 0.3);
      return { formula: `x if x >= 0 else ${a} * x`, name: 'leaky_relu', f: (x) => (x >= 0 ? x : a * x) };
    }
    case 'ELU': {
      const a = num(config, ['alpha'], 1);
      return { formula: `x if x > 0 else ${a} * (np.exp(x) - 1)`, name: 'elu', f: (x) => (x > 0 ? x : a * Math.expm1(x)) };
    }
    case 'ThresholdedReLU': {
      const t = num(config, ['theta'], 1);
      return { formula: `x if x > ${t} else 0`, name: 'thresholded_relu', f: (x) => (x > t ? x : 0) };
    }
    default:
      throw new Error(`${className} is not an elementwise activation`);
  }
}

/** Softmax over `axis` of a row-major tensor, float64. */
function softmaxAxis(x: Tensor, axis: number): Float32Array {
  const n = x.shape[axis];
  const inner = size(x.shape.slice(axis + 1));
  const outer = size(x.shape.slice(0, axis));
  const out = new Float32Array(x.values.length);
  const e = new Float64Array(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let max = -Infinity;
      for (let k = 0; k < n; k++) max = Math.max(max, x.values[base + k * inner]);
      let sum = 0;
      for (let k = 0; k < n; k++) sum += e[k] = Math.exp(x.values[base + k * inner] - max);
      for (let k = 0; k < n; k++) out[base + k * inner] = e[k] / sum;
    }
  }
  return out;
}

function softmaxAxisOf(config: Record<string, unknown>, rank: number): number {
  let a = config.axis ?? -1;
  if (Array.isArray(a)) {
    if (a.length !== 1) throw new NoReferenceError(L.activation.softmaxSeveralAxes);
    a = a[0];
  }
  if (typeof a !== 'number' || !Number.isInteger(a)) throw new Error(E.softmaxAxis(JSON.stringify(a)));
  const r = a < 0 ? rank + a : a;
  if (r < 0 || r >= rank) throw new Error(E.softmaxRange(a, rank));
  return r;
}

const python: PythonPart = {
  fn: 'run_activation_layer',
  configKeys: ['max_value', 'negative_slope', 'threshold', 'alpha', 'theta', 'axis'],
  code: `def run_activation_layer(layer, inputs):
    config = layer["config"]
    kind = layer["class_name"]
    x = inputs[0].astype(np.float64)
    if kind == "ReLU":
        threshold = config.get("threshold") or 0.0
        y = np.where(x >= threshold, x, (config.get("negative_slope") or 0.0) * (x - threshold))
        if config.get("max_value") is not None:
            y = np.where(x >= config["max_value"], config["max_value"], y)
    elif kind == "LeakyReLU":
        slope = config.get("negative_slope", config.get("alpha", 0.3))
        y = np.where(x >= 0, x, slope * x)
    elif kind == "ELU":
        y = np.where(x > 0, x, config.get("alpha", 1.0) * np.expm1(x))
    elif kind == "ThresholdedReLU":
        y = np.where(x > config.get("theta", 1.0), x, 0.0)
    else:
        axis = config.get("axis", -1)
        axis = axis[0] if isinstance(axis, list) else axis
        e = np.exp(x - np.max(x, axis=axis, keepdims=True))
        y = e / np.sum(e, axis=axis, keepdims=True)
    return y.astype(np.float32)
`,
};

function kind(className: string): LayerKind {
  return {
    classNames: [className],
    python,
    reference(inputs, _params, config): Tensor {
      requireInputs(inputs, 1, className);
      const x = inputs[0];
      if (className === 'Softmax') return { shape: [...x.shape], values: softmaxAxis(x, softmaxAxisOf(config, x.shape.length)) };
      const e = elementwiseOf(className, config);
      return { shape: [...x.shape], values: Float32Array.from(x.values, e.f) };
    },
    explain(step: TraceStep): Explanation {
      const x = step.inputs[0];
      let detail: ActivationDetail;
      let fn: string;
      const notes: string[] = [];
      if (className === 'Softmax') {
        const axis = softmaxAxisOf(step.config, x.shape.length);
        fn = 'softmax';
        if (axis === x.shape.length - 1) {
          detail = activationDetail('softmax', x.values, step.output.values, x.shape[axis]);
          notes.push(detail.fn === 'softmax' ? detail.note : '', L.activation.softmaxSumLastAxis);
        } else {
          detail = { fn: 'unsupported', name: 'softmax', message: L.activation.softmaxOtherAxis(axis) };
          notes.push(L.activation.softmaxAlongAxis(axis));
        }
      } else {
        const e = elementwiseOf(className, step.config);
        fn = e.name;
        if (e.formula === null) {
          detail = activationDetail('relu', x.values, step.output.values, 1);
          if (detail.fn === 'relu') notes.push(L.activation.reluZeroed(detail.zeroCount, detail.x.length));
        } else {
          detail = { fn: 'elementwise', name: e.name, formula: e.formula, x: Array.from(x.values), y: Array.from(step.output.values), intermediate: null };
        }
      }
      return {
        kind: 'activation',
        title: L.title(className, step.name),
        formula: `${outputLabel(step)} = ${fn}(${inputLabel(step, 0)})`,
        shapes: `${formatShape(x.shape)} -> ${formatShape(step.output.shape)}`,
        notes: notes.filter(Boolean),
        detail,
      };
    },
  };
}

export const activationLayerKinds: LayerKind[] = ['ReLU', 'LeakyReLU', 'ELU', 'ThresholdedReLU', 'Softmax'].map(kind);
