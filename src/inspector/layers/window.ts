/**
 * The geometry convolution and pooling share: window size, strides, dilation and padding per
 * spatial axis, with TensorFlow's 'same' padding (total = max((out - 1) * stride + window - in, 0),
 * floor(total / 2) before and the rest after, so an odd total puts the extra cell at the end), and
 * channels_first <-> channels_last transposes so the arithmetic is written once, channels last.
 */
import type { WindowGeometry, WindowTap } from '../explain';
import type { Tensor } from '../types';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

/** A config entry that is a number or a list of numbers, as `spatial` numbers. */
export function tuple(value: unknown, spatial: number, fallback: number): number[] {
  if (typeof value === 'number' && Number.isFinite(value)) return Array<number>(spatial).fill(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const v = value as number[];
    if (v.length === spatial) return [...v];
    if (v.length === 1) return Array<number>(spatial).fill(v[0]);
    throw new Error(E.numbers(spatial, v.length));
  }
  if (value === null || value === undefined) return Array<number>(spatial).fill(fallback);
  throw new Error(E.numberOrList(JSON.stringify(value)));
}

/** 'channels_first' or 'channels_last' from Keras' spelling or tfjs' ('channelsFirst'). */
export function dataFormat(config: Record<string, unknown>): 'channels_last' | 'channels_first' {
  const v = config.data_format;
  return v === 'channels_first' || v === 'channelsFirst' ? 'channels_first' : 'channels_last';
}

/** Moves the channel axis (1) of a channels_first tensor to the end. */
export function toChannelsLast(x: Tensor): Tensor {
  const [b, c, ...spatial] = x.shape;
  const inner = spatial.reduce((a, n) => a * n, 1);
  const out = new Float32Array(x.values.length);
  for (let n = 0; n < b; n++) {
    const base = n * c * inner;
    for (let ch = 0; ch < c; ch++) for (let i = 0; i < inner; i++) out[base + i * c + ch] = x.values[base + ch * inner + i];
  }
  return { shape: [b, ...spatial, c], values: out };
}

/** Moves the last (channel) axis of a channels_last tensor to position 1. */
export function toChannelsFirst(x: Tensor): Tensor {
  const b = x.shape[0];
  const c = x.shape[x.shape.length - 1];
  const spatial = x.shape.slice(1, -1);
  const inner = spatial.reduce((a, n) => a * n, 1);
  const out = new Float32Array(x.values.length);
  for (let n = 0; n < b; n++) {
    const base = n * c * inner;
    for (let ch = 0; ch < c; ch++) for (let i = 0; i < inner; i++) out[base + ch * inner + i] = x.values[base + i * c + ch];
  }
  return { shape: [b, c, ...spatial], values: out };
}

export type Padding = 'valid' | 'same' | 'causal';

export function paddingOf(config: Record<string, unknown>): Padding {
  const p = config.padding ?? 'valid';
  if (p === 'valid' || p === 'same' || p === 'causal') return p;
  throw new Error(E.padding(JSON.stringify(p)));
}

/**
 * Output sizes and padding per spatial axis, as TensorFlow computes them. `inputSize` are the
 * spatial sizes (channels last: the shape without batch and channels).
 */
export function windowGeometry(
  inputSize: number[],
  size: number[],
  strides: number[],
  dilation: number[],
  padding: Padding,
  format: 'channels_last' | 'channels_first',
): WindowGeometry {
  const spatial = inputSize.length;
  const outputSize: number[] = [];
  const padBefore: number[] = [];
  const padAfter: number[] = [];
  for (let a = 0; a < spatial; a++) {
    const n = inputSize[a];
    const s = strides[a];
    const eff = (size[a] - 1) * dilation[a] + 1;
    if (!(s >= 1) || !(size[a] >= 1) || !(dilation[a] >= 1)) throw new Error(E.atLeastOne);
    if (padding === 'same') {
      const out = Math.ceil(n / s);
      const total = Math.max((out - 1) * s + eff - n, 0);
      outputSize.push(out);
      padBefore.push(Math.floor(total / 2));
      padAfter.push(total - Math.floor(total / 2));
    } else if (padding === 'causal') {
      // Keras Conv1D 'causal': (window - 1) * dilation zeros before, then 'valid'.
      outputSize.push(Math.floor((n + eff - 1 - eff) / s) + 1);
      padBefore.push(eff - 1);
      padAfter.push(0);
    } else {
      if (n < eff) throw new Error(E.windowTooLarge(eff, n));
      outputSize.push(Math.floor((n - eff) / s) + 1);
      padBefore.push(0);
      padAfter.push(0);
    }
  }
  return {
    spatial,
    size: [...size],
    strides: [...strides],
    dilation: [...dilation],
    // 'causal' is explained as its zeros before the signal.
    padding: padding === 'same' ? 'same' : 'valid',
    padBefore,
    padAfter,
    inputSize: [...inputSize],
    outputSize,
    dataFormat: format,
  };
}

