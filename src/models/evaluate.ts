/**
 * `model.evaluate` on a classification test set, plus what the learner needs to understand the
 * mistakes: test loss and accuracy as Keras reports them, the confusion matrix (rows: true class,
 * columns: predicted class), each row's predicted class and its probability, and the list of
 * misclassified rows.
 *
 * Two ways in, same result type:
 * - `evaluateRecipe`: a course model (recipe + weights) on the fast engine's forward pass, in
 *   chunks with a turn of the event loop between them (about 5 ms of work per chunk).
 * - `evaluateModel`: any tfjs LayersModel (e.g. opened from a file), batched `predict` inside
 *   `tf.tidy` (no tensor left behind), yielding between batches, on the inference backend (wasm:
 *   a Keras MNIST CNN's 10,000 test images in seconds, where tfjs' cpu backend takes many minutes;
 *   a model with an op wasm lacks runs on cpu instead).
 * The loss is sparse_categorical_crossentropy on probabilities as Keras 3 computes it (each row
 * renormalised, then clipped to [1e-7, 1 - 1e-7]; train/losses.ts, the formula training uses),
 * averaged over all rows.
 */
import { tf, type LayersModel } from './tf';
import { DenseNetwork } from './train/network';
import { ConvNetwork } from './train/cnn/conv-network';
import { hasConvLayers } from './train/cnn/spec';
import { yieldToEventLoop } from './train/yield';
import { loadKernels } from './train/wasm/kernels';
import { sparseCategoricalCrossentropyRow } from './train/losses';
import type { Dataset, Recipe, WeightTensor } from './types';
import { modelsTrain } from '../i18n/messages/models-train';

export interface EvaluationResult {
  /** Rows evaluated (the whole data set). */
  rows: number;
  classes: number;
  /** Mean sparse categorical crossentropy over all rows. */
  loss: number;
  /** Share of rows whose predicted class (argmax, first on ties) is their label. */
  accuracy: number;
  /** classes x classes counts, row-major: confusion[t * classes + p] = rows of true class t predicted as p. */
  confusion: Int32Array;
  /** Predicted class per row. */
  predicted: Int32Array;
  /** Probability the model gave its predicted class, per row. */
  probability: Float32Array;
  /** Indices of the rows whose prediction is wrong, ascending. */
  misclassified: Int32Array;
  /**
   * 'model': the outputs were probabilities; 'softmax': they were not (negative, or rows not
   * summing to 1: logits), so softmax was applied first, as `from_logits=True` would.
   */
  outputs: 'model' | 'softmax';
}

export interface EvaluateOptions {
  /**
   * What to do to the stored values before the model sees them: `x * scale + offset`
   * (e.g. { scale: 1 / 255 } for a model trained on scaled pixels). Default: none.
   */
  preprocess?: { scale: number; offset?: number } | null;
  /**
   * Rows per forward pass (default 500 for recipes; for tfjs models it adapts, from 32 rows, so that
   * a pass takes about 30 ms and the page stays responsive whatever the model's size).
   */
  chunkRows?: number;
  /** Called after each chunk with rows done so far. */
  onProgress?(done: number, total: number): void;
}


/**
 * The evaluation of one set of probabilities (rows x classes, row-major) against integer labels.
 * Pure and synchronous: the building block of both evaluate functions, and easy to check.
 */
export function summarizePredictions(probs: Float32Array, labels: ArrayLike<number>, rows: number, classes: number): EvaluationResult {
  if (probs.length !== rows * classes) throw new Error(`Expected ${rows} x ${classes} outputs, got ${probs.length} values.`);
  const acc = new Accumulator(labels, rows, classes);
  acc.add(probs, 0, rows);
  return acc.result();
}

/** True when every row of `out` (n x k) is a probability distribution (within 1e-3). */
function areProbabilities(out: Float32Array, n: number, k: number): boolean {
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const p = out[r * k + j];
      if (!(p >= 0 && p <= 1)) return false;
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-3) return false;
  }
  return true;
}

