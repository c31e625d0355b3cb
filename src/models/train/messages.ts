/** The messages between the training client and its worker (all structured-clone friendly). */
import type { Dataset, EpochLog, Recipe, TrainConfig, TrainResult } from '../types';

/**
 * The data set of a run, sent once per worker: a data set the worker already holds (MNIST's
 * 47 MB of pixels) is named by its key only. `evict` lists keys the worker may forget; the client
 * keeps the same list, so both sides always agree on what the worker holds.
 */
export interface DataRef {
  key: number;
  dataset?: Dataset;
  evict: number[];
}

/** Every message names its run, so one worker can serve run after run (and stay warm). */
export type ToWorker =
  | { type: 'start'; id: number; recipe: Recipe; data: DataRef; config: TrainConfig }
  | { type: 'stop'; id: number };

export type FromWorker =
  | { type: 'epoch'; id: number; logs: EpochLog[] }
  | { type: 'done'; id: number; result: TrainResult }
  | { type: 'error'; id: number; message: string };

/** Progress is sent at most this often (plus once at the end), a batch of epoch logs at a time. */
export const PROGRESS_INTERVAL_MS = 30;

/** Collects epoch logs and hands them on in batches, at most every PROGRESS_INTERVAL_MS. */
export function progressBatcher(send: (logs: EpochLog[]) => void): { add(log: EpochLog): void; flush(): void } {
  let pending: EpochLog[] = [];
  let last = -Infinity;
  const flush = () => {
    if (pending.length === 0) return;
    const logs = pending;
    pending = [];
    last = performance.now();
    send(logs);
  };
  return {
    add(log) {
      pending.push(log);
      if (performance.now() - last >= PROGRESS_INTERVAL_MS) flush();
    },
    flush,
  };
}

/** The typed arrays of a result, to transfer instead of copy. */
export function resultTransfer(result: TrainResult): ArrayBuffer[] {
  return result.weights.map((w) => w.values.buffer as ArrayBuffer);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
