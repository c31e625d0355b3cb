/** Keras Add: the elementwise sum of inputs of the same shape. */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor } from '../types';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

export const add: LayerKind = {
  classNames: ['Add'],
  reference(inputs): Tensor {
    if (inputs.length < 1) throw new Error(E.addNeedsInputs);
    const n = inputs[0].values.length;
    if (inputs.some((t) => t.values.length !== n)) throw new Error(E.addSameShape);
    const out = new Float64Array(n);
    for (const t of inputs) for (let i = 0; i < n; i++) out[i] += t.values[i];
    return { shape: [...inputs[0].shape], values: Float32Array.from(out) };
  },
  explain(step) {
    const names = step.inputs.map((_, i) => inputLabel(step, i));
    return {
      kind: 'add',
      title: L.title('Add', step.name),
      formula: `${outputLabel(step)} = ${names.join(' + ')}`,
      shapes: `${step.inputs.map((t) => formatShape(t.shape)).join(' + ')} -> ${formatShape(step.output.shape)}`,
      notes: [L.add],
    };
  },
};
