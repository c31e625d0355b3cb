/** One tolerance and one comparison for the reference check, read the same way by every view. */
import { expect, it } from 'vitest';
import { allowedDiff, stepCheck, TOLERANCE, traceCheck, withinTolerance } from '../../src/inspector/check';
import type { Trace, TraceStep } from '../../src/inspector/types';

const t = { shape: [1, 1], values: Float32Array.of(0) };
const step = (over: Partial<TraceStep>): TraceStep => ({
  index: 0, name: 's', className: 'Dense', config: {}, paramCount: 0, inputNames: ['values_0'], inputs: [t], params: [],
  output: t, reference: t, maxAbsDiff: 0, ...over,
});

it('calls a difference OK when it is at most 1e-5: exactly 1e-5 is OK, anything above, NaN and ∞ are not', () => {
  expect(TOLERANCE).toBe(1e-5);
  expect(withinTolerance(0)).toBe(true);
  expect(withinTolerance(1e-5)).toBe(true);
  expect(withinTolerance(1.0000001e-5)).toBe(false);
  expect(withinTolerance(Number.NaN)).toBe(false);
  expect(withinTolerance(Infinity)).toBe(false);
});

it('reads a step as ok, mismatch, failed or unchecked', () => {
  expect(stepCheck(step({ maxAbsDiff: 1e-5 }))).toBe('ok');
  expect(stepCheck(step({ maxAbsDiff: 2e-5 }))).toBe('mismatch');
  expect(stepCheck(step({ reference: null, maxAbsDiff: Infinity, failure: 'boom' }))).toBe('failed');
  expect(stepCheck(step({ reference: null, maxAbsDiff: null, noReference: 'no reference implementation for LeakyReLU yet' }))).toBe('unchecked');
});

it('a trace is OK only when no reference failed and every compared step is within the tolerance', () => {
  const ok = step({ name: 'a', maxAbsDiff: 1e-5 });
  const none = step({ name: 'b', reference: null, maxAbsDiff: null });
  const trace = (steps: TraceStep[]): Trace => ({
    raw: t, values: [t], steps, maxAbsDiff: Math.max(0, ...steps.map((s) => s.maxAbsDiff ?? 0)),
  });
  expect(traceCheck(trace([ok, none]))).toMatchObject({ ok: true, checked: [ok], unchecked: [none], failed: [] });
  const failed = step({ name: 'c', reference: null, maxAbsDiff: Infinity, failure: 'boom' });
  expect(traceCheck(trace([ok, failed]))).toMatchObject({ ok: false, failed: [failed], checked: [ok] });
  expect(traceCheck(trace([step({ maxAbsDiff: 3e-5 })])).ok).toBe(false);
});

it('scales the tolerance with the size of the values beyond 1: float32 keeps about 7 digits', () => {
  expect(allowedDiff(0)).toBe(1e-5);
  expect(allowedDiff(0.5)).toBe(1e-5);
  expect(allowedDiff(-568)).toBeCloseTo(5.68e-3, 15);
  expect(withinTolerance(3.1e-5, 568)).toBe(true);
  expect(withinTolerance(3.1e-5, 2)).toBe(false);
  expect(withinTolerance(Infinity, 1e300)).toBe(false);
  expect(stepCheck(step({ maxAbsDiff: 3.1e-5, checkScale: 568 }))).toBe('ok');
  expect(stepCheck(step({ maxAbsDiff: 1e-2, checkScale: 568 }))).toBe('mismatch');
  expect(stepCheck(step({ maxAbsDiff: 3.1e-5, checkScale: 0.9 }))).toBe('mismatch');
});
