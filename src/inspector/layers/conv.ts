/**
 * Keras Conv1D/2D/3D, DepthwiseConv2D and SeparableConv2D: the reference (plain TypeScript, tight
 * loops over Float32Arrays, products accumulated in float32 in TensorFlow.js' order: window rows,
 * columns, then input channels), the explanation, the axes, and `convCell`: the arithmetic behind
 * one output cell with the real numbers.
 *
 *   conv:       y[i, j, f] = Σ_(di, dj, c) x[i*s + di*d - pad, j*s + dj*d - pad, c] * kernel[di, dj, c, f] + bias[f]
 *   depthwise:  y[i, j, c*M + m] = Σ_(di, dj) x[..., c] * depthwise_kernel[di, dj, c, m] + bias[c*M + m]
 *   separable:  depthwise (no bias), then y[i, j, f] = Σ_(c, m) z[i, j, c*M + m] * pointwise_kernel[0, 0, c*M + m, f] + bias[f]
 */
import { kernelRoles, spatialRoles } from '../axes';
import type { AxisRole } from '../axes';
import type { ConvCell, ConvChannelTerm, ConvExplanation, Explanation, LayerKind, PythonPart, WindowGeometry } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatArithmetic, formatArithmeticParen, formatShape } from '../format';
import { inspectorConv as CV } from '../../i18n/messages/inspector-conv';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { NamedTensor, Tensor, TraceStep } from '../types';
import { applyActivation, normaliseActivation } from './activation-math';
import { configNumber, param, requireInputs } from './util';
import { as3, as5d, dataFormat, paddingOf, toChannelsFirst, toChannelsLast, tuple, windowGeometry, windowTaps } from './window';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

type Variant = 'conv' | 'depthwise' | 'separable';

const SPATIAL: Record<string, { spatial: number; variant: Variant }> = {
  Conv1D: { spatial: 1, variant: 'conv' },
  Conv2D: { spatial: 2, variant: 'conv' },
  Conv3D: { spatial: 3, variant: 'conv' },
  DepthwiseConv1D: { spatial: 1, variant: 'depthwise' },
  DepthwiseConv2D: { spatial: 2, variant: 'depthwise' },
  SeparableConv1D: { spatial: 1, variant: 'separable' },
  SeparableConv2D: { spatial: 2, variant: 'separable' },
};

interface Setup {
  variant: Variant;
  g: WindowGeometry;
  /** The input, channels last. */
  x: Tensor;
  inChannels: number;
  outChannels: number;
  multiplier: number;
  /** kernel (conv) or depthwise_kernel. */
  kernel: NamedTensor;
  pointwise: NamedTensor | null;
  bias: NamedTensor | null;
  activation: string;
}

function activationOf(config: Record<string, unknown>): string {
  const a = config.activation;
  if (a === undefined || a === null) return 'linear';
  if (typeof a === 'string') return normaliseActivation(a);
  const name = (a as Record<string, unknown>).class_name ?? (a as Record<string, unknown>).name;
  return typeof name === 'string' ? normaliseActivation(name) : 'linear';
}

