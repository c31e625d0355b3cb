/**
 * Keras Dense: values_{i+1} = activation(values_i @ kernel + bias), kernel (in, units), bias (units,).
 * Also `neuronSum`: the whole sum for one output neuron with the real numbers.
 */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatArithmetic, formatArithmeticParen, formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { NamedTensor, Tensor, TraceStep } from '../types';
import { activationDetail, applyActivation, normaliseActivation } from './activation-math';
import { configString, param, requireInputs, size } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

/** x @ kernel + bias over the last axis, in float64 (no activation). */
function affine(x: Tensor, params: NamedTensor[]): { shape: number[]; values: Float64Array } {
  const kernel = param(params, 'kernel');
  if (!kernel || kernel.shape.length !== 2) throw new Error(E.denseKernel);
  const [nIn, units] = kernel.shape;
  const inner = x.shape[x.shape.length - 1];
  if (inner !== nIn) throw new Error(E.denseInputs(nIn, inner));
  const bias = param(params, 'bias');
  const rows = size(x.shape) / nIn;
  const out = new Float64Array(rows * units);
  const k = kernel.values;
  for (let r = 0; r < rows; r++) {
    for (let u = 0; u < units; u++) {
      let s = bias ? bias.values[u] : 0;
      for (let j = 0; j < nIn; j++) s += x.values[r * nIn + j] * k[j * units + u];
      out[r * units + u] = s;
    }
  }
  return { shape: [...x.shape.slice(0, -1), units], values: out };
}

function activationName(config: Record<string, unknown>): string {
  return normaliseActivation(configString(config, 'activation', 'linear'));
}

export const dense: LayerKind = {
  classNames: ['Dense'],

  axes(step) {
    const rest = (rank: number) => Array<'feature'>(Math.max(0, rank - 2)).fill('feature');
    const x = step.inputs[0]?.shape.length ?? 2;
    return {
      inputs: [['batch', ...rest(x), 'input']],
      params: { kernel: ['input', 'unit'], bias: ['unit'] },
      output: ['batch', ...rest(step.output.shape.length), 'unit'],
    };
  },

  reference(inputs, params, config): Tensor {
    requireInputs(inputs, 1, 'Dense');
    const z = affine(inputs[0], params);
    applyActivation(activationName(config), z.values, z.shape[z.shape.length - 1]);
    return { shape: z.shape, values: Float32Array.from(z.values) };
  },

  explain(step) {
    const x = step.inputs[0];
    const kernel = param(step.params, 'kernel');
    const bias = param(step.params, 'bias');
    const act = activationName(step.config);
    const units = kernel?.shape[1] ?? step.output.shape[step.output.shape.length - 1];
    const inputSize = kernel?.shape[0] ?? x.shape[x.shape.length - 1];
    const core = `${inputLabel(step, 0)} @ kernel${bias ? ' + bias' : ''}`;
    const wrapped = act === 'linear' ? core : `${act}(${core})`;
    const shapes =
      `${formatShape(x.shape)} @ ${formatShape(kernel?.shape ?? [inputSize, units])}` +
      `${bias ? ` + ${formatShape(bias.shape)}` : ''} -> ${formatShape(step.output.shape)}`;
    const z = kernel ? Array.from(affine(x, step.params).values.subarray(0, units)) : [];
    const notes = [L.dense.weightedSum(units, inputSize, bias !== null)];
    if (act !== 'linear') notes.push(L.dense.ownActivation(act));
    return {
      kind: 'dense',
      title: L.title('Dense', step.name),
      formula: `${outputLabel(step)} = ${wrapped}`,
      shapes,
      notes,
      units,
      inputSize,
      useBias: bias !== null,
      activation: act,
      preActivation: z,
      activationDetail: act === 'linear' ? null : activationDetail(act, z, step.output.values.subarray(0, units), units),
    };
  },
};

export interface NeuronTerm {
  /** Input index j. */
  index: number;
  x: number;
  w: number;
  product: number;
}

