/**
 * The weights' history: which epochs' weights a training run keeps, within a memory budget.
 *
 * Epoch 0 is the initial weights, epoch k the weights after the k-th epoch. A small model keeps
 * every epoch; a large one a bounded number, evenly spread over the run, always with the first
 * (0) and the last. The budget is HISTORY_BUDGET_BYTES (64 MB) of float32 values and at most
 * MAX_SNAPSHOTS snapshots (so Iris' 300 epochs are all kept: 301 snapshots of 67 values, 79 KB).
 * The kept snapshots are the arrays the training loop copies after each epoch anyway, so keeping
 * one costs no further copy; a stop keeps the planned epochs reached plus the last one completed.
 */
import type { WeightSnapshots, WeightTensor } from '../types';

/** At most this many bytes of weights are kept per run (the final model's own weights included). */
export const HISTORY_BUDGET_BYTES = 64 * 2 ** 20;
/** At most this many snapshots (epochs 0..N) per run, however small the model. */
export const MAX_SNAPSHOTS = 501;

export interface HistoryLimits {
  budgetBytes?: number;
  maxSnapshots?: number;
}

/** Bytes one snapshot of these weights takes (float32 values). */
export function snapshotBytes(weights: readonly WeightTensor[]): number {
  let bytes = 0;
  for (const w of weights) bytes += w.values.byteLength;
  return bytes;
}

/**
 * The epochs (0..totalEpochs) to keep: all of them when they fit, else as many as fit, evenly
 * spread with the first and the last; none when not even two snapshots fit the budget.
 */
export function planSnapshots(totalEpochs: number, bytesPerSnapshot: number, limits: HistoryLimits = {}): number[] {
  const budget = limits.budgetBytes ?? HISTORY_BUDGET_BYTES;
  const most = limits.maxSnapshots ?? MAX_SNAPSHOTS;
  if (!(totalEpochs >= 1) || !Number.isFinite(totalEpochs)) return totalEpochs === 0 ? [0] : [];
  const total = Math.floor(totalEpochs);
  const fit = bytesPerSnapshot > 0 ? Math.floor(budget / bytesPerSnapshot) : Infinity;
  const count = Math.min(total + 1, most, fit);
  if (count < 2) return [];
  if (count === total + 1) return Array.from({ length: count }, (_, i) => i);
  // count - 1 <= total, so each step is at least one epoch and the rounded epochs are distinct.
  return Array.from({ length: count }, (_, i) => Math.round((i * total) / (count - 1)));
}

/**
 * Collects a run's snapshots as its epochs end. `add(k, w)` after the k-th epoch hands over the
 * array the loop made (kept as is, not copied); `result()` gives the kept epochs in order.
 */
export class SnapshotKeeper {
  readonly #plan: Set<number>;
  readonly #epochs: number[] = [];
  readonly #weights: WeightTensor[][] = [];
  readonly #totalEpochs: number;
  #last: { epoch: number; weights: WeightTensor[] };

  constructor(totalEpochs: number, initial: WeightTensor[], limits: HistoryLimits = {}) {
    this.#totalEpochs = totalEpochs;
    this.#plan = new Set(planSnapshots(totalEpochs, snapshotBytes(initial), limits));
    this.#last = { epoch: 0, weights: initial };
    this.add(0, initial);
  }

  /** True when the plan keeps anything (a model too large for the budget keeps no history). */
  get keeping(): boolean {
    return this.#plan.size > 0;
  }

  add(epoch: number, weights: WeightTensor[]): void {
    this.#last = { epoch, weights };
    if (this.#plan.has(epoch)) {
      this.#epochs.push(epoch);
      this.#weights.push(weights);
    }
  }

  /** The kept snapshots; the last epoch completed is always among them (a stopped run's too). */
  result(): WeightSnapshots | null {
    if (!this.keeping) return null;
    const epochs = [...this.#epochs];
    const weights = [...this.#weights];
    if (epochs.at(-1) !== this.#last.epoch) {
      epochs.push(this.#last.epoch);
      weights.push(this.#last.weights);
    }
    const bytes = weights.reduce((sum, w) => sum + snapshotBytes(w), 0);
    return { epochs, weights, totalEpochs: this.#totalEpochs, bytes };
  }
}

/** The ArrayBuffers of a set of snapshots, each once (to transfer from a worker). */
export function snapshotBuffers(snapshots: WeightSnapshots | undefined | null): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const s of snapshots?.weights ?? []) for (const w of s) seen.add(w.values.buffer as ArrayBuffer);
  return [...seen];
}
