/**
 * A Sequential stack with convolutions as plain float32 arithmetic: Rescaling, Conv2D, MaxPooling2D,
 * BatchNormalization, Dropout, Flatten, Dense and Activation, forward in training or inference mode
 * and a hand-written backward pass (the kernels in this folder). NHWC throughout, as Keras'
 * channels_last; Flatten is free, because a row-major NHWC batch already is Keras' flattened order.
 */
import type { ActivationName, WeightTensor } from '../../types';
import type { Rng } from '../../random';
import { activationBackward, activationForward } from './activations';
import { batchNormBackward, batchNormInference, batchNormTrainForward, createBatchNormCache, updateMovingStatistics, type BatchNormCache } from './batchnorm';
import { col2im, conv2dBackward, conv2dForward, conv2dGeometry, im2col, type Conv2DGeometry } from './conv2d';
import { gemmNN, gemmNT, gemmTN } from './gemm';
import { maxPool2dBackward, maxPool2dForward, pool2dGeometry, type Pool2DGeometry } from './pool2d';
import { convWeightSpecs, imageShape, type ConvRecipe, type ConvWeightSpec } from './spec';
import { KernelArena } from '../wasm/kernels';

export interface ConvNetworkOptions {
  /**
   * Run the matrix products on the WebAssembly SIMD kernels (loadKernels() must have resolved;
   * without SIMD the network stays in plain TypeScript). Every buffer then lives in the kernels'
   * memory, sized for `capacity` rows at most.
   */
  simd?: boolean;
  /** The largest batch (rows) the network will see; required with `simd`. */
  capacity?: number;
}

type Op =
  | { kind: 'conv'; spec: Extract<ConvRecipe['layers'][number], { className: 'Conv2D' }>; kernel: number; bias: number; activation: ActivationName; inShape: number[]; outShape: number[] }
  | { kind: 'pool'; inShape: number[]; outShape: number[]; pool: [number, number]; strides: [number, number]; padding: 'valid' | 'same' }
  | { kind: 'batchnorm'; gamma: number; beta: number; mean: number; variance: number; momentum: number; epsilon: number; shape: number[] }
  | { kind: 'dense'; kernel: number; bias: number; inW: number; outW: number; activation: ActivationName }
  | { kind: 'activation'; fn: ActivationName; shape: number[] }
  | { kind: 'dropout'; rate: number; shape: number[] }
  | { kind: 'rescaling'; scale: number; offset: number; shape: number[] }
  | { kind: 'flatten'; shape: number[] };

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function outShapeOf(op: Op): number[] {
  return 'outShape' in op ? op.outShape : op.kind === 'dense' ? [op.outW] : op.shape;
}

/** The ops of a recipe, each with the shapes its input gives it; throws a clear message for a layer this engine cannot train. */
function compile(recipe: ConvRecipe, specs: ConvWeightSpec[]): Op[] {
  const index = (layer: string, name: string) => specs.findIndex((s) => s.layer === layer && s.name === name);
  let shape = imageShape(recipe.inputShape);
  const ops: Op[] = [];
  for (const l of recipe.layers) {
    switch (l.className) {
      case 'Conv2D': {
        const outShape = [0, 0, 0];
        const g = conv2dGeometry([1, shape[0], shape[1], shape[2]], [l.kernelSize[0], l.kernelSize[1], shape[2], l.filters], l.strides ?? [1, 1], l.padding ?? 'valid');
        outShape[0] = g.oh;
        outShape[1] = g.ow;
        outShape[2] = l.filters;
        ops.push({ kind: 'conv', spec: l, kernel: index(l.name, 'kernel'), bias: index(l.name, 'bias'), activation: l.activation ?? 'linear', inShape: shape, outShape });
        shape = outShape;
        break;
      }
      case 'MaxPooling2D': {
        const pool = l.poolSize ?? [2, 2];
        const strides = l.strides ?? pool;
        const g = pool2dGeometry([1, shape[0], shape[1], shape[2]], pool, strides, l.padding ?? 'valid');
        const outShape = [g.oh, g.ow, shape[2]];
        ops.push({ kind: 'pool', inShape: shape, outShape, pool, strides, padding: l.padding ?? 'valid' });
        shape = outShape;
        break;
      }
      case 'BatchNormalization':
        ops.push({
          kind: 'batchnorm', gamma: index(l.name, 'gamma'), beta: index(l.name, 'beta'), mean: index(l.name, 'moving_mean'),
          variance: index(l.name, 'moving_variance'), momentum: l.momentum ?? 0.99, epsilon: l.epsilon ?? 1e-3, shape,
        });
        break;
      case 'Flatten':
        shape = [size(shape)];
        ops.push({ kind: 'flatten', shape });
        break;
      case 'Dense':
        if (shape.length !== 1) throw new Error(`Dense layer ${l.name} needs a flat input: put a Flatten layer before it.`);
        ops.push({ kind: 'dense', kernel: index(l.name, 'kernel'), bias: index(l.name, 'bias'), inW: shape[0], outW: l.units, activation: l.activation ?? 'linear' });
        shape = [l.units];
        break;
      case 'Activation':
        ops.push({ kind: 'activation', fn: l.activation, shape });
        break;
      case 'Dropout':
        ops.push({ kind: 'dropout', rate: l.rate, shape });
        break;
      case 'Rescaling':
        ops.push({ kind: 'rescaling', scale: l.scale, offset: l.offset, shape });
        break;
    }
  }
  return ops;
}