/** The whole sum behind one output neuron of a Dense step (batch row 0). */
export interface NeuronSum {
  neuron: number;
  terms: NeuronTerm[];
  /** null when the layer has no bias. */
  bias: number | null;
  /** Σ x_j w_j + bias, before the activation. */
  total: number;
  activation: string;
  /** activation(total) (for softmax: over all of the layer's sums). */
  activated: number;
  /** What tfjs computed for this neuron. */
  output: number;
  /** "5.30*0.120 + 3.40*(-0.500) + 0.0100 = 0.730" (English: ASCII, as Python writes it; German: "5,30*0,120 + 3,40*(−0,500) + …"). */
  text: string;
  /** "relu(0.730) = 0.730"; null for a linear Dense. */
  activationText: string | null;
}

/** The sum for output neuron `neuron` of a Dense step with the real numbers, `digits` significant. */
export function neuronSum(step: TraceStep, neuron: number, digits = 3): NeuronSum {
  const kernel = param(step.params, 'kernel');
  if (step.className !== 'Dense' || !kernel) throw new Error(E.notDense(step.name));
  const [nIn, units] = kernel.shape;
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= units) {
    throw new Error(E.neuronRange(units - 1, neuron));
  }
  const x = step.inputs[0].values;
  const biasT = param(step.params, 'bias');
  const terms: NeuronTerm[] = [];
  let total = biasT ? biasT.values[neuron] : 0;
  for (let j = 0; j < nIn; j++) {
    const w = kernel.values[j * units + neuron];
    terms.push({ index: j, x: x[j], w, product: x[j] * w });
    total += x[j] * w;
  }
  const act = activationName(step.config);
  const all = Float64Array.from(affine(step.inputs[0], step.params).values.subarray(0, units));
  applyActivation(act, all, units);
  const f = (v: number) => formatArithmetic(v, digits);
  const paren = (v: number) => formatArithmeticParen(v, digits);
  const parts = terms.map((t) => `${f(t.x)}*${paren(t.w)}`);
  if (biasT) parts.push(paren(biasT.values[neuron]));
  return {
    neuron,
    terms,
    bias: biasT ? biasT.values[neuron] : null,
    total,
    activation: act,
    activated: all[neuron],
    output: step.output.values[neuron],
    text: `${parts.join(' + ')} = ${f(total)}`,
    activationText:
      act === 'linear'
        ? null
        : act === 'softmax'
          ? `softmax(z)[${neuron}] = ${f(all[neuron])}`
          : `${act}(${f(total)}) = ${f(all[neuron])}`,
  };
}

/** A neuron's sum as a panel lists it: every term for a small layer, the largest ones and the rest summed for a big one. */
export interface NeuronSumListing extends NeuronSum {
  /** The listed terms: all of them in index order when there are at most `allUpTo`, else the `top` largest |x * w|, largest first. */
  shown: NeuronTerm[];
  /** The terms not listed, summed (in float64); null when every term is listed. */
  rest: { count: number; sum: number; zeroInputs: number } | null;
  /** |activated - output|: how far the plain-TypeScript sum (after the activation) is from what tfjs computed. */
  diff: number;
}

/** Lists a neuron's sum: all terms up to `allUpTo` inputs, else the `top` largest by |x * w| and "the other N terms sum to S". */
export function listNeuronSum(sum: NeuronSum, top = 12, allUpTo = 32): NeuronSumListing {
  const diff = Math.abs(sum.activated - sum.output);
  if (sum.terms.length <= allUpTo) return { ...sum, shown: sum.terms, rest: null, diff };
  const order = [...sum.terms].sort((a, b) => Math.abs(b.product) - Math.abs(a.product) || a.index - b.index);
  const shown = order.slice(0, top);
  const others = order.slice(top);
  let restSum = 0;
  let zeroInputs = 0;
  for (const t of others) {
    restSum += t.product;
    if (t.x === 0) zeroInputs++;
  }
  return { ...sum, shown, rest: { count: others.length, sum: restSum, zeroInputs }, diff };
}