function shapeEq(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function setup(className: string, inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): Setup {
  const info = SPATIAL[className];
  if (!info) throw new Error(`${className} is not a convolution`);
  requireInputs(inputs, 1, className);
  const { spatial, variant } = info;
  const groups = configNumber(config, 'groups', 1);
  if (groups !== 1) throw new Error(E.groups(className, groups));
  const format = dataFormat(config);
  const raw = inputs[0];
  if (raw.shape.length !== spatial + 2) throw new Error(E.rank(className, spatial + 2, formatShape(raw.shape)));
  const x = format === 'channels_first' ? toChannelsLast(raw) : raw;
  const inChannels = x.shape[x.shape.length - 1];
  const kernel = param(params, variant === 'conv' ? 'kernel' : 'depthwise_kernel');
  if (!kernel || kernel.shape.length !== spatial + 2) throw new Error(E.kernelRank(className, spatial + 2, variant === 'conv' ? 'kernel' : 'depthwise_kernel'));
  const size = kernel.shape.slice(0, spatial);
  if (kernel.shape[spatial] !== inChannels) throw new Error(E.kernelChannels(className, kernel.shape[spatial], inChannels));
  const last = kernel.shape[spatial + 1];
  const multiplier = variant === 'conv' ? 1 : last;
  let pointwise: NamedTensor | null = null;
  let outChannels = variant === 'conv' ? last : inChannels * multiplier;
  if (variant === 'separable') {
    pointwise = param(params, 'pointwise_kernel');
    const want = [...Array<number>(spatial).fill(1), inChannels * multiplier];
    if (!pointwise || !shapeEq(pointwise.shape.slice(0, spatial + 1), want)) throw new Error(E.pointwise(className, want.join(', ')));
    outChannels = pointwise.shape[spatial + 1];
  }
  const bias = param(params, 'bias');
  if (bias && bias.values.length !== outChannels) throw new Error(E.biasSize(className, bias.values.length, outChannels));
  const strides = tuple(config.strides, spatial, 1);
  const dilation = tuple(config.dilation_rate, spatial, 1);
  if (strides.some((s) => s > 1) && dilation.some((d) => d > 1)) throw new Error(E.stridesAndDilation(className));
  const g = windowGeometry(x.shape.slice(1, -1), size, strides, dilation, paddingOf(config), format);
  return { variant, g, x, inChannels, outChannels, multiplier, kernel, pointwise, bias, activation: activationOf(config) };
}

/**
 * A plain convolution without bias and activation, out[b, o..., f]: per output position the
 * window is gathered into a patch (zeros in the padding, which add nothing), and each filter's sum
 * runs over the window in tfjs' order (rows, columns, channels), rounded to float32 after every
 * addition as tfjs' Float32Array accumulator does, so the two agree to the bit. Two neighbouring
 * output positions times four filters at a time keep their eight sums in registers and share each
 * kernel value they load (about 3x faster than accumulating in the output array, 10-15% faster
 * than one position at a time); the order of each sum is the same either way.
 */
function convolvePlain(s: Setup): Float32Array {
  const { g, x } = s;
  const [B, D, H, W, C] = as5d(x.shape);
  const [OD, OH, OW] = as3(g.outputSize, 1);
  const [KD, KH, KW] = as3(g.size, 1);
  const [sd, sh, sw] = as3(g.strides, 1);
  const [dd, dh, dw] = as3(g.dilation, 1);
  const [pd, ph, pw] = as3(g.padBefore, 0);
  const F = s.outChannels;
  const KK = KD * KH * KW * C;
  const k = s.kernel.values;
  const kT = new Float32Array(F * KK);
  for (let j = 0; j < KK; j++) for (let f = 0; f < F; f++) kT[f * KK + j] = k[j * F + f];
  const xv = x.values;
  const pa = new Float32Array(KK);
  const pb = new Float32Array(KK);
  const out = new Float32Array(B * OD * OH * OW * F);
  const fr = Math.fround;
  /** The window of output position (b, od, oh, ow) into `patch`. */
  const gather = (patch: Float32Array, b: number, od: number, oh: number, ow: number): void => {
    let p = 0;
    for (let kd = 0; kd < KD; kd++) {
      const id = od * sd - pd + kd * dd;
      for (let kh = 0; kh < KH; kh++) {
        const ih = oh * sh - ph + kh * dh;
        for (let kw = 0; kw < KW; kw++) {
          const iw = ow * sw - pw + kw * dw;
          if (id < 0 || id >= D || ih < 0 || ih >= H || iw < 0 || iw >= W) {
            patch.fill(0, p, p + C);
          } else {
            const xo = (((b * D + id) * H + ih) * W + iw) * C;
            for (let c = 0; c < C; c++) patch[p + c] = xv[xo + c];
          }
          p += C;
        }
      }
    }
  };
  /** Filters [f0, F) of one position whose window is in `patch`, into out[o + f]. */
  const single = (patch: Float32Array, o: number, f0: number): void => {
    for (let f = f0; f < F; f++) {
      const r0 = f * KK;
      let a0 = 0;
      for (let j = 0; j < KK; j++) a0 = fr(a0 + patch[j] * kT[r0 + j]);
      out[o + f] = a0;
    }
  };
  for (let b = 0; b < B; b++) {
    for (let od = 0; od < OD; od++) {
      for (let oh = 0; oh < OH; oh++) {
        let ow = 0;
        for (; ow + 2 <= OW; ow += 2) {
          gather(pa, b, od, oh, ow);
          gather(pb, b, od, oh, ow + 1);
          const o = (((b * OD + od) * OH + oh) * OW + ow) * F;
          const q = o + F;
          let f = 0;
          for (; f + 4 <= F; f += 4) {
            const r0 = f * KK;
            const r1 = r0 + KK;
            const r2 = r1 + KK;
            const r3 = r2 + KK;
            let a0 = 0;
            let a1 = 0;
            let a2 = 0;
            let a3 = 0;
            let b0 = 0;
            let b1 = 0;
            let b2 = 0;
            let b3 = 0;
            for (let j = 0; j < KK; j++) {
              const u = pa[j];
              const v = pb[j];
              const k0 = kT[r0 + j];
              const k1 = kT[r1 + j];
              const k2 = kT[r2 + j];
              const k3 = kT[r3 + j];
              a0 = fr(a0 + u * k0);
              a1 = fr(a1 + u * k1);
              a2 = fr(a2 + u * k2);
              a3 = fr(a3 + u * k3);
              b0 = fr(b0 + v * k0);
              b1 = fr(b1 + v * k1);
              b2 = fr(b2 + v * k2);
              b3 = fr(b3 + v * k3);
            }
            out[o + f] = a0;
            out[o + f + 1] = a1;
            out[o + f + 2] = a2;
            out[o + f + 3] = a3;
            out[q + f] = b0;
            out[q + f + 1] = b1;
            out[q + f + 2] = b2;
            out[q + f + 3] = b3;
          }
          single(pa, o, f);
          single(pb, q, f);
        }
        if (ow < OW) {
          gather(pa, b, od, oh, ow);
          const o = (((b * OD + od) * OH + oh) * OW + ow) * F;
          let f = 0;
          for (; f + 4 <= F; f += 4) {
            const r0 = f * KK;
            const r1 = r0 + KK;
            const r2 = r1 + KK;
            const r3 = r2 + KK;
            let a0 = 0;
            let a1 = 0;
            let a2 = 0;
            let a3 = 0;
            for (let j = 0; j < KK; j++) {
              const u = pa[j];
              a0 = fr(a0 + u * kT[r0 + j]);
              a1 = fr(a1 + u * kT[r1 + j]);
              a2 = fr(a2 + u * kT[r2 + j]);
              a3 = fr(a3 + u * kT[r3 + j]);
            }
            out[o + f] = a0;
            out[o + f + 1] = a1;
            out[o + f + 2] = a2;
            out[o + f + 3] = a3;
          }
          single(pa, o, f);
        }
      }
    }
  }
  return out;
}

/** The convolution without bias and activation: out[b, o..., f] in float32, tfjs' summation order. */
function convolve(s: Setup): Float32Array {
  return s.variant === 'conv' ? convolvePlain(s) : convolveDepthwise(s);
}

/** Depthwise: out[b, o..., c*M + m] = Σ_window x[..., c] * kernel[window, c, m] (float32 accumulation). */
function convolveDepthwise(s: Setup): Float32Array {
  const { g, x } = s;
  const [B, D, H, W, C] = as5d(x.shape);
  const [OD, OH, OW] = as3(g.outputSize, 1);
  const [KD, KH, KW] = as3(g.size, 1);
  const [sd, sh, sw] = as3(g.strides, 1);
  const [dd, dh, dw] = as3(g.dilation, 1);
  const [pd, ph, pw] = as3(g.padBefore, 0);
  const M = s.multiplier;
  const F = C * M;
  const xv = x.values;
  const k = s.kernel.values;
  const out = new Float32Array(B * OD * OH * OW * F);
  for (let b = 0; b < B; b++) {
    for (let od = 0; od < OD; od++) {
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          const o = (((b * OD + od) * OH + oh) * OW + ow) * F;
          for (let kd = 0; kd < KD; kd++) {
            const id = od * sd - pd + kd * dd;
            if (id < 0 || id >= D) continue;
            for (let kh = 0; kh < KH; kh++) {
              const ih = oh * sh - ph + kh * dh;
              if (ih < 0 || ih >= H) continue;
              for (let kw = 0; kw < KW; kw++) {
                const iw = ow * sw - pw + kw * dw;
                if (iw < 0 || iw >= W) continue;
                const xo = (((b * D + id) * H + ih) * W + iw) * C;
                const ko = ((kd * KH + kh) * KW + kw) * F;
                for (let c = 0; c < C; c++) {
                  const v = xv[xo + c];
                  const kr = ko + c * M;
                  const orow = o + c * M;
                  for (let m = 0; m < M; m++) out[orow + m] += v * k[kr + m];
                }
              }
            }
          }
        }
      }
    }
  }
  return out;
}