/** Per-op scratch for one batch capacity. */
interface OpBuffers {
  out: Float32Array;
  /** d(loss)/d(this op's input). */
  dIn: Float32Array;
  cols?: Float32Array;
  dcols?: Float32Array;
  /** Conv/Dense output before its activation (the activation's backward reads `out`). */
  pre?: Float32Array;
  argmax?: Int32Array;
  mask?: Float32Array;
  bn?: BatchNormCache;
}

export class ConvNetwork {
  readonly specs: ConvWeightSpec[];
  /** Every weight in Keras' order (trainable and moving statistics). */
  readonly weights: Float32Array[];
  /** Gradients of the trainable weights (empty arrays for moving statistics). */
  readonly grads: Float32Array[];
  readonly inWidth: number;
  readonly outWidth: number;
  private readonly ops: Op[];
  private capacity = 0;
  private input: Float32Array = new Float32Array(0);
  private buffers: OpBuffers[] = [];
  private conv: (Conv2DGeometry | null)[] = [];
  private pool: (Pool2DGeometry | null)[] = [];
  private training = false;
  /** The SIMD kernels and their memory, when the network runs on them. */
  readonly arena: KernelArena | null = null;
  /** Per op: the kernel transposed (filters x taps), for dX = dY @ kernel^T on the SIMD kernel. */
  private transposed: (Float32Array | null)[] = [];
  /** Zeros standing in for a missing bias on the SIMD kernel (widest output or input). */
  private zeros: Float32Array = new Float32Array(0);

  constructor(private readonly recipe: ConvRecipe, weights: WeightTensor[], options: ConvNetworkOptions = {}) {
    this.specs = convWeightSpecs(recipe);
    this.ops = compile(recipe, this.specs);
    this.inWidth = size(imageShape(recipe.inputShape));
    this.outWidth = this.ops.length ? size(outShapeOf(this.ops[this.ops.length - 1])) : this.inWidth;
    if (options.simd && options.capacity) {
      const plan = this.bufferPlan(options.capacity);
      const weightFloats = this.specs.reduce((sum, s) => sum + 2 * KernelArena.size(size(s.shape)) * 2, 0);
      this.arena = KernelArena.create(plan.floats + weightFloats + 16, plan.scratch);
    }
    const alloc = (n: number) => this.alloc(n);
    this.weights = this.specs.map((s) => {
      const w = weights.find((t) => t.layer === s.layer && t.name === s.name);
      if (!w) throw new Error(`No weights given for ${s.layer}/${s.name}.`);
      if (w.values.length !== size(s.shape)) throw new Error(`${s.layer}/${s.name} needs shape [${s.shape.join(', ')}].`);
      const a = alloc(w.values.length);
      a.set(w.values);
      return a;
    });
    this.grads = this.specs.map((s, i) => alloc(s.trainable ? this.weights[i].length : 0));
    if (this.arena && options.capacity) this.ensureCapacity(options.capacity);
  }

  private alloc(n: number): Float32Array {
    return this.arena ? this.arena.alloc(n) : new Float32Array(n);
  }

