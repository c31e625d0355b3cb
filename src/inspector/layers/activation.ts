/** Keras Activation layer: applies one activation function elementwise (softmax over the last axis). */
import type { LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import type { Tensor } from '../types';
import { activationDetail, applyActivation, normaliseActivation } from './activation-math';
import { configString, requireInputs } from './util';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';

export const activation: LayerKind = {
  classNames: ['Activation'],

  reference(inputs, _params, config): Tensor {
    requireInputs(inputs, 1, 'Activation');
    const [x] = inputs;
    const out = Float64Array.from(x.values);
    applyActivation(configString(config, 'activation', 'linear'), out, x.shape[x.shape.length - 1] ?? 1);
    return { shape: [...x.shape], values: Float32Array.from(out) };
  },

  explain(step) {
    const fn = normaliseActivation(configString(step.config, 'activation', 'linear'));
    const x = step.inputs[0];
    const detail = activationDetail(fn, x.values, step.output.values, x.shape[x.shape.length - 1] ?? 1);
    const notes: string[] = [];
    if (detail.fn === 'relu') notes.push(L.activation.reluZeroed(detail.zeroCount, detail.x.length));
    if (detail.fn === 'softmax') notes.push(detail.note, L.activation.softmaxSum);
    if (detail.fn === 'unsupported') notes.push(detail.message);
    return {
      kind: 'activation',
      title: L.activationTitle(step.name, fn),
      formula: `${outputLabel(step)} = ${fn}(${inputLabel(step, 0)})`,
      shapes: `${formatShape(x.shape)} -> ${formatShape(step.output.shape)}`,
      notes,
      detail,
    };
  },
};
