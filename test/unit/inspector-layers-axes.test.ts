/** Axis roles and the layouts views pick from them, never from class names. */
import { describe, expect, it } from 'vitest';
import { tfl } from '../../src/models/tf';
import { axesOf, defaultRoles, suggestLayout, traceAxes } from '../../src/inspector/layers';
import { traceModel } from '../../src/inspector/trace';
import type { TraceStep } from '../../src/inspector/types';
import { runLayer } from './layer-check';

describe('suggestLayout', () => {
  it('a Dense kernel is a matrix (inputs x units); a batch of features is a vector', () => {
    expect(suggestLayout(['input', 'unit'], [784, 128])).toEqual({ kind: 'matrix', batchAxis: null, rowAxis: 0, colAxis: 1, rows: 784, cols: 128 });
    expect(suggestLayout(['batch', 'unit'], [1, 10])).toEqual({ kind: 'vector', batchAxis: 0, axis: 1, length: 10 });
    expect(suggestLayout(['unit'], [10])).toEqual({ kind: 'vector', batchAxis: null, axis: 0, length: 10 });
    expect(suggestLayout(['batch'], [1])).toEqual({ kind: 'scalar' });
  });

  it('feature maps, conv kernels, signals and volumes', () => {
    expect(suggestLayout(defaultRoles(4), [1, 28, 28, 1])).toEqual({ kind: 'images', batchAxis: 0, heightAxis: 1, widthAxis: 2, channelAxis: 3, filterAxis: null, colour: false });
    expect(suggestLayout(defaultRoles(4), [1, 150, 150, 3])).toMatchObject({ kind: 'images', colour: true });
    expect(suggestLayout(['height', 'width', 'in-channel', 'filter'], [3, 3, 3, 32])).toMatchObject({ kind: 'images', channelAxis: 2, filterAxis: 3, colour: false });
    expect(suggestLayout(['batch', 'channel', 'height', 'width'], [1, 3, 8, 8])).toMatchObject({ kind: 'images', heightAxis: 2, widthAxis: 3, channelAxis: 1, colour: true });
    expect(suggestLayout(defaultRoles(3), [1, 186, 64])).toEqual({ kind: 'strips', batchAxis: 0, stepAxis: 1, channelAxis: 2, filterAxis: null });
    expect(suggestLayout(defaultRoles(5), [1, 4, 8, 8, 2])).toEqual({ kind: 'volume', batchAxis: 0, depthAxis: 1, heightAxis: 2, widthAxis: 3, channelAxis: 4, filterAxis: null });
    expect(suggestLayout(['batch', 'feature', 'feature', 'feature', 'feature', 'feature'], [1, 2, 2, 2, 2, 2])).toEqual({ kind: 'vector', batchAxis: 0, axis: null, length: 32 });
  });
});

