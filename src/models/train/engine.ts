/** What the training loop needs from an engine; both engines share the loop, split and shuffle. */
import type { WeightTensor } from '../types';

export interface BatchResult {
  /** Mean loss over the batch's rows (what Keras logs for a batch). */
  loss: number;
  /** Rows whose predicted class is their label (0 for regression). */
  correct: number;
}

export interface TrainEngine {
  /** Human label, e.g. "Layer Lens float32 engine (plain TypeScript)" or "tfjs cpu". */
  readonly label: string;
  /** Loss, accuracy count and d(mean loss)/d(weights) for rows[start..end); weights unchanged. */
  gradients(rows: Int32Array, start: number, end: number): BatchResult & { grads: Float32Array[] };
  /** One optimizer step on rows[start..end); loss and accuracy are from before the update. */
  step(rows: Int32Array, start: number, end: number): BatchResult;
  /** Loss and accuracy count of contiguous rows [start, end) without dropout, weights unchanged. */
  evaluate(start: number, end: number): BatchResult;
  /** A copy of the current weights, Keras-named. */
  weights(): WeightTensor[];
  /** Frees whatever the engine holds (tfjs tensors). */
  dispose(): void;
}

export const FAST_ENGINE_LABEL = 'Layer Lens float32 engine (plain TypeScript)';
