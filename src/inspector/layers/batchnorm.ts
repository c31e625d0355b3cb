/**
 * Keras BatchNormalization over any axis (usually the last: the channels of a feature map, or the
 * units after a Dense layer).
 *   inference: y = (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta
 *   training:  the same with the batch's own mean and variance (over every axis but `axis`; the
 *              biased variance, as Keras 3's ops.moments), and the moving statistics then move:
 *              moving = moving * momentum + batch * (1 - momentum).
 * gamma is 1 when scale=False, beta 0 when center=False. Arithmetic in float64, stored as float32.
 */
import type { AxisRole } from '../axes';
import { defaultRoles } from '../axes';
import type { BatchNormChannel, BatchNormElement, BatchNormTraining, Explanation, LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatArithmetic, formatArithmeticParen, formatPlain, formatShape } from '../format';
import { inspectorConv as CV } from '../../i18n/messages/inspector-conv';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { NamedTensor, Tensor, TraceStep } from '../types';
import { configNumber, param, requireInputs, size } from './util';
import { NoReferenceError } from '../check';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

interface Setup {
  x: Tensor;
  axis: number;
  channels: number;
  /** Product of the axes after `axis`. */
  inner: number;
  epsilon: number;
  momentum: number;
  gamma: Float32Array | null;
  beta: Float32Array | null;
  mean: Float32Array;
  variance: Float32Array;
}

/** The normalised axis as a non-negative index; Keras 2 files write a list ([3]). */
export function batchNormAxis(config: Record<string, unknown>, rank: number): number {
  let a = config.axis ?? -1;
  if (Array.isArray(a)) {
    if (a.length !== 1) throw new NoReferenceError(CV.batchnorm.severalAxes(a.join(', ')));
    a = a[0];
  }
  if (typeof a !== 'number' || !Number.isInteger(a)) throw new Error(E.batchNormAxis(JSON.stringify(a)));
  const r = a < 0 ? rank + a : a;
  if (r < 1 || r >= rank) throw new Error(E.batchNormRange(a, rank));
  return r;
}

function vector(params: NamedTensor[], name: string, channels: number, required: boolean): Float32Array | null {
  const p = param(params, name);
  if (!p) {
    if (required) throw new Error(E.batchNormNeeds(name));
    return null;
  }
  if (p.values.length !== channels) throw new Error(E.batchNormChannels(name, p.values.length, channels));
  return p.values;
}

function setup(inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): Setup {
  requireInputs(inputs, 1, 'BatchNormalization');
  const x = inputs[0];
  const axis = batchNormAxis(config, x.shape.length);
  const channels = x.shape[axis];
  return {
    x,
    axis,
    channels,
    inner: size(x.shape.slice(axis + 1)),
    epsilon: configNumber(config, 'epsilon', 1e-3),
    momentum: configNumber(config, 'momentum', 0.99),
    gamma: vector(params, 'gamma', channels, config.scale === true),
    beta: vector(params, 'beta', channels, config.center === true),
    mean: vector(params, 'moving_mean', channels, true) as Float32Array,
    variance: vector(params, 'moving_variance', channels, true) as Float32Array,
  };
}

function constants(s: Setup, mean: ArrayLike<number>, variance: ArrayLike<number>): BatchNormChannel[] {
  const out: BatchNormChannel[] = [];
  for (let c = 0; c < s.channels; c++) {
    const gamma = s.gamma ? s.gamma[c] : 1;
    const beta = s.beta ? s.beta[c] : 0;
    const std = Math.sqrt(variance[c] + s.epsilon);
    const multiplier = gamma / std;
    out.push({ channel: c, mean: mean[c], variance: variance[c], gamma, beta, std, multiplier, shift: beta - mean[c] * multiplier });
  }
  return out;
}

function normalise(s: Setup, mean: ArrayLike<number>, variance: ArrayLike<number>): Float32Array {
  const xv = s.x.values;
  const out = new Float32Array(xv.length);
  const C = s.channels;
  const inner = s.inner;
  for (let i = 0; i < xv.length; i++) {
    const c = Math.floor(i / inner) % C;
    const g = s.gamma ? s.gamma[c] : 1;
    const b = s.beta ? s.beta[c] : 0;
    out[i] = ((xv[i] - mean[c]) * g) / Math.sqrt(variance[c] + s.epsilon) + b;
  }
  return out;
}

/** The batch's mean and biased variance per channel (two passes, float64). */
function batchMoments(s: Setup): { mean: Float64Array; variance: Float64Array; count: number } {
  const xv = s.x.values;
  const C = s.channels;
  const inner = s.inner;
  const count = xv.length / C;
  const mean = new Float64Array(C);
  const variance = new Float64Array(C);
  for (let i = 0; i < xv.length; i++) mean[Math.floor(i / inner) % C] += xv[i];
  for (let c = 0; c < C; c++) mean[c] /= count;
  for (let i = 0; i < xv.length; i++) {
    const c = Math.floor(i / inner) % C;
    variance[c] += (xv[i] - mean[c]) ** 2;
  }
  for (let c = 0; c < C; c++) variance[c] /= count;
  return { mean, variance, count };
}