describe('axesOf', () => {
  it('Dense: kernel input x unit, bias unit, output batch x unit', () => {
    const r = runLayer(tfl.layers.dense({ units: 3 }), [1, 5], 1);
    expect(axesOf(r.step)).toEqual({ inputs: [['batch', 'input']], params: { kernel: ['input', 'unit'], bias: ['unit'] }, output: ['batch', 'unit'] });
  });

  it('a class without its own roles gets channels-last defaults by rank; an unknown class too', () => {
    const r = runLayer(tfl.layers.dropout({ rate: 0.5 }), [1, 6, 6, 2], 1);
    expect(axesOf(r.step).output).toEqual(['batch', 'height', 'width', 'channel']);
    const unknown: TraceStep = { ...r.step, className: 'SomethingNew', params: [{ name: 'w', shape: [4, 2], values: new Float32Array(8) }] };
    expect(axesOf(unknown)).toEqual({ inputs: [['batch', 'height', 'width', 'channel']], params: { w: ['feature', 'feature'] }, output: ['batch', 'height', 'width', 'channel'] });
  });

  it('every kind answers with one role per axis for its tensors', () => {
    const layers: [tfl.layers.Layer, number[]][] = [
      [tfl.layers.conv2d({ filters: 2, kernelSize: 3 }), [1, 5, 5, 3]],
      [tfl.layers.separableConv2d({ filters: 2, kernelSize: 3, depthMultiplier: 2 }), [1, 5, 5, 3]],
      [tfl.layers.maxPooling2d({ poolSize: 2 }), [1, 4, 4, 3]],
      [tfl.layers.globalAveragePooling1d({}), [1, 7, 3]],
      [tfl.layers.batchNormalization({}), [1, 4, 4, 3]],
      [tfl.layers.zeroPadding2d({ padding: 1 }), [1, 4, 4, 3]],
      [tfl.layers.reshape({ targetShape: [16, 3] }), [1, 4, 4, 3]],
      [tfl.layers.cropping2D({ cropping: 1 }), [1, 4, 4, 3]],
    ];
    for (const [layer, shape] of layers) {
      const r = runLayer(layer, shape, 2);
      const a = axesOf(r.step);
      expect(a.inputs[0], r.step.className).toHaveLength(r.step.inputs[0].shape.length);
      expect(a.output, r.step.className).toHaveLength(r.step.output.shape.length);
      for (const p of r.step.params) expect(a.params[p.name], `${r.step.className} ${p.name}`).toHaveLength(p.shape.length);
    }
  });
});

describe('traceAxes: roles along a whole trace', () => {
  it('an MNIST (28, 28) input before Flatten is a picture; Dense outputs are vectors', () => {
    const model = tfl.sequential({ layers: [tfl.layers.flatten({ inputShape: [28, 28] }), tfl.layers.dense({ units: 4, activation: 'relu' }), tfl.layers.dropout({ rate: 0.2 }), tfl.layers.dense({ units: 3 })] });
    const t = traceModel(model, new Float32Array(784).fill(0.5));
    const a = traceAxes(t);
    expect(a.values[0]).toEqual(['batch', 'height', 'width']);
    expect(suggestLayout(a.values[0], t.values[0].shape)).toMatchObject({ kind: 'images', heightAxis: 1, widthAxis: 2, channelAxis: null });
    expect(a.values.slice(1)).toEqual([['batch', 'input'], ['batch', 'unit'], ['batch', 'unit'], ['batch', 'unit']]);
    expect(a.steps[1].params.kernel).toEqual(['input', 'unit']);
    model.dispose();
  });

  it('a Conv1D signal stays a signal through BatchNormalization and ReLU; values_0 before Rescaling -> Conv2D is an image', () => {
    const m1 = tfl.sequential({ layers: [tfl.layers.conv1d({ inputShape: [30, 1], filters: 8, kernelSize: 3 }), tfl.layers.batchNormalization({}), tfl.layers.reLU({}), tfl.layers.flatten({})] });
    const t1 = traceModel(m1, new Float32Array(30).fill(0.1));
    const a1 = traceAxes(t1);
    expect(a1.values.slice(0, 4)).toEqual([['batch', 'step', 'channel'], ['batch', 'step', 'channel'], ['batch', 'step', 'channel'], ['batch', 'step', 'channel']]);
    expect(a1.steps[1].params.gamma).toEqual(['channel']);
    m1.dispose();
    const m2 = tfl.sequential({ layers: [tfl.layers.rescaling({ inputShape: [9, 9, 3], scale: 1 / 255 }), tfl.layers.conv2d({ filters: 2, kernelSize: 3 })] });
    const t2 = traceModel(m2, new Float32Array(243).fill(100));
    const a2 = traceAxes(t2);
    expect(a2.values[0]).toEqual(['batch', 'height', 'width', 'channel']);
    expect(suggestLayout(a2.values[0], t2.values[0].shape)).toMatchObject({ kind: 'images', colour: true });
    m2.dispose();
  });
});
