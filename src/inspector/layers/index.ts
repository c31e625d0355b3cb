/**
 * The registry of layer kinds: Keras class name -> LayerKind. A new kind (conv, pooling,
 * batchnorm, rescaling) is one module plus one line in KINDS. The kind is decided by the class
 * name only, never by the layer's name.
 */
import { defaultRoles } from '../axes';
import type { AxisRole, StepAxes } from '../axes';
import type { Trace } from '../types';
import { traceAxesWith } from './trace-axes';
import type { Explanation, LayerKind, PythonPart } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { TraceStep } from '../types';
import { activation } from './activation';
import { add } from './add';
import { concatenate } from './concatenate';
import { convKinds } from './conv';
import { poolingKinds } from './pooling';
import { batchNormalization } from './batchnorm';
import { rescaling } from './rescaling';
import { zeroPaddingKinds } from './zeropadding';
import { reshape } from './reshape';
import { resizeKinds } from './resize';
import { augmentationKinds } from './augmentation';
import { activationLayerKinds } from './activation-layers';
import { dense } from './dense';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { input } from './input';

const KINDS: readonly LayerKind[] = [input, dense, activation, dropout, flatten, concatenate, add, ...convKinds,
  ...poolingKinds,
  batchNormalization,
  rescaling,
  ...zeroPaddingKinds,
  reshape,
  ...resizeKinds,
  ...augmentationKinds,
  ...activationLayerKinds,
];

const BY_CLASS: ReadonlyMap<string, LayerKind> = new Map(KINDS.flatMap((k) => k.classNames.map((c) => [c, k] as const)));

/** Every kind's part of the exported Python script, once each, with the classes it handles. */
export function pythonParts(): { part: PythonPart; classNames: string[] }[] {
  const parts = new Map<string, { part: PythonPart; classNames: string[] }>();
  for (const k of KINDS) {
    if (!k.python) continue;
    const entry = parts.get(k.python.fn) ?? { part: k.python, classNames: [] };
    entry.classNames.push(...k.classNames);
    parts.set(k.python.fn, entry);
  }
  return [...parts.values()];
}

export { PYTHON_WINDOW_HELPERS } from './window';

/** The LayerKind for a Keras class name, or null when there is none yet. */
export function kindFor(className: string): LayerKind | null {
  return BY_CLASS.get(className) ?? null;
}

export function unsupportedMessage(className: string): string {
  return L.unsupported(className);
}

/** The explanation of any step: its kind's, or a plain message for an unknown class. Never throws. */
export function explainStep(step: TraceStep): Explanation {
  const kind = kindFor(step.className);
  if (kind) {
    try {
      return kind.explain(step);
    } catch (e) {
      return unsupported(step, L.cannotExplain(step.className, (e as Error).message));
    }
  }
  return unsupported(step, unsupportedMessage(step.className));
}

/**
 * What the axes of a step's inputs, parameters and output mean: the kind's own answer, else the
 * channels-last defaults by rank (parameters: a Dense-like (input, unit) matrix, else 'feature').
 * Never throws. Pass a role list with the tensor's shape to `suggestLayout` for a view's layout.
 */
export function axesOf(step: TraceStep): StepAxes {
  const kind = kindFor(step.className);
  if (kind?.axes) {
    try {
      return kind.axes(step);
    } catch {
      // fall through to the defaults
    }
  }
  const params: StepAxes['params'] = {};
  for (const p of step.params) params[p.name] = p.shape.length === 1 ? ['feature'] : defaultRoles(p.shape.length).map((r, i) => (i === 0 ? 'feature' : r));
  return { inputs: step.inputs.map((t) => defaultRoles(t.shape.length)), params, output: defaultRoles(step.output.shape.length) };
}

/**
 * The roles of every values_k of a trace and every step's axes, consistent along the trace: a
 * layer that passes its input's layout through (BatchNormalization, Activation, Dropout, ...)
 * keeps the roles of the layer before it, and values_0 takes the roles of the first layer that
 * knows its layout (an MNIST (1, 28, 28) input before Flatten reads as a picture).
 * Prefer this over `axesOf(step)` when the trace is at hand.
 */
export function traceAxes(trace: Trace): { values: AxisRole[][]; steps: StepAxes[] } {
  return traceAxesWith(trace, (s) => {
    const kind = kindFor(s.className);
    if (!kind?.axes) return null;
    try {
      return kind.axes(s);
    } catch {
      return null;
    }
  });
}

function unsupported(step: TraceStep, message: string): Explanation {
  const ins = step.inputs.map((_, i) => inputLabel(step, i));
  return {
    kind: 'unsupported',
    title: L.title(step.className, step.name),
    formula: `${outputLabel(step)} = ${step.className}(${ins.join(', ')})`,
    shapes: `${step.inputs.map((t) => formatShape(t.shape)).join(', ')} -> ${formatShape(step.output.shape)}`,
    notes: [message],
    className: step.className,
    message,
  };
}

export { suggestLayout, defaultRoles } from '../axes';
export { neuronSum } from './dense';
export { convCell } from './conv';
export { poolCell } from './pooling';
export { batchNormElement, batchNormTraining } from './batchnorm';
export type { NeuronSum, NeuronTerm } from './dense';
export { explainInput } from './input';
