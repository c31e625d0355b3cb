/**
 * A Sequential stack of Dense / Activation / Dropout layers as plain float32 arithmetic: forward,
 * and a hand-written backward pass. No tfjs: a step is a few loops over small Float32Arrays, so
 * training Iris costs milliseconds instead of tfjs' per-op overhead.
 */
import type { ActivationName, Recipe, WeightTensor } from '../types';
import { inputWidth, weightSpecs } from './recipe-weights';
import type { Rng } from '../random';

/** One step of the network; `layer` is the index of the recipe layer it comes from. */
export type Op =
  | { kind: 'dense'; layer: number; kernel: number; inWidth: number; outWidth: number }
  | { kind: 'activation'; layer: number; fn: ActivationName; width: number }
  | { kind: 'dropout'; layer: number; rate: number; width: number };

/** The layer kinds, activations and sizes the plain-TypeScript network can run. */
export function compileOps(recipe: Recipe): Op[] {
  const ops: Op[] = [];
  let width = inputWidth(recipe);
  let tensor = 0;
  recipe.layers.forEach((l, layer) => {
    if (l.className === 'Dense') {
      ops.push({ kind: 'dense', layer, kernel: tensor, inWidth: width, outWidth: l.units });
      tensor += 2;
      width = l.units;
      if (l.activation && l.activation !== 'linear') ops.push({ kind: 'activation', layer, fn: l.activation, width });
    } else if (l.className === 'Activation') {
      ops.push({ kind: 'activation', layer, fn: l.activation, width });
    } else if (l.className === 'Dropout') {
      ops.push({ kind: 'dropout', layer, rate: l.rate, width });
    } else {
      throw new Error(`The plain-TypeScript engine cannot run layer kind ${(l as { className: string }).className}.`);
    }
  });
  return ops;
}

export class DenseNetwork {
  readonly ops: Op[];
  /** Kernel, bias, kernel, bias, ... in Keras' order. */
  readonly weights: Float32Array[];
  readonly grads: Float32Array[];
  readonly inWidth: number;
  readonly outWidth: number;
  private capacity = 0;
  /** outputs[i]: output of op i; the input batch is `input`. */
  private input = new Float32Array(0);
  private outputs: Float32Array[] = [];
  private deltas: Float32Array[] = [];
  private masks: Float32Array[] = [];

  constructor(
    private readonly recipe: Recipe,
    weights: WeightTensor[],
  ) {
    this.ops = compileOps(recipe);
    const specs = weightSpecs(recipe);
    this.weights = specs.map((s) => {
      const w = weights.find((t) => t.layer === s.layer && t.name === s.name);
      if (!w) throw new Error(`No weights given for ${s.layer}/${s.name}.`);
      if (w.values.length !== s.shape.reduce((a, b) => a * b, 1)) {
        throw new Error(`${s.layer}/${s.name} needs shape [${s.shape.join(', ')}].`);
      }
      return new Float32Array(w.values);
    });
    this.grads = this.weights.map((w) => new Float32Array(w.length));
    this.inWidth = inputWidth(recipe);
    const last = this.ops[this.ops.length - 1];
    this.outWidth = last ? (last.kind === 'dense' ? last.outWidth : last.width) : this.inWidth;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    this.capacity = n;
    this.input = new Float32Array(n * this.inWidth);
    this.outputs = this.ops.map((op) => new Float32Array(n * (op.kind === 'dense' ? op.outWidth : op.width)));
    this.deltas = this.ops.map((op) => new Float32Array(n * (op.kind === 'dense' ? op.inWidth : op.width)));
    this.masks = this.ops.map((op) => new Float32Array(op.kind === 'dropout' ? n * op.width : 0));
  }

  /** Copies rows `rows[start..end)` of a row-major matrix into the input batch. */
  loadRows(x: Float32Array, rows: ArrayLike<number>, start: number, end: number): number {
    const n = end - start;
    this.ensureCapacity(n);
    const w = this.inWidth;
    const input = this.input;
    for (let r = 0; r < n; r++) {
      const from = rows[start + r] * w;
      for (let f = 0; f < w; f++) input[r * w + f] = x[from + f];
    }
    return n;
  }

  /** Copies contiguous rows [start, end) into the input batch. */
  loadRange(x: Float32Array, start: number, end: number): number {
    const n = end - start;
    this.ensureCapacity(n);
    this.input.set(x.subarray(start * this.inWidth, end * this.inWidth));
    return n;
  }

  /** The output of op `i` for the loaded batch after `forward` (n x width, row-major). */
  outputOf(i: number): Float32Array {
    return this.outputs[i];
  }

