/// <reference lib="webworker" />
/**
 * The training worker: runs `train` off the main thread, posts epoch logs in batches and the
 * result (weights transferred), and stops when asked. `train` yields to this worker's event loop
 * every few milliseconds, which is when a "stop" message gets through.
 */
import { train } from './train';
import { errorMessage, progressBatcher, resultTransfer, type FromWorker, type ToWorker } from './messages';

function serve(scope: DedicatedWorkerGlobalScope): void {
  let stopRequested = false;
  const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  scope.onmessage = async (event: MessageEvent<ToWorker>) => {
    const msg = event.data;
    if (msg.type === 'stop') {
      stopRequested = true;
      return;
    }
    const progress = progressBatcher((logs) => post({ type: 'epoch', logs }));
    try {
      const result = await train(msg.recipe, msg.dataset, msg.config, {
        onEpoch: (log) => progress.add(log),
        shouldStop: () => stopRequested,
      });
      progress.flush();
      post({ type: 'done', result }, resultTransfer(result));
    } catch (e) {
      progress.flush();
      post({ type: 'error', message: errorMessage(e) });
    }
  };
}

serve(self as unknown as DedicatedWorkerGlobalScope);
