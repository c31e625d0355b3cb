/** Keras Dropout: identity at inference; only while training does it zero a random fraction `rate`. */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { configNumber, requireInputs } from './util';

export const dropout: LayerKind = {
  classNames: ['Dropout'],
  reference(inputs) {
    requireInputs(inputs, 1, 'Dropout');
    return { shape: [...inputs[0].shape], values: Float32Array.from(inputs[0].values) };
  },
  explain(step) {
    const rate = configNumber(step.config, 'rate', 0);
    return {
      kind: 'dropout',
      title: `Dropout layer ${step.name} (rate ${rate})`,
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)}`,
      shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
      notes: [
        `At prediction time Dropout passes its input through unchanged.`,
        `Only during training does it set a random ${Math.round(rate * 100)}% of the values to 0 ` +
          `(and scales the rest by 1/(1 - ${rate})), so the network cannot rely on any single neuron.`,
      ],
      rate,
    };
  },
};