  /** Floats every batch buffer takes for `n` rows (each rounded as the arena rounds), and the scratch the kernels need. */
  private bufferPlan(n: number): { floats: number; scratch: number } {
    const r = (k: number) => KernelArena.size(k);
    let floats = r(n * this.inWidth);
    let scratch = n;
    let inShape = imageShape(this.recipe.inputShape);
    for (const op of this.ops) {
      const out = n * size(outShapeOf(op));
      floats += r(out) + r(n * size(inShape));
      if (op.kind === 'conv') {
        const [oh, ow, f] = op.outShape;
        const taps = op.spec.kernelSize[0] * op.spec.kernelSize[1] * op.inShape[2];
        floats += 2 * r(n * oh * ow * taps) + r(out) + r(taps * f) + r(Math.max(taps, f));
        scratch = Math.max(scratch, n * oh * ow, taps, f);
      } else if (op.kind === 'dense') {
        floats += r(out) + r(op.inW * op.outW) + r(Math.max(op.inW, op.outW));
        scratch = Math.max(scratch, op.inW, op.outW);
      } else if (op.kind === 'dropout') {
        floats += r(out);
      } else if (op.kind === 'batchnorm') {
        floats += r(out);
      }
      inShape = outShapeOf(op);
    }
    return { floats, scratch };
  }

  /** True when the network ends in a softmax (its rows sum to 1: the loss need not renormalise). */
  get softmaxOutput(): boolean {
    const last = this.ops[this.ops.length - 1];
    return (last?.kind === 'activation' && last.fn === 'softmax') || ((last?.kind === 'dense' || last?.kind === 'conv') && last.activation === 'softmax');
  }

  /** Trainable weights and their gradients, in Keras' order, for the optimizer. */
  trainable(): { weights: Float32Array[]; grads: Float32Array[] } {
    const keep = this.specs.map((s) => s.trainable);
    return { weights: this.weights.filter((_, i) => keep[i]), grads: this.grads.filter((_, i) => keep[i]) };
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    if (this.arena && this.capacity > 0) throw new Error(`Internal error: a batch of ${n} rows is larger than the network's capacity of ${this.capacity}.`);
    this.capacity = n;
    this.input = this.alloc(n * this.inWidth);
    this.transposed = this.ops.map((op) =>
      this.arena && op.kind === 'conv' && op.spec.filters % 4 === 0 ? this.alloc(op.spec.kernelSize[0] * op.spec.kernelSize[1] * op.inShape[2] * op.spec.filters) : null,
    );
    this.zeros = this.alloc(Math.max(4, ...this.ops.map((op) => (op.kind === 'conv' ? Math.max(op.spec.filters, op.spec.kernelSize[0] * op.spec.kernelSize[1] * op.inShape[2]) : 0))));
    let inShape = imageShape(this.recipe.inputShape);
    this.conv = [];
    this.pool = [];
    this.buffers = this.ops.map((op) => {
      const outSize = n * size(outShapeOf(op));
      const inSize = n * size(inShape);
      const b: OpBuffers = { out: this.alloc(outSize), dIn: this.alloc(inSize) };
      let conv: Conv2DGeometry | null = null;
      let pool: Pool2DGeometry | null = null;
      if (op.kind === 'conv') {
        conv = conv2dGeometry([n, op.inShape[0], op.inShape[1], op.inShape[2]], [op.spec.kernelSize[0], op.spec.kernelSize[1], op.inShape[2], op.spec.filters], op.spec.strides ?? [1, 1], op.spec.padding ?? 'valid');
        b.cols = this.alloc(n * conv.oh * conv.ow * conv.kh * conv.kw * conv.c);
        b.dcols = this.alloc(b.cols.length);
        b.pre = this.alloc(outSize);
      } else if (op.kind === 'dense') {
        b.pre = this.alloc(outSize);
      } else if (op.kind === 'pool') {
        pool = pool2dGeometry([n, op.inShape[0], op.inShape[1], op.inShape[2]], op.pool, op.strides, op.padding);
        b.argmax = new Int32Array(outSize);
      } else if (op.kind === 'dropout') {
        b.mask = this.alloc(outSize);
      } else if (op.kind === 'batchnorm') {
        b.bn = createBatchNormCache(outSize, op.shape[op.shape.length - 1]);
      }
      this.conv.push(conv);
      this.pool.push(pool);
      inShape = outShapeOf(op);
      return b;
    });
  }

  /** Copies rows `rows[start..end)` of the data (bytes or floats) into the input batch. */
  loadRows(x: Float32Array | Uint8Array, rows: ArrayLike<number>, start: number, end: number): number {
    const n = end - start;
    this.ensureCapacity(n);
    const w = this.inWidth;
    for (let r = 0; r < n; r++) {
      const from = rows[start + r] * w;
      const to = r * w;
      for (let f = 0; f < w; f++) this.input[to + f] = x[from + f];
    }
    return n;
  }

