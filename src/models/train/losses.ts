/**
 * Keras' losses and accuracy on plain Float32Arrays, for the fast engine. Each loss returns the
 * batch mean (Keras' "sum_over_batch_size") and writes d(mean loss)/d(output) into `grad`.
 */

/** Keras' backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON] before the log. */
export const EPSILON = 1e-7;
const LOW = Math.fround(EPSILON);
const HIGH = Math.fround(1 - EPSILON);

/**
 * sparse_categorical_crossentropy on probabilities (from_logits=False), as Keras 3 computes it
 * (keras/src/backend/{jax,numpy,tensorflow}/nn.py `categorical_crossentropy` /
 * `sparse_categorical_crossentropy`): each row is first renormalised, `output / sum(output)`, then
 * clipped to [1e-7, 1 - 1e-7], and the loss is the mean over rows of -log(q[row, label]) with
 * q = clip(p / sum(p)). After a softmax the sum is 1 and this is -log(clip(p[label])); after a
 * sigmoid or a linear output it is what Keras computes for such a recipe, not -log(p[label]).
 *
 * The gradient with respect to the output p (s = the row's sum, y = the label), where q lies
 * inside the clip range: d/dp_j = (1/s - [j = y] / p_y) / n; 0 for the whole row where clipping
 * cuts q off (as the clip's own gradient is). After a softmax the constant 1/s cancels in the
 * softmax's backward pass.
 *
 * As Keras, a row whose outputs sum to 0 gives NaN (0 / 0).
 *
 * Note: this is Keras' generic path (and what Keras 3 does on the JAX and torch backends). On the
 * TensorFlow backend, Keras 3's softmax tags its output with `_keras_logits`
 * (keras/src/backend/tensorflow/nn.py) and the loss then works from those logits without any
 * clipping. The two agree except where p[label] < 1e-7 or > 1 - 1e-7: a confidently wrong row
 * counts at most -log(1e-7) = 16.1 here and, being clipped, gives no gradient.
 */
/**
 * One row's sparse_categorical_crossentropy, -log(clip(p[label] / sum(p))), from the `k` outputs
 * at `probs[offset..offset+k)`: the one formula training, validation and evaluate share.
 */
export function sparseCategoricalCrossentropyRow(probs: ArrayLike<number>, offset: number, k: number, label: number): number {
  let rowSum = 0;
  for (let j = 0; j < k; j++) rowSum += probs[offset + j];
  const q = Math.fround(probs[offset + label] / rowSum);
  return -Math.log(q < LOW ? LOW : q > HIGH ? HIGH : q);
}

/**
 * `softmaxOutput`: the outputs come from a softmax, whose rows sum to 1 by construction. Then the
 * division by the row's sum is left out: it changes nothing but float32 rounding, and Keras 3 on
 * TensorFlow (the course's backend) skips it too, working from the softmax's logits. This keeps a
 * softmax model's training bit for bit what it was before renormalisation was added.
 */
export function sparseCategoricalCrossentropy(
  probs: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  grad: Float32Array | null,
  softmaxOutput = false,
): number {
  let sum = 0;
  if (grad) grad.fill(0, 0, n * k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    if (softmaxOutput) {
      const p = probs[o + labels[r]];
      sum -= Math.log(p < LOW ? LOW : p > HIGH ? HIGH : p);
      if (grad && p >= LOW && p <= HIGH) grad[o + labels[r]] = -1 / (n * p);
      continue;
    }
    sum += sparseCategoricalCrossentropyRow(probs, o, k, labels[r]);
    if (!grad) continue;
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += probs[o + j];
    const p = probs[o + labels[r]];
    const q = Math.fround(p / rowSum);
    if (q >= LOW && q <= HIGH) {
      const common = 1 / (n * rowSum);
      for (let j = 0; j < k; j++) grad[o + j] = common;
      grad[o + labels[r]] = common - 1 / (n * p);
    }
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
