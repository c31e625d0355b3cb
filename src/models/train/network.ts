/**
 * A Sequential stack of Rescaling / Flatten / Dense / Activation / Dropout layers as plain float32
 * arithmetic: forward, and a hand-written backward pass. No tfjs: a step is a few loops over
 * Float32Arrays, so training costs the arithmetic instead of tfjs' per-op overhead.
 *
 * Speed at MNIST size (784 -> 128 -> 10, batch 32): inputs are mostly zeros (about 80% of MNIST's
 * pixels, and half of a ReLU's outputs), so a Dense layer's forward pass adds `x[i] * W[i, :]`
 * only for the nonzero x[i], with W's rows (the output units) innermost, and its kernel gradient
 * `x^T @ dY` likewise touches only the rows of the nonzero inputs. The first Dense layer (nothing
 * trainable before it) skips d(input) altogether. Sums run in float64 in the same order as the
 * plain triple loop (ascending input index, ascending row), so skipping zeros changes no result.
 *
 * Large Dense layers (at least SIMD_MIN_WEIGHTS weights, output width a multiple of 4) run the
 * same loops as WebAssembly SIMD kernels (wasm/kernels.wat, float32 like tfjs and Keras), 4
 * outputs per instruction; the network's buffers then live in the kernels' memory, sized once for
 * a fixed batch capacity. Small networks (Iris, housing) stay in plain TypeScript, bit for bit as
 * before. The kernels load on demand (`loadKernels`, awaited by `train` and `evaluateRecipe`);
 * a network made before they have loaded runs in plain TypeScript.
 */
import type { ActivationName, Recipe, WeightTensor } from '../types';
import { inputWidth, layerShapes, weightSpecs } from './recipe-weights';
import type { Rng } from '../random';
import { KernelArena } from './wasm/kernels';
import { modelsTrain } from '../../i18n/messages/models-train';

/**
 * One step of the network; `layer` is the index of the recipe layer it comes from. Flatten is no
 * step at all: rows are stored flat, row by row (C order), so it changes no value and no position.
 */
export type Op =
  | { kind: 'dense'; layer: number; kernel: number; inWidth: number; outWidth: number }
  | { kind: 'activation'; layer: number; fn: ActivationName; width: number }
  | { kind: 'dropout'; layer: number; rate: number; width: number }
  | { kind: 'rescaling'; layer: number; scale: number; offset: number; width: number };

/** Output width of an op. */
export function opWidth(op: Op): number {
  return op.kind === 'dense' ? op.outWidth : op.width;
}

/** The layer kinds, activations and sizes the plain-TypeScript network can run. */
export function compileOps(recipe: Recipe): Op[] {
  const ops: Op[] = [];
  let tensor = 0;
  layerShapes(recipe).forEach(({ layer: l, inShape }, layer) => {
    const width = inShape.reduce((a, b) => a * b, 1);
    if (l.className === 'Dense') {
      ops.push({ kind: 'dense', layer, kernel: tensor, inWidth: width, outWidth: l.units });
      tensor += 2;
      if (l.activation && l.activation !== 'linear') ops.push({ kind: 'activation', layer, fn: l.activation, width: l.units });
    } else if (l.className === 'Activation') {
      ops.push({ kind: 'activation', layer, fn: l.activation, width });
    } else if (l.className === 'Dropout') {
      ops.push({ kind: 'dropout', layer, rate: l.rate, width });
    } else if (l.className === 'Rescaling') {
      ops.push({ kind: 'rescaling', layer, scale: l.scale, offset: l.offset, width });
    } else if (l.className !== 'Flatten') {
      throw new Error(modelsTrain.recipe.fastEngineKind((l as { className: string }).className));
    }
  });
  return ops;
}

/** Row data as data sets hold it: float32 features, or raw bytes (image pixels 0..255). */
export type RowData = Float32Array | Uint8Array;

/** A Dense layer with at least this many weights runs on the SIMD kernels (when available). */
export const SIMD_MIN_WEIGHTS = 4096;

export interface NetworkOptions {
  /** Largest batch to run. With the SIMD kernels it is fixed (default 1024); without, buffers grow. */
  capacity?: number;
  /** Allow the WebAssembly SIMD kernels for large Dense layers (default true). */
  simd?: boolean;
}

function simdOp(op: Op): boolean {
  return op.kind === 'dense' && op.inWidth * op.outWidth >= SIMD_MIN_WEIGHTS && op.outWidth % 4 === 0;
}

