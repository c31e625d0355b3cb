/**
 * Keras MaxPooling1D/2D/3D, AveragePooling1D/2D/3D and GlobalMax/GlobalAveragePooling1D/2D/3D:
 * reference, explanation, axes and `poolCell` (one output cell's window with its max or mean).
 * With padding 'same' the padded cells are ignored: the max never sees them and the mean divides by
 * the number of cells inside the input, as TensorFlow does.
 */
import { spatialRoles } from '../axes';
import type { AxisRole } from '../axes';
import type { Explanation, LayerKind, PoolCell, PoolExplanation, PythonPart, WindowGeometry } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatArithmetic, formatShape } from '../format';
import { inspectorConv as CV } from '../../i18n/messages/inspector-conv';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor, TraceStep } from '../types';
import { requireInputs } from './util';
import { as3, as5d, dataFormat, paddingOf, toChannelsFirst, toChannelsLast, tuple, windowGeometry, windowTaps } from './window';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

interface PoolInfo {
  op: 'max' | 'average';
  spatial: number;
  global: boolean;
}

const CLASSES: Record<string, PoolInfo> = {};
for (const spatial of [1, 2, 3]) {
  CLASSES[`MaxPooling${spatial}D`] = { op: 'max', spatial, global: false };
  CLASSES[`AveragePooling${spatial}D`] = { op: 'average', spatial, global: false };
  CLASSES[`GlobalMaxPooling${spatial}D`] = { op: 'max', spatial, global: true };
  CLASSES[`GlobalAveragePooling${spatial}D`] = { op: 'average', spatial, global: true };
}
// Keras' shorter aliases, in case a file names them.
for (const [alias, name] of [
  ['MaxPool1D', 'MaxPooling1D'], ['MaxPool2D', 'MaxPooling2D'], ['MaxPool3D', 'MaxPooling3D'],
  ['AvgPool1D', 'AveragePooling1D'], ['AvgPool2D', 'AveragePooling2D'], ['AvgPool3D', 'AveragePooling3D'],
  ['GlobalMaxPool1D', 'GlobalMaxPooling1D'], ['GlobalMaxPool2D', 'GlobalMaxPooling2D'], ['GlobalMaxPool3D', 'GlobalMaxPooling3D'],
  ['GlobalAvgPool1D', 'GlobalAveragePooling1D'], ['GlobalAvgPool2D', 'GlobalAveragePooling2D'], ['GlobalAvgPool3D', 'GlobalAveragePooling3D'],
]) CLASSES[alias] = CLASSES[name];

interface Setup extends PoolInfo {
  g: WindowGeometry;
  x: Tensor;
  channels: number;
  keepdims: boolean;
}

function setup(info: PoolInfo, className: string, inputs: Tensor[], config: Record<string, unknown>): Setup {
  requireInputs(inputs, 1, className);
  const raw = inputs[0];
  if (raw.shape.length !== info.spatial + 2) throw new Error(E.rank(className, info.spatial + 2, formatShape(raw.shape)));
  const format = dataFormat(config);
  const x = format === 'channels_first' ? toChannelsLast(raw) : raw;
  const inputSize = x.shape.slice(1, -1);
  const channels = x.shape[x.shape.length - 1];
  if (info.global) {
    const ones = Array<number>(info.spatial).fill(1);
    const g = windowGeometry(inputSize, inputSize, ones, ones, 'valid', format);
    return { ...info, g, x, channels, keepdims: config.keepdims === true };
  }
  const size = tuple(config.pool_size, info.spatial, 2);
  const strides = config.strides === null || config.strides === undefined ? size : tuple(config.strides, info.spatial, 1);
  const padding = paddingOf(config);
  if (padding === 'causal') throw new Error(E.poolingCausal(className));
  const g = windowGeometry(inputSize, size, strides, Array<number>(info.spatial).fill(1), padding, format);
  return { ...info, g, x, channels, keepdims: false };
}