/** BatchNormalization in training mode on the step's input (the traced batch). */
export function batchNormTraining(step: TraceStep): BatchNormTraining {
  const s = setup(step.inputs, step.params, step.config);
  const m = batchMoments(s);
  const output: Tensor = { shape: [...s.x.shape], values: normalise(s, m.mean, m.variance) };
  const notes = [
    CV.batchnorm.trainingBatch(m.count),
    CV.batchnorm.trainingMove(formatPlain(s.momentum)),
  ];
  if (m.count === 1) notes.push(CV.batchnorm.singleValue);
  return {
    output,
    channels: constants(s, m.mean, m.variance),
    nextMovingMean: Array.from(s.mean, (v, c) => v * s.momentum + m.mean[c] * (1 - s.momentum)),
    nextMovingVariance: Array.from(s.variance, (v, c) => v * s.momentum + m.variance[c] * (1 - s.momentum)),
    count: m.count,
    notes,
  };
}

// The arithmetic line the panel shows: a decimal comma in German (see formatArithmetic).
const fmt = (v: number, digits: number) => formatArithmetic(v, digits);
const paren = (v: number, digits: number) => formatArithmeticParen(v, digits);

/** One element of the step's input through the normalisation, with the real numbers. */
export function batchNormElement(step: TraceStep, index: number[], mode: 'inference' | 'training' = 'inference', digits = 3): BatchNormElement {
  const s = setup(step.inputs, step.params, step.config);
  const shape = s.x.shape;
  if (index.length !== shape.length || index.some((v, a) => !Number.isInteger(v) || v < 0 || v >= shape[a])) {
    throw new Error(E.outsideInput(index, formatShape(shape)));
  }
  let flat = 0;
  index.forEach((v, a) => (flat = flat * shape[a] + v));
  const c = index[s.axis];
  const stats = mode === 'training' ? batchMoments(s) : { mean: s.mean, variance: s.variance };
  const x = s.x.values[flat];
  const mean = stats.mean[c];
  const variance = stats.variance[c];
  const gamma = s.gamma ? s.gamma[c] : 1;
  const beta = s.beta ? s.beta[c] : 0;
  const normalised = (x - mean) / Math.sqrt(variance + s.epsilon);
  const y = normalised * gamma + beta;
  return {
    index: [...index],
    channel: c,
    mode,
    x,
    mean,
    variance,
    epsilon: s.epsilon,
    gamma,
    beta,
    normalised,
    y,
    output: mode === 'inference' ? step.output.values[flat] : null,
    text: `(${paren(x, digits)} - ${paren(mean, digits)}) / sqrt(${fmt(variance, digits)} + ${fmt(s.epsilon, digits)}) * ${paren(gamma, digits)} + ${paren(beta, digits)} = ${fmt(y, digits)}`,
  };
}

function explain(step: TraceStep): Explanation {
  const s = setup(step.inputs, step.params, step.config);
  const xName = inputLabel(step, 0);
  const core = `(${xName} - moving_mean) / np.sqrt(moving_variance + ${formatPlain(s.epsilon)})`;
  const formula = `${outputLabel(step)} = ${core}${s.gamma ? ' * gamma' : ''}${s.beta ? ' + beta' : ''}`;
  const rank = s.x.shape.length;
  const notes = [
    CV.batchnorm.inference(s.channels, s.axis),
    CV.batchnorm.training(formatPlain(s.momentum)),
  ];
  if (rank > 2 && s.axis === rank - 1) notes.push(CV.batchnorm.samePerPosition);
  return {
    kind: 'batchnorm',
    title: L.title('BatchNormalization', step.name),
    formula,
    shapes: `${formatShape(s.x.shape)} -> ${formatShape(step.output.shape)}`,
    notes,
    axis: s.axis,
    epsilon: s.epsilon,
    momentum: s.momentum,
    center: s.beta !== null,
    scale: s.gamma !== null,
    channels: constants(s, s.mean, s.variance),
  };
}

export const batchNormalization: LayerKind = {
  classNames: ['BatchNormalization'],
  python: {
    fn: 'run_batchnorm',
    configKeys: ['axis', 'epsilon'],
    code: `def run_batchnorm(layer, inputs):
    # At prediction time: the moving statistics, not the batch's (float64, then float32).
    config = layer["config"]
    x = inputs[0].astype(np.float64)
    axis = config.get("axis", -1)
    axis = (axis[0] if isinstance(axis, list) else axis) % x.ndim
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]
    w = {k: v.astype(np.float64).reshape(shape) for k, v in layer["weights"].items()}
    y = (x - w["moving_mean"]) / np.sqrt(w["moving_variance"] + config.get("epsilon", 0.001))
    if "gamma" in w:
        y = y * w["gamma"]
    if "beta" in w:
        y = y + w["beta"]
    return y.astype(np.float32)
`,
  },
  reference(inputs, params, config) {
    const s = setup(inputs, params, config);
    return { shape: [...s.x.shape], values: normalise(s, s.mean, s.variance) };
  },
  explain,
  axes(step) {
    const rank = step.inputs[0].shape.length;
    let roles = defaultRoles(rank);
    const axis = batchNormAxis(step.config, rank);
    // channels_first feature maps normalise axis 1: the channels come before the spatial axes.
    if (rank > 2 && axis === 1) roles = ['batch', 'channel', ...roles.slice(1, -1)];
    const params: Record<string, AxisRole[]> = {};
    for (const p of step.params) params[p.name] = [roles[axis]];
    return { inputs: [roles], params, output: roles };
  },
};