/** The window taps of the output cell at `position`, row-major over the window's axes. */
export function windowTaps(g: WindowGeometry, position: number[]): { origin: number[]; taps: WindowTap[] } {
  if (position.length !== g.spatial) throw new Error(E.coordinates(g.spatial));
  position.forEach((p, a) => {
    if (!Number.isInteger(p) || p < 0 || p >= g.outputSize[a]) throw new Error(E.outsideOutput(position, g.outputSize));
  });
  const origin = position.map((p, a) => p * g.strides[a] - g.padBefore[a]);
  const taps: WindowTap[] = [];
  const idx = Array<number>(g.spatial).fill(0);
  const total = g.size.reduce((a, n) => a * n, 1);
  for (let t = 0; t < total; t++) {
    const at = idx.map((k, a) => origin[a] + k * g.dilation[a]);
    taps.push({ at, inside: at.every((v, a) => v >= 0 && v < g.inputSize[a]) });
    for (let a = g.spatial - 1; a >= 0; a--) {
      if (++idx[a] < g.size[a]) break;
      idx[a] = 0;
    }
  }
  return { origin, taps };
}

/** A channels-last tensor of rank 3..5 seen as [batch, depth, height, width, channels]. */
export function as5d(shape: number[]): [number, number, number, number, number] {
  const [b, ...rest] = shape;
  const c = rest.pop() as number;
  while (rest.length < 3) rest.unshift(1);
  return [b, rest[0], rest[1], rest[2], c];
}

/** A spatial list (1..3 entries) padded in front to 3 entries with `fill`. */
export function as3(v: number[], fill: number): [number, number, number] {
  const r = [...v];
  while (r.length < 3) r.unshift(fill);
  return [r[0], r[1], r[2]];
}

/** numpy helpers shared by the convolution and pooling code of the exported Python script. */
export const PYTHON_WINDOW_HELPERS = `def _tuple(value, n):
    if isinstance(value, (list, tuple)):
        return tuple(value) if len(value) == n else tuple(value) * n
    return (value,) * n


def _geometry(size, window, stride, dilation, padding):
    """Output size and zeros before/after on one axis, as TensorFlow: 'same' puts the odd zero after."""
    eff = (window - 1) * dilation + 1
    if padding == "same":
        out = -(-size // stride)
        total = max((out - 1) * stride + eff - size, 0)
        return out, total // 2, total - total // 2
    if padding == "causal":
        return (size - 1) // stride + 1, eff - 1, 0
    return (size - eff) // stride + 1, 0, 0


def _windows(x, window, strides, dilation, padding, fill=0.0):
    """x (batch, *spatial, channels) -> (batch, *out, *window, channels): each output position's window."""
    n = len(window)
    geo = [_geometry(x.shape[1 + a], window[a], strides[a], dilation[a], padding) for a in range(n)]
    xp = np.pad(x, [(0, 0)] + [(g[1], g[2]) for g in geo] + [(0, 0)], constant_values=fill)
    out = [g[0] for g in geo]
    result = np.empty((x.shape[0], *out, *window, x.shape[-1]), dtype=x.dtype)
    for offs in np.ndindex(*window):
        src = tuple(
            slice(offs[a] * dilation[a], offs[a] * dilation[a] + (out[a] - 1) * strides[a] + 1, strides[a])
            for a in range(n)
        )
        result[(slice(None),) * (1 + n) + offs] = xp[(slice(None),) + src]
    return result


def _channels_last(x, layer):
    """channels_first data is moved to channels last for the arithmetic (and back afterwards)."""
    first = layer["config"].get("data_format") in ("channels_first", "channelsFirst")
    return (np.moveaxis(x, 1, -1) if first else x), first
`;