function pool(s: Setup): Float32Array {
  const [B, D, H, W, C] = as5d(s.x.shape);
  const [OD, OH, OW] = as3(s.g.outputSize, 1);
  const [KD, KH, KW] = as3(s.g.size, 1);
  const [sd, sh, sw] = as3(s.g.strides, 1);
  const [pd, ph, pw] = as3(s.g.padBefore, 0);
  const xv = s.x.values;
  const out = new Float32Array(B * OD * OH * OW * C);
  const acc = new Float64Array(C);
  const max = s.op === 'max';
  for (let b = 0; b < B; b++) {
    for (let od = 0; od < OD; od++) {
      const d0 = Math.max(od * sd - pd, 0);
      const d1 = Math.min(od * sd - pd + KD, D);
      for (let oh = 0; oh < OH; oh++) {
        const h0 = Math.max(oh * sh - ph, 0);
        const h1 = Math.min(oh * sh - ph + KH, H);
        for (let ow = 0; ow < OW; ow++) {
          const w0 = Math.max(ow * sw - pw, 0);
          const w1 = Math.min(ow * sw - pw + KW, W);
          acc.fill(max ? -Infinity : 0);
          for (let d = d0; d < d1; d++) {
            for (let h = h0; h < h1; h++) {
              for (let w = w0; w < w1; w++) {
                const xo = (((b * D + d) * H + h) * W + w) * C;
                if (max) {
                  for (let c = 0; c < C; c++) if (xv[xo + c] > acc[c] || Number.isNaN(xv[xo + c])) acc[c] = xv[xo + c];
                } else {
                  for (let c = 0; c < C; c++) acc[c] += xv[xo + c];
                }
              }
            }
          }
          const count = (d1 - d0) * (h1 - h0) * (w1 - w0);
          const o = (((b * OD + od) * OH + oh) * OW + ow) * C;
          for (let c = 0; c < C; c++) out[o + c] = max ? acc[c] : acc[c] / count;
        }
      }
    }
  }
  return out;
}

function outputShape(s: Setup, batch: number): number[] {
  if (s.global && !s.keepdims) return [batch, s.channels];
  const spatial = s.g.outputSize;
  return s.g.dataFormat === 'channels_first' ? [batch, s.channels, ...spatial] : [batch, ...spatial, s.channels];
}

function reference(info: PoolInfo, className: string, inputs: Tensor[], config: Record<string, unknown>): Tensor {
  const s = setup(info, className, inputs, config);
  const values = pool(s);
  const batch = s.x.shape[0];
  if (s.global && !s.keepdims) return { shape: [batch, s.channels], values };
  const y: Tensor = { shape: [batch, ...s.g.outputSize, s.channels], values };
  return s.g.dataFormat === 'channels_first' ? toChannelsFirst(y) : y;
}

const fmt = (v: number, digits: number) => formatArithmetic(v, digits);

/**
 * The window behind output cell `position` (spatial coordinates; [] or zeros for a global pooling)
 * of `channel` in batch example `batch`, with its values and their max or mean.
 */
export function poolCell(step: TraceStep, position: number[], channel: number, batch = 0, digits = 3): PoolCell {
  const info = CLASSES[step.className];
  if (!info) throw new Error(E.notPooling(step.name));
  const s = setup(info, step.className, step.inputs, step.config);
  const pos = s.global && position.length === 0 ? Array<number>(s.spatial).fill(0) : position;
  if (!Number.isInteger(channel) || channel < 0 || channel >= s.channels) throw new Error(E.channelRange(s.channels - 1, channel));
  if (!Number.isInteger(batch) || batch < 0 || batch >= s.x.shape[0]) throw new Error(E.batchRange(s.x.shape[0] - 1, batch));
  const { origin, taps } = windowTaps(s.g, pos);
  const x: number[] = [];
  let count = 0;
  let sum = 0;
  let best = -Infinity;
  let argmax: number | null = null;
  taps.forEach((tap, t) => {
    if (!tap.inside) {
      x.push(NaN);
      return;
    }
    let flat = batch;
    tap.at.forEach((v, a) => (flat = flat * s.g.inputSize[a] + v));
    const v = s.x.values[flat * s.channels + channel];
    x.push(v);
    count++;
    sum += v;
    if (v > best || argmax === null) {
      best = v;
      argmax = t;
    }
  });
  const result = s.op === 'max' ? best : sum / count;
  let flat = batch;
  if (s.global && !s.keepdims) flat = flat * s.channels + channel;
  else if (s.g.dataFormat === 'channels_first') {
    flat = flat * s.channels + channel;
    pos.forEach((p, a) => (flat = flat * s.g.outputSize[a] + p));
  } else {
    pos.forEach((p, a) => (flat = flat * s.g.outputSize[a] + p));
    flat = flat * s.channels + channel;
  }
  const inside = x.filter((v) => !Number.isNaN(v));
  const list = inside.length <= 16 ? inside.map((v) => fmt(v, digits)).join(', ') : `${inside.slice(0, 8).map((v) => fmt(v, digits)).join(', ')}, ... (${CV.pool.values(inside.length)})`;
  const text =
    s.op === 'max'
      ? `max(${list}) = ${fmt(result, digits)}`
      : `(${inside.length <= 16 ? inside.map((v) => fmt(v, digits)).join(' + ') : `${inside.slice(0, 8).map((v) => fmt(v, digits)).join(' + ')} + ... (${CV.pool.values(inside.length)})`}) / ${count} = ${fmt(result, digits)}`;
  return {
    batch,
    position: [...pos],
    channel,
    op: s.op,
    taps,
    origin,
    x,
    count,
    argmax: s.op === 'max' ? argmax : null,
    result,
    output: step.output.values[flat],
    text,
  };
}

