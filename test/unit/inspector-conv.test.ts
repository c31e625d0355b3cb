/** Convolution kinds: references against tfjs layers, the per-cell arithmetic, axes, speed. */
import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { axesOf, convCell, explainStep, kindFor, suggestLayout } from '../../src/inspector/layers';
import { maxAbs, runLayer } from './layer-check';

describe('convolution references agree with tfjs (max |d| < 1e-5)', () => {
  const cases: [string, () => tfl.layers.Layer, number[]][] = [
    ['Conv2D 3x3 valid, 3 -> 4 filters, batch 2', () => tfl.layers.conv2d({ filters: 4, kernelSize: 3 }), [2, 9, 7, 3]],
    ['Conv2D same stride 2 on odd sizes (asymmetric padding)', () => tfl.layers.conv2d({ filters: 5, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), [2, 11, 8, 3]],
    ['Conv2D same stride 2 kernel 4 (even window)', () => tfl.layers.conv2d({ filters: 3, kernelSize: [4, 2], strides: [2, 3], padding: 'same' }), [1, 10, 13, 2]],
    ['Conv2D dilation 2 same, sigmoid, no bias', () => tfl.layers.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'sigmoid', useBias: false }), [2, 9, 10, 2]],
    ['Conv2D 1x1', () => tfl.layers.conv2d({ filters: 6, kernelSize: 1 }), [1, 5, 5, 4]],
    ['Conv2D softmax over filters', () => tfl.layers.conv2d({ filters: 4, kernelSize: 2, activation: 'softmax' }), [1, 5, 6, 2]],
    ['Conv2D channels_first', () => tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', strides: 2, dataFormat: 'channelsFirst' }), [2, 2, 7, 9]],
    ['Conv1D valid stride 2 tanh, batch 3', () => tfl.layers.conv1d({ filters: 4, kernelSize: 5, strides: 2, activation: 'tanh' }), [3, 23, 3]],
    ['Conv1D same dilation 3', () => tfl.layers.conv1d({ filters: 2, kernelSize: 3, dilationRate: 3, padding: 'same' }), [2, 17, 2]],
    ['Conv3D same stride 2, batch 2', () => tfl.layers.conv3d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), [2, 5, 7, 6, 2]],
    ['Conv3D valid (2,3,2)', () => tfl.layers.conv3d({ filters: 2, kernelSize: [2, 3, 2] }), [1, 4, 6, 5, 3]],
    ['DepthwiseConv2D multiplier 2 same stride 2', () => tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }), [2, 9, 8, 3]],
    ['SeparableConv2D multiplier 2 same stride 2', () => tfl.layers.separableConv2d({ filters: 5, kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same', activation: 'relu' }), [2, 9, 10, 3]],
    ['SeparableConv2D valid, no bias', () => tfl.layers.separableConv2d({ filters: 3, kernelSize: [3, 2], useBias: false }), [1, 7, 6, 4]],
  ];
  it.each(cases)('%s', (_label, make, shape) => {
    const r = runLayer(make(), shape, shape.length + shape[1]);
    expect(r.output.values.length).toBeGreaterThan(0);
    expect(r.diff).toBeLessThan(1e-5);
  });

  it('refuses groups > 1 and a kernel that does not fit, with a message', () => {
    const r = runLayer(tfl.layers.conv2d({ filters: 2, kernelSize: 3 }), [1, 5, 5, 2]);
    const k = r.step;
    expect(() => explainStep({ ...k, config: { ...k.config, groups: 2 } }) && convCell({ ...k, config: { ...k.config, groups: 2 } }, [0, 0], 0)).toThrow('groups=2');
    const bad = { ...k, inputs: [{ shape: [1, 5, 5, 3], values: new Float32Array(75) }] };
    expect(() => convCell(bad, [0, 0], 0)).toThrow('kernel expects 2 input channels, got 3');
  });
});

