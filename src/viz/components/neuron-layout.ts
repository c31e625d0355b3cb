/**
 * The neuron diagram's model, read from a Trace: one column of nodes per value vector a Dense layer
 * consumes or produces, edges from each Dense kernel. Element-wise layers (Activation, Dropout,
 * BatchNormalization, Flatten, Rescaling, ...) update their column in place, so a column shows
 * post-activation values.
 *
 * At MNIST scale (an image input, e.g. 784 -> 128 -> 10) the input column is the picture itself,
 * columns with more units than NODE_CAP become a strip of all their units, and only the strongest
 * edges for the current input are kept (the largest |w * x|). Pure TypeScript: no DOM.
 */
import type { Trace, TraceStep } from '../../inspector/types';
import type { Edge } from './types';
import { viewDiagram as m } from '../../i18n/messages/view-diagram';
import { inputPictureShape } from '../image/picture-shape';

/** Most nodes drawn per column; bigger layers are sampled evenly. */
export const NODE_CAP = 64;

/** How a column is drawn: circles, a strip of small cells (one per unit) or the input picture. */
export type ColumnKind = 'nodes' | 'strip' | 'image';

/** Options for the MNIST-scale diagram. */
export interface ScaleOptions {
  /** Draw the input column as this [height, width] picture (its units must be height * width). */
  image: [number, number];
  /** Edges kept per Dense layer: the largest |w * x| for the current input. */
  strongest?: number;
}

/** Edges kept per Dense layer at MNIST scale. */
export const STRONGEST_EDGES = 80;
/** At MNIST scale, columns of up to this many units are drawn as a strip of all of them; bigger ones are sampled (e.g. conv feature maps). */
export const STRIP_CAP = 512;

export interface NeuronColumn {
  kind: ColumnKind;
  /** "values_0", or "values_1 → values_2" when an element-wise layer updated it in place. */
  label: string;
  /** Trace steps whose output this column shows (the producing Dense layer and in-place layers). */
  steps: number[];
  /** The number of units of the layer. */
  units: number;
  /** Which units are drawn (all when units <= cap, else an even sample). */
  shown: number[];
  /** The latest value of every unit (post-activation), length `units`. */
  values: Float32Array;
  /** kind "image": the picture's [height, width]. */
  image?: [number, number];
}

export interface NeuronLayout {
  columns: NeuronColumn[];
  /** Edges between shown units only (at MNIST scale: the strongest only, `strength` = |w * x|). */
  edges: (Edge & { fromColumn: number; strength?: number })[];
  /** max |w| per Dense step index, for edge widths (at MNIST scale: max |w * x| of the kept edges). */
  maxAbsWeight: Map<number, number>;
  /** At MNIST scale, per Dense step: how many weights the layer has and how many edges are drawn. */
  kept?: Map<number, { drawn: number; total: number }>;
  /** The drawn Dense layers: between column fromColumn and fromColumn + 1. */
  layers: { step: number; name: string; activation: string | null; fromColumn: number }[];
}

/** Evenly spaced sample of `cap` indices out of n, always including the first and the last. */
export function sampleUnits(n: number, cap = NODE_CAP): number[] {
  if (n <= cap) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < cap; k++) out.add(Math.round((k * (n - 1)) / (cap - 1)));
  return [...out];
}

const units = (shape: number[]) => shape.slice(1).reduce((a, b) => a * b, 1);

function kernelOf(step: TraceStep) {
  return step.params.find((p) => p.name === 'kernel' || p.name.endsWith('/kernel'));
}

/**
 * The [height, width] of a model input that is a picture (shape (1, h, w) or (1, h, w, 1)) too big
 * to draw as circles; null otherwise (Iris' (1, 4), a flat (1, 784), colour pictures, sequences).
 */
export function inputPicture(trace: Trace, cap = NODE_CAP): [number, number] | null {
  const hw = inputPictureShape(trace);
  return hw && hw[0] * hw[1] > cap ? hw : null;
}

/**
 * The indices of the k largest positive values, largest first (ties: the lower index first). A
 * bounded min-heap: one pass, most values rejected by one comparison (100k weights in ~1 ms).
 */