const tupleText = (v: number[]) => (v.length === 1 ? `${v[0]}` : `(${v.join(', ')})`);

function explain(step: TraceStep): Explanation {
  const info = CLASSES[step.className];
  const s = setup(info, step.className, step.inputs, step.config);
  const { g } = s;
  const xName = inputLabel(step, 0);
  const axesList = g.dataFormat === 'channels_first' ? g.inputSize.map((_, a) => a + 2) : g.inputSize.map((_, a) => a + 1);
  const npOp = s.op === 'max' ? 'max' : 'mean';
  const formula = s.global
    ? `${outputLabel(step)} = np.${npOp}(${xName}, axis=${tupleText(axesList)}${s.keepdims ? ', keepdims=True' : ''})`
    : `${outputLabel(step)} = ${s.op === 'max' ? 'max' : 'average'}_pool(${xName}, pool_size=${tupleText(g.size)}, strides=${tupleText(g.strides)}, padding='${g.padding}')`;
  const notes: string[] = [];
  const max = s.op === 'max';
  if (s.global) {
    notes.push(CV.pool.global(s.channels, max, g.inputSize));
  } else {
    notes.push(CV.pool.window(g.size, g.strides, max));
    if (g.padding === 'same' && g.padBefore.some((p, a) => p > 0 || g.padAfter[a] > 0)) {
      notes.push(CV.pool.same(g.padBefore.map((p, a) => [p, g.padAfter[a]] as const), !max));
    }
  }
  const ex: PoolExplanation = { kind: 'pooling', ...g, op: s.op, global: s.global, keepdims: s.keepdims, channels: s.channels };
  return {
    ...ex,
    title: L.title(step.className, step.name),
    formula,
    shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
    notes,
  };
}

function axes(step: TraceStep) {
  const info = CLASSES[step.className];
  const first = dataFormat(step.config) === 'channels_first';
  const act = (): AxisRole[] => {
    const r = spatialRoles(info.spatial);
    return first ? ['batch', 'channel', ...r.slice(1, -1)] : r;
  };
  const keep = step.config.keepdims === true;
  return { inputs: [act()], params: {}, output: info.global && !keep ? (['batch', 'channel'] as AxisRole[]) : act() };
}

const python: PythonPart = {
  fn: 'run_pool',
  configKeys: ['pool_size', 'strides', 'padding', 'data_format', 'keepdims'],
  code: `def run_pool(layer, inputs):
    # Max or mean over each window, per channel; cells in the 'same' padding are ignored (NaN).
    config = layer["config"]
    kind = layer["class_name"]
    x, first = _channels_last(inputs[0].astype(np.float64), layer)
    n = x.ndim - 2
    op = np.nanmax if "Max" in kind else np.nanmean
    if kind.startswith("Global"):
        keep = bool(config.get("keepdims", False))
        y = op(x, axis=tuple(range(1, 1 + n)), keepdims=keep).astype(np.float32)
        return np.moveaxis(y, -1, 1) if (keep and first) else y
    size = _tuple(config.get("pool_size", 2), n)
    strides = config.get("strides")
    strides = size if strides is None else _tuple(strides, n)
    win = _windows(x, size, strides, (1,) * n, config.get("padding", "valid"), fill=np.nan)
    y = op(win, axis=tuple(range(1 + n, 1 + 2 * n))).astype(np.float32)
    return np.moveaxis(y, -1, 1) if first else y
`,
};

/** One LayerKind per pooling class, so each reference knows whether it takes the max or the mean. */
export const poolingKinds: LayerKind[] = Object.entries(CLASSES).map(([className, info]) => ({
  classNames: [className],
  reference: (inputs, _params, config) => reference(info, className, inputs, config),
  explain,
  axes,
  python,
}));
