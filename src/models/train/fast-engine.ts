/** The training engine in plain TypeScript: DenseNetwork + Keras losses + RMSprop. */
import type { Dataset, Recipe, WeightTensor } from '../types';
import type { Rng } from '../random';
import { DenseNetwork } from './network';
import { BatchLoss } from './batch-loss';
import { RmsProp } from './rmsprop';
import type { BatchResult, TrainEngine } from './engine';
import { modelsTrain } from '../../i18n/messages/models-train';

/** Rows per forward pass when evaluating with the SIMD kernels' fixed capacity. */
const EVAL_CHUNK = 500;

export class FastEngine implements TrainEngine {
  /** FAST_ENGINE_LABEL in English; in the language the run started in. */
  readonly label = modelsTrain.engines.fast('Layer Lens');
  private readonly net: DenseNetwork;
  private readonly optimizer: RmsProp;
  private readonly batch: BatchLoss;

  constructor(
    recipe: Recipe,
    private readonly data: Dataset,
    weights: WeightTensor[],
    learningRate: number,
    private readonly dropoutRng: Rng,
    batchSize = 32,
  ) {
    this.net = new DenseNetwork(recipe, weights, { capacity: Math.max(batchSize, EVAL_CHUNK) });
    this.optimizer = new RmsProp(this.net.weights.map((w) => w.length), learningRate, undefined, undefined, this.net.arena);
    const last = this.net.ops[this.net.ops.length - 1];
    this.batch = new BatchLoss(data, recipe.loss, this.net.outWidth, last?.kind === 'activation' && last.fn === 'softmax');
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
    this.batch.gather(null, start, end);
    return this.batch.compute(this.net.forward(n, null), n, false);
  }

  weights(): WeightTensor[] {
    return this.net.snapshot();
  }

  dispose(): void {}
}
