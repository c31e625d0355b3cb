/**
 * The check of tfjs against the plain-TypeScript references: one tolerance, one comparison and
 * one reading of a step's or a trace's check, used by every view, so a view and its neighbour
 * can never disagree about what "checked" means.
 */
import type { Trace, TraceStep } from './types';

/** The largest max |tfjs − reference| still called OK ("at most 1e-5"). */
export const TOLERANCE = 1e-5;

/** The one comparison: a difference is OK when it is at most TOLERANCE (NaN and ∞ are not). */
export function withinTolerance(maxAbsDiff: number, tolerance = TOLERANCE): boolean {
  return maxAbsDiff <= tolerance;
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

/** ok / mismatch: compared; failed: the reference threw; unchecked: no reference for the kind. */
export type CheckStatus = 'ok' | 'mismatch' | 'failed' | 'unchecked';

export function stepCheck(step: TraceStep, tolerance = TOLERANCE): CheckStatus {
  if (step.failure) return 'failed';
  if (step.maxAbsDiff === null) return 'unchecked';
  return withinTolerance(step.maxAbsDiff, tolerance) ? 'ok' : 'mismatch';
}

export interface TraceCheck {
  /** ok only when every compared step is within the tolerance and no reference failed. */
  ok: boolean;
  checked: TraceStep[];
  failed: TraceStep[];
  unchecked: TraceStep[];
}

export function traceCheck(trace: Trace, tolerance = TOLERANCE): TraceCheck {
  const failed = trace.steps.filter((s) => stepCheck(s, tolerance) === 'failed');
  const unchecked = trace.steps.filter((s) => stepCheck(s, tolerance) === 'unchecked');
  const checked = trace.steps.filter((s) => s.maxAbsDiff !== null && !s.failure);
  return { ok: failed.length === 0 && withinTolerance(trace.maxAbsDiff, tolerance), checked, failed, unchecked };
}
