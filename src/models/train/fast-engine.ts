/** The training engine in plain TypeScript: DenseNetwork + Keras losses + RMSprop. */
import type { Dataset, Recipe, WeightTensor } from '../types';
import type { Rng } from '../random';
import { DenseNetwork } from './network';
import { countCorrect, meanSquaredError, sparseCategoricalCrossentropy } from './losses';
import { RmsProp } from './rmsprop';
import { FAST_ENGINE_LABEL, type BatchResult, type TrainEngine } from './engine';

/** Rows per forward pass when evaluating with the SIMD kernels' fixed capacity. */
const EVAL_CHUNK = 500;

export class FastEngine implements TrainEngine {
  readonly label = FAST_ENGINE_LABEL;
  private readonly net: DenseNetwork;
  private readonly optimizer: RmsProp;
  private readonly classify: boolean;
  /** The last op is a softmax: the loss need not renormalise its rows (see sparseCategoricalCrossentropy). */
  private readonly softmaxOutput: boolean;
  private dOut = new Float32Array(0);
  private labels = new Float32Array(0);

  constructor(
    private readonly recipe: Recipe,
    private readonly data: Dataset,
    weights: WeightTensor[],
    learningRate: number,
    private readonly dropoutRng: Rng,
    batchSize = 32,
  ) {
    this.net = new DenseNetwork(recipe, weights, { capacity: Math.max(batchSize, EVAL_CHUNK) });
    this.optimizer = new RmsProp(this.net.weights.map((w) => w.length), learningRate, undefined, undefined, this.net.arena);
    this.classify = recipe.loss === 'sparse_categorical_crossentropy';
    const last = this.net.ops[this.net.ops.length - 1];
    this.softmaxOutput = last?.kind === 'activation' && last.fn === 'softmax';
  }

  private lossOf(out: Float32Array, n: number, withGrad: boolean): number {
    const k = this.net.outWidth;
    if (this.dOut.length < n * k) this.dOut = new Float32Array(n * k);
    const grad = withGrad ? this.dOut : null;
    return this.classify
      ? sparseCategoricalCrossentropy(out, this.labels, n, k, grad, this.softmaxOutput)
      : meanSquaredError(out, this.labels, n, k, grad);
  }

  private gatherLabels(rows: ArrayLike<number>, start: number, end: number): void {
    if (this.labels.length < end - start) this.labels = new Float32Array(end - start);
    for (let r = start; r < end; r++) this.labels[r - start] = this.data.y[rows[r]];
  }

  gradients(rows: Int32Array, start: number, end: number): BatchResult & { grads: Float32Array[] } {
    const n = this.net.loadRows(this.data.x, rows, start, end);
    this.gatherLabels(rows, start, end);
    const out = this.net.forward(n, this.dropoutRng);
    const loss = this.lossOf(out, n, true);
    const correct = this.classify ? countCorrect(out, this.labels, n, this.net.outWidth) : 0;
    this.net.backward(this.dOut, n);
    return { loss, correct, grads: this.net.grads };
  }

  step(rows: Int32Array, start: number, end: number): BatchResult {
    const { loss, correct } = this.gradients(rows, start, end);
    this.optimizer.step(this.net.weights, this.net.grads);
    return { loss, correct };
  }

  /** Rows [start, end) in one pass, or in chunks of the network's capacity (MNIST's 6,000). */
  evaluate(start: number, end: number): BatchResult {
    const chunk = this.net.maxRows;
    if (end - start <= chunk) return this.evaluateChunk(start, end);
    let lossSum = 0;
    let correct = 0;
    for (let s = start; s < end; s += chunk) {
      const e = Math.min(end, s + chunk);
      const b = this.evaluateChunk(s, e);
      lossSum += b.loss * (e - s);
      correct += b.correct;
    }
    return { loss: lossSum / (end - start), correct };
  }

  private evaluateChunk(start: number, end: number): BatchResult {
    const n = this.net.loadRange(this.data.x, start, end);
    if (this.labels.length < n) this.labels = new Float32Array(n);
    for (let r = start; r < end; r++) this.labels[r - start] = this.data.y[r];
    const out = this.net.forward(n, null);
    const loss = this.lossOf(out, n, false);
    return { loss, correct: this.classify ? countCorrect(out, this.labels, n, this.net.outWidth) : 0 };
  }

  weights(): WeightTensor[] {
    return this.net.snapshot();
  }

  dispose(): void {}
}
