/** Pooling kinds: references against tfjs layers, the window of one cell, axes. */
import { describe, expect, it } from 'vitest';
import { tfl } from '../../src/models/tf';
import { axesOf, explainStep, kindFor, poolCell, suggestLayout } from '../../src/inspector/layers';
import { maxAbs, randomTensor, runLayer } from './layer-check';

describe('pooling references agree with tfjs (max |d| < 1e-5)', () => {
  const cases: [string, () => tfl.layers.Layer, number[]][] = [
    ['MaxPooling2D 2x2, batch 2, odd sizes', () => tfl.layers.maxPooling2d({ poolSize: 2 }), [2, 9, 7, 3]],
    ['MaxPooling2D 3 stride 2 same (the padded cells are ignored)', () => tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 8, 9, 2]],
    ['MaxPooling2D (3, 2) stride (1, 2) valid', () => tfl.layers.maxPooling2d({ poolSize: [3, 2], strides: [1, 2] }), [1, 6, 7, 2]],
    ['AveragePooling2D 3 stride 2 same (mean of the inside cells)', () => tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 7, 8, 3]],
    ['AveragePooling2D 2 valid', () => tfl.layers.averagePooling2d({ poolSize: 2 }), [1, 5, 6, 2]],
    ['MaxPooling1D 3 stride 2, batch 3', () => tfl.layers.maxPooling1d({ poolSize: 3, strides: 2 }), [3, 186, 4]],
    ['AveragePooling1D 2 same', () => tfl.layers.averagePooling1d({ poolSize: 2, padding: 'same' }), [2, 11, 3]],
    ['MaxPooling3D 2 same', () => tfl.layers.maxPooling3d({ poolSize: 2, padding: 'same' }), [2, 5, 4, 3, 2]],
    ['AveragePooling3D (2,3,2) stride 2 same', () => tfl.layers.averagePooling3d({ poolSize: [2, 3, 2], strides: 2, padding: 'same' }), [1, 5, 7, 5, 2]],
    ['MaxPooling2D channels_first', () => tfl.layers.maxPooling2d({ poolSize: 2, padding: 'same', dataFormat: 'channelsFirst' }), [2, 3, 5, 7]],
    ['GlobalAveragePooling2D', () => tfl.layers.globalAveragePooling2d({}), [2, 7, 5, 3]],
    ['GlobalMaxPooling2D', () => tfl.layers.globalMaxPooling2d({}), [2, 7, 5, 3]],
    ['GlobalAveragePooling1D', () => tfl.layers.globalAveragePooling1d({}), [3, 11, 4]],
    ['GlobalMaxPooling1D', () => tfl.layers.globalMaxPooling1d({}), [3, 11, 4]],
    ['GlobalAveragePooling2D channels_first', () => tfl.layers.globalAveragePooling2d({ dataFormat: 'channelsFirst' }), [2, 3, 4, 5]],
  ];
  it.each(cases)('%s', (_label, make, shape) => {
    const r = runLayer(make(), shape, shape[1] + shape.length);
    expect(r.diff).toBeLessThan(1e-5);
  });

  it('global pooling with keepdims keeps the spatial axes (Keras 3; tfjs has no keepdims)', () => {
    const x = randomTensor([2, 3, 4, 5], 3);
    const flat = kindFor('GlobalAveragePooling2D')!.reference([x], [], {});
    const kept = kindFor('GlobalAveragePooling2D')!.reference([x], [], { keepdims: true });
    expect(kept.shape).toEqual([2, 1, 1, 5]);
    expect(maxAbs({ shape: flat.shape, values: kept.values }, flat)).toBe(0);
    expect(kindFor('GlobalMaxPooling1D')!.reference([randomTensor([1, 4, 2], 1)], [], { keepdims: true }).shape).toEqual([1, 1, 2]);
  });
});

describe('poolCell', () => {
  it("max pooling 'same' at the corner: the window and its max, padded cells ignored", () => {
    const r = runLayer(tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [1, 8, 9, 2], 4);
    // 8 rows: out 4, padding 0 before, 1 after; 9 columns: out 5, 1 before, 1 after.
    const c = poolCell(r.step, [3, 4], 1);
    expect(c.origin).toEqual([6, 7]);
    expect(c.count).toBe(4);
    expect(c.x.filter(Number.isNaN)).toHaveLength(5);
    const inside = c.x.filter((v) => !Number.isNaN(v));
    expect(c.result).toBe(Math.max(...inside));
    expect(c.x[c.argmax!]).toBe(c.result);
    expect(c.result).toBe(c.output);
    expect(c.text).toMatch(/^max\(.*\) = /);
    const centre = poolCell(r.step, [1, 2], 0);
    expect(centre.count).toBe(9);
    expect(centre.result).toBe(centre.output);
  });

  it('average pooling at the edge divides by the cells inside, as TensorFlow', () => {
    const r = runLayer(tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 7, 8, 3], 5);
    const c = poolCell(r.step, [0, 0], 2, 1);
    // 7 rows: out 4, total (4-1)*2+3-7 = 2 -> 1 before; 8 columns: out 4, total 1 -> 0 before.
    expect(c.origin).toEqual([-1, 0]);
    expect(c.count).toBe(6);
    const inside = c.x.filter((v) => !Number.isNaN(v));
    expect(c.result).toBeCloseTo(inside.reduce((a, b) => a + b, 0) / 6, 12);
    expect(Math.abs(c.result - c.output)).toBeLessThan(1e-6);
    expect(c.text).toMatch(/\) \/ 6 = /);
  });

  it('global average pooling: the whole map of one channel', () => {
    const r = runLayer(tfl.layers.globalAveragePooling2d({}), [1, 5, 6, 3], 6);
    const c = poolCell(r.step, [], 1);
    expect(c.count).toBe(30);
    expect(Math.abs(c.result - c.output)).toBeLessThan(1e-6);
    expect(c.text).toMatch(/\.\.\. \(30 values\)\) \/ 30 = /);
  });

  it('refuses a cell outside the output', () => {
    const r = runLayer(tfl.layers.maxPooling1d({ poolSize: 2 }), [1, 6, 2], 1);
    expect(() => poolCell(r.step, [3], 0)).toThrow('outside the output (3)');
    expect(() => poolCell(r.step, [0], 2)).toThrow('channel must be 0..1');
  });
});

it('explanations and axes', () => {
  const r = runLayer(tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [1, 8, 9, 2], 4);
  const e = explainStep(r.step);
  if (e.kind !== 'pooling') throw new Error('not pooling');
  expect(e.formula).toBe("values_1 = max_pool(values_0, pool_size=(3, 3), strides=(2, 2), padding='same')");
  expect(e.notes.join(' ')).toMatch(/ignored/);
  expect(e.outputSize).toEqual([4, 5]);
  const g = runLayer(tfl.layers.globalAveragePooling2d({}), [1, 5, 6, 3], 6);
  expect(explainStep(g.step).formula).toBe('values_1 = np.mean(values_0, axis=(1, 2))');
  expect(axesOf(g.step).output).toEqual(['batch', 'channel']);
  expect(suggestLayout(axesOf(g.step).output, [1, 3])).toMatchObject({ kind: 'vector', length: 3 });
  expect(axesOf(r.step).output).toEqual(['batch', 'height', 'width', 'channel']);
  const p1 = runLayer(tfl.layers.maxPooling1d({ poolSize: 2 }), [1, 6, 2], 1);
  expect(suggestLayout(axesOf(p1.step).output, p1.step.output.shape)).toMatchObject({ kind: 'strips', stepAxis: 1, channelAxis: 2 });
});