/** Adds the bias and applies the activation in place (softmax over the last axis). */
function finish(out: Float32Array, F: number, bias: NamedTensor | null, activation: string): void {
  if (bias) {
    const bv = bias.values;
    for (let i = 0; i < out.length; i += F) for (let f = 0; f < F; f++) out[i + f] += bv[f];
  }
  if (activation === 'linear') return;
  if (activation === 'relu') {
    for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = 0;
    return;
  }
  const z = Float64Array.from(out);
  applyActivation(activation, z, F);
  out.set(z);
}

function reference(className: string, inputs: Tensor[], params: NamedTensor[], config: Record<string, unknown>): Tensor {
  const s = setup(className, inputs, params, config);
  let out = convolve(s);
  if (s.variant === 'separable') {
    // The pointwise step is a 1 x 1 convolution over the depthwise outputs (as tfjs runs it).
    const spatial = s.g.outputSize.map(() => 1);
    const inner: Setup = {
      ...s,
      variant: 'conv',
      x: { shape: [s.x.shape[0], ...s.g.outputSize, s.inChannels * s.multiplier], values: out },
      inChannels: s.inChannels * s.multiplier,
      multiplier: 1,
      kernel: s.pointwise as NamedTensor,
      g: windowGeometry(s.g.outputSize, spatial, spatial, spatial, 'valid', 'channels_last'),
    };
    out = convolvePlain(inner);
  }
  const first = s.g.dataFormat === 'channels_first';
  // Keras applies the activation to the layer's output as it is laid out: softmax runs over the
  // last axis, which is the width (not the channels) for channels_first.
  finish(out, s.outChannels, s.bias, first ? 'linear' : s.activation);
  let y: Tensor = { shape: [s.x.shape[0], ...s.g.outputSize, s.outChannels], values: out };
  if (first) {
    y = toChannelsFirst(y);
    finish(y.values, y.shape[y.shape.length - 1], null, s.activation);
  }
  return y;
}

