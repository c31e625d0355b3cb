/**
 * Keras' losses and accuracy on plain Float32Arrays, for the fast engine. Each loss returns the
 * batch mean (Keras' "sum_over_batch_size") and writes d(mean loss)/d(output) into `grad`.
 */

/** Keras' backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON] before the log. */
export const EPSILON = 1e-7;
const LOW = Math.fround(EPSILON);
const HIGH = Math.fround(1 - EPSILON);

/**
 * sparse_categorical_crossentropy on probabilities: mean over rows of -log(clip(p[row, label])).
 * The gradient is -1 / (n p) at the label where p lies inside the clip range, 0 where clipping
 * cuts it off (as the clip's own gradient is), and 0 elsewhere.
 *
 * Note: this is Keras' generic path (and what Keras 3 does on the JAX and torch backends). On the
 * TensorFlow backend, Keras 3's softmax tags its output with `_keras_logits`
 * (keras/src/backend/tensorflow/nn.py) and the loss then works from those logits without any
 * clipping. The two agree except where p[label] < 1e-7 or > 1 - 1e-7: a confidently wrong row
 * counts at most -log(1e-7) = 16.1 here and, being clipped, gives no gradient.
 */
export function sparseCategoricalCrossentropy(
  probs: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  grad: Float32Array | null,
): number {
  let sum = 0;
  if (grad) grad.fill(0, 0, n * k);
  for (let r = 0; r < n; r++) {
    const p = probs[r * k + labels[r]];
    const clipped = p < LOW ? LOW : p > HIGH ? HIGH : p;
    sum -= Math.log(clipped);
    if (grad && p >= LOW && p <= HIGH) grad[r * k + labels[r]] = -1 / (n * p);
  }
  return sum / n;
}

/** mean_squared_error: mean over rows of the mean over outputs of (output - target)^2. */
export function meanSquaredError(
  out: Float32Array,
  targets: ArrayLike<number>,
  n: number,
  k: number,
  grad: Float32Array | null,
): number {
  let sum = 0;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < k; j++) {
      const d = out[r * k + j] - targets[r * k + j];
      sum += d * d;
      if (grad) grad[r * k + j] = (2 * d) / (n * k);
    }
  }
  return sum / (n * k);
}

/** How many rows' largest output (first one on ties, like argmax) is their label. */
export function countCorrect(out: Float32Array, labels: ArrayLike<number>, n: number, k: number): number {
  let correct = 0;
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (out[r * k + j] > out[r * k + best]) best = j;
    if (best === labels[r]) correct++;
  }
  return correct;
}
