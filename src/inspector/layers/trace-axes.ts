/**
 * Axis roles over a whole trace: each values_k gets the roles of the layer that made it, and a
 * layer that passes its input's layout through (BatchNormalization, Rescaling, Activation,
 * Dropout, augmentation, Add, ...) keeps them, forwards and backwards. So an MNIST input of shape
 * (1, 28, 28) that only meets Flatten reads as a 28 x 28 picture, a Conv1D signal stays a signal
 * after BatchNormalization, and values_0 before Rescaling -> Conv2D is an image.
 */
import { defaultRoles } from '../axes';
import type { AxisRole, StepAxes } from '../axes';
import type { Trace, TraceStep } from '../types';
import { AUGMENTATION_CLASSES } from './augmentation';
import { batchNormAxis } from './batchnorm';

/** Classes whose output has the same layout as their (first) input. */
const PASS_THROUGH = new Set<string>([
  'BatchNormalization',
  'Rescaling',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'ThresholdedReLU',
  'Softmax',
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'Add',
  'Subtract',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  ...AUGMENTATION_CLASSES,
]);

/** Classes whose own input roles say nothing about their input's layout. */
const SHAPE_AGNOSTIC = new Set<string>(['Flatten', 'Reshape', 'Concatenate', 'InputLayer']);

/** A rank-3 tensor nobody explained: a picture without a channel axis unless the last axis is short. */
function guess(shape: number[]): AxisRole[] {
  if (shape.length === 3 && shape[1] >= 4 && shape[2] > 4) return ['batch', 'height', 'width'];
  return defaultRoles(shape.length);
}

/**
 * The roles of every values_k (k = 0 .. n) and every step's StepAxes, consistent along the trace.
 * `own(step)` is the kind's own answer (LayerKind.axes) or null.
 */
export function traceAxesWith(trace: Trace, own: (step: TraceStep) => StepAxes | null): { values: AxisRole[][]; steps: StepAxes[] } {
  const n = trace.values.length;
  const roles: (AxisRole[] | null)[] = Array.from({ length: n }, () => null);
  const fits = (r: AxisRole[] | null, k: number): r is AxisRole[] => r !== null && r.length === trace.values[k].shape.length;
  const inputsOf = (s: TraceStep, i: number) => s.inputValues ?? s.inputNames.map((_, j) => (j === 0 ? i : -1));
  const owns = trace.steps.map((s) => (PASS_THROUGH.has(s.className) ? null : own(s)));

  // The layers that know their layout set their output's roles.
  trace.steps.forEach((_, i) => {
    const a = owns[i];
    if (a && fits(a.output, i + 1)) roles[i + 1] = a.output;
  });
  propagate();
  // Values still open take the roles their consumers expect (values_0 before a Conv2D, ...).
  trace.steps.forEach((s, i) => {
    const a = owns[i];
    if (!a || SHAPE_AGNOSTIC.has(s.className)) return;
    inputsOf(s, i).forEach((k, j) => {
      if (k >= 0 && k < n && roles[k] === null && fits(a.inputs[j] ?? null, k)) roles[k] = a.inputs[j];
    });
  });
  propagate();

  /** Pass-through layers carry roles both ways until nothing changes. */
  function propagate(): void {
    for (let changed = true, rounds = 0; changed && rounds < 2 * n; rounds++) {
      changed = false;
      trace.steps.forEach((s, i) => {
        if (!PASS_THROUGH.has(s.className)) return;
        const ins = inputsOf(s, i).filter((k) => k >= 0 && k < n);
        const out = i + 1;
        const from = ins.find((k) => roles[k] !== null && trace.values[k].shape.length === trace.values[out].shape.length);
        if (roles[out] === null && from !== undefined) {
          roles[out] = roles[from];
          changed = true;
        }
        if (roles[out] !== null) {
          for (const k of ins) {
            if (roles[k] === null && fits(roles[out], k)) {
              roles[k] = roles[out];
              changed = true;
            }
          }
        }
      });
    }
  }
  const values = roles.map((r, k) => r ?? guess(trace.values[k].shape));

  const steps = trace.steps.map((s, i): StepAxes => {
    const inputs = inputsOf(s, i).map((k, j) => (k >= 0 && k < n ? values[k] : defaultRoles(s.inputs[j].shape.length)));
    const a = own(s);
    const params: StepAxes['params'] = {};
    for (const p of s.params) {
      const mine = a?.params[p.name];
      params[p.name] = mine && mine.length === p.shape.length ? mine : p.shape.length === 1 ? ['feature'] : defaultRoles(p.shape.length).map((r, d) => (d === 0 ? 'feature' : r));
    }
    // BatchNormalization's parameters run along its normalised axis, as its input says.
    if (s.className === 'BatchNormalization') {
      try {
        const axis = batchNormAxis(s.config, s.inputs[0].shape.length);
        for (const p of s.params) params[p.name] = [inputs[0][axis]];
      } catch {
        // keep the kind's own answer
      }
    }
    return { inputs, params, output: values[i + 1] };
  });
  return { values, steps };
}