// The arithmetic lines the panel shows: a decimal comma in German (see formatArithmetic).
const f3 = (v: number, digits: number) => formatArithmetic(v, digits);
const paren = (v: number, digits: number) => formatArithmeticParen(v, digits);

/** Σ x * w over one channel's window (float64) and its text; padding taps are 0 and left out of the text. */
function channelTerm(
  s: Setup,
  taps: { at: number[]; inside: boolean }[],
  batch: number,
  channel: number,
  multiplier: number,
  kernelColumn: number,
  kernelStride: number,
  pointwise: number | null,
  digits: number,
): { term: ConvChannelTerm; text: string } {
  const spatialSize = s.g.inputSize;
  const C = s.inChannels;
  const x: number[] = [];
  const w: number[] = [];
  const parts: string[] = [];
  let sum = 0;
  taps.forEach((tap, t) => {
    let xi = 0;
    if (tap.inside) {
      let flat = batch;
      tap.at.forEach((v, a) => (flat = flat * spatialSize[a] + v));
      xi = s.x.values[flat * C + channel];
    }
    const wi = s.kernel.values[t * kernelStride + kernelColumn];
    x.push(xi);
    w.push(wi);
    sum += xi * wi;
    if (tap.inside) parts.push(`${paren(xi, digits)}*${paren(wi, digits)}`);
  });
  const text = `${parts.length ? parts.join(' + ') : '0'} = ${f3(sum, digits)}`;
  return { term: { channel, multiplier, x, w, sum, pointwise }, text };
}

