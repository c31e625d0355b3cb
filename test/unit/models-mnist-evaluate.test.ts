/**
 * evaluate: loss, accuracy, confusion matrix, predictions and misclassified rows, on a model
 * with known weights (expected values computed independently here) and on real MNIST test images
 * through both ways in (course recipe on the fast engine, tfjs LayersModel).
 */
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/models/tf';
import { evaluateModel, evaluateRecipe, summarizePredictions } from '../../src/models/evaluate';
import { buildModel, initialWeights, mnistRecipe } from '../../src/models/recipes';
import { mnistCnnRecipe } from '../../src/models/recipe-specs';
import type { Dataset, Recipe, WeightTensor } from '../../src/models/types';
import { loadMnistNode } from './mnist-node';

/** 2 x 2 "images" -> Flatten -> Dense(3, softmax): class c scores the pixel c (pixel 3 ignored). */
const tiny: Recipe = {
  id: 'tiny',
  title: 'tiny',
  inputShape: [2, 2],
  layers: [
    { className: 'Flatten', name: 'flatten' },
    { className: 'Dense', name: 'dense', units: 3, activation: 'softmax' },
  ],
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  python: '',
};
// kernel[i][c] = 2 when i == c: the logit of class c is 2 * pixel c.
const kernel = new Float32Array(12);
for (let c = 0; c < 3; c++) kernel[c * 3 + c] = 2;
const weights: WeightTensor[] = [
  { layer: 'dense', name: 'kernel', shape: [4, 3], values: kernel },
  { layer: 'dense', name: 'bias', shape: [3], values: new Float32Array(3) },
];
// Pixels as bytes; the brightest of pixels 0..2 is the predicted class.
const pixels = [
  [9, 1, 0, 7], // -> 0
  [0, 5, 1, 0], // -> 1
  [0, 1, 4, 0], // -> 2
  [3, 2, 1, 0], // -> 0
  [1, 0, 2, 9], // -> 2
  [0, 3, 0, 0], // -> 1
  [2, 0, 0, 0], // -> 0
];
const labels = [0, 1, 1, 2, 2, 1, 0];
const data: Dataset = {
  id: 't',
  title: 'tiny test set',
  x: Uint8Array.from(pixels.flat()),
  inputShape: [2, 2],
  y: Int32Array.from(labels),
  rows: 7,
  features: 4,
  featureNames: ['a', 'b', 'c', 'd'],
  task: 'classification',
  classNames: ['A', 'B', 'C'],
};

/** The expected evaluation, computed row by row with doubles (independent of the code under test). */
function expected(scale: number) {
  const confusion = new Array(9).fill(0);
  let loss = 0;
  const predicted: number[] = [];
  const prob: number[] = [];
  pixels.forEach((row, r) => {
    const z = [0, 1, 2].map((c) => 2 * row[c] * scale);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / s);
    const best = p.indexOf(Math.max(...p));
    predicted.push(best);
    prob.push(p[best]);
    confusion[labels[r] * 3 + best]++;
    loss -= Math.log(Math.min(Math.max(p[labels[r]], 1e-7), 1 - 1e-7));
  });
  return { confusion, loss: loss / 7, predicted, prob };
}

