/**
 * The training engine for recipes with convolutions: ConvNetwork + Keras' losses + RMSprop on the
 * trainable weights (BatchNormalization's moving statistics move in the forward pass, as in Keras).
 * Same contract as the Dense engine, so the same loop gives it Keras' fit semantics.
 */
import type { Dataset, WeightTensor } from '../../types';
import type { Rng } from '../../random';
import { countCorrect, meanSquaredError, sparseCategoricalCrossentropy } from '../losses';
import { RmsProp } from '../rmsprop';
import type { BatchResult, TrainEngine } from '../engine';
import { ConvNetwork } from './conv-network';
import type { ConvRecipe } from './spec';

/** Rows per forward pass when evaluating (im2col of a 28x28 conv takes ~24 KB per row). */
const EVAL_CHUNK = 128;

export const CNN_ENGINE_LABEL = 'Layer Lens convolution engine (im2col, WebAssembly SIMD where available)';

export class CnnEngine implements TrainEngine {
  readonly label = CNN_ENGINE_LABEL;
  readonly net: ConvNetwork;
  private readonly optimizer: RmsProp;
  private readonly classify: boolean;
  private dOut = new Float32Array(0);
  private labels = new Float32Array(0);

  constructor(
    recipe: ConvRecipe,
    private readonly data: Dataset,
    weights: WeightTensor[],
    learningRate: number,
    private readonly dropoutRng: Rng,
    batchSize = 32,
  ) {
    // On the SIMD kernels when loadKernels() has resolved with SIMD (else plain TypeScript).
    this.net = new ConvNetwork(recipe, weights, { simd: true, capacity: Math.max(batchSize, EVAL_CHUNK) });
    if (data.features !== this.net.inWidth) {
      throw new Error(`The model takes ${this.net.inWidth} values per example, the data has ${data.features}.`);
    }
    this.optimizer = new RmsProp(this.net.trainable().weights.map((w) => w.length), learningRate, undefined, undefined, this.net.arena);
    this.classify = recipe.loss === 'sparse_categorical_crossentropy';
  }

  private lossOf(out: Float32Array, n: number, withGrad: boolean): number {
    const k = this.net.outWidth;
    if (this.dOut.length < n * k) this.dOut = new Float32Array(n * k);
    const grad = withGrad ? this.dOut : null;
    return this.classify ? sparseCategoricalCrossentropy(out, this.labels, n, k, grad, this.net.softmaxOutput) : meanSquaredError(out, this.labels, n, k, grad);
  }

  private gatherLabels(rows: ArrayLike<number> | null, start: number, end: number): void {
    if (this.labels.length < end - start) this.labels = new Float32Array(end - start);
    for (let r = start; r < end; r++) this.labels[r - start] = this.data.y[rows ? rows[r] : r];
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
    const t = this.net.trainable();
    this.optimizer.step(t.weights, t.grads);
    return { loss, correct };
  }

  /** In chunks of EVAL_CHUNK rows (im2col needs memory per row); the loss is the mean over all rows. */
  evaluate(start: number, end: number): BatchResult {
    let lossSum = 0;
    let correct = 0;
    for (let from = start; from < end; from += EVAL_CHUNK) {
      const to = Math.min(end, from + EVAL_CHUNK);
      const n = this.net.loadRange(this.data.x, from, to);
      this.gatherLabels(null, from, to);
      const out = this.net.forward(n, null);
      lossSum += this.lossOf(out, n, false) * n;
      if (this.classify) correct += countCorrect(out, this.labels, n, this.net.outWidth);
    }
    return { loss: end > start ? lossSum / (end - start) : 0, correct };
  }

  weights(): WeightTensor[] {
    return this.net.snapshot();
  }

  dispose(): void {}
}