describe('convCell: the arithmetic of one output cell equals the traced output', () => {
  const run = runLayer(tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), [1, 8, 9, 3], 7);

  it('a corner cell: the window reaches into the padding only after (TensorFlow puts the odd zero at the end)', () => {
    // 8 rows, stride 2, window 3: out 4, total padding (4-1)*2+3-8 = 1 -> 0 before, 1 after.
    // 9 columns: out 5, total (5-1)*2+3-9 = 2 -> 1 before, 1 after.
    const last = convCell(run.step, [3, 4], 2);
    expect(last.origin).toEqual([6, 7]);
    expect(last.taps.filter((t) => !t.inside).map((t) => t.at)).toEqual([[6, 9], [7, 9], [8, 7], [8, 8], [8, 9]]);
    expect(Math.abs(last.activated - last.output)).toBeLessThan(1e-5);
    const first = convCell(run.step, [0, 0], 1);
    expect(first.origin).toEqual([0, -1]);
    expect(first.taps.filter((t) => !t.inside).map((t) => t.at)).toEqual([[0, -1], [1, -1], [2, -1]]);
    expect(first.channels).toHaveLength(3);
    expect(first.channels[0].x[0]).toBe(0); // a padding tap contributes 0
    expect(Math.abs(first.activated - first.output)).toBeLessThan(1e-5);
  });

  it('a centre cell: per channel Σ window x kernel, plus bias, then relu', () => {
    const c = convCell(run.step, [2, 2], 3);
    const x = run.step.inputs[0];
    const k = run.step.params.find((p) => p.name === 'kernel')!;
    // Channel 1's first tap is x[0, 3, 3, 1] (origin 2*2-0, 2*2-1) times kernel[0, 0, 1, 3].
    expect(c.origin).toEqual([4, 3]);
    expect(c.channels[1].x[0]).toBe(x.values[(4 * 9 + 3) * 3 + 1]);
    expect(c.channels[1].w[0]).toBe(k.values[(0 * 3 + 1) * 4 + 3]);
    const sums = c.channels.map((ch) => ch.x.reduce((s, v, i) => s + v * ch.w[i], 0));
    sums.forEach((s, i) => expect(c.channels[i].sum).toBeCloseTo(s, 12));
    expect(c.total).toBeCloseTo(sums.reduce((a, b) => a + b, 0) + (c.bias ?? 0), 12);
    expect(c.activated).toBe(Math.max(c.total, 0));
    expect(Math.abs(c.activated - c.output)).toBeLessThan(1e-5);
    expect(c.channelTexts[0]).toMatch(/^\(?-?\d\.\d+\)?\*.* = -?\d\.\d+$/);
    expect(c.totalText.split(' + ')).toHaveLength(4); // three channel sums and the bias
  });

  it('every cell of depthwise, separable, dilated and 1D/3D convolutions equals the output', () => {
    const layers: [tfl.layers.Layer, number[]][] = [
      [tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same' }), [1, 7, 6, 2]],
      [tfl.layers.separableConv2d({ filters: 3, kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu' }), [1, 5, 6, 2]],
      [tfl.layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'tanh' }), [1, 7, 7, 2]],
      [tfl.layers.conv1d({ filters: 3, kernelSize: 4, strides: 3, padding: 'same' }), [1, 14, 2]],
      [tfl.layers.conv3d({ filters: 2, kernelSize: 2, strides: 2, padding: 'same' }), [1, 3, 5, 4, 2]],
      [tfl.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', dataFormat: 'channelsFirst', activation: 'softmax' }), [1, 2, 5, 4]],
    ];
    for (const [layer, shape] of layers) {
      const r = runLayer(layer, shape, 3);
      const e = explainStep(r.step);
      if (e.kind !== 'conv') throw new Error(`not conv: ${e.kind}`);
      let worst = 0;
      const pos = Array<number>(e.spatial).fill(0);
      const cells = e.outputSize.reduce((a, b) => a * b, 1);
      for (let n = 0; n < cells; n++) {
        for (let f = 0; f < e.outChannels; f++) {
          const c = convCell(r.step, pos, f);
          worst = Math.max(worst, Math.abs(c.activated - c.output));
        }
        for (let a = e.spatial - 1; a >= 0; a--) {
          if (++pos[a] < e.outputSize[a]) break;
          pos[a] = 0;
        }
      }
      expect(worst, layer.getClassName()).toBeLessThan(1e-5);
    }
  });

  it('refuses a position or filter outside the output', () => {
    expect(() => convCell(run.step, [4, 0], 0)).toThrow('outside the output (4 x 5)');
    expect(() => convCell(run.step, [0, 0], 4)).toThrow('filter must be 0..3');
    expect(() => convCell(run.step, [0], 0)).toThrow('2 coordinate');
  });
});

describe('explanation and axes', () => {
  it('names strides, asymmetric same padding and the formula', () => {
    const r = runLayer(tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), [1, 8, 9, 3]);
    const e = explainStep({ ...r.step, index: 1, inputValues: [1] });
    if (e.kind !== 'conv') throw new Error('not conv');
    expect(e.formula).toBe("values_2 = relu(conv2d(values_1, kernel, strides=(2, 2), padding='same') + bias)");
    expect(e.padBefore).toEqual([0, 1]);
    expect(e.padAfter).toEqual([1, 1]);
    expect(e.outputSize).toEqual([4, 5]);
    expect(e.shapes).toBe('(1, 8, 9, 3), kernel (3, 3, 3, 4), bias (4,) -> (1, 4, 5, 4)');
    expect(e.notes.join(' ')).toMatch(/odd zero after/);
    expect(e.notes[0]).toBe('y[i, j, f] = sum over (di, dj, c) of x[i*2 + di, j*2 + dj - 1, c] * kernel[di, dj, c, f] + bias[f], then relu');
  });

  it('roles and layouts: kernel pictures per filter and channel, feature maps per channel, colour input', () => {
    const r = runLayer(tfl.layers.conv2d({ filters: 4, kernelSize: 3 }), [1, 6, 6, 3]);
    const a = axesOf(r.step);
    expect(a.params.kernel).toEqual(['height', 'width', 'in-channel', 'filter']);
    expect(a.params.bias).toEqual(['filter']);
    expect(a.output).toEqual(['batch', 'height', 'width', 'channel']);
    expect(suggestLayout(a.inputs[0], r.step.inputs[0].shape)).toEqual({ kind: 'images', batchAxis: 0, heightAxis: 1, widthAxis: 2, channelAxis: 3, filterAxis: null, colour: true });
    expect(suggestLayout(a.params.kernel, [3, 3, 3, 4])).toMatchObject({ kind: 'images', heightAxis: 0, widthAxis: 1, channelAxis: 2, filterAxis: 3, colour: false });
    expect(suggestLayout(a.output, r.step.output.shape)).toMatchObject({ kind: 'images', colour: false });
    const c1 = runLayer(tfl.layers.conv1d({ filters: 2, kernelSize: 3 }), [1, 9, 1]);
    expect(axesOf(c1.step).output).toEqual(['batch', 'step', 'channel']);
    expect(suggestLayout(axesOf(c1.step).params.kernel, [3, 1, 2])).toEqual({ kind: 'strips', batchAxis: null, stepAxis: 0, channelAxis: 1, filterAxis: 2 });
    const c3 = runLayer(tfl.layers.conv3d({ filters: 2, kernelSize: 2 }), [1, 3, 4, 4, 1]);
    expect(suggestLayout(axesOf(c3.step).output, c3.step.output.shape)).toMatchObject({ kind: 'volume', depthAxis: 1, heightAxis: 2, widthAxis: 3, channelAxis: 4 });
    const dw = runLayer(tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }), [1, 5, 5, 2]);
    expect(axesOf(dw.step).params.depthwise_kernel).toEqual(['height', 'width', 'in-channel', 'multiplier']);
    const first = runLayer(tfl.layers.conv2d({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst' }), [1, 3, 6, 6]);
    expect(axesOf(first.step).output).toEqual(['batch', 'channel', 'height', 'width']);
  });
});

it('Conv1D causal: (window - 1) * dilation zeros before the signal, then valid (tfjs cannot run it)', () => {
  const r = runLayer(tfl.layers.conv1d({ filters: 2, kernelSize: 3, dilationRate: 2 }), [2, 12, 3], 5);
  const padded = { shape: [2, 16, 3], values: new Float32Array(2 * 16 * 3) };
  for (let b = 0; b < 2; b++) padded.values.set(r.step.inputs[0].values.subarray(b * 36, (b + 1) * 36), b * 48 + 4 * 3);
  const valid = kindFor('Conv1D')!.reference([padded], r.step.params, r.step.config);
  const causal = kindFor('Conv1D')!.reference(r.step.inputs, r.step.params, { ...r.step.config, padding: 'causal' });
  expect(causal.shape).toEqual([2, 12, 2]);
  expect(maxAbs(causal, valid)).toBe(0);
  // ... and the valid one is tfjs' on the padded input.
  const t = tf.tidy(() => tf.add(tf.conv1d(tf.tensor3d(padded.values, padded.shape as [number, number, number]), tf.tensor3d(r.step.params[0].values, r.step.params[0].shape as [number, number, number]), 1, 'valid', 'NWC', 2), tf.tensor(r.step.params[1].values)));
  expect(maxAbs(valid, { shape: t.shape, values: t.dataSync() as Float32Array })).toBeLessThan(1e-5);
  t.dispose();
});

it('DepthwiseConv2D with dilation follows Keras (tfjs-layers ignores dilation_rate there; the op agrees)', () => {
  const r = runLayer(tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, activation: 'relu' }), [1, 9, 9, 2], 4);
  const ref = kindFor('DepthwiseConv2D')!.reference(r.step.inputs, r.step.params, { ...r.step.config, dilation_rate: [2, 2] });
  expect(ref.shape).toEqual([1, 5, 5, 4]);
  const [k, b] = r.step.params;
  const t = tf.tidy(() =>
    tf.relu(tf.add(tf.depthwiseConv2d(tf.tensor4d(r.step.inputs[0].values, [1, 9, 9, 2]), tf.tensor4d(k.values, k.shape as [number, number, number, number]), 1, 'valid', 'NHWC', 2), tf.tensor(b.values))),
  );
  expect(maxAbs(ref, { shape: t.shape, values: t.dataSync() as Float32Array })).toBeLessThan(1e-5);
  t.dispose();
});