  /**
   * Runs the loaded batch of `n` rows. Dropout is active only when `dropoutRng` is given
   * (training); it keeps a unit when uniform() >= rate and scales kept units by 1 / (1 - rate).
   */
  forward(n: number, dropoutRng: Rng | null): Float32Array {
    let input: Float32Array = this.input;
    for (let i = 0; i < this.ops.length; i++) {
      const op = this.ops[i];
      const out = this.outputs[i];
      if (op.kind === 'dense') {
        denseForward(input, this.weights[op.kernel], this.weights[op.kernel + 1], out, n, op.inWidth, op.outWidth);
      } else if (op.kind === 'activation') {
        activationForward(op.fn, input, out, n, op.width);
      } else if (dropoutRng && op.rate > 0) {
        const mask = this.masks[i];
        const scale = 1 / (1 - op.rate);
        for (let j = 0; j < n * op.width; j++) {
          mask[j] = dropoutRng.uniform() >= op.rate ? scale : 0;
          out[j] = input[j] * mask[j];
        }
      } else {
        out.set(input.subarray(0, n * op.width));
        this.masks[i].fill(1, 0, n * op.width);
      }
      input = out;
    }
    return this.ops.length ? this.outputs[this.ops.length - 1] : this.input;
  }

  /** Fills `grads` from d(loss)/d(output) of the last forward pass. */
  backward(dOut: Float32Array, n: number): void {
    let delta = dOut;
    for (let i = this.ops.length - 1; i >= 0; i--) {
      const op = this.ops[i];
      const input = i === 0 ? this.input : this.outputs[i - 1];
      const dIn = this.deltas[i];
      if (op.kind === 'dense') {
        denseBackward(input, this.weights[op.kernel], delta, this.grads[op.kernel], this.grads[op.kernel + 1], i === 0 ? null : dIn, n, op.inWidth, op.outWidth);
      } else if (op.kind === 'activation') {
        activationBackward(op.fn, this.outputs[i], delta, dIn, n, op.width);
      } else {
        const mask = this.masks[i];
        for (let j = 0; j < n * op.width; j++) dIn[j] = delta[j] * mask[j];
      }
      delta = dIn;
    }
  }

  snapshot(): WeightTensor[] {
    return weightSpecs(this.recipe).map((s, t) => ({ ...s, values: new Float32Array(this.weights[t]) }));
  }
}

function denseForward(x: Float32Array, w: Float32Array, b: Float32Array, out: Float32Array, n: number, inW: number, outW: number): void {
  for (let r = 0; r < n; r++) {
    const xo = r * inW;
    for (let o = 0; o < outW; o++) {
      let sum = 0;
      for (let i = 0; i < inW; i++) sum += x[xo + i] * w[i * outW + o];
      out[r * outW + o] = Math.fround(sum) + b[o];
    }
  }
}

function denseBackward(
  x: Float32Array, w: Float32Array, dOut: Float32Array, dW: Float32Array, dB: Float32Array,
  dX: Float32Array | null, n: number, inW: number, outW: number,
): void {
  for (let i = 0; i < inW; i++) {
    for (let o = 0; o < outW; o++) {
      let sum = 0;
      for (let r = 0; r < n; r++) sum += x[r * inW + i] * dOut[r * outW + o];
      dW[i * outW + o] = sum;
    }
  }
  for (let o = 0; o < outW; o++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += dOut[r * outW + o];
    dB[o] = sum;
  }
  if (!dX) return;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < inW; i++) {
      let sum = 0;
      for (let o = 0; o < outW; o++) sum += dOut[r * outW + o] * w[i * outW + o];
      dX[r * inW + i] = sum;
    }
  }
}

function activationForward(fn: ActivationName, x: Float32Array, out: Float32Array, n: number, width: number): void {
  const len = n * width;
  switch (fn) {
    case 'linear':
      out.set(x.subarray(0, len));
      return;
    case 'relu':
      for (let j = 0; j < len; j++) out[j] = x[j] > 0 ? x[j] : 0;
      return;
    case 'sigmoid':
      for (let j = 0; j < len; j++) out[j] = 1 / (1 + Math.exp(-x[j]));
      return;
    case 'tanh':
      for (let j = 0; j < len; j++) out[j] = Math.tanh(x[j]);
      return;
    case 'softmax':
      for (let r = 0; r < n; r++) {
        const o = r * width;
        let max = -Infinity;
        for (let j = 0; j < width; j++) if (x[o + j] > max) max = x[o + j];
        let sum = 0;
        for (let j = 0; j < width; j++) {
          const e = Math.exp(x[o + j] - max);
          out[o + j] = e;
          sum += e;
        }
        for (let j = 0; j < width; j++) out[o + j] = out[o + j] / sum;
      }
      return;
  }
}

/** d(input) from d(output), using the activation's output `y`. */
function activationBackward(fn: ActivationName, y: Float32Array, dY: Float32Array, dX: Float32Array, n: number, width: number): void {
  const len = n * width;
  switch (fn) {
    case 'linear':
      dX.set(dY.subarray(0, len));
      return;
    case 'relu':
      for (let j = 0; j < len; j++) dX[j] = y[j] > 0 ? dY[j] : 0;
      return;
    case 'sigmoid':
      for (let j = 0; j < len; j++) dX[j] = dY[j] * y[j] * (1 - y[j]);
      return;
    case 'tanh':
      for (let j = 0; j < len; j++) dX[j] = dY[j] * (1 - y[j] * y[j]);
      return;
    case 'softmax':
      for (let r = 0; r < n; r++) {
        const o = r * width;
        let dot = 0;
        for (let j = 0; j < width; j++) dot += y[o + j] * dY[o + j];
        for (let j = 0; j < width; j++) dX[o + j] = y[o + j] * (dY[o + j] - dot);
      }
      return;
  }
}
