/**
 * The course's MNIST CNN recipe: built in tfjs with Keras' names, its Keras code valid for Keras 3,
 * trained by the convolution engine through the same fit loop (Keras semantics), and the tfjs model
 * with the trained weights predicts what the engine computed.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tf } from '../../src/models/tf';
import { buildModel, initialWeights, weightSpecs } from '../../src/models/recipes';
import { MNIST_COURSE_CONFIG, mnistCnnRecipe } from '../../src/models/recipe-specs';
import { chooseEngine, train } from '../../src/models/train/train';
import { ConvNetwork } from '../../src/models/train/cnn/conv-network';
import { findCourse } from '../../src/models/courses';
import type { Dataset } from '../../src/models/types';
import { loadMnistNode } from './mnist-node';

const CHECKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'check_keras_code.py');

function head(ds: Dataset, n: number): Dataset {
  return { ...ds, rows: n, x: ds.x.slice(0, n * ds.features), y: ds.y.slice(0, n) };
}

describe('MNIST CNN recipe', () => {
  const recipe = mnistCnnRecipe();

  it('is one of the MNIST course recipes, trained by the convolution engine', () => {
    const course = findCourse('mnist')!;
    const cnn = course.recipes.find((r) => r.id === 'cnn')!;
    expect(cnn.build(128, MNIST_COURSE_CONFIG).layers.map((l) => l.className)).toEqual([
      'Rescaling', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense',
    ]);
    expect(chooseEngine(recipe)).toBe('cnn');
  });

  it('has the weights Keras gives it (names and shapes) and a tfjs model that takes them', () => {
    expect(weightSpecs(recipe)).toEqual([
      { layer: 'conv2d', name: 'kernel', shape: [3, 3, 1, 32] },
      { layer: 'conv2d', name: 'bias', shape: [32] },
      { layer: 'conv2d_1', name: 'kernel', shape: [3, 3, 32, 64] },
      { layer: 'conv2d_1', name: 'bias', shape: [64] },
      { layer: 'dense', name: 'kernel', shape: [1600, 10] },
      { layer: 'dense', name: 'bias', shape: [10] },
    ]);
    const model = buildModel(recipe, initialWeights(recipe, 3));
    expect(model.countParams()).toBe(34_826); // keras.io's "Simple MNIST convnet": 34,826 parameters
    model.dispose();
  });

  it('writes Keras code that runs against Keras 3 signatures', () => {
    const code = `x_train = y_train = None\n${recipe.python}`;
    const built = JSON.parse(execFileSync('python3', [CHECKER], { input: code, encoding: 'utf8' }));
    const layers = built.models[0].layers as { class: string; args: Record<string, unknown> }[];
    expect(layers.map((l) => l.class)).toEqual(recipe.layers.map((l) => l.className));
    expect(layers[1].args).toMatchObject({ filters: 32, kernel_size: [3, 3], activation: 'relu' });
    expect(built.inputs[0].shape).toEqual([28, 28, 1]);
  });

  it('trains on 640 real digits with fit semantics: below the untrained loss after one epoch, and tfjs predicts what the engine computes', async () => {
    const { train: full } = await loadMnistNode();
    const data = head(full, 640);
    // RMSprop's first steps move every weight by about lr * sqrt(10) whatever its gradient (the
    // velocity starts at 0), so on 576 rows later epochs may overshoot: one epoch is the fair test.
    const config = { ...MNIST_COURSE_CONFIG, epochs: 1, seed: 5 };
    const untrained = await train(recipe, data, { ...config, learningRate: 1e-12 });
    const result = await train(recipe, data, config);
    expect(result.engine).toMatch(/convolution engine/);
    expect(result.history).toHaveLength(1);
    // ln(10) = 2.30 is the loss of a guess; the untrained network is about there.
    expect(untrained.history[0].val_loss).toBeGreaterThan(2.2);
    expect(result.history[0].val_loss).toBeLessThan(untrained.history[0].val_loss! - 0.4);
    expect(result.history[0].val_accuracy).toBeGreaterThan(0.5);

    const net = new ConvNetwork(recipe, result.weights);
    const n = net.loadRange(data.x, 0, 8);
    const ours = Float32Array.from(net.forward(n, null).subarray(0, 80));
    const model = buildModel(recipe, result.weights);
    const theirs = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(data.x.subarray(0, 8 * 784)), [8, 28, 28, 1])) as tf.Tensor).dataSync());
    let worst = 0;
    for (let i = 0; i < 80; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
    expect(worst).toBeLessThan(1e-5);
    model.dispose();
  }, 300_000);
});