  /** Copies contiguous rows [start, end) into the input batch. */
  loadRange(x: Float32Array | Uint8Array, start: number, end: number): number {
    const n = end - start;
    this.ensureCapacity(n);
    const w = this.inWidth;
    for (let i = 0; i < n * w; i++) this.input[i] = x[start * w + i];
    return n;
  }

  /**
   * Runs the loaded batch of `n` rows. With `dropoutRng` (training): Dropout keeps a unit when
   * uniform() >= rate and scales it by 1 / (1 - rate), BatchNormalization uses the batch's
   * statistics and moves its moving statistics. Without: inference, as `predict`.
   */
  forward(n: number, dropoutRng: Rng | null): Float32Array {
    this.training = dropoutRng !== null;
    let x: Float32Array = this.input;
    let shape = imageShape(this.recipe.inputShape);
    for (let i = 0; i < this.ops.length; i++) {
      const op = this.ops[i];
      const b = this.buffers[i];
      const count = n * size(outShapeOf(op));
      switch (op.kind) {
        case 'conv': {
          const g: Conv2DGeometry = { ...(this.conv[i] as Conv2DGeometry), n }; // this batch's rows, not the capacity
          if (this.arena && op.spec.filters % 4 === 0) {
            im2col(x, g, b.cols as Float32Array);
            const bias = op.bias >= 0 ? this.weights[op.bias] : this.zeros;
            this.arena.denseForward(b.cols as Float32Array, this.weights[op.kernel], bias, b.pre as Float32Array, g.n * g.oh * g.ow, g.kh * g.kw * g.c, g.f);
          } else {
            conv2dForward(x, this.weights[op.kernel], op.bias >= 0 ? this.weights[op.bias] : null, g, b.cols as Float32Array, b.pre as Float32Array);
          }
          activationForward(op.activation, b.pre as Float32Array, b.out, count, op.outShape[2]);
          break;
        }
        case 'pool':
          maxPool2dForward(x, { ...(this.pool[i] as Pool2DGeometry), n }, b.out, b.argmax as Int32Array);
          break;
        case 'batchnorm': {
          const c = op.shape[op.shape.length - 1];
          const rows = count / c;
          const gamma = op.gamma >= 0 ? this.weights[op.gamma] : null;
          const beta = op.beta >= 0 ? this.weights[op.beta] : null;
          if (this.training) {
            batchNormTrainForward(x, rows, c, gamma, beta, op.epsilon, b.bn as BatchNormCache, b.out);
            updateMovingStatistics(b.bn as BatchNormCache, op.momentum, this.weights[op.mean], this.weights[op.variance]);
          } else {
            batchNormInference(x, rows, c, gamma, beta, this.weights[op.mean], this.weights[op.variance], op.epsilon, b.out);
          }
          break;
        }
        case 'dense': {
          const pre = b.pre as Float32Array;
          for (let r = 0; r < n; r++) pre.set(this.weights[op.bias], r * op.outW);
          gemmNN(n, op.outW, op.inW, x, this.weights[op.kernel], pre, true);
          activationForward(op.activation, pre, b.out, count, op.outW);
          break;
        }
        case 'activation':
          activationForward(op.fn, x, b.out, count, shape[shape.length - 1]);
          break;
        case 'dropout': {
          const mask = b.mask as Float32Array;
          if (dropoutRng && op.rate > 0) {
            const scale = 1 / (1 - op.rate);
            for (let j = 0; j < count; j++) {
              mask[j] = dropoutRng.uniform() >= op.rate ? scale : 0;
              b.out[j] = x[j] * mask[j];
            }
          } else {
            mask.fill(1, 0, count);
            b.out.set(x.subarray(0, count));
          }
          break;
        }
        case 'rescaling': {
          const scale = Math.fround(op.scale);
          const offset = Math.fround(op.offset);
          for (let j = 0; j < count; j++) b.out[j] = Math.fround(x[j] * scale) + offset;
          break;
        }
        case 'flatten':
          b.out.set(x.subarray(0, count));
          break;
      }
      x = b.out;
      shape = outShapeOf(op);
    }
    return x;
  }

