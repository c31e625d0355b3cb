/** Keras Concatenate: joins its inputs along `axis` (default -1, the features). */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor } from '../types';
import { configNumber, size } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

function resolveAxis(axis: number, rank: number): number {
  const a = axis < 0 ? rank + axis : axis;
  if (a < 0 || a >= rank) throw new Error(E.concatenateAxis(axis, rank));
  return a;
}

export const concatenate: LayerKind = {
  classNames: ['Concatenate'],
  reference(inputs, _params, config): Tensor {
    if (inputs.length < 1) throw new Error(E.concatenateNeedsInputs);
    const rank = inputs[0].shape.length;
    const axis = resolveAxis(configNumber(config, 'axis', -1), rank);
    const outer = size(inputs[0].shape.slice(0, axis));
    const inners = inputs.map((t) => size(t.shape.slice(axis)));
    const width = inners.reduce((a, b) => a + b, 0);
    const out = new Float32Array(outer * width);
    for (let o = 0; o < outer; o++) {
      let offset = o * width;
      inputs.forEach((t, i) => {
        out.set(t.values.subarray(o * inners[i], (o + 1) * inners[i]), offset);
        offset += inners[i];
      });
    }
    const shape = [...inputs[0].shape];
    shape[axis] = inputs.reduce((a, t) => a + t.shape[axis], 0);
    return { shape, values: out };
  },
  explain(step) {
    const axis = configNumber(step.config, 'axis', -1);
    const names = step.inputs.map((_, i) => inputLabel(step, i));
    return {
      kind: 'concatenate',
      title: L.title('Concatenate', step.name),
      formula: `${outputLabel(step)} = np.concatenate([${names.join(', ')}], axis=${axis})`,
      shapes: `${step.inputs.map((t) => formatShape(t.shape)).join(' ++ ')} -> ${formatShape(step.output.shape)}`,
      notes: [L.concatenate],
      axis,
    };
  },
};