export function topK(strength: ArrayLike<number>, k: number): number[] {
  const heap = new Int32Array(Math.max(0, k));
  let size = 0;
  // a before b in the heap order when a is weaker: smaller value, or equal value and higher index
  const weaker = (a: number, b: number) => strength[a] < strength[b] || (strength[a] === strength[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && weaker(heap[l], heap[m])) m = l;
      if (r < size && weaker(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < strength.length; i++) {
    if (!(strength[i] > 0)) continue;
    if (size < k) {
      let c = size++;
      heap[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!weaker(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else if (size > 0 && weaker(heap[0], i)) {
      heap[0] = i;
      down(0);
    }
  }
  return Array.from(heap.subarray(0, size)).sort((a, b) => strength[b] - strength[a] || a - b);
}

export function neuronLayout(trace: Trace, cap = NODE_CAP, scale?: ScaleOptions): NeuronLayout {
  const columns: NeuronColumn[] = [];
  const edges: NeuronLayout['edges'] = [];
  const maxAbsWeight = new Map<number, number>();
  const layers: NeuronLayout['layers'] = [];
  const kept = new Map<number, { drawn: number; total: number }>();

  const first = trace.values[0];
  if (!first) return { columns, edges, maxAbsWeight, layers };
  const newColumn = (valueIndex: number, values: Float32Array, n: number, steps: number[]): NeuronColumn => {
    const kind: ColumnKind = scale && n > cap && n <= STRIP_CAP ? 'strip' : 'nodes';
    return {
      kind,
      label: `values_${valueIndex}`,
      steps,
      units: n,
      shown: kind === 'strip' ? sampleUnits(n, n) : sampleUnits(n, cap),
      values: values.slice(0, n),
    };
  };
  const input = newColumn(0, first.values, units(first.shape), []);
  if (scale && scale.image[0] * scale.image[1] === input.units) {
    input.kind = 'image';
    input.image = scale.image;
    input.shown = sampleUnits(input.units, input.units);
  }
  columns.push(input);

  trace.steps.forEach((step, s) => {
    const current = columns[columns.length - 1];
    const outUnits = units(step.output.shape);
    const kernel = kernelOf(step);
    if (step.className === 'Dense' && kernel && kernel.shape.length === 2) {
      const [inN, outN] = kernel.shape;
      if (inN !== current.units) {
        // A Dense layer applied to the last axis of a higher-rank input: not drawable as one column.
        columns.push(newColumn(s + 1, step.output.values, outUnits, [s]));
        return;
      }
      const col = newColumn(s + 1, step.output.values, outN, [s]);
      const act = step.config.activation;
      layers.push({ step: s, name: step.name, activation: typeof act === 'string' ? act : null, fromColumn: columns.length - 1 });
      if (scale) {
        // the strongest edges for the current input: largest |w * x| over the drawn units' weights
        const x = current.values;
        const froms = current.shown;
        const tos = col.shown;
        const strength = new Float64Array(froms.length * tos.length);
        froms.forEach((i, a) => {
          if (x[i] === 0) return;
          tos.forEach((j, b) => (strength[a * tos.length + b] = Math.abs(kernel.values[i * outN + j] * x[i])));
        });
        const top = topK(strength, scale.strongest ?? STRONGEST_EDGES);
        maxAbsWeight.set(s, top.length ? strength[top[0]] : 0);
        kept.set(s, { drawn: top.length, total: strength.length });
        for (const k of top) {
          const from = froms[Math.floor(k / tos.length)];
          const to = tos[k % tos.length];
          edges.push({ layer: step.name, step: s, from, to, weight: kernel.values[from * outN + to], strength: strength[k], fromColumn: columns.length - 1 });
        }
      } else {
        let m = 0;
        for (let i = 0; i < kernel.values.length; i++) m = Math.max(m, Math.abs(kernel.values[i]));
        maxAbsWeight.set(s, m);
        for (const from of current.shown) {
          for (const to of col.shown) {
            edges.push({ layer: step.name, step: s, from, to, weight: kernel.values[from * outN + to], fromColumn: columns.length - 1 });
          }
        }
      }
      columns.push(col);
    } else if (outUnits === current.units) {
      // element-wise: the column keeps its nodes, the values are replaced by the layer's output
      current.values = step.output.values.slice(0, outUnits);
      current.steps.push(s);
      current.label = `${current.label.split(' → ')[0]} → values_${s + 1}`;
    } else {
      columns.push(newColumn(s + 1, step.output.values, outUnits, [s]));
    }
  });
  return scale ? { columns, edges, maxAbsWeight, layers, kept } : { columns, edges, maxAbsWeight, layers };
}

/** "dense: input 2 -> neuron 5, w = -0.73" */
export function edgeLabel(edge: Edge, format: (v: number) => string): string {
  return m.edge(edge.layer, edge.from, edge.to, format(edge.weight));
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Distance from point (px, py) to a line segment. */
export function segmentDistance(s: Segment, px: number, py: number): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - s.x1) * dx + (py - s.y1) * dy) / len2));
  return Math.hypot(px - (s.x1 + t * dx), py - (s.y1 + t * dy));
}

/** The edge nearest to a point, if one lies within `maxDist` pixels (for hovering canvas-drawn edges). */
export function nearestEdge<E>(edges: readonly E[], geom: (e: E) => Segment, px: number, py: number, maxDist = 4): E | null {
  let best: E | null = null;
  let bestD = maxDist;
  for (const e of edges) {
    const g = geom(e);
    if (px < Math.min(g.x1, g.x2) - maxDist || px > Math.max(g.x1, g.x2) + maxDist) continue;
    const d = segmentDistance(g, px, py);
    if (d <= bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}