describe('evaluate on a model with known weights', () => {
  it('counts the confusion matrix (rows true, columns predicted), loss, accuracy and the mistakes', async () => {
    const exp = expected(1);
    expect(exp.predicted).toEqual([0, 1, 2, 0, 2, 1, 0]);
    for (const result of [
      await evaluateRecipe(tiny, weights, data, { chunkRows: 3 }),
      await evaluateModel(buildModel(tiny, weights), data, { chunkRows: 2 }),
    ]) {
      expect(result.rows).toBe(7);
      expect(result.classes).toBe(3);
      expect(Array.from(result.confusion)).toEqual(exp.confusion);
      // By hand: true 0 -> predicted 0 twice; true 1 -> 1 twice, 2 once; true 2 -> 0 once, 2 once.
      expect(Array.from(result.confusion)).toEqual([2, 0, 0, 0, 2, 1, 1, 0, 1]);
      expect(Array.from(result.predicted)).toEqual(exp.predicted);
      expect(Array.from(result.misclassified)).toEqual([2, 3]);
      expect(result.accuracy).toBeCloseTo(5 / 7, 12);
      expect(result.loss).toBeCloseTo(exp.loss, 5);
      result.probability.forEach((p, r) => expect(p).toBeCloseTo(exp.prob[r], 5));
      expect(result.outputs).toBe('model');
    }
  });

  it('applies the preprocessing given (scale 1/255) before the model', async () => {
    const exp = expected(1 / 255);
    const a = await evaluateRecipe(tiny, weights, data, { preprocess: { scale: 1 / 255 } });
    const b = await evaluateModel(buildModel(tiny, weights), data, { preprocess: { scale: 1 / 255 } });
    for (const r of [a, b]) {
      expect(r.loss).toBeCloseTo(exp.loss, 5);
      r.probability.forEach((p, i) => expect(p).toBeCloseTo(exp.prob[i], 5));
    }
    expect(a.loss).not.toBeCloseTo(expected(1).loss, 2);
  });

  it('takes logits (a last layer without softmax) through softmax first, and says so', async () => {
    const logits: Recipe = { ...tiny, layers: [tiny.layers[0], { className: 'Dense', name: 'dense', units: 3 }] };
    const r = await evaluateRecipe(logits, weights, data);
    expect(r.outputs).toBe('softmax');
    expect(r.loss).toBeCloseTo(expected(1).loss, 5);
  });

  it('summarizePredictions: ties go to the first class, clipped loss for a zero probability', () => {
    const r = summarizePredictions(Float32Array.from([0.5, 0.5, 0, 0, 1, 0]), [1, 0], 2, 3);
    expect(Array.from(r.predicted)).toEqual([0, 1]);
    expect(Array.from(r.misclassified)).toEqual([0, 1]);
    expect(r.loss).toBeCloseTo((-Math.log(0.5) - Math.log(Math.fround(1e-7))) / 2, 6);
  });

  it('refuses data that does not fit the model, in words', async () => {
    const wide = { ...data, features: 5, x: new Uint8Array(35) };
    await expect(evaluateRecipe(tiny, weights, wide)).rejects.toThrow('The model takes 4 values per input, the data set "tiny test set" has 5.');
    await expect(evaluateModel(buildModel(tiny, weights), wide)).rejects.toThrow('The model takes inputs of shape (2, 2) = 4 values; the data set "tiny test set" has 5 per row.');
    await expect(evaluateRecipe(tiny, weights, { ...data, y: Int32Array.from([0, 1, 7, 0, 0, 0, 0]) })).rejects.toThrow('Row 2 has class 7, but the model has 3 outputs');
  });
});

describe('evaluate on MNIST test images', () => {
  it('the course recipe (fast engine) and the same tfjs model agree on 2,000 test images; no tensor is left behind', async () => {
    const { test } = await loadMnistNode();
    const part: Dataset = { ...test, rows: 2000, x: test.x.subarray(0, 2000 * 784), y: test.y.subarray(0, 2000) };
    const recipe = mnistRecipe('rescaling');
    const w = initialWeights(recipe, 3);
    const model = buildModel(recipe, w);
    const before = tf.memory().numTensors;
    let progress = 0;
    const b = await evaluateModel(model, part, { onProgress: (done) => (progress = done) });
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toBe(2000);
    const a = await evaluateRecipe(recipe, w, part);
    expect(a.confusion.reduce((s, v) => s + v, 0)).toBe(2000);
    expect(a.misclassified.length).toBe(2000 - Math.round(a.accuracy * 2000));
    let same = 0;
    for (let i = 0; i < 2000; i++) if (a.predicted[i] === b.predicted[i]) same++;
    expect(same).toBeGreaterThanOrEqual(1998);
    expect(a.loss).toBeCloseTo(b.loss, 4);
    // Per-class row counts of the confusion matrix are the labels' counts.
    for (let c = 0; c < 10; c++) {
      const rowSum = a.confusion.subarray(c * 10, c * 10 + 10).reduce((s, v) => s + v, 0);
      expect(rowSum).toBe(Array.from(part.y).filter((y) => y === c).length);
    }
    model.dispose();
  });

  it('the course CNN (convolution engine) and its tfjs model agree on 300 test images', async () => {
    const { test } = await loadMnistNode();
    const part: Dataset = { ...test, rows: 300, x: test.x.subarray(0, 300 * 784), y: test.y.subarray(0, 300) };
    const recipe = mnistCnnRecipe();
    const w = initialWeights(recipe, 3);
    const model = buildModel(recipe, w);
    const b = await evaluateModel(model, part);
    const a = await evaluateRecipe(recipe, w, part);
    let same = 0;
    for (let i = 0; i < 300; i++) if (a.predicted[i] === b.predicted[i]) same++;
    expect(same).toBeGreaterThanOrEqual(299);
    expect(a.loss).toBeCloseTo(b.loss, 4);
    model.dispose();
  }, 120_000);
});