/** Σ of one output cell before the activation, and its parts, in float64. */
function cellTotal(s: Setup, position: number[], filter: number, batch: number, digits: number) {
  const { origin, taps } = windowTaps(s.g, position);
  const channels: ConvChannelTerm[] = [];
  const channelTexts: string[] = [];
  const C = s.inChannels;
  const M = s.multiplier;
  if (s.variant === 'conv') {
    for (let c = 0; c < C; c++) {
      const r = channelTerm(s, taps, batch, c, 0, c * s.outChannels + filter, C * s.outChannels, null, digits);
      channels.push(r.term);
      channelTexts.push(r.text);
    }
  } else if (s.variant === 'depthwise') {
    const c = Math.floor(filter / M);
    const m = filter % M;
    const r = channelTerm(s, taps, batch, c, m, c * M + m, C * M, null, digits);
    channels.push(r.term);
    channelTexts.push(r.text);
  } else {
    const pw = (s.pointwise as NamedTensor).values;
    for (let c = 0; c < C; c++) {
      for (let m = 0; m < M; m++) {
        const r = channelTerm(s, taps, batch, c, m, c * M + m, C * M, pw[(c * M + m) * s.outChannels + filter], digits);
        channels.push(r.term);
        channelTexts.push(r.text);
      }
    }
  }
  const bias = s.bias ? s.bias.values[filter] : null;
  let total = bias ?? 0;
  for (const ch of channels) total += ch.sum * (ch.pointwise ?? 1);
  const parts = channels.map((ch) => (ch.pointwise === null ? paren(ch.sum, digits) : `${paren(ch.sum, digits)}*${paren(ch.pointwise, digits)}`));
  if (bias !== null) parts.push(paren(bias, digits));
  return { origin, taps, channels, channelTexts, bias, total, totalText: `${parts.join(' + ')} = ${f3(total, digits)}` };
}

/**
 * The arithmetic behind output cell `position` (spatial coordinates, channels last) of output
 * channel `filter` in batch example `batch`, with the real numbers, `digits` significant in texts.
 * Throws an Error with a clear message for a position or filter outside the output.
 */
