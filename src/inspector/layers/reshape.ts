/** Keras Reshape: the same values in C order under a new shape (the batch axis stays; -1 is inferred). */
import { defaultRoles } from '../axes';
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor } from '../types';
import { requireInputs, size } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

/** The target shape with -1 (written null by tfjs) resolved for `count` values per example. */
export function resolveTarget(target: unknown, count: number): number[] {
  if (!Array.isArray(target)) throw new Error(E.reshapeTarget(JSON.stringify(target)));
  const dims = target.map((d) => (d === null ? -1 : d));
  if (dims.some((d) => typeof d !== 'number' || !Number.isInteger(d) || (d < 1 && d !== -1))) throw new Error(E.reshapeUnderstood(JSON.stringify(target)));
  const unknown = dims.filter((d) => d === -1).length;
  if (unknown > 1) throw new Error(E.reshapeOneUnknown);
  const known = (dims as number[]).filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const out = (dims as number[]).map((d) => (d === -1 ? count / known : d));
  if (out.some((d) => !Number.isInteger(d)) || size(out) !== count) throw new Error(E.reshapeCount(count, JSON.stringify(target)));
  return out;
}

export const reshape: LayerKind = {
  classNames: ['Reshape'],
  python: {
    fn: 'run_reshape',
    configKeys: ['target_shape'],
    code: `def run_reshape(layer, inputs):
    target = [-1 if d is None else d for d in layer["config"]["target_shape"]]
    return inputs[0].reshape((inputs[0].shape[0], *target))
`,
  },
  reference(inputs, _params, config): Tensor {
    requireInputs(inputs, 1, 'Reshape');
    const [x] = inputs;
    const batch = x.shape[0] ?? 1;
    return { shape: [batch, ...resolveTarget(config.target_shape, size(x.shape) / batch)], values: Float32Array.from(x.values) };
  },
  explain(step) {
    const x = step.inputs[0];
    const batch = x.shape[0] ?? 1;
    const target = resolveTarget(step.config.target_shape, size(x.shape) / batch);
    return {
      kind: 'reshape',
      title: L.title('Reshape', step.name),
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)}.reshape(${[batch, ...target].join(', ')})`,
      shapes: `${formatShape(x.shape)} -> ${formatShape(step.output.shape)}`,
      notes: [L.reshape],
      targetShape: target,
    };
  },
  axes(step) {
    return { inputs: step.inputs.map((t) => defaultRoles(t.shape.length)), params: {}, output: defaultRoles(step.output.shape.length) };
  },
};