it('is fast: a 150x150x3 photo through four Conv2D + MaxPooling2D blocks in well under a second', () => {
  const conv = kindFor('Conv2D')!;
  const shapes: [number, number[]][] = [
    [32, [1, 150, 150, 3]],
    [64, [1, 74, 74, 32]],
    [128, [1, 36, 36, 64]],
    [128, [1, 17, 17, 128]],
  ];
  // The machine is shared: compare with tfjs' own conv on the same layers as well as the clock.
  let ms = 0;
  let tfjsMs = 0;
  for (const [filters, shape] of shapes) {
    const layer = tfl.layers.conv2d({ filters, kernelSize: 3, activation: 'relu' });
    const r = runLayer(layer, shape, 2, { scale: 1 });
    expect(r.diff).toBeLessThan(1e-5);
    const t0 = performance.now();
    conv.reference(r.step.inputs, r.step.params, r.step.config);
    ms += performance.now() - t0;
    const t1 = performance.now();
    tf.tidy(() => (layer.apply(tf.tensor(r.step.inputs[0].values, shape)) as tf.Tensor).dataSync());
    tfjsMs += performance.now() - t1;
  }
  console.log(`four conv blocks on 150x150x3: reference ${ms.toFixed(0)} ms, tfjs ${tfjsMs.toFixed(0)} ms`);
  expect(ms).toBeLessThan(Math.max(1000, tfjsMs));
});