export function convCell(step: TraceStep, position: number[], filter: number, batch = 0, digits = 3): ConvCell {
  const s = setup(step.className, step.inputs, step.params, step.config);
  if (!Number.isInteger(filter) || filter < 0 || filter >= s.outChannels) throw new Error(E.filterRange(s.outChannels - 1, filter));
  if (!Number.isInteger(batch) || batch < 0 || batch >= s.x.shape[0]) throw new Error(E.batchRange(s.x.shape[0] - 1, batch));
  const cell = cellTotal(s, position, filter, batch, digits);
  // Where the cell is in the output (channels_first when the layer's data_format is).
  let flat = batch;
  if (s.g.dataFormat === 'channels_first') {
    flat = flat * s.outChannels + filter;
    position.forEach((p, a) => (flat = flat * s.g.outputSize[a] + p));
  } else {
    position.forEach((p, a) => (flat = flat * s.g.outputSize[a] + p));
    flat = flat * s.outChannels + filter;
  }
  let activated = cell.total;
  if (s.activation === 'softmax') {
    // Softmax needs its whole row (the last axis): take it from the reference.
    activated = reference(step.className, step.inputs, step.params, step.config).values[flat];
  } else if (s.activation !== 'linear') {
    const one = Float64Array.of(cell.total);
    applyActivation(s.activation, one, 1);
    activated = one[0];
  }
  const output = step.output.values[flat];
  return {
    batch,
    position: [...position],
    filter,
    taps: cell.taps,
    origin: cell.origin,
    channels: cell.channels,
    bias: cell.bias,
    total: cell.total,
    activation: s.activation,
    activated,
    output,
    channelTexts: cell.channelTexts,
    totalText: cell.totalText,
    activationText:
      s.activation === 'linear'
        ? null
        : s.activation === 'softmax'
          ? `softmax(${f3(cell.total, digits)}, ...) = ${f3(activated, digits)} (${CV.conv.overLastAxis})`
          : `${s.activation}(${f3(cell.total, digits)}) = ${f3(activated, digits)}`,
  };
}

const tupleText = (v: number[]) => (v.length === 1 ? `${v[0]}` : `(${v.join(', ')})`);

function explain(step: TraceStep): Explanation {
  const s = setup(step.className, step.inputs, step.params, step.config);
  const { g } = s;
  const xName = inputLabel(step, 0);
  const op = g.spatial === 1 ? 'conv1d' : g.spatial === 2 ? 'conv2d' : 'conv3d';
  const args = `strides=${tupleText(g.strides)}, padding='${g.padding}'${g.dilation.some((d) => d > 1) ? `, dilation=${tupleText(g.dilation)}` : ''}`;
  const core =
    s.variant === 'conv'
      ? `${op}(${xName}, kernel, ${args})`
      : s.variant === 'depthwise'
        ? `depthwise_${op}(${xName}, depthwise_kernel, ${args})`
        : `pointwise(depthwise_${op}(${xName}, depthwise_kernel, ${args}), pointwise_kernel)`;
  const withBias = s.bias ? `${core} + bias` : core;
  const formula = `${outputLabel(step)} = ${s.activation === 'linear' ? withBias : `${s.activation}(${withBias})`}`;
  const params = step.params.map((p) => `${p.name} ${formatShape(p.shape)}`).join(', ');
  const shapes = `${formatShape(step.inputs[0].shape)}${params ? `, ${params}` : ''} -> ${formatShape(step.output.shape)}`;
  const idx = g.spatial === 1 ? ['i'] : g.spatial === 2 ? ['i', 'j'] : ['d', 'i', 'j'];
  const dIdx = idx.map((v) => `d${v}`);
  const at = idx.map((v, a) => `${v}*${g.strides[a]}${g.dilation[a] > 1 ? ` + d${v}*${g.dilation[a]}` : ` + d${v}`}${g.padBefore[a] ? ` - ${g.padBefore[a]}` : ''}`);
  const notes: string[] = [];
  if (s.variant === 'conv') {
    notes.push(
      CV.conv.sum(idx.join(', '), dIdx.join(', '), at.join(', '), s.bias !== null, s.activation),
      CV.conv.filters(s.outChannels, g.size, s.inChannels, s.bias !== null),
    );
  } else if (s.variant === 'depthwise') {
    notes.push(
      CV.conv.depthwiseSum(idx.join(', '), s.multiplier, dIdx.join(', '), at.join(', '), s.bias !== null),
      CV.conv.depthwise(s.multiplier),
    );
  } else {
    notes.push(CV.conv.separable(s.inChannels, s.multiplier, s.outChannels, s.bias !== null));
  }
  if (g.padding === 'same' && g.padBefore.some((p, a) => p > 0 || g.padAfter[a] > 0)) {
    const uneven = g.padBefore.some((p, a) => p !== g.padAfter[a]);
    notes.push(CV.conv.same(g.padBefore.map((p, a) => [p, g.padAfter[a]] as const), uneven));
  } else if (g.padBefore.some((p) => p > 0)) {
    notes.push(CV.conv.causal(g.padBefore[0]));
  } else {
    notes.push(CV.conv.valid(g.inputSize, g.outputSize));
  }
  if (g.strides.some((v) => v > 1)) notes.push(CV.conv.stride(tupleText(g.strides), g.strides));
  if (g.dilation.some((v) => v > 1)) notes.push(CV.conv.dilation(tupleText(g.dilation), g.dilation));
  if (g.dataFormat === 'channels_first') notes.push(CV.conv.channelsFirst);
  const ex: ConvExplanation = {
    kind: 'conv',
    ...g,
    variant: s.variant,
    inChannels: s.inChannels,
    outChannels: s.outChannels,
    depthMultiplier: s.multiplier,
    useBias: s.bias !== null,
    activation: s.activation,
  };
  return { ...ex, title: L.title(step.className, step.name), formula, shapes, notes };
}

