/**
 * BatchNormalization over the last axis, as Keras 3 trains it: the batch's mean and (biased)
 * variance normalise the batch, and the moving statistics follow
 * `moving = moving * momentum + batch * (1 - momentum)` (Keras 3's BatchNormalization.call).
 * At inference the moving statistics are used instead.
 */

export interface BatchNormCache {
  /** x_hat = (x - mean) * invStd, kept for the backward pass. */
  xhat: Float32Array;
  mean: Float64Array;
  variance: Float64Array;
  invStd: Float64Array;
}

export function createBatchNormCache(size: number, channels: number): BatchNormCache {
  return { xhat: new Float32Array(size), mean: new Float64Array(channels), variance: new Float64Array(channels), invStd: new Float64Array(channels) };
}

/** Training mode: normalise with the batch's statistics; `rows` = elements per channel. */
export function batchNormTrainForward(
  x: Float32Array,
  rows: number,
  channels: number,
  gamma: Float32Array | null,
  beta: Float32Array | null,
  epsilon: number,
  cache: BatchNormCache,
  y: Float32Array,
): void {
  const { mean, variance, invStd, xhat } = cache;
  mean.fill(0);
  variance.fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < channels; c++) mean[c] += x[r * channels + c];
  for (let c = 0; c < channels; c++) mean[c] /= rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) {
      const d = x[r * channels + c] - mean[c];
      variance[c] += d * d;
    }
  }
  for (let c = 0; c < channels; c++) {
    variance[c] /= rows;
    invStd[c] = 1 / Math.sqrt(variance[c] + epsilon);
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) {
      const i = r * channels + c;
      const h = (x[i] - mean[c]) * invStd[c];
      xhat[i] = h;
      y[i] = h * (gamma ? gamma[c] : 1) + (beta ? beta[c] : 0);
    }
  }
}

/** moving = moving * momentum + batch * (1 - momentum), for the mean and the variance. */
export function updateMovingStatistics(cache: BatchNormCache, momentum: number, movingMean: Float32Array, movingVariance: Float32Array): void {
  for (let c = 0; c < movingMean.length; c++) {
    movingMean[c] = movingMean[c] * momentum + cache.mean[c] * (1 - momentum);
    movingVariance[c] = movingVariance[c] * momentum + cache.variance[c] * (1 - momentum);
  }
}

/** Inference mode: (x - moving_mean) / sqrt(moving_variance + epsilon) * gamma + beta. */
export function batchNormInference(
  x: Float32Array,
  rows: number,
  channels: number,
  gamma: Float32Array | null,
  beta: Float32Array | null,
  movingMean: Float32Array,
  movingVariance: Float32Array,
  epsilon: number,
  y: Float32Array,
): void {
  for (let c = 0; c < channels; c++) {
    const inv = 1 / Math.sqrt(movingVariance[c] + epsilon);
    const g = gamma ? gamma[c] : 1;
    const b = beta ? beta[c] : 0;
    for (let r = 0; r < rows; r++) {
      const i = r * channels + c;
      y[i] = (x[i] - movingMean[c]) * inv * g + b;
    }
  }
}

/**
 * Gradients of the training-mode pass: dgamma = sum(dy * x_hat), dbeta = sum(dy), and
 * dx = invStd / rows * (rows * dxhat - sum(dxhat) - x_hat * sum(dxhat * x_hat)), dxhat = dy * gamma.
 */
export function batchNormBackward(
  dy: Float32Array,
  rows: number,
  channels: number,
  gamma: Float32Array | null,
  cache: BatchNormCache,
  dGamma: Float32Array | null,
  dBeta: Float32Array | null,
  dx: Float32Array,
): void {
  const sumD = new Float64Array(channels);
  const sumDX = new Float64Array(channels);
  const { xhat, invStd } = cache;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) {
      const i = r * channels + c;
      sumD[c] += dy[i];
      sumDX[c] += dy[i] * xhat[i];
    }
  }
  for (let c = 0; c < channels; c++) {
    if (dGamma) dGamma[c] = sumDX[c];
    if (dBeta) dBeta[c] = sumD[c];
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) {
      const i = r * channels + c;
      const g = gamma ? gamma[c] : 1;
      // dxhat = dy * g; sums of dxhat are g * sumD, g * sumDX.
      dx[i] = (g * invStd[c] / rows) * (rows * dy[i] - sumD[c] - xhat[i] * sumDX[c]);
    }
  }
}
