/** The convolution engine learns, evaluates in chunks as in one pass, and keeps BatchNormalization's statistics. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/models/random';
import { CnnEngine } from '../../src/models/train/cnn/cnn-engine';
import { initialConvWeights, type ConvRecipe } from '../../src/models/train/cnn/spec';
import type { Dataset } from '../../src/models/types';

const RECIPE: ConvRecipe = {
  id: 'toy', title: 'toy', inputShape: [8, 8], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], python: '',
  layers: [
    { className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 },
    { className: 'Conv2D', name: 'conv2d', filters: 4, kernelSize: [3, 3], activation: 'relu', padding: 'same' },
    { className: 'BatchNormalization', name: 'batch_normalization', momentum: 0.5 }, // few steps: moving statistics must catch up
    { className: 'MaxPooling2D', name: 'max_pooling2d' },
    { className: 'Flatten', name: 'flatten' },
    { className: 'Dropout', name: 'dropout', rate: 0.25 },
    { className: 'Dense', name: 'dense', units: 2, activation: 'softmax' },
  ],
};

/** Images with a bright 3x3 blob in the left half (class 0) or the right half (class 1). */
function toy(rows: number): Dataset {
  const rng = createRng(4);
  const x = new Uint8Array(rows * 64);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const cls = rng.int(2);
    y[r] = cls;
    const cx = cls === 0 ? 1 + rng.int(2) : 4 + rng.int(2);
    const cy = 1 + rng.int(5);
    for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) x[r * 64 + (cy + dy) * 8 + cx + dx] = 200 + rng.int(55);
  }
  return { id: 'toy', title: 'toy', x, y, rows, features: 64, inputShape: [8, 8], featureNames: [], task: 'classification', classNames: ['left', 'right'] };
}

describe('CnnEngine', () => {
  it('lowers the loss and reaches high accuracy on a toy task, with moving statistics that move', () => {
    const data = toy(300);
    const weights = initialConvWeights(RECIPE, createRng(1));
    const engine = new CnnEngine(RECIPE, data, weights, 0.01, createRng(2));
    const before = engine.evaluate(0, 300);
    const order = Int32Array.from({ length: 300 }, (_, i) => i);
    for (let epoch = 0; epoch < 5; epoch++) for (let s = 0; s < 300; s += 32) engine.step(order, s, Math.min(300, s + 32));
    const after = engine.evaluate(0, 300);
    expect(after.loss).toBeLessThan(before.loss * 0.5);
    expect(after.correct / 300).toBeGreaterThan(0.95);
    const mean = engine.weights().find((w) => w.name === 'moving_mean')!.values;
    expect(Array.from(mean).some((v) => v !== 0)).toBe(true);
  });

  it('evaluates 300 rows in chunks exactly as the mean over every row', () => {
    const data = toy(300);
    const engine = new CnnEngine(RECIPE, data, initialConvWeights(RECIPE, createRng(1)), 0.001, createRng(2));
    const all = engine.evaluate(0, 300);
    let sum = 0;
    let correct = 0;
    for (let s = 0; s < 300; s += 50) {
      const part = engine.evaluate(s, s + 50);
      sum += part.loss * 50;
      correct += part.correct;
    }
    expect(all.loss).toBeCloseTo(sum / 300, 5);
    expect(all.correct).toBe(correct);
  });

  it('refuses data of the wrong size with a message', () => {
    const data = { ...toy(10), features: 63 };
    expect(() => new CnnEngine(RECIPE, data, initialConvWeights(RECIPE, createRng(1)), 0.001, createRng(2))).toThrow(/64 values per example, the data has 63/);
  });
});
