/// <reference lib="webworker" />
/**
 * The training worker: runs `train` off the main thread, posts epoch logs in batches and the
 * result (weights transferred), and stops a run when asked. It keeps the data sets it was sent
 * (see DataRef), so a second run on MNIST does not copy 47 MB again. `train` yields to this worker's event
 * loop every few milliseconds, which is when a "stop" message gets through. It loads no tfjs
 * unless a recipe needs the tfjs engine.
 */
import { train } from './train';
import type { Dataset } from '../types';
import { setLanguage } from '../../i18n/language';
import { modelsTrain } from '../../i18n/messages/models-train';
import { errorMessage, progressBatcher, resultTransfer, type FromWorker, type ToWorker } from './messages';

function serve(scope: DedicatedWorkerGlobalScope): void {
  const stopRequests = new Set<number>();
  const datasets = new Map<number, Dataset>();
  const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  scope.onmessage = async (event: MessageEvent<ToWorker>) => {
    const msg = event.data;
    if (msg.type === 'stop') {
      stopRequests.add(msg.id);
      return;
    }
    if (msg.type === 'data') {
      for (const key of msg.evict) datasets.delete(key);
      const x = msg.dataset.x instanceof Uint8Array ? new Uint8Array(msg.xLength) : new Float32Array(msg.xLength);
      datasets.set(msg.key, { ...msg.dataset, x });
      return;
    }
    if (msg.type === 'data-part') {
      datasets.get(msg.key)?.x.set(msg.part, msg.offset);
      return;
    }
    const { id } = msg;
    if (msg.language) setLanguage(msg.language);
    const dataset = datasets.get(msg.dataKey);
    if (!dataset) {
      post({ type: 'error', id, message: modelsTrain.worker.lostData });
      return;
    }
    const progress = progressBatcher((logs) => post({ type: 'epoch', id, logs }));
    try {
      const result = await train(msg.recipe, dataset, msg.config, {
        onEpoch: (log) => progress.add(log),
        shouldStop: () => stopRequests.has(id),
      }, { keepWeights: msg.keepWeights === true });
      progress.flush();
      post({ type: 'done', id, result }, resultTransfer(result));
    } catch (e) {
      progress.flush();
      post({ type: 'error', id, message: errorMessage(e) });
    } finally {
      stopRequests.delete(id);
    }
  };
}

serve(self as unknown as DedicatedWorkerGlobalScope);
