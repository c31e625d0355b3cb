/**
 * Keras Rescaling: y = x * scale + offset (float32, as Keras and tfjs: the product is rounded,
 * then the sum). Keras 3 also takes a list per channel (the last axis); tfjs only a scalar.
 */
import type { Explanation, LayerKind } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatArithmetic, formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor } from '../types';
import { requireInputs } from './util';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

function factor(value: unknown, name: string, fallback: number): number | number[] {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
  throw new Error(E.rescalingFactor(name, JSON.stringify(value)));
}

function perChannel(f: number | number[], channels: number, name: string): Float32Array {
  if (typeof f === 'number') return new Float32Array(channels).fill(f);
  if (f.length === 1) return new Float32Array(channels).fill(f[0]);
  if (f.length !== channels) throw new Error(E.rescalingChannels(name, f.length, channels));
  return Float32Array.from(f);
}

// In the language on screen (a decimal comma in German); the exported script writes its own numbers.
const show = (f: number | number[]) => (typeof f === 'number' ? formatArithmetic(f, 6) : `[${f.map((v) => formatArithmetic(v, 6)).join(', ')}]`);

export const rescaling: LayerKind = {
  classNames: ['Rescaling'],
  python: {
    fn: 'run_rescaling',
    configKeys: ['scale', 'offset'],
    code: `def run_rescaling(layer, inputs):
    # x * scale + offset in float32 (a list holds one value per channel).
    config = layer["config"]
    scale = np.asarray(config.get("scale", 1.0), dtype=np.float32)
    offset = np.asarray(config.get("offset", 0.0), dtype=np.float32)
    return (inputs[0] * scale).astype(np.float32) + offset
`,
  },
  reference(inputs, _params, config): Tensor {
    requireInputs(inputs, 1, 'Rescaling');
    const x = inputs[0];
    const channels = x.shape[x.shape.length - 1] ?? 1;
    const scale = perChannel(factor(config.scale, 'scale', 1), channels, 'scale');
    const offset = perChannel(factor(config.offset, 'offset', 0), channels, 'offset');
    const out = new Float32Array(x.values.length);
    for (let i = 0; i < out.length; i++) {
      const c = i % channels;
      out[i] = Math.fround(x.values[i] * scale[c]) + offset[c];
    }
    return { shape: [...x.shape], values: out };
  },
  explain(step): Explanation {
    const scale = factor(step.config.scale, 'scale', 1);
    const offset = factor(step.config.offset, 'offset', 0);
    const noOffset = typeof offset === 'number' && offset === 0;
    const notes = [L.rescaling.what];
    if (typeof scale === 'number' && Math.abs(scale * 255 - 1) < 1e-6 && noOffset) notes.push(L.rescaling.by255);
    if (typeof scale === 'number' && Math.abs(scale * 127.5 - 1) < 1e-6 && offset === -1) notes.push(L.rescaling.by127);
    if (Array.isArray(scale) || Array.isArray(offset)) notes.push(L.rescaling.perChannel);
    return {
      kind: 'rescaling',
      title: L.title('Rescaling', step.name),
      formula: `${outputLabel(step)} = ${inputLabel(step, 0)} * ${show(scale)}${noOffset ? '' : ` + ${show(offset)}`}`,
      shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
      notes,
      scale,
      offset,
    };
  },
};
