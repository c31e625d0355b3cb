/**
 * The weights' history of the course model on screen, and which epoch of it is shown.
 *
 * A training run hands over its snapshots (epoch 0 = the initial weights, then the epochs kept:
 * see src/models/train/weight-history.ts) together with its final weights. The history belongs
 * to the model on screen only while that model was built from exactly those final weights
 * (`attach` compares by identity): an untrained model, another recipe or a retrained one shows
 * none. Choosing an epoch hands back that epoch's weights; AppState writes them into the model
 * on screen, so every view (matrices, diagram, arithmetic, prediction) and every export follow.
 */
import type { WeightSnapshots, WeightTensor } from '../../models/types';

export class EpochHistory {
  snapshots = $state.raw<WeightSnapshots | null>(null);
  /** Index into `snapshots.epochs` of the weights on screen. */
  index = $state(0);
  /** True while the model on screen is the one the snapshots belong to. */
  active = $state(false);
  #final: WeightTensor[] | null = null;

  /** A finished (or stopped) run's history and the weights it ended with. */
  keep(snapshots: WeightSnapshots | undefined, finalWeights: WeightTensor[]): void {
    this.snapshots = snapshots && snapshots.epochs.length >= 2 ? snapshots : null;
    this.#final = finalWeights;
    this.active = false;
    this.index = this.lastIndex;
  }

  /** Forgets the history (a new run, another recipe). */
  clear(): void {
    this.snapshots = null;
    this.#final = null;
    this.active = false;
    this.index = 0;
  }

  /** Another model (a file's) is on screen: the history is kept but not shown. */
  detach(): void {
    this.active = false;
    this.index = this.lastIndex;
  }

  /** A model built from `weights` is now on screen, at its final epoch. */
  attach(weights: WeightTensor[]): void {
    this.active = this.snapshots !== null && weights === this.#final;
    this.index = this.lastIndex;
  }

  get lastIndex(): number {
    return Math.max(0, (this.snapshots?.epochs.length ?? 1) - 1);
  }

  /** The epoch on screen (0 = initial weights). */
  get epoch(): number {
    return this.snapshots?.epochs[this.index] ?? 0;
  }

  /** The last epoch kept: the final model's (or, after Stop, the last completed epoch's). */
  get lastEpoch(): number {
    return this.snapshots?.epochs.at(-1) ?? 0;
  }

  /** True while an earlier epoch than the final one is on screen. */
  get showingPast(): boolean {
    return this.active && this.index < this.lastIndex;
  }

  /** The weights of the earlier epoch on screen, or null while the final model is shown. */
  get pastWeights(): WeightTensor[] | null {
    return this.showingPast && this.snapshots ? this.snapshots.weights[this.index] : null;
  }

  /** True when every epoch from 0 to the last is kept (else they are evenly spread). */
  get complete(): boolean {
    const s = this.snapshots;
    return s !== null && s.epochs.length === this.lastEpoch + 1;
  }

  /** Moves to snapshot `index` (clamped); returns its weights, or null when nothing changes. */
  select(index: number): WeightTensor[] | null {
    const s = this.snapshots;
    if (!s || !this.active) return null;
    const i = Math.max(0, Math.min(this.lastIndex, Math.round(index)));
    if (i === this.index) return null;
    this.index = i;
    return s.weights[i];
  }

  /** The snapshot index of the kept epoch nearest to `epoch`. */
  indexOfEpoch(epoch: number): number {
    const epochs = this.snapshots?.epochs ?? [];
    let best = 0;
    for (let i = 1; i < epochs.length; i++) if (Math.abs(epochs[i] - epoch) < Math.abs(epochs[best] - epoch)) best = i;
    return best;
  }
}
