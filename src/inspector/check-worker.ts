/**
 * The check worker: runs layer kinds' plain-TypeScript references off the page's thread, for the
 * checks that come after a trace is on screen (a photo CNN's large Conv2Ds take tens of ms each).
 * It only computes the reference; the page compares it with tfjs' output (lazy-check.ts), so the
 * comparison and the tolerance stay in one place. Messages in the language the page sends.
 */
import { setLanguage, type Language } from '../i18n/language';
import { runReference, type ReferenceOutcome } from './lazy-check';
import type { NamedTensor, Tensor } from './types';

export interface CheckRequest {
  id: number;
  language: Language;
  className: string;
  inputs: Tensor[];
  params: NamedTensor[];
  config: Record<string, unknown>;
}

export interface CheckReply {
  id: number;
  outcome: ReferenceOutcome;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckRequest>) => void) | null; postMessage(m: CheckReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => {
  const { id, language, className, inputs, params, config } = event.data;
  setLanguage(language);
  const outcome = runReference(className, inputs, params, config);
  scope.postMessage({ id, outcome }, outcome.kind === 'reference' ? [outcome.reference.values.buffer] : []);
};