function axes(step: TraceStep) {
  const info = SPATIAL[step.className];
  const n = info.spatial;
  const first = dataFormat(step.config) === 'channels_first';
  const act = (): AxisRole[] => {
    const r = spatialRoles(n);
    return first ? ['batch', 'channel', ...r.slice(1, -1)] : r;
  };
  const params: Record<string, AxisRole[]> = { bias: ['filter'] };
  if (info.variant === 'conv') params.kernel = kernelRoles(n);
  else params.depthwise_kernel = kernelRoles(n, 'multiplier');
  if (info.variant === 'separable') params.pointwise_kernel = kernelRoles(n);
  return { inputs: [act()], params, output: act() };
}

const python: PythonPart = {
  fn: 'run_conv',
  configKeys: ['strides', 'padding', 'dilation_rate', 'data_format', 'groups'],
  code: `def run_conv(layer, inputs):
    # Conv1D/2D/3D: y = sum over the window and the input channels of x * kernel, + bias.
    # Depthwise: each channel with its own kernel(s); separable: depthwise, then a 1x1 conv.
    config = layer["config"]
    w = {k: v.astype(np.float64) for k, v in layer["weights"].items()}
    if config.get("groups", 1) != 1:
        raise NotImplementedError(f"layer {layer['name']!r}: groups > 1")
    x, first = _channels_last(inputs[0].astype(np.float64), layer)
    n = x.ndim - 2
    kernel = w["kernel"] if "kernel" in w else w["depthwise_kernel"]
    win = _windows(x, kernel.shape[:n], _tuple(config.get("strides", 1), n),
                   _tuple(config.get("dilation_rate", 1), n), config.get("padding", "valid"))
    if "kernel" in w:
        y = np.tensordot(win, kernel, axes=n + 1)
    else:
        c, m = kernel.shape[n], kernel.shape[n + 1]
        flat = win.reshape(win.shape[:1 + n] + (-1, c))
        y = np.einsum("...kc,kcm->...cm", flat, kernel.reshape(-1, c, m)).reshape(win.shape[:1 + n] + (c * m,))
        if "pointwise_kernel" in w:
            y = y @ w["pointwise_kernel"].reshape(c * m, -1)
    if "bias" in w:
        y = y + w["bias"]
    y = y.astype(np.float32)
    if first:
        y = np.moveaxis(y, -1, 1)
    return activation(layer["activation"], y, layer["name"])
`,
};

/** One LayerKind per convolution class (the reference is told its class this way). */
export const convKinds: LayerKind[] = Object.keys(SPATIAL).map((className) => ({
  classNames: [className],
  reference: (inputs, params, config) => reference(className, inputs, params, config),
  explain,
  axes,
  python,
}));
