/**
 * The overview of an image network: each value of the run (values_0 .. values_n) as a stack of
 * feature maps (height x width, one sheet per channel, drawn up to a few sheets deep) or, for
 * vectors, as one bar, sized by its shape; laid out left to right. Pure geometry, no DOM.
 */
import { axesOf, suggestLayout } from '../../inspector/layers';
import type { Trace } from '../../inspector/types';
import { formatShape } from '../../inspector/format';

export interface OverviewColumn {
  /** values_k */
  value: number;
  /** The step that produced it (values_k comes from layer_{k-1}); -1 for the input. */
  step: number;
  name: string;
  className: string;
  shape: string;
  kind: 'maps' | 'signal' | 'vector';
  /** Spatial size (maps: height x width; signal: 1 x steps), channels (or units for a vector). */
  height: number;
  width: number;
  channels: number;
}

/** The shape of a value as the overview draws it; spatial axes from the producing kind's roles. */
export function overviewColumns(trace: Trace): OverviewColumn[] {
  const cols: OverviewColumn[] = [];
  const first = trace.steps[0];
  const describe = (value: number, step: number, roles: ReturnType<typeof axesOf>['output'] | undefined, shape: number[], name: string, className: string) => {
    const layout = roles ? suggestLayout(roles, shape) : null;
    const size = shape.slice(1).reduce((a, b) => a * b, 1);
    if (layout && (layout.kind === 'images' || layout.kind === 'volume') && layout.filterAxis === null) {
      const channels = layout.channelAxis === null ? 1 : shape[layout.channelAxis];
      cols.push({ value, step, name, className, shape: formatShape(shape), kind: 'maps', height: shape[layout.heightAxis], width: shape[layout.widthAxis], channels });
    } else if (layout && layout.kind === 'strips' && layout.filterAxis === null) {
      const channels = layout.channelAxis === null ? 1 : shape[layout.channelAxis];
      cols.push({ value, step, name, className, shape: formatShape(shape), kind: 'signal', height: 1, width: shape[layout.stepAxis], channels });
    } else {
      cols.push({ value, step, name, className, shape: formatShape(shape), kind: 'vector', height: size, width: 1, channels: size });
    }
  };
  if (first) describe(0, -1, axesOf(first).inputs[0], trace.values[0].shape, 'values_0', 'Input');
  trace.steps.forEach((s, i) => describe(i + 1, i, axesOf(s).output, s.output.shape, s.name, s.className));
  return cols;
}

/**
 * Whether a run is an image (or signal) network: some layer makes feature maps with a conv kernel
 * or changes their size (pooling). Then the overview beats a neuron diagram. A Dense network on a
 * picture input (MNIST's MLP), even with a Rescaling first, keeps its neuron diagram.
 */
export function hasSpatialValues(trace: Trace): boolean {
  const cols = overviewColumns(trace);
  return trace.steps.some((s, i) => {
    if (cols[i + 1]?.kind === 'vector') return false;
    const axes = axesOf(s);
    const convKernel = Object.values(axes.params).some((roles) => roles.includes('filter') || roles.includes('in-channel'));
    const resized = s.inputs.length === 1 && s.inputs[0].shape.join() !== s.output.shape.join();
    return convKernel || resized;
  });
}

export interface StackBox {
  column: OverviewColumn;
  x: number;
  /** The front sheet. */
  w: number;
  h: number;
  y: number;
  /** Sheets drawn behind it (at most MAX_SHEETS - 1), each offset by `offset`. */
  sheets: number;
  offset: number;
  /** Column width including the sheets behind and the label. */
  span: number;
}

const MAX_SHEETS = 8;

/** Boxes for the columns: the largest spatial side is `maxSide` px, none smaller than `minSide`. */
export function stackLayout(columns: OverviewColumn[], maxSide = 110, minSide = 8, gap = 44, top = 12): { boxes: StackBox[]; width: number; height: number } {
  const largest = Math.max(1, ...columns.filter((c) => c.kind !== 'vector').map((c) => Math.max(c.height, c.width)));
  const largestVector = Math.max(1, ...columns.filter((c) => c.kind === 'vector').map((c) => c.height));
  const boxes: StackBox[] = [];
  let x = 8;
  let bottom = 0;
  for (const c of columns) {
    let w: number;
    let h: number;
    let sheets: number;
    if (c.kind === 'vector') {
      w = 10;
      h = Math.max(minSide, Math.min(maxSide + 30, 12 + (Math.log2(c.height + 1) / Math.log2(largestVector + 1)) * maxSide));
      sheets = 1;
    } else if (c.kind === 'signal') {
      w = Math.max(minSide, (c.width / largest) * maxSide);
      h = 8;
      sheets = Math.min(MAX_SHEETS, c.channels);
    } else {
      const k = maxSide / largest;
      w = Math.max(minSide, c.width * k);
      h = Math.max(minSide, c.height * k);
      sheets = Math.min(MAX_SHEETS, c.channels);
    }
    const offset = sheets > 1 ? Math.max(2, Math.min(5, 24 / sheets)) : 0;
    const depth = (sheets - 1) * offset;
    const span = Math.max(w + depth, 64);
    boxes.push({ column: c, x, w, h, y: top + depth, sheets, offset, span });
    bottom = Math.max(bottom, top + depth + h);
    x += span + gap;
  }
  return { boxes, width: x - gap + 8, height: bottom + 44 };
}