  /** Fills `grads` from d(loss)/d(output) of the last forward pass (in training mode). */
  backward(dOut: Float32Array, n: number): void {
    // Ops before the first one with weights need no input gradient.
    const firstWeighted = this.ops.findIndex((op) => op.kind === 'conv' || op.kind === 'dense' || op.kind === 'batchnorm');
    let dy = dOut;
    for (let i = this.ops.length - 1; i >= 0 && i >= firstWeighted; i--) {
      const op = this.ops[i];
      const b = this.buffers[i];
      const x = i === 0 ? this.input : this.buffers[i - 1].out;
      const needDx = i > firstWeighted;
      const count = n * size(outShapeOf(op));
      switch (op.kind) {
        case 'conv': {
          const g: Conv2DGeometry = { ...(this.conv[i] as Conv2DGeometry), n };
          const dPre = b.pre as Float32Array; // reused: the pre-activation is not needed any more
          activationBackward(op.activation, b.out, dy, dPre, count, op.outShape[2]);
          const kt = this.transposed[i];
          if (this.arena && kt) {
            this.convBackwardSimd(this.arena, kt, op.kernel, op.bias, g, b, dPre, needDx);
          } else {
            conv2dBackward(dPre, this.weights[op.kernel], g, b.cols as Float32Array, this.grads[op.kernel], op.bias >= 0 ? this.grads[op.bias] : null, needDx ? b.dIn : null, b.dcols as Float32Array);
          }
          break;
        }
        case 'pool': {
          const g: Pool2DGeometry = { ...(this.pool[i] as Pool2DGeometry), n };
          maxPool2dBackward(dy, b.argmax as Int32Array, count, b.dIn, g.n * g.h * g.w * g.c);
          break;
        }
        case 'batchnorm': {
          const c = op.shape[op.shape.length - 1];
          batchNormBackward(dy, count / c, c, op.gamma >= 0 ? this.weights[op.gamma] : null, b.bn as BatchNormCache, op.gamma >= 0 ? this.grads[op.gamma] : null, op.beta >= 0 ? this.grads[op.beta] : null, b.dIn);
          break;
        }
        case 'dense': {
          const dPre = b.pre as Float32Array;
          activationBackward(op.activation, b.out, dy, dPre, count, op.outW);
          gemmTN(n, op.outW, op.inW, x, dPre, this.grads[op.kernel], false);
          const dB = this.grads[op.bias];
          dB.fill(0);
          for (let r = 0; r < n; r++) for (let o = 0; o < op.outW; o++) dB[o] += dPre[r * op.outW + o];
          if (needDx) gemmNT(n, op.outW, op.inW, dPre, this.weights[op.kernel], b.dIn);
          break;
        }
        case 'activation': {
          const shape = outShapeOf(op);
          activationBackward(op.fn, b.out, dy, b.dIn, count, shape[shape.length - 1]);
          break;
        }
        case 'dropout': {
          const mask = b.mask as Float32Array;
          for (let j = 0; j < count; j++) b.dIn[j] = dy[j] * mask[j];
          break;
        }
        case 'rescaling': {
          const scale = Math.fround(op.scale);
          for (let j = 0; j < count; j++) b.dIn[j] = dy[j] * scale;
          break;
        }
        case 'flatten':
          b.dIn.set(dy.subarray(0, count));
          break;
      }
      dy = b.dIn;
    }
  }

  /**
   * Conv2D gradients on the SIMD kernels: dKernel = cols^T @ dY, and dcols = dY @ kernel^T as a
   * product with the transposed kernel (zeros in dY, from ReLU and pooling, are skipped), then col2im.
   */
  private convBackwardSimd(arena: KernelArena, kt: Float32Array, kernel: number, bias: number, g: Conv2DGeometry, b: OpBuffers, dPre: Float32Array, needDx: boolean): void {
    const M = g.n * g.oh * g.ow;
    const taps = g.kh * g.kw * g.c;
    arena.denseKernelGrad(b.cols as Float32Array, dPre, this.grads[kernel], M, taps, g.f);
    if (bias >= 0) {
      const dB = this.grads[bias];
      dB.fill(0);
      for (let m = 0; m < M; m++) for (let j = 0; j < g.f; j++) dB[j] += dPre[m * g.f + j];
    }
    if (!needDx) return;
    const w = this.weights[kernel];
    if (taps % 4 === 0) {
      for (let t = 0; t < taps; t++) for (let f = 0; f < g.f; f++) kt[f * taps + t] = w[t * g.f + f];
      arena.denseForward(dPre, kt, this.zeros, b.dcols as Float32Array, M, g.f, taps);
    } else {
      gemmNT(M, g.f, taps, dPre, w, b.dcols as Float32Array);
    }
    col2im(b.dcols as Float32Array, g, b.dIn);
  }

  /** A copy of every weight, Keras-named. */
  snapshot(): WeightTensor[] {
    return this.specs.map((s, i) => ({ layer: s.layer, name: s.name, shape: [...s.shape], values: new Float32Array(this.weights[i]) }));
  }
}
