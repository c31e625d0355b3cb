/** Keras Flatten: keeps the batch axis and lays all other axes out in one row (C order, like numpy). */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { requireInputs, size } from './util';

export const flatten: LayerKind = {
  classNames: ['Flatten'],
  reference(inputs) {
    requireInputs(inputs, 1, 'Flatten');
    const [x] = inputs;
    const batch = x.shape[0] ?? 1;
    return { shape: [batch, size(x.shape) / batch], values: Float32Array.from(x.values) };
  },
  explain(step) {
    const s = step.inputs[0].shape;
    return {
      kind: 'flatten',
      title: `Flatten layer ${step.name}`,
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)}.reshape(${s[0] ?? 1}, -1)`,
      shapes: `${formatShape(s)} -> ${formatShape(step.output.shape)}`,
      notes: ['The numbers do not change; they are laid out in one row, last axis fastest (as numpy does).'],
    };
  },
};
