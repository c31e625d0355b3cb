/** Keras ZeroPadding1D/2D/3D: zeros around the spatial axes (channels last or first). */
import { spatialRoles } from '../axes';
import type { AxisRole } from '../axes';
import type { Explanation, LayerKind, PythonPart } from '../explain';
import { inputLabel, outputLabel } from '../explain';
import { formatShape } from '../format';
import { inspectorLayers as L } from '../../i18n/messages/inspector-layers';
import type { Tensor, TraceStep } from '../types';
import { requireInputs } from './util';
import { dataFormat, toChannelsFirst, toChannelsLast } from './window';
import { inspectorErrors as E } from '../../i18n/messages/inspector-errors';

const SPATIAL: Record<string, number> = { ZeroPadding1D: 1, ZeroPadding2D: 2, ZeroPadding3D: 3 };

/** [[before, after], ...] per spatial axis from Keras' forms: 1, [1, 2], [[1, 2], [3, 4]]. */
export function paddingPairs(value: unknown, spatial: number): [number, number][] {
  const int = (v: unknown): number => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    throw new Error(E.paddingWhole(JSON.stringify(value)));
  };
  if (value === undefined || value === null) return Array.from({ length: spatial }, () => [1, 1]);
  if (typeof value === 'number') return Array.from({ length: spatial }, () => [int(value), int(value)]);
  if (!Array.isArray(value)) throw new Error(E.paddingUnderstood(JSON.stringify(value)));
  if (spatial === 1 && value.length === 2 && value.every((v) => typeof v === 'number')) return [[int(value[0]), int(value[1])]];
  if (value.length !== spatial) throw new Error(E.paddingEntries(spatial, value.length));
  return value.map((v) => (Array.isArray(v) ? ([int(v[0]), int(v[1])] as [number, number]) : ([int(v), int(v)] as [number, number])));
}

function pad(x: Tensor, pairs: [number, number][]): Tensor {
  const [b, ...rest] = x.shape;
  const c = rest.pop() as number;
  const inSize = rest;
  const outSize = inSize.map((n, a) => n + pairs[a][0] + pairs[a][1]);
  const out = new Float32Array(b * outSize.reduce((p, n) => p * n, 1) * c);
  const inner = inSize.reduce((p, n) => p * n, 1);
  const idx = Array<number>(inSize.length).fill(0);
  for (let n = 0; n < b; n++) {
    idx.fill(0);
    for (let i = 0; i < inner; i++) {
      let o = n;
      idx.forEach((v, a) => (o = o * outSize[a] + v + pairs[a][0]));
      out.set(x.values.subarray((n * inner + i) * c, (n * inner + i + 1) * c), o * c);
      for (let a = idx.length - 1; a >= 0; a--) {
        if (++idx[a] < inSize[a]) break;
        idx[a] = 0;
      }
    }
  }
  return { shape: [b, ...outSize, c], values: out };
}

const python: PythonPart = {
  fn: 'run_zero_padding',
  configKeys: ['padding', 'data_format'],
  code: `def run_zero_padding(layer, inputs):
    # Zeros around the spatial axes: [(before, after), ...] per axis.
    x, first = _channels_last(inputs[0], layer)
    n = x.ndim - 2
    p = layer["config"].get("padding", 1)
    if isinstance(p, int):
        pairs = [(p, p)] * n
    elif n == 1 and len(p) == 2 and all(isinstance(v, int) for v in p):
        pairs = [tuple(p)]
    else:
        pairs = [tuple(v) if isinstance(v, list) else (v, v) for v in p]
    y = np.pad(x, [(0, 0)] + pairs + [(0, 0)])
    return np.moveaxis(y, -1, 1) if first else y
`,
};

function kind(className: string, spatial: number): LayerKind {
  const first = (config: Record<string, unknown>) => dataFormat(config) === 'channels_first';
  return {
    classNames: [className],
    python,
    reference(inputs, _params, config) {
      requireInputs(inputs, 1, className);
      if (inputs[0].shape.length !== spatial + 2) throw new Error(E.rank(className, spatial + 2, formatShape(inputs[0].shape)));
      const pairs = paddingPairs(config.padding, spatial);
      if (!first(config)) return pad(inputs[0], pairs);
      return toChannelsFirst(pad(toChannelsLast(inputs[0]), pairs));
    },
    explain(step: TraceStep): Explanation {
      const pairs = paddingPairs(step.config.padding, spatial);
      const all = first(step.config) ? [[0, 0], [0, 0], ...pairs] : [[0, 0], ...pairs, [0, 0]];
      return {
        kind: 'padding',
        title: L.title(className, step.name),
        formula: `${outputLabel(step)} = np.pad(${inputLabel(step, 0)}, ${JSON.stringify(all).replace(/\[/g, '(').replace(/\]/g, ')').replace(/,/g, ', ')})`,
        shapes: `${formatShape(step.inputs[0].shape)} -> ${formatShape(step.output.shape)}`,
        notes: [L.zeroPadding(pairs)],
        padding: pairs,
      };
    },
    axes(step) {
      const r = spatialRoles(spatial);
      const roles: AxisRole[] = first(step.config) ? ['batch', 'channel', ...r.slice(1, -1)] : r;
      return { inputs: [roles], params: {}, output: roles };
    },
  };
}

export const zeroPaddingKinds: LayerKind[] = Object.entries(SPATIAL).map(([c, n]) => kind(c, n));
