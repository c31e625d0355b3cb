/**
 * Checks after the trace (src/inspector/lazy-check.ts): the step on screen is checked with the trace,
 * the rest later in slices; in the end every step is checked exactly as a trace checking all at once
 * does, and a wrong value still shows as a mismatch.
 */
import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { createTracer, completeChecks, pendingChecks, withStepsChecked, checkCost } from '../../src/inspector/trace';
import { runReference, type RemoteReference } from '../../src/inspector/lazy-check';
import { stepCheck, traceCheck } from '../../src/inspector/check';
import type { Trace } from '../../src/inspector/types';

function photoCnn() {
  return tfl.sequential({
    layers: [
      tfl.layers.rescaling({ scale: 1 / 255, inputShape: [30, 30, 3] }),
      tfl.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
}
const photo = Array.from({ length: 30 * 30 * 3 }, (_, i) => (i * 53) % 256);

describe('checks after the trace', () => {
  it('checks the steps on screen at once and the rest later; the end equals checking all at once', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const tracer = createTracer(model);
    const all = tracer(photo);
    const first = tracer(photo, null, { check: [3], checkBudget: 0 });
    expect(pendingChecks(first)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(stepCheck(first.steps[3])).toBe('ok');
    expect(stepCheck(first.steps[1])).toBe('pending');
    expect(first.steps[1].maxAbsDiff).toBeNull();
    const pending = traceCheck(first);
    expect(pending.pending.map((s) => s.index)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(pending.checked.map((s) => s.index)).toEqual([3]);

    let shown: Trace = first;
    const published: Trace[] = [];
    const running = completeChecks(() => shown, (t) => { published.push(t); shown = t; }, { sliceMs: 0 });
    expect(shown).toBe(first); // nothing is checked before the first pause: the trace is shown first
    const done = await running;
    expect(done).toBe(true);
    expect(published.length).toBeGreaterThanOrEqual(1);
    expect(pendingChecks(shown)).toEqual([]);
    expect(shown.steps.map((s) => stepCheck(s))).toEqual(all.steps.map((s) => stepCheck(s)));
    expect(shown.steps.map((s) => s.maxAbsDiff)).toEqual(all.steps.map((s) => s.maxAbsDiff));
    expect(shown.maxAbsDiff).toBe(all.maxAbsDiff);
    expect(shown.steps.map((s) => s.reference?.values)).toEqual(all.steps.map((s) => s.reference?.values));
    // The values are the trace's own (shared), only the steps' checks changed.
    expect(shown.values).toBe(first.values);
    expect(first.steps[1].checkPending).toBe(true); // the first copy is left as it was
    model.dispose();
  });

  it('a wrong value in a step checked later shows as a mismatch, not as OK', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const trace = createTracer(model)(photo, null, { check: [0], checkBudget: 0 });
    trace.steps[3].output.values[5] += 0.5; // as if tfjs had computed one value wrong
    let shown: Trace = trace;
    await completeChecks(() => shown, (t) => (shown = t));
    expect(stepCheck(shown.steps[3])).toBe('mismatch');
    expect(shown.steps[3].maxAbsDiff).toBeCloseTo(0.5, 5);
    const check = traceCheck(shown);
    expect(check.ok).toBe(false);
    expect(check.pending).toEqual([]);
    model.dispose();
  });

  it('a step looked at is checked at once; other steps and an unchanged trace stay as they are', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const trace = createTracer(model)(photo, null, { check: [], checkBudget: 0 });
    const next = withStepsChecked(trace, [1]);
    expect(next).not.toBe(trace);
    expect(next.steps[1]).not.toBe(trace.steps[1]);
    expect(next.steps[0]).toBe(trace.steps[0]);
    expect(stepCheck(next.steps[1])).toBe('ok');
    expect(withStepsChecked(next, [1])).toBe(next);
    model.dispose();
  });

  it('stops when the trace of another input replaces it', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const tracer = createTracer(model);
    let shown: Trace = tracer(photo, null, { check: [], checkBudget: 0 });
    const done = completeChecks(() => shown, (t) => (shown = t), { sliceMs: 0 });
    const other = tracer(photo.map((v) => 255 - v), null, { check: [], checkBudget: 0 });
    shown = other;
    expect(await done).toBe(false);
    expect(shown).toBe(other);
    model.dispose();
  });

  it('checks the cheap steps at once within the budget, and a large Conv2D waits', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const tracer = createTracer(model);
    const t = tracer(photo, null, { check: [0] });
    expect(pendingChecks(t)).toEqual([]); // a small CNN: every step fits the default budget
    const costs = t.steps.map(checkCost);
    expect(costs[1]).toBeGreaterThan(28 * 28 * 8 * 27); // the Conv2D's multiply-adds at least
    const budgeted = tracer(photo, null, { check: [0], checkBudget: costs[1] - 1 });
    expect(pendingChecks(budgeted)).toContain(1);
    expect(pendingChecks(budgeted)).not.toContain(0);
    model.dispose();
  });

  it('with a remote reference (the app: a worker), each pending step is checked there, one at a time, same result', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const tracer = createTracer(model);
    const all = tracer(photo);
    let shown: Trace = tracer(photo, null, { check: [0], checkBudget: 0 });
    const asked: number[] = [];
    let inFlight = 0;
    const remote: RemoteReference = async (step) => {
      asked.push(step.index);
      inFlight++;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return runReference(step.className, step.inputs, step.params, step.config);
    };
    expect(await completeChecks(() => shown, (t) => (shown = t), { remote })).toBe(true);
    expect(asked).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shown.steps.map((s) => s.maxAbsDiff)).toEqual(all.steps.map((s) => s.maxAbsDiff));
    expect(traceCheck(shown).ok).toBe(true);
    model.dispose();
  });

  it('a remote reference that disagrees is a mismatch; a remote that fails leaves the rest to this thread', async () => {
    await tf.setBackend('cpu');
    const model = photoCnn();
    const tracer = createTracer(model);
    let shown: Trace = tracer(photo, null, { check: [0], checkBudget: 0 });
    let calls = 0;
    const remote: RemoteReference = async (step) => {
      if (++calls > 2) throw new Error('the check worker failed');
      const outcome = runReference(step.className, step.inputs, step.params, step.config);
      if (outcome.kind === 'reference' && step.index === 1) outcome.reference.values[3] += 0.25;
      return outcome;
    };
    expect(await completeChecks(() => shown, (t) => (shown = t), { remote })).toBe(true);
    expect(stepCheck(shown.steps[1])).toBe('mismatch');
    expect(shown.steps.slice(2).map((s) => stepCheck(s))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(pendingChecks(shown)).toEqual([]);
    model.dispose();
  });
});
