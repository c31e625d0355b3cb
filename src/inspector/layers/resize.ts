/**
 * Keras Cropping1D/2D/3D (cells cut off each spatial axis) and UpSampling1D/2D/3D with nearest
 * interpolation (each cell repeated `size` times per axis); channels last or first.
 */
import { spatialRoles } from '../axes';
import type { AxisRole } from '../axes';
import { NoReferenceError } from '../check';
import type { Explanation, LayerKind, PythonPart } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor, TraceStep } from '../types';
import { requireInputs } from './util';
import { dataFormat, toChannelsFirst, toChannelsLast, tuple } from './window';
import { paddingPairs } from './zeropadding';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

/** Copies out[b, o..., c] = x[b, map(o)..., c] for a channels-last x, `map` per spatial axis. */
function gather(x: Tensor, outSize: number[], map: (axis: number, o: number) => number): Tensor {
  const [b, ...rest] = x.shape;
  const c = rest.pop() as number;
  const inSize = rest;
  const n = outSize.reduce((p, v) => p * v, 1);
  const out = new Float32Array(b * n * c);
  const idx = Array<number>(outSize.length).fill(0);
  for (let batch = 0; batch < b; batch++) {
    idx.fill(0);
    for (let i = 0; i < n; i++) {
      let src = batch;
      idx.forEach((v, a) => (src = src * inSize[a] + map(a, v)));
      out.set(x.values.subarray(src * c, src * c + c), (batch * n + i) * c);
      for (let a = idx.length - 1; a >= 0; a--) {
        if (++idx[a] < outSize[a]) break;
        idx[a] = 0;
      }
    }
  }
  return { shape: [b, ...outSize, c], values: out };
}

function channelsLastOf(x: Tensor, config: Record<string, unknown>): { x: Tensor; first: boolean } {
  const first = dataFormat(config) === 'channels_first';
  return { x: first ? toChannelsLast(x) : x, first };
}

function rolesFor(spatial: number, config: Record<string, unknown>): AxisRole[] {
  const r = spatialRoles(spatial);
  return dataFormat(config) === 'channels_first' ? ['batch', 'channel', ...r.slice(1, -1)] : r;
}

const croppingPython: PythonPart = {
  fn: 'run_cropping',
  configKeys: ['cropping', 'data_format'],
  code: `def run_cropping(layer, inputs):
    # Cut cells off each spatial axis: [(before, after), ...].
    x, first = _channels_last(inputs[0], layer)
    n = x.ndim - 2
    p = layer["config"].get("cropping", 1)
    if isinstance(p, int):
        pairs = [(p, p)] * n
    elif n == 1 and len(p) == 2 and all(isinstance(v, int) for v in p):
        pairs = [tuple(p)]
    else:
        pairs = [tuple(v) if isinstance(v, list) else (v, v) for v in p]
    y = x[(slice(None),) + tuple(slice(a, x.shape[1 + i] - b) for i, (a, b) in enumerate(pairs))]
    return np.moveaxis(y, -1, 1) if first else y
`,
};

function cropping(className: string, spatial: number): LayerKind {
  const pairsOf = (config: Record<string, unknown>) => paddingPairs(config.cropping, spatial);
  return {
    classNames: [className],
    python: croppingPython,
    reference(inputs, _params, config) {
      requireInputs(inputs, 1, className);
      if (inputs[0].shape.length !== spatial + 2) throw new Error(E.rank(className, spatial + 2, formatShape(inputs[0].shape)));
      const { x, first } = channelsLastOf(inputs[0], config);
      const pairs = pairsOf(config);
      const inSize = x.shape.slice(1, -1);
      const outSize = inSize.map((s, a) => s - pairs[a][0] - pairs[a][1]);
      if (outSize.some((s) => s < 1)) throw new Error(E.cropsAll(className, inSize));
      const y = gather(x, outSize, (a, o) => o + pairs[a][0]);
      return first ? toChannelsFirst(y) : y;
    },
    explain(step: TraceStep): Explanation {
      const pairs = pairsOf(step.config);
      return {
        kind: 'cropping',
        title: L.title(className, step.name),
        formula: `${outputLabel(step)} = ${inputLabel(step, 0)}[${[':', ...pairs.map(([a, b]) => `${a}:${b ? -b : ''}`), ':'].join(', ')}]`,
        shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
        notes: [L.cropping(pairs)],
        cropping: pairs,
      };
    },
    axes(step) {
      const r = rolesFor(spatial, step.config);
      return { inputs: [r], params: {}, output: r };
    },
  };
}

const upsamplingPython: PythonPart = {
  fn: 'run_upsampling',
  configKeys: ['size', 'interpolation', 'data_format'],
  code: `def run_upsampling(layer, inputs):
    # Nearest: each cell repeated size times along each spatial axis.
    config = layer["config"]
    if config.get("interpolation", "nearest") != "nearest":
        raise NotImplementedError(f"layer {layer['name']!r}: only nearest upsampling is reproduced")
    x, first = _channels_last(inputs[0], layer)
    n = x.ndim - 2
    for a, s in enumerate(_tuple(config.get("size", 2), n)):
        x = np.repeat(x, s, axis=1 + a)
    return np.moveaxis(x, -1, 1) if first else x
`,
};

function upsampling(className: string, spatial: number): LayerKind {
  const sizeOf = (config: Record<string, unknown>) => tuple(config.size, spatial, 2);
  const interpolation = (config: Record<string, unknown>) => (typeof config.interpolation === 'string' ? config.interpolation : 'nearest');
  return {
    classNames: [className],
    python: upsamplingPython,
    reference(inputs, _params, config) {
      requireInputs(inputs, 1, className);
      if (inputs[0].shape.length !== spatial + 2) throw new Error(E.rank(className, spatial + 2, formatShape(inputs[0].shape)));
      if (interpolation(config) !== 'nearest') throw new NoReferenceError(L.upsamplingNoReference(className, interpolation(config)));
      const { x, first } = channelsLastOf(inputs[0], config);
      const size = sizeOf(config);
      const y = gather(x, x.shape.slice(1, -1).map((s, a) => s * size[a]), (a, o) => Math.floor(o / size[a]));
      return first ? toChannelsFirst(y) : y;
    },
    explain(step: TraceStep): Explanation {
      const size = sizeOf(step.config);
      return {
        kind: 'upsampling',
        title: L.title(className, step.name),
        formula: `${outputLabel(step)} = ${size.map(() => 'np.repeat(').join('')}${inputLabel(step, 0)}${size.map((s, a) => `, ${s}, axis=${a + 1})`).join('')}`,
        shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
        notes: [L.upsampling(size, interpolation(step.config))],
        size,
        interpolation: interpolation(step.config),
      };
    },
    axes(step) {
      const r = rolesFor(spatial, step.config);
      return { inputs: [r], params: {}, output: r };
    },
  };
}

export const resizeKinds: LayerKind[] = [1, 2, 3].flatMap((n) => [cropping(`Cropping${n}D`, n), upsampling(`UpSampling${n}D`, n)]);