/** Softmax of each row of `out` (n x k), in place. */
function softmaxRows(out: Float32Array, n: number, k: number): void {
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, out[o + j]);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(out[o + j] - max);
    for (let j = 0; j < k; j++) out[o + j] = Math.exp(out[o + j] - max) / sum;
  }
}

/** Collects a data set's evaluation chunk by chunk. */
class Accumulator {
  private lossSum = 0;
  private correct = 0;
  /** Decided on the first chunk: softmax the outputs when they are not probabilities. */
  private mode: 'model' | 'softmax' | null = null;
  readonly confusion: Int32Array;
  readonly predicted: Int32Array;
  readonly probability: Float32Array;

  constructor(
    private readonly labels: ArrayLike<number>,
    private readonly rows: number,
    private readonly classes: number,
  ) {
    this.confusion = new Int32Array(classes * classes);
    this.predicted = new Int32Array(rows);
    this.probability = new Float32Array(rows);
  }

  /** Rows [start, start + n) of the data set, their outputs in `out` (n x classes; may be changed). */
  add(out: Float32Array, start: number, n: number): void {
    const k = this.classes;
    this.mode ??= areProbabilities(out, n, k) ? 'model' : 'softmax';
    if (this.mode === 'softmax') softmaxRows(out, n, k);
    for (let r = 0; r < n; r++) {
      const o = r * k;
      const label = this.labels[start + r];
      if (!Number.isInteger(label) || label < 0 || label >= k) {
        throw new Error(modelsTrain.evaluate.classOutOfRange(start + r, label, k));
      }
      let best = 0;
      for (let j = 1; j < k; j++) if (out[o + j] > out[o + best]) best = j;
      const p = out[o + label];
      if (Number.isNaN(p)) throw new Error(modelsTrain.evaluate.outputNaN(start + r));
      this.lossSum += sparseCategoricalCrossentropyRow(out, o, k, label);
      this.predicted[start + r] = best;
      this.probability[start + r] = out[o + best];
      this.confusion[label * k + best]++;
      if (best === label) this.correct++;
    }
  }

  result(): EvaluationResult {
    const wrong: number[] = [];
    for (let r = 0; r < this.rows; r++) if (this.predicted[r] !== this.labels[r]) wrong.push(r);
    return {
      rows: this.rows,
      classes: this.classes,
      loss: this.lossSum / this.rows,
      accuracy: this.correct / this.rows,
      confusion: this.confusion,
      predicted: this.predicted,
      probability: this.probability,
      misclassified: Int32Array.from(wrong),
      outputs: this.mode ?? 'model',
    };
  }
}

function checkData(data: Dataset): void {
  if (data.task !== 'classification') throw new Error(modelsTrain.evaluate.notClassification(data.title));
  if (data.rows < 1) throw new Error(modelsTrain.evaluate.noRows(data.title));
}

/** `x * scale + offset` in float32, as a Rescaling layer computes it. */
function preprocessInto(src: Float32Array | Uint8Array, dst: Float32Array, pre: EvaluateOptions['preprocess']): void {
  if (!pre) {
    dst.set(src);
    return;
  }
  const scale = Math.fround(pre.scale);
  const offset = Math.fround(pre.offset ?? 0);
  for (let i = 0; i < src.length; i++) dst[i] = Math.fround(src[i] * scale) + offset;
}

/**
 * Evaluates a course model (recipe + weights) on a data set with the fast engine's forward pass
 * (the same arithmetic training uses), in chunks with a turn of the event loop between them.
 */
