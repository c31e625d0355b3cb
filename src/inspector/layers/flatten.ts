/**
 * Keras Flatten: keeps the batch axis and lays all other axes out in one row (C order, like numpy).
 * With data_format channels_first Keras first moves the channels last, so the order matches the
 * same model in channels_last.
 */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import { requireInputs, size } from './util';
import { dataFormat, toChannelsLast } from './window';

export const flatten: LayerKind = {
  classNames: ['Flatten'],
  reference(inputs, _params, config) {
    requireInputs(inputs, 1, 'Flatten');
    const x = dataFormat(config) === 'channels_first' && inputs[0].shape.length > 2 ? toChannelsLast(inputs[0]) : inputs[0];
    const batch = x.shape[0] ?? 1;
    return { shape: [batch, size(x.shape) / batch], values: Float32Array.from(x.values) };
  },
  explain(step) {
    const s = step.inputs[0].shape;
    const first = dataFormat(step.config) === 'channels_first' && s.length > 2;
    return {
      kind: 'flatten',
      title: L.title('Flatten', step.name),
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)}.reshape(${s[0] ?? 1}, -1)`,
      shapes: `${formatShape(s)} -> ${formatShape(step.output.shape)}`,
      notes: [
        L.flatten,
        ...(first ? [L.flattenChannelsFirst] : []),
      ],
    };
  },
};
