/**
 * The recipe bridge for MNIST: input shape [28, 28], Flatten, Rescaling, the functional API (tfjs
 * model and Keras code), and Iris' seeded weights unchanged bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { tf } from '../../src/models/tf';
import { buildModel, initialWeights, irisRecipe, mnistRecipe, recipePython, weightSpecs } from '../../src/models/recipes';
import { predictRows } from '../../src/models/train/forward';
import { train } from '../../src/models/train';
import { loadIris } from '../../src/models/iris';
import type { Recipe, WeightTensor } from '../../src/models/types';
import { loadMnistNode } from './mnist-node';

function sha256(weights: WeightTensor[]): string {
  const h = createHash('sha256');
  for (const t of weights) h.update(Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  return h.digest('hex');
}

describe("Iris' seeded initial weights", () => {
  it('are bit-identical to those drawn before MNIST came in (hashes recorded then)', () => {
    expect(sha256(initialWeights(irisRecipe(8), 1))).toBe('c4378a4d04838afc2fd3b660b2981bcc5e855ec11c0ab87428a721415c3edc8f');
    expect(sha256(initialWeights(irisRecipe(8), 42))).toBe('978717ec168118d69ab908a07ec8ad38abd1a81a549e48cc9746251e249c3e2c');
    expect(sha256(initialWeights(irisRecipe(16), 7))).toBe('798372596aee3dad98db7a9e46f892726117567adc9d8a24ef0ffd1f1176dd12');
    expect(initialWeights(irisRecipe(8), 1)[0].values[1]).toBe(-0.7032378911972046);
  });

  it('train the same Iris weights as before, bit for bit (30 epochs, seed 42; hash recorded then)', async () => {
    const r = await train(irisRecipe(), loadIris(), { epochs: 30, learningRate: 0.001, batchSize: 32, validationSplit: 0.1, seed: 42 });
    expect(sha256(r.weights)).toBe('e12dcbb74618014b2dc0cc9120beff9f49ccafb702091f0637ac69a7c4abaa40');
  });

  it("Iris' Keras code is unchanged", () => {
    expect(irisRecipe().python).toBe(
      [
        'import keras',
        'from keras import layers',
        '',
        'model = keras.Sequential([',
        '    keras.Input(shape=(4,)),',
        '    layers.Dense(8),',
        '    layers.Activation("relu"),',
        '    layers.Dense(3),',
        '    layers.Activation("softmax"),',
        '])',
        'model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
        'history = model.fit(X, y, epochs=300, validation_split=0.1)',
      ].join('\n'),
    );
  });
});

describe('mnistRecipe', () => {
  it('is Flatten -> Dense(128, relu) -> Dense(10, softmax) on (28, 28), with Rescaling(1/255) first in the improved model', () => {
    const seq = mnistRecipe('sequential');
    expect(seq.inputShape).toEqual([28, 28]);
    expect(seq.api).toBe('sequential');
    expect(seq.layers.map((l) => l.className)).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(mnistRecipe('functional').api).toBe('functional');
    const res = mnistRecipe('rescaling');
    expect(res.layers[0]).toEqual({ className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 });
    expect(weightSpecs(res).map((s) => [s.layer, s.name, s.shape])).toEqual([
      ['dense', 'kernel', [784, 128]],
      ['dense', 'bias', [128]],
      ['dense_1', 'kernel', [128, 10]],
      ['dense_1', 'bias', [10]],
    ]);
    expect(weightSpecs(mnistRecipe('sequential', 32))[0].shape).toEqual([784, 32]);
    expect(() => mnistRecipe('sequential', 0)).toThrow(/at least 1/);
  });

  it('writes the Keras code of each variant', () => {
    expect(mnistRecipe('sequential').python).toBe(
      [
        'import keras',
        'from keras import layers',
        '',
        'model = keras.Sequential([',
        '    keras.Input(shape=(28, 28)),',
        '    layers.Flatten(),',
        '    layers.Dense(128, activation="relu"),',
        '    layers.Dense(10, activation="softmax"),',
        '])',
        'model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
        'history = model.fit(x_train, y_train, epochs=15, validation_split=0.1)',
      ].join('\n'),
    );
    expect(mnistRecipe('functional').python).toBe(
      [
        'import keras',
        'from keras import layers',
        '',
        'inputs = keras.Input(shape=(28, 28))',
        'x = layers.Flatten()(inputs)',
        'x = layers.Dense(128, activation="relu")(x)',
        'outputs = layers.Dense(10, activation="softmax")(x)',
        'model = keras.Model(inputs, outputs)',
        'model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
        'history = model.fit(x_train, y_train, epochs=15, validation_split=0.1)',
      ].join('\n'),
    );
    expect(mnistRecipe('rescaling').python).toContain('    layers.Rescaling(1/255),\n    layers.Flatten(),');
    expect(recipePython(mnistRecipe('sequential'), { epochs: 3, learningRate: 0.001, batchSize: 64, validationSplit: 0, seed: 1 }, { x: 'a', y: 'b' })).toContain(
      'history = model.fit(a, b, epochs=3, batch_size=64)',
    );
  });

  it('builds tfjs models with Keras layer names: a Sequential, and a functional model with an input layer', () => {
    const seq = buildModel(mnistRecipe('rescaling'));
    expect(seq.layers.map((l) => [l.name, l.getClassName()])).toEqual([
      ['rescaling', 'Rescaling'],
      ['flatten', 'Flatten'],
      ['dense', 'Dense'],
      ['dense_1', 'Dense'],
    ]);
    expect(seq.inputs[0].shape).toEqual([null, 28, 28]);
    const fn = buildModel(mnistRecipe('functional'));
    expect(fn.getClassName()).toBe('Model');
    expect(fn.layers.map((l) => [l.name, l.getClassName()])).toEqual([
      ['input_layer', 'InputLayer'],
      ['flatten', 'Flatten'],
      ['dense', 'Dense'],
      ['dense_1', 'Dense'],
    ]);
    seq.dispose();
    fn.dispose();
  });

  it('refuses a Dense layer on a (28, 28) input without Flatten, saying what to do', () => {
    const bad: Recipe = { ...mnistRecipe('sequential'), layers: mnistRecipe('sequential').layers.slice(1) };
    expect(() => weightSpecs(bad)).toThrow('Dense layer dense gets input of shape (28, 28); put a Flatten layer before it.');
    expect(() => buildModel(bad)).toThrow('put a Flatten layer before it');
  });
});

describe('the same weights give the same outputs', () => {
  it('Sequential and functional models, on 200 real test images, exactly; the fast engine within float32 rounding', async () => {
    const { test } = await loadMnistNode();
    const weights = initialWeights(mnistRecipe('sequential'), 11).map((w) => ({ ...w, values: w.values.map((v) => v / 100) }));
    const seq = buildModel(mnistRecipe('sequential'), weights);
    const fn = buildModel(mnistRecipe('functional'), weights);
    const x = tf.tensor3d(Float32Array.from(test.x.subarray(0, 200 * 784)), [200, 28, 28]);
    const a = (seq.predict(x) as ReturnType<typeof tf.tensor>).dataSync();
    const b = (fn.predict(x) as ReturnType<typeof tf.tensor>).dataSync();
    expect(a.length).toBe(2000);
    expect(Array.from(b)).toEqual(Array.from(a));
    // Not a degenerate model: it does not give every image the same probabilities.
    expect(new Set(Array.from(a.slice(0, 50)).map((v) => v.toFixed(4))).size).toBeGreaterThan(10);
    const ours = predictRows(mnistRecipe('functional'), weights, test.x, 200);
    let maxDiff = 0;
    for (let i = 0; i < 2000; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - a[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    tf.dispose(x);
    seq.dispose();
    fn.dispose();
  });

  it('Rescaling(1/255) on raw pixels equals the plain model on pixels divided by 255 (tfjs and the fast engine)', async () => {
    const { test } = await loadMnistNode();
    const weights = initialWeights(mnistRecipe('rescaling'), 5);
    const withLayer = buildModel(mnistRecipe('rescaling'), weights);
    const plain = buildModel(mnistRecipe('sequential'), weights);
    const raw = Float32Array.from(test.x.subarray(0, 20 * 784));
    const a = tf.tidy(() => (withLayer.predict(tf.tensor3d(raw, [20, 28, 28])) as ReturnType<typeof tf.tensor>).dataSync());
    const b = tf.tidy(() =>
      (plain.predict(tf.tensor3d(raw.map((v) => Math.fround(v * Math.fround(1 / 255))), [20, 28, 28])) as ReturnType<typeof tf.tensor>).dataSync(),
    );
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 6);
    const ours = predictRows(mnistRecipe("rescaling"), weights, test.x, 20);
    for (let i = 0; i < a.length; i++) expect(ours[i]).toBeCloseTo(a[i], 5);
    withLayer.dispose();
    plain.dispose();
  });
});
