/**
 * The check of tfjs against the plain-TypeScript references: one tolerance, one comparison and
 * one reading of a step's or a trace's check, used by every view, so a view and its neighbour
 * can never disagree about what "checked" means.
 */
import type { Trace, TraceStep } from './types';

/**
 * The largest max |tfjs − reference| still called OK: 1e-5 for values up to 1 in size, and 1e-5
 * times the size of the values beyond that (float32 keeps about 7 significant digits, so a Dense
 * layer on raw pixels 0..255, with outputs in the hundreds, differs from the float64 reference by
 * a few 1e-5 while both are right).
 */
export const TOLERANCE = 1e-5;

/** The largest difference allowed for values of this size: TOLERANCE * max(1, |magnitude|). */
export function allowedDiff(magnitude = 0, tolerance = TOLERANCE): number {
  return tolerance * Math.max(1, Math.abs(magnitude));
}

/**
 * The one comparison: a difference is OK when it is at most `allowedDiff(magnitude)`, i.e. at
 * most 1e-5 for values up to 1 in size (NaN and ∞ never are).
 */
export function withinTolerance(maxAbsDiff: number, magnitude = 0, tolerance = TOLERANCE): boolean {
  return maxAbsDiff <= allowedDiff(magnitude, tolerance);
}

/**
 * Thrown by a layer kind's reference when the kind has no reference for this configuration yet
 * (e.g. an activation it does not implement). The trace records such a step as "no reference";
 * any other exception from a reference is a failure of the check.
 */
export class NoReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoReferenceError';
  }
}

/**
 * ok / mismatch: compared; failed: the reference threw; unchecked: no reference for the kind;
 * pending: the check is still to come (checked after the trace is on screen).
 */
export type CheckStatus = 'ok' | 'mismatch' | 'failed' | 'unchecked' | 'pending';

export function stepCheck(step: TraceStep, tolerance = TOLERANCE): CheckStatus {
  if (step.checkPending) return 'pending';
  if (step.failure) return 'failed';
  if (step.maxAbsDiff === null) return 'unchecked';
  return withinTolerance(step.maxAbsDiff, step.checkScale ?? 0, tolerance) ? 'ok' : 'mismatch';
}

export interface TraceCheck {
  /** ok only when every compared step is within its tolerance and no reference failed (pending steps: not yet known, not counted). */
  ok: boolean;
  checked: TraceStep[];
  failed: TraceStep[];
  unchecked: TraceStep[];
  /** Steps whose check is still to come. */
  pending: TraceStep[];
}

export function traceCheck(trace: Trace, tolerance = TOLERANCE): TraceCheck {
  const failed = trace.steps.filter((s) => stepCheck(s, tolerance) === 'failed');
  const unchecked = trace.steps.filter((s) => stepCheck(s, tolerance) === 'unchecked');
  const pending = trace.steps.filter((s) => s.checkPending);
  const checked = trace.steps.filter((s) => !s.checkPending && s.maxAbsDiff !== null && !s.failure);
  const ok = failed.length === 0 && checked.every((s) => stepCheck(s, tolerance) === 'ok');
  return { ok, checked, failed, unchecked, pending };
}
