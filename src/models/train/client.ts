/**
 * Training off the main thread. A TrainingClient keeps one Web Worker for run after run, so only
 * the first run pays for starting the worker and warming up its JIT; `startTraining` is the
 * one-shot form (its own worker, closed when the run ends). Where `Worker` does not exist (Node,
 * tests) runs train on this thread, yielding every few milliseconds.
 */
import type { Dataset, EpochLog, Recipe, TrainConfig, TrainResult } from '../types';
import { train } from './train';
import { errorMessage, progressBatcher, type DataRef, type FromWorker, type ToWorker } from './messages';

export interface TrainingRun {
  /** Asks the run to stop; `done` then resolves with the weights reached so far. */
  stop(): void;
  done: Promise<TrainResult>;
}

export interface TrainingClient {
  startTraining(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: (logs: EpochLog[]) => void): TrainingRun;
  /** Ends the worker; runs still going are rejected. */
  dispose(): void;
}

type OnProgress = (logs: EpochLog[]) => void;

/**
 * A copy of the data set whose typed arrays can be transferred without detaching the caller's:
 * one memcpy (MNIST's 47 MB of pixel bytes: about 10 ms), then a transfer, which costs nothing.
 */
function transferableCopy(ds: Dataset): { dataset: Dataset; transfer: ArrayBuffer[] } {
  const x = ds.x.slice();
  const y = ds.y.slice();
  const dataset: Dataset = {
    ...ds,
    x,
    y,
    featureNames: [...ds.featureNames],
    classNames: [...ds.classNames],
    ...(ds.inputShape ? { inputShape: [...ds.inputShape] } : {}),
  };
  return { dataset, transfer: [x.buffer as ArrayBuffer, y.buffer as ArrayBuffer] };
}

/** Data sets a worker keeps at once (e.g. MNIST's training set and Iris). */
const WORKER_CACHE = 2;

interface Pending {
  onProgress: OnProgress;
  resolve(result: TrainResult): void;
  reject(error: Error): void;
}

export function createTrainingClient(): TrainingClient {
  if (typeof Worker === 'undefined') return { startTraining: startInThread, dispose() {} };
  let worker: Worker | null = null;
  let nextId = 1;
  /** Data sets the current worker holds, oldest first; keyed by the data set object. */
  let held: { dataset: Dataset; key: number }[] = [];
  let nextKey = 1;
  const dataRef = (dataset: Dataset): { data: DataRef; transfer: ArrayBuffer[] } => {
    const known = held.find((h) => h.dataset === dataset);
    if (known) return { data: { key: known.key, evict: [] }, transfer: [] };
    const key = nextKey++;
    held.push({ dataset, key });
    const evict = held.length > WORKER_CACHE ? held.splice(0, held.length - WORKER_CACHE).map((h) => h.key) : [];
    const { dataset: copy, transfer } = transferableCopy(dataset);
    return { data: { key, dataset: copy, evict }, transfer };
  };
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'epoch') p.onProgress(msg.logs);
      else {
        pending.delete(msg.id);
        if (msg.type === 'done') p.resolve(msg.result);
        else p.reject(new Error(msg.message));
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      if (worker === w) {
        worker = null;
        held = [];
      }
      failAll(`The training worker failed: ${event.message || 'it could not start'}`);
    };
    worker = w;
    return w;
  };

  return {
    startTraining(recipe, dataset, config, onProgress) {
      const w = ensureWorker();
      const id = nextId++;
      const done = new Promise<TrainResult>((resolve, reject) => pending.set(id, { onProgress, resolve, reject }));
      const { data, transfer } = dataRef(dataset);
      const start: ToWorker = { type: 'start', id, recipe: structuredClone(recipe), data, config: { ...config } };
      w.postMessage(start, transfer);
      return {
        stop() {
          if (pending.has(id)) w.postMessage({ type: 'stop', id } satisfies ToWorker);
        },
        done,
      };
    },
    dispose() {
      worker?.terminate();
      worker = null;
      held = [];
      failAll('Training was cancelled.');
    },
  };
}

/** One run in its own worker, closed when the run ends. */
export function startTraining(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: OnProgress): TrainingRun {
  const client = createTrainingClient();
  const run = client.startTraining(recipe, dataset, config, onProgress);
  const close = () => client.dispose();
  run.done.then(close, close);
  return run;
}

function startInThread(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: OnProgress): TrainingRun {
  let stopRequested = false;
  const progress = progressBatcher(onProgress);
  const done = train(recipe, dataset, config, {
    onEpoch: (log) => progress.add(log),
    shouldStop: () => stopRequested,
  }).then(
    (result) => {
      progress.flush();
      return result;
    },
    (e: unknown) => {
      progress.flush();
      throw new Error(errorMessage(e));
    },
  );
  return {
    stop() {
      stopRequested = true;
    },
    done,
  };
}