export async function evaluateRecipe(
  recipe: Recipe,
  weights: WeightTensor[],
  data: Dataset,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  checkData(data);
  const conv = hasConvLayers(recipe);
  await loadKernels();
  // The convolution engine's im2col takes memory per row: smaller chunks there.
  const chunk = options.chunkRows ?? (conv ? 128 : 500);
  const net = conv ? new ConvNetwork(recipe, weights, { simd: true, capacity: chunk }) : new DenseNetwork(recipe, weights, { capacity: chunk });
  if (net.inWidth !== data.features) {
    throw new Error(modelsTrain.evaluate.inputWidth(net.inWidth, data.title, data.features));
  }
  const k = net.outWidth;
  const acc = new Accumulator(data.y, data.rows, k);
  const staged = options.preprocess ? new Float32Array(chunk * data.features) : null;
  for (let start = 0; start < data.rows; start += chunk) {
    const end = Math.min(data.rows, start + chunk);
    const n = end - start;
    const rows = data.x.subarray(start * data.features, end * data.features);
    if (staged) {
      const view = staged.subarray(0, n * data.features);
      preprocessInto(rows, view, options.preprocess);
      net.loadRange(view, 0, n);
    } else {
      net.loadRange(rows, 0, n);
    }
    const out = net.forward(n, null).slice(0, n * k);
    acc.add(out, start, n);
    options.onProgress?.(end, data.rows);
    if (end < data.rows) await yieldToEventLoop();
  }
  return acc.result();
}

/**
 * Evaluates any tfjs LayersModel (e.g. opened from a file) on a data set: batched `predict`
 * inside tf.tidy, yielding between batches. Rows are reshaped to the model's input shape (784
 * values fit (28, 28), (784,) or (28, 28, 1)); the model's output must be one value per class.
 */
export async function evaluateModel(model: LayersModel, data: Dataset, options: EvaluateOptions = {}): Promise<EvaluationResult> {
  checkData(data);
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d === null)) {
    throw new Error(modelsTrain.evaluate.shapeNotFixed(inputShape.map((d) => d ?? 'None').join(', '), data.title));
  }
  const dims = inputShape as number[];
  const width = dims.reduce((a, b) => a * b, 1);
  if (width !== data.features) {
    throw new Error(modelsTrain.evaluate.shapeWidth(dims.join(', '), width, data.title, data.features));
  }
  const outShape = model.outputs[0].shape;
  if (outShape.length !== 2 || outShape[1] === null) {
    throw new Error(modelsTrain.evaluate.outputShape(outShape.map((d) => d ?? 'None').join(', ')));
  }
  const k = outShape[1] as number;
  try {
    return await predictAll(model, data, dims, k, options);
  } catch (e) {
    // A kernel the wasm backend does not have (tfjs: "Kernel 'X' not registered for backend 'wasm'"):
    // the whole evaluation again on cpu, then back.
    if (tf.getBackend() !== 'wasm' || !/not registered for backend/i.test(String((e as Error)?.message))) throw e;
    await tf.setBackend('cpu');
    try {
      return await predictAll(model, data, dims, k, options);
    } finally {
      await tf.setBackend('wasm');
    }
  }
}

async function predictAll(model: LayersModel, data: Dataset, dims: number[], k: number, options: EvaluateOptions): Promise<EvaluationResult> {
  const width = data.features;
  const fixed = options.chunkRows ?? null;
  let chunk = fixed ?? 32;
  const acc = new Accumulator(data.y, data.rows, k);
  let staged = new Float32Array(chunk * width);
  for (let start = 0; start < data.rows; ) {
    const t0 = performance.now();
    const end = Math.min(data.rows, start + chunk);
    const n = end - start;
    const view = staged.subarray(0, n * width);
    preprocessInto(data.x.subarray(start * width, end * width), view, options.preprocess);
    const out = tf.tidy(() => {
      const x = tf.tensor(view, [n, ...dims], 'float32');
      const y = model.predict(x) as ReturnType<typeof tf.tensor>;
      return new Float32Array(y.dataSync() as Float32Array);
    });
    acc.add(out, start, n);
    options.onProgress?.(end, data.rows);
    start = end;
    if (end >= data.rows) break;
    if (fixed === null) {
      // About 30 ms per pass, so the page stays responsive: at most double, at least 8 rows.
      const ms = Math.max(0.1, performance.now() - t0);
      chunk = Math.max(8, Math.min(chunk * 2, Math.round((n * 30) / ms), 2048));
      if (staged.length < chunk * width) staged = new Float32Array(chunk * width);
    }
    await yieldToEventLoop();
  }
  return acc.result();
}
