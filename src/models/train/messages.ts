/** The messages between the training client and its worker (all structured-clone friendly). */
import type { Dataset, EpochLog, Recipe, TrainConfig, TrainResult } from '../types';
import type { Language } from '../../i18n/language';
import { snapshotBuffers } from './weight-history';

/**
 * Messages to the worker. A data set is sent once per worker and then named by its key: first a
 * 'data' message with everything but the rows' values (and `evict`: keys the worker may forget;
 * the client keeps the same list, so both sides agree on what the worker holds), then the values
 * in 'data-part' messages of a few MB each, each part a fresh copy transferred. The client yields
 * between parts, so sending MNIST's 47 MB never blocks the page for long. Messages arrive in
 * order, so the parts are in before any 'start' that names the key.
 */
export type ToWorker =
  | { type: 'data'; key: number; dataset: Dataset; xLength: number; evict: number[] }
  | { type: 'data-part'; key: number; offset: number; part: Float32Array | Uint8Array }
  /** `language`: the page's, so the worker's messages (errors, the engine's name) are in it. */
  | { type: 'start'; id: number; recipe: Recipe; dataKey: number; config: TrainConfig; keepWeights?: boolean; language?: Language }
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

/** The typed arrays of a result (its weights' history too), each once, to transfer instead of copy. */
export function resultTransfer(result: TrainResult): ArrayBuffer[] {
  const buffers = new Set(result.weights.map((w) => w.values.buffer as ArrayBuffer));
  for (const b of snapshotBuffers(result.snapshots)) buffers.add(b);
  return [...buffers];
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
