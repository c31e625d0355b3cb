/**
 * Keras InputLayer: not a step of the trace (it computes nothing); its output is values_0.
 * `explainInput` says how values_0 came from the user's raw input (a StandardScaler or nothing).
 */
import type { Explanation, LayerKind } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Trace } from '../types';

export const input: LayerKind = {
  classNames: ['InputLayer'],
  reference(inputs) {
    return { shape: [...inputs[0].shape], values: Float32Array.from(inputs[0].values) };
  },
  explain(step) {
    return {
      kind: 'input',
      title: L.inputTitle(step.name),
      formula: `${'values_0'} = input`,
      shapes: formatShape(step.output.shape),
      notes: [L.input.entersFirst],
    };
  },
};

/** values_0 from the raw input: equal, or scaled by the StandardScaler (scaled when they differ). */
export function explainInput(trace: Trace, scaled: boolean): Explanation {
  return {
    kind: 'input',
    title: L.inputValuesTitle,
    formula: scaled ? 'values_0 = (raw - mean) / scale' : L.input.rawFormula,
    shapes: formatShape(trace.values[0].shape),
    notes: scaled
      ? [L.input.scaled]
      : [L.input.unchanged],
  };
}
