/**
 * Training off the main thread. A TrainingClient keeps one Web Worker for run after run, so only
 * the first run pays for starting the worker and warming up its JIT; `startTraining` is the
 * one-shot form (its own worker, closed when the run ends). Where `Worker` does not exist (Node,
 * tests) runs train on this thread, yielding every few milliseconds.
 */
import type { Dataset, EpochLog, Recipe, TrainConfig, TrainResult } from '../types';
import { errorMessage, progressBatcher, type FromWorker, type ToWorker } from './messages';
import { yieldToEventLoop } from './yield';
import { language } from '../../i18n/language';
import { modelsTrain } from '../../i18n/messages/models-train';

export interface TrainingRun {
  /** Asks the run to stop; `done` then resolves with the weights reached so far. */
  stop(): void;
  done: Promise<TrainResult>;
}

export interface RunOptions {
  /** Keep the weights' history (result.snapshots; see weight-history.ts). */
  keepWeights?: boolean;
}

export interface TrainingClient {
  startTraining(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: (logs: EpochLog[]) => void, options?: RunOptions): TrainingRun;
  /** Ends the worker; runs still going are rejected. */
  dispose(): void;
}

type OnProgress = (logs: EpochLog[]) => void;

/** Values per 'data-part' message: 4 MB of bytes or 16 MB of float32; a copy of one takes a few ms. */
const PART_VALUES = 4 * 2 ** 20;

/** Data sets a worker keeps at once (e.g. MNIST's training set and Iris). */
const WORKER_CACHE = 2;

/**
 * Sends a data set to the worker: its description (with the targets), then its values part by
 * part, each a fresh copy (the caller's arrays stay intact), transferred, with a turn of the event
 * loop between parts.
 */
async function sendDataset(w: Worker, key: number, ds: Dataset, evict: number[]): Promise<void> {
  const header: Dataset = {
    ...ds,
    x: ds.x instanceof Uint8Array ? new Uint8Array(0) : new Float32Array(0),
    y: ds.y.slice(),
    featureNames: [...ds.featureNames],
    classNames: [...ds.classNames],
    ...(ds.inputShape ? { inputShape: [...ds.inputShape] } : {}),
  };
  w.postMessage({ type: 'data', key, dataset: header, xLength: ds.x.length, evict } satisfies ToWorker, [header.y.buffer as ArrayBuffer]);
  for (let offset = 0; offset < ds.x.length; offset += PART_VALUES) {
    await yieldToEventLoop();
    const part = ds.x.slice(offset, Math.min(ds.x.length, offset + PART_VALUES));
    w.postMessage({ type: 'data-part', key, offset, part } satisfies ToWorker, [part.buffer as ArrayBuffer]);
  }
}

interface Pending {
  onProgress: OnProgress;
  resolve(result: TrainResult): void;
  reject(error: Error): void;
}

export function createTrainingClient(): TrainingClient {
  if (typeof Worker === 'undefined') return { startTraining: startInThread, dispose() {} };
  let worker: Worker | null = null;
  let nextId = 1;
  /** Data sets the current worker holds (or is being sent), oldest first; keyed by the data set object. */
  let held: { dataset: Dataset; key: number; sent: Promise<void> }[] = [];
  let nextKey = 1;
  /** The key of `dataset` in worker `w`, once all of it has been posted. */
  const dataKey = (w: Worker, dataset: Dataset): Promise<number> => {
    const known = held.find((h) => h.dataset === dataset);
    if (known) return known.sent.then(() => known.key);
    const key = nextKey++;
    const evict = held.length >= WORKER_CACHE ? held.splice(0, held.length - WORKER_CACHE + 1).map((h) => h.key) : [];
    const sent = sendDataset(w, key, dataset, evict);
    held.push({ dataset, key, sent });
    return sent.then(() => key);
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
      failAll(modelsTrain.worker.failed(event.message || modelsTrain.worker.couldNotStart));
    };
    worker = w;
    return w;
  };

  return {
    startTraining(recipe, dataset, config, onProgress, options = {}) {
      const w = ensureWorker();
      const id = nextId++;
      const done = new Promise<TrainResult>((resolve, reject) => pending.set(id, { onProgress, resolve, reject }));
      const settings = { recipe: structuredClone(recipe), config: { ...config } };
      let stopAsked = false;
      dataKey(w, dataset).then(
        (key) => {
          if (worker !== w || !pending.has(id)) return;
          w.postMessage({ type: 'start', id, ...settings, dataKey: key, keepWeights: options.keepWeights === true, language: language() } satisfies ToWorker);
          if (stopAsked) w.postMessage({ type: 'stop', id } satisfies ToWorker);
        },
        (e: unknown) => {
          const p = pending.get(id);
          pending.delete(id);
          p?.reject(new Error(modelsTrain.worker.sendFailed(errorMessage(e))));
        },
      );
      return {
        stop() {
          stopAsked = true;
          if (pending.has(id)) w.postMessage({ type: 'stop', id } satisfies ToWorker);
        },
        done,
      };
    },
    dispose() {
      worker?.terminate();
      worker = null;
      held = [];
      failAll(modelsTrain.worker.cancelled);
    },
  };
}

/** One run in its own worker, closed when the run ends. */
export function startTraining(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: OnProgress, options: RunOptions = {}): TrainingRun {
  const client = createTrainingClient();
  const run = client.startTraining(recipe, dataset, config, onProgress, options);
  const close = () => client.dispose();
  run.done.then(close, close);
  return run;
}

function startInThread(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: OnProgress, options: RunOptions = {}): TrainingRun {
  let stopRequested = false;
  const progress = progressBatcher(onProgress);
  // Only where no Worker exists (Node, tests): the engines load on demand, not with the page.
  const done = import('./train').then(({ train }) => train(recipe, dataset, config, {
    onEpoch: (log) => progress.add(log),
    shouldStop: () => stopRequested,
  }, { keepWeights: options.keepWeights === true })).then(
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
