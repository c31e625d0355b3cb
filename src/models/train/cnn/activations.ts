/**
 * Activations of the convolution engine on float32 rows, forward and backward (from the output,
 * which every one of them allows). Softmax works along the last axis, one row of `width` values.
 */
import type { ActivationName } from '../../types';

export function activationForward(fn: ActivationName, x: Float32Array, y: Float32Array, size: number, width: number): void {
  switch (fn) {
    case 'linear':
      if (x !== y) y.set(x.subarray(0, size));
      return;
    case 'relu':
      for (let i = 0; i < size; i++) y[i] = x[i] > 0 ? x[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
      return;
    case 'tanh':
      for (let i = 0; i < size; i++) y[i] = Math.tanh(x[i]);
      return;
    case 'softmax':
      for (let r = 0; r < size; r += width) {
        let max = -Infinity;
        for (let j = 0; j < width; j++) max = Math.max(max, x[r + j]);
        let sum = 0;
        for (let j = 0; j < width; j++) {
          const e = Math.exp(x[r + j] - max);
          y[r + j] = e;
          sum += e;
        }
        for (let j = 0; j < width; j++) y[r + j] /= sum;
      }
      return;
  }
}

/** dx from dy and the activation's output y (dx may be dy: it is updated in place then). */
export function activationBackward(fn: ActivationName, y: Float32Array, dy: Float32Array, dx: Float32Array, size: number, width: number): void {
  switch (fn) {
    case 'linear':
      if (dx !== dy) dx.set(dy.subarray(0, size));
      return;
    case 'relu':
      for (let i = 0; i < size; i++) dx[i] = y[i] > 0 ? dy[i] : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < size; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
      return;
    case 'tanh':
      for (let i = 0; i < size; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
      return;
    case 'softmax':
      for (let r = 0; r < size; r += width) {
        let dot = 0;
        for (let j = 0; j < width; j++) dot += dy[r + j] * y[r + j];
        for (let j = 0; j < width; j++) dx[r + j] = y[r + j] * (dy[r + j] - dot);
      }
      return;
  }
}
