/**
 * The training engine for recipes with convolutions: ConvNetwork + Keras' losses + RMSprop on the
 * trainable weights (BatchNormalization's moving statistics move in the forward pass, as in Keras).
 * Same contract as the Dense engine, so the same loop gives it Keras' fit semantics.
 */
import type { Dataset, WeightTensor } from '../../types';
import type { Rng } from '../../random';
import { BatchLoss } from '../batch-loss';
import { RmsProp } from '../rmsprop';
import type { BatchResult, TrainEngine } from '../engine';
import { ConvNetwork } from './conv-network';
import type { ConvRecipe } from './spec';
import { modelsTrain } from '../../../i18n/messages/models-train';

/** Rows per forward pass when evaluating (im2col of a 28x28 conv takes ~24 KB per row). */
const EVAL_CHUNK = 128;

export const CNN_ENGINE_LABEL = 'Layer Lens convolution engine (im2col, WebAssembly SIMD where available)';

export class CnnEngine implements TrainEngine {
  /** CNN_ENGINE_LABEL in English; in the language the run started in. */
  readonly label = modelsTrain.engines.cnn('Layer Lens');
  readonly net: ConvNetwork;
  private readonly optimizer: RmsProp;
  private readonly batch: BatchLoss;

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
    this.batch = new BatchLoss(data, recipe.loss, this.net.outWidth, this.net.softmaxOutput);
  }

  gradients(rows: Int32Array, start: number, end: number): BatchResult & { grads: Float32Array[] } {
    const n = this.net.loadRows(this.data.x, rows, start, end);
    this.batch.gather(rows, start, end);
    const result = this.batch.compute(this.net.forward(n, this.dropoutRng), n, true);
    this.net.backward(this.batch.grad, n);
    return { ...result, grads: this.net.grads };
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
      this.batch.gather(null, from, to);
      const b = this.batch.compute(this.net.forward(n, null), n, false);
      lossSum += b.loss * n;
      correct += b.correct;
    }
    return { loss: end > start ? lossSum / (end - start) : 0, correct };
  }

  weights(): WeightTensor[] {
    return this.net.snapshot();
  }

  dispose(): void {}
}
