/**
 * Starts a training run in a Web Worker, so the page stays responsive, and falls back to
 * training on this thread (yielding) where `Worker` does not exist (Node, tests).
 */
import type { Dataset, EpochLog, Recipe, TrainConfig, TrainResult } from '../types';
import { train } from './train';
import { errorMessage, progressBatcher, type FromWorker, type ToWorker } from './messages';

export interface TrainingRun {
  /** Asks the run to stop; `done` then resolves with the weights reached so far. */
  stop(): void;
  done: Promise<TrainResult>;
}

/** A copy of the data set whose typed arrays can be transferred without detaching the caller's. */
function transferableCopy(ds: Dataset): { dataset: Dataset; transfer: ArrayBuffer[] } {
  const x = new Float32Array(ds.x);
  const y = ds.y instanceof Int32Array ? new Int32Array(ds.y) : new Float32Array(ds.y);
  const dataset: Dataset = { ...ds, x, y, featureNames: [...ds.featureNames], classNames: [...ds.classNames] };
  return { dataset, transfer: [x.buffer, y.buffer] };
}

export function startTraining(
  recipe: Recipe,
  dataset: Dataset,
  config: TrainConfig,
  onProgress: (logs: EpochLog[]) => void,
): TrainingRun {
  if (typeof Worker === 'undefined') return startInThread(recipe, dataset, config, onProgress);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let finished = false;
  const done = new Promise<TrainResult>((resolve, reject) => {
    const finish = () => {
      finished = true;
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type === 'epoch') onProgress(msg.logs);
      else if (msg.type === 'done') {
        finish();
        resolve(msg.result);
      } else {
        finish();
        reject(new Error(msg.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The training worker failed: ${event.message || 'unknown error'}`));
    };
  });
  const { dataset: copy, transfer } = transferableCopy(dataset);
  const start: ToWorker = { type: 'start', recipe: structuredClone(recipe), dataset: copy, config: { ...config } };
  worker.postMessage(start, transfer);
  return {
    stop() {
      if (!finished) worker.postMessage({ type: 'stop' } satisfies ToWorker);
    },
    done,
  };
}

function startInThread(recipe: Recipe, dataset: Dataset, config: TrainConfig, onProgress: (logs: EpochLog[]) => void): TrainingRun {
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
