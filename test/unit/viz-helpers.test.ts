import { describe, expect, it } from 'vitest';
import { edgeLabel, neuronLayout, sampleUnits } from '../../src/viz/components/neuron-layout';
import { isTypingTarget, stepperItems, stepperKey } from '../../src/viz/components/stepper';
import { parseConfig, parseField } from '../../src/viz/components/train-config';
import { formatNumber } from '../../src/viz/components/format';
import type { Trace, TraceStep } from '../../src/inspector/types';

const t = (shape: number[], values: number[]) => ({ shape, values: Float32Array.from(values) });

function step(index: number, name: string, className: string, output: number[], params: TraceStep['params'] = []): TraceStep {
  return {
    index, name, className, config: {}, paramCount: 0, inputNames: [], inputs: [], params,
    output: t([1, output.length], output), reference: null, maxAbsDiff: null,
  };
}

describe('neuronLayout', () => {
  it('makes one column per Dense input/output and edges from the kernel', () => {
    const kernel = { name: 'kernel', ...t([2, 3], [1, -2, 3, -4, 5, -6]) };
    const trace: Trace = {
      raw: t([1, 2], [0.5, -1]),
      values: [t([1, 2], [0.5, -1]), t([1, 3], [-1, 2, 0])],
      steps: [step(0, 'dense', 'Dense', [-1, 2, 0], [kernel])],
      maxAbsDiff: 0,
    };
    const l = neuronLayout(trace);
    expect(l.columns.map((c) => c.units)).toEqual([2, 3]);
    expect(l.edges).toHaveLength(6);
    const e = l.edges.find((x) => x.from === 1 && x.to === 2)!;
    expect(e.weight).toBe(-6);
    expect(e.layer).toBe('dense');
    expect(l.maxAbsWeight.get(0)).toBe(6);
    expect(edgeLabel(e, (v) => formatNumber(v, 2))).toBe('dense: input 1 -> neuron 2, w = \u22126.0');
  });

  it('applies a separate Activation layer in place to its column', () => {
    const kernel = { name: 'kernel', ...t([1, 2], [1, -1]) };
    const trace: Trace = {
      raw: t([1, 1], [2]),
      values: [t([1, 1], [2]), t([1, 2], [2, -2]), t([1, 2], [2, 0])],
      steps: [step(0, 'dense', 'Dense', [2, -2], [kernel]), step(1, 'activation', 'Activation', [2, 0])],
      maxAbsDiff: 0,
    };
    const l = neuronLayout(trace);
    expect(l.columns).toHaveLength(2);
    expect(Array.from(l.columns[1].values)).toEqual([2, 0]);
    expect(l.columns[1].steps).toEqual([0, 1]);
    expect(l.columns[1].label).toBe('values_1 → values_2');
  });

  it('samples big layers evenly, keeping the first and last unit', () => {
    const s = sampleUnits(128, 64);
    expect(s).toHaveLength(64);
    expect(s[0]).toBe(0);
    expect(s[63]).toBe(127);
    expect(sampleUnits(5, 64)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('stepper', () => {
  it('labels positions as the course does', () => {
    const items = stepperItems([{ name: 'dense', className: 'Dense' }, { name: 'dense_1', className: 'Dense' }]);
    expect(items.map((i) => i.label)).toEqual(['values_0 · input', 'layer_0 · Dense (dense)', 'layer_1 · Dense (dense_1)']);
    expect(items[2].value).toBe('values_2');
  });

  it('moves with arrows, Home and End, clamped at the ends', () => {
    expect(stepperKey('ArrowRight', 0, 3)).toBe(1);
    expect(stepperKey('ArrowRight', 2, 3)).toBe(2);
    expect(stepperKey('ArrowLeft', 0, 3)).toBe(0);
    expect(stepperKey('End', 0, 3)).toBe(2);
    expect(stepperKey('Home', 2, 3)).toBe(0);
    expect(stepperKey('a', 1, 3)).toBeNull();
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('train config', () => {
  const ok = { epochs: '300', learningRate: '0.001', hiddenUnits: '8', seed: '42' };
  it('parses the course defaults', () => {
    expect(parseConfig(ok)).toEqual({ config: { epochs: 300, learningRate: 0.001, hiddenUnits: 8, seed: 42 }, errors: {} });
  });
  it('explains bad values per field', () => {
    const r = parseConfig({ ...ok, epochs: 'abc', hiddenUnits: '0', learningRate: '' });
    expect(r.config).toBeNull();
    expect(r.errors.epochs).toBe('Epochs must be a number, not "abc".');
    expect(r.errors.hiddenUnits).toMatch(/between 1 and/);
    expect(r.errors.learningRate).toBe('Learning rate is required.');
    expect(parseField('epochs', '12.5')).toEqual({ error: 'Epochs must be a whole number.' });
    expect(parseField('learningRate', '1e-3')).toEqual({ value: 0.001 });
    expect(parseField('learningRate', '0,01')).toEqual({ value: 0.01 });
    expect(parseField('epochs', 'Infinity')).toHaveProperty('error');
  });
});

import { nearestEdge, segmentDistance } from '../../src/viz/components/neuron-layout';

describe('nearestEdge', () => {
  const segs = [
    { id: 'a', x1: 0, y1: 0, x2: 100, y2: 0 },
    { id: 'b', x1: 0, y1: 10, x2: 100, y2: 10 },
  ];
  it('finds the segment under the pointer, or none when it is too far', () => {
    expect(segmentDistance(segs[0], 50, 3)).toBeCloseTo(3);
    expect(segmentDistance(segs[0], -4, 3)).toBeCloseTo(5);
    expect(nearestEdge(segs, (s) => s, 50, 8, 4)?.id).toBe('b');
    expect(nearestEdge(segs, (s) => s, 50, 2, 4)?.id).toBe('a');
    expect(nearestEdge(segs, (s) => s, 50, 6, 6)?.id).toBe('b');
    expect(nearestEdge(segs, (s) => s, 50, 5, 4)).toBeNull();
    expect(nearestEdge(segs, (s) => s, 50, 30, 4)).toBeNull();
  });
});
