/**
 * What the axes of a tensor mean, and the layout a view should use for it. A layer kind says the
 * roles of its inputs', parameters' and output's axes (`LayerKind.axes`); views ask `axesOf(step)`
 * (src/inspector/layers) and `suggestLayout(roles, shape)` instead of comparing class names.
 * Axis indices in a Layout count every axis of the tensor, the batch axis included.
 */

/**
 * The meaning of one axis.
 * - batch: the examples of a batch (views show example 0).
 * - feature: the values of one example with no spatial meaning (the input of Dense, a Flatten output).
 * - input / unit: a Dense kernel's rows (the inputs) and columns (the output neurons); a Dense
 *   output's last axis is `unit` too.
 * - step: the time axis of a 1D signal (Conv1D, pooling 1D); a Conv1D kernel's window axis.
 * - depth / height / width: spatial axes of volumes and images, and of conv/pool kernels' windows.
 * - channel: the channels of a feature map (or of the input image: 3 for RGB).
 * - in-channel / filter: a conv kernel's input-channel and output-channel (filter) axes; a conv
 *   bias runs along `filter`.
 * - multiplier: a depthwise kernel's depth_multiplier axis.
 */
export type AxisRole =
  | 'batch'
  | 'feature'
  | 'input'
  | 'unit'
  | 'step'
  | 'depth'
  | 'height'
  | 'width'
  | 'channel'
  | 'in-channel'
  | 'filter'
  | 'multiplier';

/** The roles of every tensor of one step: its inputs, its parameters (by name) and its output. */
export interface StepAxes {
  /** One list per input, one role per axis (batch first). */
  inputs: AxisRole[][];
  /** By parameter name: "kernel", "bias", "gamma", "moving_mean", "depthwise_kernel", ... */
  params: Record<string, AxisRole[]>;
  output: AxisRole[];
}

/**
 * How to draw a tensor. Every layout names the axes it uses by index into the full shape; axes it
 * does not name have size 1 or are the batch axis (views show batch example 0).
 * - scalar: one number.
 * - vector: one row of numbers along `axis` (all non-batch axes flattened when `axis` is null).
 * - matrix: rows x columns of numbers/colours (a Dense kernel: inputs x units).
 * - images: a grid of small greyscale pictures, height x width each: one per channel (a feature
 *   map), or one row of pictures per filter with one per input channel (a conv kernel). `colour`
 *   says the three channels can be shown as one RGB picture (an input photo).
 * - strips: 1D signals along `stepAxis`, one strip per channel (and per filter for a Conv1D kernel).
 * - volume: depth slices of height x width pictures (3D), chosen with a slider.
 */
export type Layout =
  | { kind: 'scalar' }
  | { kind: 'vector'; batchAxis: number | null; axis: number | null; length: number }
  | { kind: 'matrix'; batchAxis: number | null; rowAxis: number; colAxis: number; rows: number; cols: number }
  | {
      kind: 'images';
      batchAxis: number | null;
      heightAxis: number;
      widthAxis: number;
      /** channel or in-channel; null when there is none. */
      channelAxis: number | null;
      /** The filter axis of a conv kernel (one row of pictures per filter); null for feature maps. */
      filterAxis: number | null;
      /** Exactly three channels and no filter axis: can be drawn as one RGB picture. */
      colour: boolean;
    }
  | { kind: 'strips'; batchAxis: number | null; stepAxis: number; channelAxis: number | null; filterAxis: number | null }
  | {
      kind: 'volume';
      batchAxis: number | null;
      depthAxis: number;
      heightAxis: number;
      widthAxis: number;
      channelAxis: number | null;
      filterAxis: number | null;
    };

/** The default roles for a tensor whose producer says nothing: channels last, as Keras. */
export function defaultRoles(rank: number): AxisRole[] {
  switch (rank) {
    case 0:
      return [];
    case 1:
      return ['feature'];
    case 2:
      return ['batch', 'feature'];
    case 3:
      return ['batch', 'step', 'channel'];
    case 4:
      return ['batch', 'height', 'width', 'channel'];
    case 5:
      return ['batch', 'depth', 'height', 'width', 'channel'];
    default:
      return ['batch', ...Array<AxisRole>(rank - 1).fill('feature')];
  }
}

/** Roles of a channels-last activation tensor with `spatial` spatial axes (0: batch x feature). */
export function spatialRoles(spatial: number): AxisRole[] {
  if (spatial === 1) return ['batch', 'step', 'channel'];
  if (spatial === 2) return ['batch', 'height', 'width', 'channel'];
  if (spatial === 3) return ['batch', 'depth', 'height', 'width', 'channel'];
  return ['batch', 'feature'];
}

/** Roles of a channels-last conv kernel: window axes, then in-channel, then filter (or multiplier). */
export function kernelRoles(spatial: number, last: AxisRole = 'filter'): AxisRole[] {
  const window: AxisRole[] = spatial === 1 ? ['step'] : spatial === 2 ? ['height', 'width'] : ['depth', 'height', 'width'];
  return [...window, 'in-channel', last];
}

/** The layout a view should use for a tensor with these roles and this shape. */
export function suggestLayout(roles: readonly AxisRole[], shape: readonly number[]): Layout {
  const find = (...rs: AxisRole[]): number | null => {
    for (const r of rs) {
      const i = roles.indexOf(r);
      if (i >= 0 && i < shape.length) return i;
    }
    return null;
  };
  const batchAxis = find('batch');
  const channelAxis = find('channel', 'in-channel');
  const filterAxis = find('filter', 'multiplier');
  const depth = find('depth');
  const height = find('height');
  const width = find('width');
  if (depth !== null && height !== null && width !== null) {
    return { kind: 'volume', batchAxis, depthAxis: depth, heightAxis: height, widthAxis: width, channelAxis, filterAxis };
  }
  if (height !== null && width !== null) {
    const colour = filterAxis === null && channelAxis !== null && shape[channelAxis] === 3;
    return { kind: 'images', batchAxis, heightAxis: height, widthAxis: width, channelAxis, filterAxis, colour };
  }
  const step = find('step');
  if (step !== null) return { kind: 'strips', batchAxis, stepAxis: step, channelAxis, filterAxis };
  const rest = shape.map((_, i) => i).filter((i) => i !== batchAxis && shape[i] !== undefined);
  const big = rest.filter((i) => shape[i] > 1);
  if (rest.length === 0) return { kind: 'scalar' };
  if (rest.length === 2 && batchAxis === null) {
    return { kind: 'matrix', batchAxis, rowAxis: rest[0], colAxis: rest[1], rows: shape[rest[0]], cols: shape[rest[1]] };
  }
  const length = rest.reduce((n, i) => n * shape[i], 1);
  if (big.length <= 1) return { kind: 'vector', batchAxis, axis: big[0] ?? rest[rest.length - 1], length };
  return { kind: 'vector', batchAxis, axis: null, length };
}
