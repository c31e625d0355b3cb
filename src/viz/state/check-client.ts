/**
 * The page's side of the check worker (src/inspector/check-worker.ts): runs a step's reference
 * there, one request at a time, so the checks that come after a trace leave the page's thread
 * free. Null where there are no module workers (Node): the checks then run in slices on the page.
 * A worker that fails rejects what it was asked and is not used again (the caller checks the rest
 * itself).
 */
import { language } from '../../i18n/language';
import type { CheckReply, CheckRequest } from '../../inspector/check-worker';
import type { ReferenceOutcome, RemoteReference } from '../../inspector/lazy-check';
import type { TraceStep } from '../../inspector/types';

export interface CheckClient {
  check: RemoteReference;
  dispose(): void;
}

export function createCheckClient(): CheckClient | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(o: ReferenceOutcome): void; reject(e: Error): void }>();
  const failAll = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('../../inspector/check-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<CheckReply>) => {
      const p = pending.get(event.data.id);
      pending.delete(event.data.id);
      p?.resolve(event.data.outcome);
    };
    w.onerror = (event) => {
      event.preventDefault();
      broken = true;
      w.terminate();
      worker = null;
      failAll(event.message || 'the check worker failed');
    };
    worker = w;
    return w;
  };
  return {
    check(step: TraceStep): Promise<ReferenceOutcome> {
      if (broken) return Promise.reject(new Error('the check worker failed'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        try {
          const request: CheckRequest = { id, language: language(), className: step.className, inputs: step.inputs, params: step.params, config: step.config };
          ensure().postMessage(request);
        } catch (e) {
          pending.delete(id);
          broken = true;
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll('the check worker was stopped');
    },
  };
}
