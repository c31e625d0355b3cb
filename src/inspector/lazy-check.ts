/**
 * A trace's checks against the plain-TypeScript references, one step at a time: the trace checks
 * the steps on screen (and whatever else is cheap) at once and leaves the rest `checkPending`;
 * these functions check the rest afterwards, in slices that leave the page responsive. No tfjs
 * here (the app calls them without loading TensorFlow.js again); a mismatch found later shows
 * as a mismatch, exactly as one found during the trace.
 */
import { kindFor, unsupportedMessage } from './layers';
import { NoReferenceError } from './check';
import type { NamedTensor, Tensor, Trace, TraceStep } from './types';

function maxAbsDiff(a: Tensor, b: Tensor): number {
  if (a.values.length !== b.values.length || a.shape.join() !== b.shape.join()) return Infinity;
  let m = 0;
  for (let i = 0; i < a.values.length; i++) {
    const d = Math.abs(a.values[i] - b.values[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

/** The largest |value| (finite ones), 0 for an empty tensor: how large the compared numbers are. */
function largestMagnitude(t: Tensor): number {
  let m = 0;
  for (const v of t.values) if (Math.abs(v) > m && Number.isFinite(v)) m = Math.abs(v);
  return m;
}

/**
 * A reference's cost in multiply-adds, estimated from sizes alone: each output value costs its
 * share of the parameters (a Conv2D's window x in-channels, a Dense's inputs), plus one per input value.
 */
export function checkCost(step: TraceStep): number {
  const out = step.output.values.length;
  const last = step.output.shape[step.output.shape.length - 1] || 1;
  const params = step.params.reduce((n, t) => n + t.values.length, 0);
  const inputs = step.inputs.reduce((n, t) => n + t.values.length, 0);
  return out * Math.max(1, params / last) + inputs;
}

/**
 * What a step's reference gave, wherever it ran (here or in the check worker): its values, or why
 * there are none (no kind or no reference for this configuration: "no reference"; an exception:
 * a failed check).
 */
export type ReferenceOutcome =
  | { kind: 'reference'; reference: Tensor }
  | { kind: 'noReference'; message: string }
  | { kind: 'failure'; message: string };

/** Runs the reference of a step's layer kind on its inputs, parameters and config. */
export function runReference(className: string, inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): ReferenceOutcome {
  const kind = kindFor(className);
  if (!kind) return { kind: 'noReference', message: unsupportedMessage(className) };
  try {
    return { kind: 'reference', reference: kind.reference(inputs, params, config) };
  } catch (e) {
    // e.g. an activation without a reference: explained as such
    if (e instanceof NoReferenceError) return { kind: 'noReference', message: e.message };
    // Any other exception is a failed check, never "no reference".
    return { kind: 'failure', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Records a reference's outcome in the step: compared with tfjs' output (its check is then done). */
export function applyOutcome(step: TraceStep, outcome: ReferenceOutcome): void {
  if (step.checkPending) step.checkPending = false;
  if (outcome.kind === 'noReference') {
    step.noReference = outcome.message;
    return;
  }
  if (outcome.kind === 'failure') {
    step.reference = null;
    step.failure = outcome.message;
    step.maxAbsDiff = Infinity;
    return;
  }
  step.reference = outcome.reference;
  step.maxAbsDiff = maxAbsDiff(step.output, outcome.reference);
  step.checkScale = largestMagnitude(outcome.reference);
}

/** Runs the step's reference here and records the comparison in the step (its check is then done). */
export function checkAgainstReference(step: TraceStep): void {
  applyOutcome(step, runReference(step.className, step.inputs, step.params, step.config));
}

/** The largest maxAbsDiff over the steps checked so far (0 when none has a reference). */
export function worstDiff(steps: TraceStep[]): number {
  let worst = 0;
  for (const s of steps) if (s.maxAbsDiff !== null) worst = Math.max(worst, s.maxAbsDiff);
  return worst;
}

/**
 * A copy of `trace` in which the pending steps among `indices` are checked: new objects for those
 * steps, the steps array and the trace (so views that hold the old ones see the change); every
 * tensor is shared. Returns `trace` itself when none of them was pending.
 */
export function withStepsChecked(trace: Trace, indices: number[]): Trace {
  const todo = indices.filter((i) => trace.steps[i]?.checkPending);
  if (todo.length === 0) return trace;
  const steps = trace.steps.slice();
  for (const i of todo) {
    const step = { ...steps[i] };
    checkAgainstReference(step);
    steps[i] = step;
  }
  return { ...trace, steps, maxAbsDiff: worstDiff(steps) };
}

/** A copy of `trace` with step `index` checked by a reference that ran elsewhere; `trace` itself when that step is no longer pending. */
export function withStepOutcome(trace: Trace, index: number, outcome: ReferenceOutcome): Trace {
  if (!trace.steps[index]?.checkPending) return trace;
  const steps = trace.steps.slice();
  const step = { ...steps[index] };
  applyOutcome(step, outcome);
  steps[index] = step;
  return { ...trace, steps, maxAbsDiff: worstDiff(steps) };
}

/** Runs a step's reference somewhere else (the app: a Web Worker, off the page's thread). */
export type RemoteReference = (step: TraceStep) => Promise<ReferenceOutcome>;

/** Indices of the steps whose check is still to come. */
export function pendingChecks(trace: Trace): number[] {
  return trace.steps.filter((s) => s.checkPending).map((s) => s.index);
}

/** Waits for the next macrotask: the default pause before each slice of checks. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Checks a trace's pending steps in slices, each after `pause()` (the next task by default; the app
 * passes one that waits for the next frame, so the trace is painted before the first check), each
 * slice checking steps until about `sliceMs` have passed (one large Conv2D is a slice of its own).
 * `current()` returns the trace on screen now (the user may meanwhile have checked a step by
 * looking at it); after each slice `publish` receives the copy with more steps checked. Stops
 * when another input's trace is on screen (not a copy of this run's: other values). Resolves to
 * true when every step of this run is checked.
 *
 * With `remote`, the references run there one step at a time (the page's thread stays free, the
 * comparison with tfjs happens here), their results published together at most every `publishMs`;
 * should it fail (a worker that cannot start), the rest are checked here in slices, as without it.
 */
export async function completeChecks(
  current: () => Trace | null,
  publish: (trace: Trace) => void,
  { sliceMs = 8, pause = nextTask, remote, publishMs = 100 }: { sliceMs?: number; pause?: () => Promise<void>; remote?: RemoteReference | null; publishMs?: number } = {},
): Promise<boolean> {
  const run = current()?.values;
  if (remote) {
    // Outcomes not yet on screen: published together at most every `publishMs` (each publication
    // redraws the views that read the trace) and when the last one is in.
    const received = new Map<number, ReferenceOutcome>();
    const flush = (trace: Trace): Trace => {
      let next = trace;
      for (const [i, outcome] of received) next = withStepOutcome(next, i, outcome);
      received.clear();
      if (next !== trace) publish(next);
      return next;
    };
    try {
      await pause();
      let published = performance.now();
      for (;;) {
        const trace = current();
        if (!trace || trace.values !== run) return false;
        const pending = pendingChecks(trace).filter((i) => !received.has(i));
        if (pending.length === 0) return pendingChecks(flush(trace)).length === 0;
        const outcome = await remote(trace.steps[pending[0]]);
        const now = current();
        if (!now || now.values !== run) return false;
        received.set(pending[0], outcome);
        if (pending.length === 1 || performance.now() - published >= publishMs) {
          flush(now);
          published = performance.now();
        }
      }
    } catch {
      // The worker failed: what it gave is shown, the rest of the checks run here.
      const trace = current();
      if (trace && trace.values === run) flush(trace);
    }
  }
  for (;;) {
    await pause();
    const trace = current();
    if (!trace || trace.values !== run) return false;
    const pending = pendingChecks(trace);
    if (pending.length === 0) return true;
    let next = trace;
    const t0 = performance.now();
    for (const i of pending) {
      next = withStepsChecked(next, [i]);
      if (performance.now() - t0 >= sliceMs) break;
    }
    publish(next);
  }
}
