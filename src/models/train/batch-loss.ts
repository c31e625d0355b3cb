/**
 * The part of a training step both engines share: a batch's labels gathered from the data set,
 * Keras' loss over the network's output (and d(loss)/d(output) for the backward pass), and the
 * number of rows classified right.
 */
import type { Dataset } from '../types';
import { countCorrect, meanSquaredError, sparseCategoricalCrossentropy } from './losses';

export class BatchLoss {
  /** d(mean loss)/d(output) of the last `compute(..., true)`, n x width. */
  grad = new Float32Array(0);
  private labels = new Float32Array(0);
  private readonly classify: boolean;

  constructor(
    private readonly data: Dataset,
    loss: 'sparse_categorical_crossentropy' | 'mean_squared_error',
    /** The output's width (classes, or values per row). */
    private readonly width: number,
    /** The last layer is a softmax: the crossentropy need not renormalise its rows. */
    private readonly softmaxOutput: boolean,
  ) {
    this.classify = loss === 'sparse_categorical_crossentropy';
  }

  /** Labels of rows[start..end), or of the contiguous rows [start, end) when `rows` is null. */
  gather(rows: ArrayLike<number> | null, start: number, end: number): void {
    if (this.labels.length < end - start) this.labels = new Float32Array(end - start);
    for (let r = start; r < end; r++) this.labels[r - start] = this.data.y[rows ? rows[r] : r];
  }

  /** The batch's mean loss and correct count for `out` (n rows); fills `grad` when asked. */
  compute(out: Float32Array, n: number, withGrad: boolean): { loss: number; correct: number } {
    const k = this.width;
    if (this.grad.length < n * k) this.grad = new Float32Array(n * k);
    const grad = withGrad ? this.grad : null;
    const loss = this.classify
      ? sparseCategoricalCrossentropy(out, this.labels, n, k, grad, this.softmaxOutput)
      : meanSquaredError(out, this.labels, n, k, grad);
    return { loss, correct: this.classify ? countCorrect(out, this.labels, n, k) : 0 };
  }
}
