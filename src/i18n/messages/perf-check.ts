/**
 * Checks that finish after the trace is on screen (src/viz/components/CheckPending.svelte, the
 * layer card's check line): a photo CNN's large Conv2Ds are recomputed in plain TypeScript while
 * the user already looks at the layers.
 */
import { defineMessages } from '../define';
import { formatInteger } from '../format';

export const perfCheck = defineMessages(
  'perf-check',
  {
    /** After the trace's check line, while layers are still being recomputed. */
    checking: (pending: number) =>
      pending === 1 ? '· checking 1 more layer against its plain-TypeScript reference…' : `· checking ${formatInteger(pending)} more layers against their plain-TypeScript reference…`,
    /** A layer card whose check is still to come. */
    stepChecking: 'Checking against the plain-TypeScript reference…',
  },
  {
    checking: (pending) =>
      pending === 1 ? '· 1 weitere Schicht wird mit ihrer TypeScript-Referenz abgeglichen…' : `· ${formatInteger(pending)} weitere Schichten werden mit ihrer TypeScript-Referenz abgeglichen…`,
    stepChecking: 'Wird mit der TypeScript-Referenz abgeglichen…',
  },
);
