/**
 * The photo CNN recipe (the course's image classifier on the learner's folder): its layers and
 * weights as Keras has them, its Keras code valid for Keras 3 (image_dataset_from_directory and
 * fit), trained by the convolution engine; and the fit loop validates on exactly the folder's
 * validation files.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, initialWeights, weightSpecs } from '../../src/models/recipes';
import { PHOTO_DEFAULT_CONFIG, photoCnnRecipe } from '../../src/models/recipe-specs';
import { chooseEngine, train } from '../../src/models/train/train';
import { splitRows } from '../../src/models/train/split';
import { fitValidationSplit } from '../../src/models/data/photo-split';
import type { Dataset } from '../../src/models/types';

const CHECKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'check_keras_code.py');

describe('photo CNN recipe', () => {
  it('has the course shape, Keras weight names and shapes, and runs on the convolution engine', () => {
    const recipe = photoCnnRecipe(64, 64, 3);
    expect(recipe.inputShape).toEqual([64, 64, 3]);
    expect(recipe.layers.map((l) => l.className)).toEqual([
      'Rescaling', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'BatchNormalization', 'Flatten', 'Dropout', 'Dense',
    ]);
    expect(chooseEngine(recipe)).toBe('cnn');
    // 64 -> conv 62 -> pool 31 -> conv 29 -> pool 14: 14 * 14 * 32 = 6272 features into Dense(3).
    expect(weightSpecs(recipe)).toEqual([
      { layer: 'conv2d', name: 'kernel', shape: [3, 3, 3, 16] },
      { layer: 'conv2d', name: 'bias', shape: [16] },
      { layer: 'conv2d_1', name: 'kernel', shape: [3, 3, 16, 32] },
      { layer: 'conv2d_1', name: 'bias', shape: [32] },
      { layer: 'batch_normalization', name: 'gamma', shape: [32] },
      { layer: 'batch_normalization', name: 'beta', shape: [32] },
      { layer: 'batch_normalization', name: 'moving_mean', shape: [32] },
      { layer: 'batch_normalization', name: 'moving_variance', shape: [32] },
      { layer: 'dense', name: 'kernel', shape: [6272, 3] },
      { layer: 'dense', name: 'bias', shape: [3] },
    ]);
    const model = buildModel(recipe, initialWeights(recipe, 1));
    // Keras' summary: 448 + 4,640 + 128 + 18,819 = 24,035 parameters.
    expect(model.countParams()).toBe(24_035);
    model.dispose();
  });

  it('refuses sizes and class counts the network cannot take', () => {
    expect(() => photoCnnRecipe(8, 64, 2)).toThrow(/height must be a whole number of at least 10/);
    expect(() => photoCnnRecipe(64, 64, 1)).toThrow(/at least 2 classes/);
  });

  it('writes Keras code that runs against Keras 3 signatures: the folder read as image_dataset_from_directory, fit on it', () => {
    const recipe = photoCnnRecipe(24, 32, 2, { ...PHOTO_DEFAULT_CONFIG, epochs: 3, seed: 42, learningRate: 0.01, validationSplit: 0.25 });
    expect(recipe.python).toContain('image_dataset_from_directory(\n    "photos", validation_split=0.25, subset="both", seed=42, image_size=(24, 32))');
    const built = JSON.parse(execFileSync('python3', [CHECKER], { input: recipe.python, encoding: 'utf8' }));
    expect(built.image_dataset).toEqual({ directory: 'photos', image_size: [24, 32], seed: 42, validation_split: 0.25, subset: 'both', batch_size: 32 });
    const layers = built.models[0].layers as { class: string; args: Record<string, unknown> }[];
    expect(layers.map((l) => l.class)).toEqual(recipe.layers.map((l) => l.className));
    expect(layers[3].args).toMatchObject({ filters: 32, kernel_size: [3, 3], activation: 'relu' });
    expect(layers.at(-1)!.args).toMatchObject({ units: 2, activation: 'softmax' });
    expect(built.inputs[0].shape).toEqual([24, 32, 3]);
    expect(built.compile.optimizer).toMatchObject({ class: 'RMSprop', learning_rate: 0.01 });
    expect(built.fit.epochs).toBe(3);
  });

  it('trains on two classes of generated images and the loss falls', async () => {
    const h = 12, w = 12, rows = 40;
    const x = new Float32Array(rows * h * w * 3);
    const y = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      y[r] = r % 2;
      // class 0: bright left half; class 1: bright right half.
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) for (let c = 0; c < 3; c++) {
        const bright = (j < w / 2) === (y[r] === 0);
        x[((r * h + i) * w + j) * 3 + c] = bright ? 200 + ((r * 7 + i) % 40) : 30 + ((r * 3 + j) % 30);
      }
    }
    const data: Dataset = { id: 't', title: 't', x, y, rows, features: h * w * 3, inputShape: [h, w, 3], featureNames: [], task: 'classification', classNames: ['a', 'b'] };
    const recipe = photoCnnRecipe(h, w, 2);
    const result = await train(recipe, data, { ...PHOTO_DEFAULT_CONFIG, epochs: 8, validationSplit: fitValidationSplit(32, 8) });
    expect(result.engine).toMatch(/convolution engine/);
    expect(result.history).toHaveLength(8);
    expect(result.history.at(-1)!.loss).toBeLessThan(result.history[0].loss);
  });
});

describe('fitValidationSplit', () => {
  it('makes the fit loop validate on exactly the folder\'s validation rows, for every size up to 1,500 images', () => {
    let nudged = 0;
    for (let rows = 2; rows <= 1500; rows++) {
      for (let val = 1; val < rows; val++) {
        const split = fitValidationSplit(rows - val, val);
        const got = splitRows(rows, split);
        if (got.trainRows !== rows - val) throw new Error(`${rows} rows, ${val} validating: the loop trains on ${got.trainRows}`);
        if (split !== val / rows) nudged++;
      }
    }
    // validation / rows alone is not always enough (floating point): the nudge is needed and works.
    expect(nudged).toBeGreaterThan(0);
  });

  it('needs both sides', () => {
    expect(() => fitValidationSplit(10, 0)).toThrow(/at least one training and one validation image/);
    expect(() => fitValidationSplit(0, 3)).toThrow(/at least one/);
  });
});
