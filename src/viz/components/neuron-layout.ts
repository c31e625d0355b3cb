/**
 * The neuron diagram's model, read from a Trace: one column of nodes per value vector a Dense layer
 * consumes or produces, edges from each Dense kernel. Element-wise layers (Activation, Dropout,
 * BatchNormalization, ...) update their column in place, so a column shows post-activation values.
 * Pure TypeScript: no DOM.
 */
import type { Trace, TraceStep } from '../../inspector/types';
import type { Edge } from './types';

/** Most nodes drawn per column; bigger layers are sampled evenly. */
export const NODE_CAP = 64;

export interface NeuronColumn {
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
}

export interface NeuronLayout {
  columns: NeuronColumn[];
  /** Edges between shown units only. */
  edges: (Edge & { fromColumn: number })[];
  /** max |w| per Dense step index, for edge widths. */
  maxAbsWeight: Map<number, number>;
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

export function neuronLayout(trace: Trace, cap = NODE_CAP): NeuronLayout {
  const columns: NeuronColumn[] = [];
  const edges: NeuronLayout['edges'] = [];
  const maxAbsWeight = new Map<number, number>();
  const layers: NeuronLayout['layers'] = [];

  const first = trace.values[0];
  if (!first) return { columns, edges, maxAbsWeight, layers };
  const newColumn = (valueIndex: number, values: Float32Array, n: number, steps: number[]): NeuronColumn => ({
    label: `values_${valueIndex}`,
    steps,
    units: n,
    shown: sampleUnits(n, cap),
    values: values.slice(0, n),
  });
  columns.push(newColumn(0, first.values, units(first.shape), []));

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
      let m = 0;
      for (let i = 0; i < kernel.values.length; i++) m = Math.max(m, Math.abs(kernel.values[i]));
      maxAbsWeight.set(s, m);
      const act = step.config.activation;
      layers.push({ step: s, name: step.name, activation: typeof act === 'string' ? act : null, fromColumn: columns.length - 1 });
      for (const from of current.shown) {
        for (const to of col.shown) {
          edges.push({ layer: step.name, step: s, from, to, weight: kernel.values[from * outN + to], fromColumn: columns.length - 1 });
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
  return { columns, edges, maxAbsWeight, layers };
}

/** "dense: input 2 -> neuron 5, w = -0.73" */
export function edgeLabel(edge: Edge, format: (v: number) => string): string {
  return `${edge.layer}: input ${edge.from} -> neuron ${edge.to}, w = ${format(edge.weight)}`;
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