export class DenseNetwork {
  readonly ops: Op[];
  /** Kernel, bias, kernel, bias, ... in Keras' order. */
  readonly weights: Float32Array[];
  readonly grads: Float32Array[];
  readonly inWidth: number;
  readonly outWidth: number;
  /** Index of the first Dense op: nothing before it trains, so backward stops there. */
  private readonly firstDense: number;
  private capacity = 0;
  /** outputs[i]: output of op i; the input batch is `input`. */
  private input: Float32Array = new Float32Array(0);
  private outputs: Float32Array[] = [];
  private deltas: Float32Array[] = [];
  private masks: Float32Array[] = [];
  /** float64 accumulators: one output row, and one kernel gradient per Dense op on the JS path. */
  private rowSums = new Float64Array(0);
  private kernelSums: Float64Array[] = [];
  /** The SIMD kernels and their memory, when a Dense layer is large enough to use them. */
  readonly arena: KernelArena | null;
  /** Largest batch `forward` takes: fixed with the SIMD kernels, else unbounded. */
  readonly maxRows: number;

  constructor(
    private readonly recipe: Recipe,
    weights: WeightTensor[],
    options: NetworkOptions = {},
  ) {
    this.ops = compileOps(recipe);
    const specs = weightSpecs(recipe);
    this.inWidth = inputWidth(recipe);
    const last = this.ops[this.ops.length - 1];
    this.outWidth = last ? opWidth(last) : this.inWidth;
    this.firstDense = this.ops.findIndex((op) => op.kind === 'dense');
    const sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1));
    const wantSimd = options.simd !== false && this.ops.some(simdOp);
    const capacity = options.capacity ?? 1024;
    // Weights, gradients, RMSprop's velocity (allocated by the optimizer), and the batch buffers.
    const floats = wantSimd
      ? 3 * sizes.reduce((a, n) => a + KernelArena.size(n), 0) + this.batchFloats(capacity) + 16 * (3 * sizes.length + 4 * this.ops.length + 1)
      : 0;
    const widest = Math.max(this.inWidth, ...this.ops.map((op) => (op.kind === 'dense' ? op.inWidth : 0)));
    this.arena = wantSimd ? KernelArena.create(floats, Math.max(widest, capacity)) : null;
    this.maxRows = this.arena ? capacity : Infinity;
    this.weights = specs.map((s, t) => {
      const w = weights.find((x) => x.layer === s.layer && x.name === s.name);
      if (!w) throw new Error(`No weights given for ${s.layer}/${s.name}.`);
      if (w.values.length !== sizes[t]) {
        throw new Error(`${s.layer}/${s.name} needs shape [${s.shape.join(', ')}].`);
      }
      const values = this.alloc(sizes[t]);
      values.set(w.values);
      return values;
    });
    this.grads = sizes.map((n) => this.alloc(n));
    this.rowSums = new Float64Array(Math.max(1, ...this.ops.map((op) => (op.kind === 'dense' ? op.outWidth : 0))));
    this.kernelSums = this.ops.map((op) => new Float64Array(op.kind === 'dense' && !(this.arena && simdOp(op)) ? op.inWidth * op.outWidth : 0));
    if (this.arena) this.allocBatch(capacity);
  }

  /** A zeroed float32 buffer: in the kernels' memory when they are in use. */
  alloc(n: number): Float32Array {
    return this.arena ? this.arena.alloc(n) : new Float32Array(n);
  }

  private deltaWidth(op: Op, i: number): number {
    return i > this.firstDense ? (op.kind === 'dense' ? op.inWidth : op.width) : 0;
  }

  private batchFloats(n: number): number {
    let total = KernelArena.size(n * this.inWidth);
    this.ops.forEach((op, i) => {
      total += KernelArena.size(n * opWidth(op)) + KernelArena.size(n * this.deltaWidth(op, i));
      total += KernelArena.size(op.kind === 'dropout' ? n * op.width : 0);
    });
    return total;
  }

  private allocBatch(n: number): void {
    this.capacity = n;
    this.input = this.alloc(n * this.inWidth);
    this.outputs = this.ops.map((op) => this.alloc(n * opWidth(op)));
    this.deltas = this.ops.map((op, i) => this.alloc(n * this.deltaWidth(op, i)));
    this.masks = this.ops.map((op) => this.alloc(op.kind === 'dropout' ? n * op.width : 0));
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    if (this.arena) throw new Error(`Internal error: a batch of ${n} rows is larger than the network's capacity of ${this.capacity}.`);
    this.allocBatch(n);
  }

  /** Copies rows `rows[start..end)` of a row-major matrix into the input batch. */
  loadRows(x: RowData, rows: ArrayLike<number>, start: number, end: number): number {
    const n = end - start;
    this.ensureCapacity(n);
    const w = this.inWidth;
    const input = this.input;
    // TypedArray.set converts bytes to float32 natively, several times faster than a JS loop.
    for (let r = 0; r < n; r++) {
      const from = rows[start + r] * w;
      input.set(x.subarray(from, from + w), r * w);
    }
    return n;
  }

  /** Copies contiguous rows [start, end) into the input batch. */
  loadRange(x: RowData, start: number, end: number): number {
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
      if (op.kind === 'dense' && this.arena && simdOp(op)) {
        this.arena.denseForward(input, this.weights[op.kernel], this.weights[op.kernel + 1], out, n, op.inWidth, op.outWidth);
      } else if (op.kind === 'dense') {
        denseForward(input, this.weights[op.kernel], this.weights[op.kernel + 1], out, n, op.inWidth, op.outWidth, this.rowSums);
      } else if (op.kind === 'activation') {
        activationForward(op.fn, input, out, n, op.width);
      } else if (op.kind === 'rescaling') {
        // Keras: x * scale + offset in float32 (scale and offset cast to float32 first).
        const scale = Math.fround(op.scale);
        const offset = Math.fround(op.offset);
        for (let j = 0; j < n * op.width; j++) out[j] = Math.fround(input[j] * scale) + offset;
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
    for (let i = this.ops.length - 1; i >= this.firstDense && i >= 0; i--) {
      const op = this.ops[i];
      const input = i === 0 ? this.input : this.outputs[i - 1];
      const dIn = this.deltas[i];
      if (op.kind === 'dense') {
        const simd = this.arena && simdOp(op) ? this.arena : null;
        const before = this.ops[i - 1];
        denseBackward(
          input, this.weights[op.kernel], delta, this.grads[op.kernel], this.grads[op.kernel + 1],
          i === this.firstDense ? null : dIn, n, op.inWidth, op.outWidth, this.kernelSums[i], simd,
          before?.kind === 'activation' && before.fn === 'relu',
        );
      } else if (op.kind === 'activation') {
        activationBackward(op.fn, this.outputs[i], delta, dIn, n, op.width);
      } else if (op.kind === 'rescaling') {
        const scale = Math.fround(op.scale);
        for (let j = 0; j < n * op.width; j++) dIn[j] = delta[j] * scale;
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

/**
 * out = x @ w + b for n rows. Per row: the products of each nonzero x[i] with w's row i are
 * added in float64 in ascending i (zeros add nothing, so the sum equals the full loop's), then
 * rounded to float32 and the bias added, as tfjs' matMul + add.
 */
function denseForward(
  x: Float32Array, w: Float32Array, b: Float32Array, out: Float32Array, n: number, inW: number, outW: number, acc: Float64Array,
): void {
  for (let r = 0; r < n; r++) {
    const xo = r * inW;
    acc.fill(0, 0, outW);
    for (let i = 0; i < inW; i++) {
      const xi = x[xo + i];
      if (xi === 0) continue;
      const wo = i * outW;
      for (let o = 0; o < outW; o++) acc[o] += xi * w[wo + o];
    }
    const oo = r * outW;
    for (let o = 0; o < outW; o++) out[oo + o] = Math.fround(acc[o]) + b[o];
  }
}

/**
 * dW = x^T @ dOut, dB = column sums of dOut, dX = dOut @ w^T (skipped when `dX` is null). dW's
 * sums run over the rows in ascending order in float64, visiting only the nonzero x[r, i].
 * `afterRelu`: the input is a ReLU's output, so dX is 0 wherever x is 0 (see below).
 */
function denseBackward(
  x: Float32Array, w: Float32Array, dOut: Float32Array, dW: Float32Array, dB: Float32Array,
  dX: Float32Array | null, n: number, inW: number, outW: number, acc: Float64Array, simd: KernelArena | null,
  afterRelu = false,
): void {
  if (simd) {
    simd.denseKernelGrad(x, dOut, dW, n, inW, outW);
  } else {
    acc.fill(0);
    for (let r = 0; r < n; r++) {
      const xo = r * inW;
      const dob = r * outW;
      for (let i = 0; i < inW; i++) {
        const xi = x[xo + i];
        if (xi === 0) continue;
        const ao = i * outW;
        for (let o = 0; o < outW; o++) acc[ao + o] += xi * dOut[dob + o];
      }
    }
    for (let j = 0; j < inW * outW; j++) dW[j] = acc[j];
  }
  for (let o = 0; o < outW; o++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += dOut[r * outW + o];
    dB[o] = sum;
  }
  if (!dX) return;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < inW; i++) {
      // After a ReLU, an input of 0 is a unit that did not fire: ReLU's backward step zeroes its
      // gradient whatever it is, so it is not computed (the result is the same).
      if (afterRelu && x[r * inW + i] === 0) {
        dX[r * inW + i] = 0;
        continue;
      }
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
