import { describe, expect, it } from 'vitest';
import { tf } from '../../src/models/tf';
import { loadIris } from '../../src/models/iris';
import { buildModel, getWeights, initialWeights, irisRecipe } from '../../src/models/recipes';
import { predictRows } from '../../src/models/train/forward';
import { initInferenceBackend } from '../../src/models/backend';
import type { Recipe } from '../../src/models/types';

describe('irisRecipe', () => {
  it("is the course's Sequential with Keras' default layer names", () => {
    const r = irisRecipe();
    expect(r.inputShape).toEqual([4]);
    expect(r.layers).toEqual([
      { className: 'Dense', name: 'dense', units: 8 },
      { className: 'Activation', name: 'activation', activation: 'relu' },
      { className: 'Dense', name: 'dense_1', units: 3 },
      { className: 'Activation', name: 'activation_1', activation: 'softmax' },
    ]);
    expect(r.loss).toBe('sparse_categorical_crossentropy');
    expect(r.metrics).toEqual(['accuracy']);
    expect(r.python).toContain('layers.Dense(8)');
    expect(r.python).toContain('layers.Activation("softmax")');
    expect(r.python).toContain('loss="sparse_categorical_crossentropy"');
    expect(r.python).toContain('validation_split=0.1');
  });

  it('takes another hidden width and rejects nonsense', () => {
    expect(irisRecipe(16).layers[0]).toMatchObject({ units: 16 });
    expect(irisRecipe(16).python).toContain('layers.Dense(16)');
    expect(() => irisRecipe(0)).toThrow(/at least 1/);
  });
});

describe('initialWeights', () => {
  it('names and shapes the weights as Keras does, kernels glorot, biases zero', () => {
    const w = initialWeights(irisRecipe(), 1);
    expect(w.map((t) => [t.layer, t.name, t.shape])).toEqual([
      ['dense', 'kernel', [4, 8]],
      ['dense', 'bias', [8]],
      ['dense_1', 'kernel', [8, 3]],
      ['dense_1', 'bias', [3]],
    ]);
    expect(Array.from(w[1].values)).toEqual(new Array(8).fill(0));
    expect(Math.max(...w[0].values.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 12));
    expect(Math.max(...w[2].values.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 11));
    expect(w[0].values.some((v) => v !== 0)).toBe(true);
  });

  it('is reproducible per seed', () => {
    expect(initialWeights(irisRecipe(), 3)).toEqual(initialWeights(irisRecipe(), 3));
    expect(initialWeights(irisRecipe(), 3)[0].values).not.toEqual(initialWeights(irisRecipe(), 4)[0].values);
  });
});

describe('buildModel', () => {
  it('builds the tfjs Sequential with the exact layer names and classes, and sets the weights', () => {
    const recipe = irisRecipe();
    const weights = initialWeights(recipe, 9);
    const model = buildModel(recipe, weights);
    expect(model.layers.map((l) => [l.name, l.getClassName()])).toEqual([
      ['dense', 'Dense'],
      ['activation', 'Activation'],
      ['dense_1', 'Dense'],
      ['activation_1', 'Activation'],
    ]);
    expect(model.inputs[0].shape).toEqual([null, 4]);
    expect(getWeights(model)).toEqual(weights);
    model.dispose();
  });

  it("predicts what the fast engine's forward pass computes", async () => {
    await initInferenceBackend();
    const recipe = irisRecipe();
    const ds = loadIris();
    const weights = initialWeights(recipe, 11);
    weights[1].values.set([0.3, -0.2, 0.1, 0.5, -0.4, 0.2, 0.05, -0.1]);
    const model = buildModel(recipe, weights);
    const x = tf.tensor2d(ds.x, [ds.rows, 4]);
    const y = model.predict(x) as ReturnType<typeof tf.tensor>;
    const fromTf = y.dataSync();
    const ours = predictRows(recipe, weights, ds.x, ds.rows);
    expect(ours.length).toBe(450);
    let maxDiff = 0;
    for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - fromTf[i]));
    expect(maxDiff).toBeLessThan(1e-6);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('builds Dense with its own activation and Dropout (inactive at inference)', () => {
    const recipe: Recipe = {
      id: 't', title: 't', inputShape: [4], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], python: '',
      layers: [
        { className: 'Dense', name: 'dense', units: 5, activation: 'tanh' },
        { className: 'Dropout', name: 'dropout', rate: 0.5 },
        { className: 'Dense', name: 'dense_1', units: 3, activation: 'softmax' },
      ],
    };
    const weights = initialWeights(recipe, 2);
    const model = buildModel(recipe, weights);
    const x = tf.tensor2d(loadIris().x.subarray(0, 40), [10, 4]);
    const y = model.predict(x) as ReturnType<typeof tf.tensor>;
    const ours = predictRows(recipe, weights, loadIris().x, 10);
    const theirs = y.dataSync();
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 6));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('refuses weights of the wrong shape with a clear message', () => {
    const recipe = irisRecipe();
    const weights = initialWeights(irisRecipe(5), 1);
    expect(() => buildModel(recipe, weights)).toThrow(/dense\/kernel has shape \[4, 8\], the weights given have \[4, 5\]/);
  });
});

describe('initInferenceBackend', () => {
  it("selects tfjs' wasm backend and names it; cpu when asked for", async () => {
    expect(await initInferenceBackend()).toBe('tfjs wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(await initInferenceBackend('cpu')).toBe('tfjs cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
