import { afterEach, describe, expect, it, vi } from 'vitest';
import { tf } from '../../src/models/tf';
import { loadIris } from '../../src/models/iris';
import { initialWeights, irisRecipe, IRIS_COURSE_CONFIG, MNIST_COURSE_CONFIG } from '../../src/models/recipes';
import { FastEngine } from '../../src/models/train/fast-engine';
import { RmsProp } from '../../src/models/train/rmsprop';
import { findCourse } from '../../src/models/courses';
import { batchRanges, splitRows } from '../../src/models/train/split';
import { chooseEngine, createEngine, train } from '../../src/models/train/train';
import { predictRows } from '../../src/models/train/forward';
import { FAST_ENGINE_LABEL } from '../../src/models/train/engine';
import { createRng } from '../../src/models/random';
import type { Dataset, Recipe, TrainConfig, WeightTensor } from '../../src/models/types';

const iris = loadIris();
const recipe = irisRecipe();
const course: TrainConfig = { ...IRIS_COURSE_CONFIG };

function maxAbsDiff(a: WeightTensor[], b: WeightTensor[]): number {
  let m = 0;
  a.forEach((t, k) => t.values.forEach((v, i) => (m = Math.max(m, Math.abs(v - b[k].values[i])))));
  return m;
}

function sparseCe(probs: Float32Array, y: ArrayLike<number>, from: number, k: number): number {
  let s = 0;
  const n = probs.length / k;
  for (let r = 0; r < n; r++) s -= Math.log(Math.min(Math.max(probs[r * k + y[from + r]], 1e-7), 1 - 1e-7));
  return s / n;
}

/** A recipe exercising every backward path: tanh, sigmoid, dropout, linear, relu, softmax. */
const mixed: Recipe = {
  id: 'mixed', title: 'mixed', inputShape: [4], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], python: '',
  layers: [
    { className: 'Dense', name: 'dense', units: 6, activation: 'tanh' },
    { className: 'Dropout', name: 'dropout', rate: 0.3 },
    { className: 'Dense', name: 'dense_1', units: 5, activation: 'sigmoid' },
    { className: 'Dense', name: 'dense_2', units: 4 },
    { className: 'Activation', name: 'activation', activation: 'relu' },
    { className: 'Dense', name: 'dense_3', units: 3, activation: 'softmax' },
  ],
};

/** Not a softmax at the end: Keras 3 renormalises the outputs before the crossentropy. */
const sigmoidOut: Recipe = {
  id: 'sigmoid-out', title: 'sigmoid out', inputShape: [4], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], python: '',
  layers: [
    { className: 'Dense', name: 'dense', units: 6, activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 3, activation: 'sigmoid' },
  ],
};

/** A regression set from Iris: predict petal width from the other three measurements. */
function petalWidth(): Dataset {
  const x = new Float32Array(150 * 3);
  const y = new Float32Array(150);
  for (let r = 0; r < 150; r++) {
    x.set(iris.x.subarray(r * 4, r * 4 + 3), r * 3);
    y[r] = iris.x[r * 4 + 3];
  }
  return { id: 'pw', title: 'petal width', x, y, rows: 150, features: 3, featureNames: iris.featureNames.slice(0, 3), task: 'regression', classNames: [] };
}
const mse: Recipe = {
  id: 'mse', title: 'mse', inputShape: [3], loss: 'mean_squared_error', metrics: ['accuracy'], python: '',
  layers: [
    { className: 'Dense', name: 'dense', units: 5, activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 1 },
  ],
};

describe('validation_split and batches (Keras fit)', () => {
  it('holds out the last 15 of 150 rows for validation_split=0.1', () => {
    expect(splitRows(150, 0.1)).toEqual({ trainRows: 135, valRows: 15 });
    expect(splitRows(150, 0)).toEqual({ trainRows: 150, valRows: 0 });
    expect(splitRows(150, 0.2)).toEqual({ trainRows: 120, valRows: 30 });
  });

  it('refuses a split that leaves one side empty, as Keras does', () => {
    expect(() => splitRows(1, 0.5)).toThrow(/not enough/);
    expect(() => splitRows(150, 1)).toThrow(/below 1/);
  });

  it('cuts 135 training rows into 5 batches of 32, 32, 32, 32, 7', () => {
    expect(batchRanges(135, 32).map(([a, b]) => b - a)).toEqual([32, 32, 32, 32, 7]);
    expect(batchRanges(135, 32)[4]).toEqual([128, 135]);
  });

  it('reports val_loss and val_accuracy of exactly the last 15 rows with the final weights of the epoch', async () => {
    for (const engine of ['fast', 'tfjs'] as const) {
      const res = await train(recipe, iris, { ...course, epochs: 1 }, {}, { engine });
      const probs = predictRows(recipe, res.weights, iris.x.subarray(135 * 4), 15);
      expect(res.history[0].val_loss).toBeCloseTo(sparseCe(probs, iris.y, 135, 3), 5);
      let correct = 0;
      for (let r = 0; r < 15; r++) {
        const p = Array.from(probs.subarray(r * 3, r * 3 + 3));
        if (p.indexOf(Math.max(...p)) === 2) correct++;
      }
      expect(res.history[0].val_accuracy).toBe(correct / 15);
    }
  });

  it('never trains on the validation rows: changing them leaves the trained weights unchanged', async () => {
    const altered: Dataset = { ...iris, x: new Float32Array(iris.x), y: new Int32Array(iris.y) };
    for (let i = 135 * 4; i < 600; i++) altered.x[i] = 0;
    for (let r = 135; r < 150; r++) altered.y[r] = 0;
    const a = await train(recipe, iris, { ...course, epochs: 5 });
    const b = await train(recipe, altered, { ...course, epochs: 5 });
    expect(b.weights).toEqual(a.weights);
    expect(b.history[4].val_loss).not.toBe(a.history[4].val_loss);
  });
});

describe('train: reproducibility', () => {
  it('gives bit-identical weights and history for the same seed, different ones for another seed', async () => {
    const a = await train(recipe, iris, { ...course, epochs: 20, seed: 5 });
    const b = await train(recipe, iris, { ...course, epochs: 20, seed: 5 });
    const c = await train(recipe, iris, { ...course, epochs: 20, seed: 6 });
    expect(b.weights).toEqual(a.weights);
    expect(b.history).toEqual(a.history);
    expect(c.weights[0].values).not.toEqual(a.weights[0].values);
  });

  it('is bit-identical on the tfjs engine too, and reproducible with dropout', async () => {
    const a = await train(recipe, iris, { ...course, epochs: 3, seed: 8 }, {}, { engine: 'tfjs' });
    const b = await train(recipe, iris, { ...course, epochs: 3, seed: 8 }, {}, { engine: 'tfjs' });
    expect(b.weights).toEqual(a.weights);
    const d1 = await train(mixed, iris, { ...course, epochs: 10, seed: 8 });
    const d2 = await train(mixed, iris, { ...course, epochs: 10, seed: 8 });
    expect(d2.weights).toEqual(d1.weights);
  });
});

describe('fast engine vs tfjs (tf.variableGrads) as the oracle', () => {
  const rows = createRng(3).permutation(135);

  const cases: [string, Recipe, Dataset][] = [
    ['the Iris recipe', recipe, iris],
    ['tanh, dropout, sigmoid, linear, relu, softmax', mixed, iris],
    ['mean_squared_error regression', mse, petalWidth()],
    ['sparse_categorical_crossentropy on a sigmoid output (renormalised, as Keras 3)', sigmoidOut, iris],
  ];
  for (const [label, r, data] of cases) {
    it(`computes the same loss and gradients on the same weights and batch: ${label}`, async () => {
      const weights = initialWeights(r, 12);
      // Non-zero biases so that every path carries signal.
      weights.forEach((w) => w.name === 'bias' && w.values.forEach((_, i) => (w.values[i] = 0.1 * Math.sin(i + 1))));
      const config = { ...course, seed: 12 };
      const fast = await createEngine('fast', r, data, weights, config);
      const oracle = await createEngine('tfjs', r, data, weights, config);
      for (const [start, end] of [[0, 32], [128, 135]] as const) {
        const f = fast.gradients(rows, start, end);
        const o = oracle.gradients(rows, start, end);
        expect(Math.abs(f.loss - o.loss)).toBeLessThan(1e-5);
        expect(f.correct).toBe(o.correct);
        f.grads.forEach((g, t) => {
          expect(g.length).toBe(o.grads[t].length);
          g.forEach((v, i) => expect(Math.abs(v - o.grads[t][i])).toBeLessThan(1e-5));
        });
        expect(f.grads.some((g) => g.some((v) => Math.abs(v) > 1e-3))).toBe(true);
      }
      oracle.dispose();
    });
  }

  it('gives the same weights after one epoch (same seed, same shuffle) within 1e-4', async () => {
    const f = await train(recipe, iris, { ...course, epochs: 1 }, {}, { engine: 'fast' });
    const t = await train(recipe, iris, { ...course, epochs: 1 }, {}, { engine: 'tfjs' });
    expect(f.engine).toBe(FAST_ENGINE_LABEL);
    expect(t.engine).toBe('tfjs cpu');
    expect(maxAbsDiff(f.weights, t.weights)).toBeLessThan(1e-4);
    expect(maxAbsDiff(f.weights, initialWeights(recipe, course.seed))).toBeGreaterThan(1e-3);
    expect(f.history[0].loss).toBeCloseTo(t.history[0].loss, 5);
    expect(f.history[0].accuracy).toBe(t.history[0].accuracy);
  });

  it('stays close to tfjs over 20 epochs with dropout', async () => {
    const f = await train(mixed, iris, { ...course, epochs: 20 }, {}, { engine: 'fast' });
    const t = await train(mixed, iris, { ...course, epochs: 20 }, {}, { engine: 'tfjs' });
    expect(maxAbsDiff(f.weights, t.weights)).toBeLessThan(1e-3);
  });

  it('leaves no tfjs tensors behind', async () => {
    const before = tf.memory().numTensors;
    await train(mixed, iris, { ...course, epochs: 3 }, {}, { engine: 'tfjs' });
    await train(mse, petalWidth(), { ...course, epochs: 3 }, {}, { engine: 'tfjs' });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('train: learning', () => {
  it('learns Iris with the course settings (seed 1: loss falls, accuracy above 0.9)', async () => {
    const res = await train(recipe, iris, course);
    expect(res.history).toHaveLength(300);
    expect(res.stopped).toBe(false);
    const first = res.history[0];
    const last = res.history[299];
    expect(last.loss).toBeLessThan(first.loss / 3);
    expect(last.accuracy).toBeGreaterThan(0.9);
    expect(Object.keys(last).sort()).toEqual(['accuracy', 'epoch', 'loss', 'val_accuracy', 'val_loss']);
    expect(res.engine).toBe(FAST_ENGINE_LABEL);
  });

  it('fits a regression with mean_squared_error (no accuracy logged)', async () => {
    const res = await train(mse, petalWidth(), { ...course, epochs: 100, validationSplit: 0 });
    expect(res.history[99].loss).toBeLessThan(res.history[0].loss / 5);
    expect(res.history[99].accuracy).toBeUndefined();
    expect(res.history[99].val_loss).toBeUndefined();
  });

  it('runs every recipe of Dense/Activation/Dropout on the fast engine', () => {
    expect(chooseEngine(recipe)).toBe('fast');
    expect(chooseEngine(mixed)).toBe('fast');
  });
});

describe('train: hooks and stopping', () => {
  it('reports each epoch with a weight snapshot, and stopping keeps the weights reached so far', async () => {
    const seen: { epoch: number; weights: WeightTensor[] }[] = [];
    const res = await train(recipe, iris, course, {
      onEpoch: (log, weights) => seen.push({ epoch: log.epoch, weights: weights! }),
      shouldStop: () => seen.length >= 10,
    });
    expect(res.stopped).toBe(true);
    expect(res.history.map((h) => h.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(res.weights).toEqual(seen[9].weights);
    const ten = await train(recipe, iris, { ...course, epochs: 10 });
    expect(res.weights).toEqual(ten.weights);
    expect(ten.stopped).toBe(false);
  });

  it('drops the partial epoch when stopped mid-epoch, so the weights belong to the last logged epoch', async () => {
    // 60,000 rows: one epoch takes well over the 8 ms between two yields, so the stop lands mid-epoch.
    const rows = 60_000;
    const x = new Float32Array(rows * 4);
    const y = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      x.set(iris.x.subarray((r % 150) * 4, (r % 150) * 4 + 4), r * 4);
      y[r] = iris.y[r % 150];
    }
    const big: Dataset = { ...iris, x, y, rows };
    const seen: WeightTensor[][] = [];
    let calls = 0;
    const res = await train(recipe, big, { ...course, epochs: 3, validationSplit: 0 }, {
      onEpoch: (_, weights) => seen.push(weights!),
      shouldStop: () => seen.length >= 1 && ++calls >= 2,
    });
    expect(res.stopped).toBe(true);
    expect(calls).toBe(2);
    expect(res.history).toHaveLength(1);
    expect(res.weights).toEqual(seen[0]);
  });

  it('gives clear messages for input it cannot train on', async () => {
    await expect(train(irisRecipe(), { ...iris, features: 3 }, course)).rejects.toThrow(/malformed|expects 4 input features/);
    await expect(train(mse, petalWidth(), { ...course, epochs: 0 })).rejects.toThrow(/epochs/);
    await expect(train(recipe, iris, { ...course, validationSplit: 1.5 })).rejects.toThrow(/validation_split/);
    const bad = { ...iris, x: new Float32Array(iris.x) };
    bad.x[5] = Number.NaN;
    await expect(train(recipe, bad, course)).rejects.toThrow(/Row 1 .* sepal width/);
    await expect(train(recipe, petalWidth(), course)).rejects.toThrow(/expects 4 input features/);
  });
});

describe("Keras' fit semantics, pinned", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Runs `train` with the fast engine's step spied on: per epoch, each batch's rows (copied), size and loss. */
  async function spiedTrain(config: TrainConfig) {
    const step = vi.spyOn(FastEngine.prototype, 'step');
    const res = await train(recipe, iris, config, {}, { engine: 'fast' });
    const calls = step.mock.calls.map(([rows, start, end], i) => ({
      rows: Array.from(rows.slice(start, end)),
      size: end - start,
      loss: (step.mock.results[i].value as { loss: number }).loss,
    }));
    const perEpoch = calls.length / config.epochs;
    const epochs = Array.from({ length: config.epochs }, (_, e) => calls.slice(e * perEpoch, (e + 1) * perEpoch));
    step.mockRestore();
    return { res, calls, epochs };
  }

  it('the course configurations are exactly model.fit(epochs=300, batch_size=32, validation_split=0.1) with RMSprop(0.001)', () => {
    expect({ ...IRIS_COURSE_CONFIG, seed: undefined }).toEqual({ epochs: 300, batchSize: 32, validationSplit: 0.1, learningRate: 0.001, seed: undefined });
    expect({ ...MNIST_COURSE_CONFIG, seed: undefined }).toEqual({ epochs: 15, batchSize: 32, validationSplit: 0.1, learningRate: 0.001, seed: undefined });
    // And the registry the app trains from carries exactly these.
    const fit = (id: string) => {
      const f = findCourse(id)?.fit;
      return f && { epochs: f.epochs, batchSize: f.batchSize, validationSplit: f.validationSplit, learningRate: f.learningRate };
    };
    expect(fit('iris')).toEqual({ epochs: 300, batchSize: 32, validationSplit: 0.1, learningRate: 0.001 });
    expect(fit('mnist')).toEqual({ epochs: 15, batchSize: 32, validationSplit: 0.1, learningRate: 0.001 });
    expect(fit('housing')).toEqual({ epochs: 100, batchSize: 32, validationSplit: 0.25, learningRate: 0.001 });
  });

  it('each epoch of the course run takes 5 steps of 32, 32, 32, 32 and 7 rows, over the 135 training rows', async () => {
    const { epochs } = await spiedTrain({ ...course, epochs: 3 });
    for (const e of epochs) {
      expect(e.map((b) => b.size)).toEqual([32, 32, 32, 32, 7]);
      expect(e.flatMap((b) => b.rows).sort((a, b) => a - b)).toEqual(Array.from({ length: 135 }, (_, i) => i));
    }
  });

  it('shuffles the training rows in a different order every epoch, the same orders for the same seed', async () => {
    const a = await spiedTrain({ ...course, epochs: 4, seed: 3 });
    const b = await spiedTrain({ ...course, epochs: 4, seed: 3 });
    const orders = a.epochs.map((e) => e.flatMap((x) => x.rows).join());
    expect(new Set(orders).size).toBe(4);
    expect(b.epochs.map((e) => e.flatMap((x) => x.rows).join())).toEqual(orders);
    // Shuffled: not the rows in their stored order.
    expect(orders[0]).not.toBe(Array.from({ length: 135 }, (_, i) => i).join());
  });

  it("logs the epoch loss as Keras does: the batches' losses weighted by their sizes", async () => {
    const { res, epochs } = await spiedTrain({ ...course, epochs: 2 });
    for (let e = 0; e < 2; e++) {
      const batches = epochs[e];
      const weighted = batches.reduce((s, b) => s + b.loss * b.size, 0) / 135;
      const unweighted = batches.reduce((s, b) => s + b.loss, 0) / batches.length;
      expect(res.history[e].loss).toBeCloseTo(weighted, 12);
      // The two means differ here, so the test tells them apart.
      expect(Math.abs(weighted - unweighted)).toBeGreaterThan(1e-4);
    }
  });
});

describe('RMSprop against tf.train.rmsprop and Keras 3', () => {
  /*
   * Where epsilon goes. Keras 3 (keras/src/optimizers/rmsprop.py, update_step, momentum 0,
   * centered False): velocity = rho * velocity + (1 - rho) * g^2; denominator = velocity + epsilon;
   * variable -= lr * g / sqrt(denominator). tfjs 4.22 (tfjs-core optimizers/rmsprop_optimizer.js,
   * not centered): newMeanSquare = ms * decay + g^2 * (1 - decay); newMoments = moments * momentum
   * + lr * g / sqrt(newMeanSquare + epsilon); variable -= newMoments. With momentum 0 both are
   * lr * g / sqrt(v + eps): epsilon INSIDE the square root, and both engines do the same. They
   * would differ from the "sqrt(v) + eps" form (Adam's, and some RMSprop write-ups) where g^2 is
   * near eps, i.e. for gradients around 1e-3 and below: the tests use such gradients.
   */
  it("one step of Keras 3's documented example: variable 10, gradient 10, lr 0.1 -> 9.683772", () => {
    const w = [Float32Array.of(10)];
    new RmsProp([1], 0.1).step(w, [Float32Array.of(10)]);
    expect(w[0][0]).toBeCloseTo(9.683772, 6);
    // The oracle agrees with Keras' number.
    const v = tf.variable(tf.scalar(10));
    const opt = tf.train.rmsprop(0.1, 0.9, 0, 1e-7);
    opt.minimize(() => tf.div(tf.square(v), 2) as ReturnType<typeof tf.scalar>, false, [v]);
    expect(v.dataSync()[0]).toBeCloseTo(9.683772, 6);
    opt.dispose();
    v.dispose();
  });

  it('RmsProp matches tf.train.rmsprop(lr, 0.9, 0, 1e-7) over 5 steps, from gradients of 10 down to 1e-6', () => {
    const g0 = Float32Array.from([10, -3, 0.5, 1e-2, -1e-3, 3e-4, 1e-5, -1e-6, 0]);
    const ours = [Float32Array.from(g0, (_, i) => 0.3 * i - 1)];
    const vars = [tf.variable(tf.tensor1d(Float32Array.from(ours[0])))]; // a copy: tfjs keeps the array it is given
    const opt = tf.train.rmsprop(0.01, 0.9, 0, 1e-7);
    const rms = new RmsProp([g0.length], 0.01);
    for (let t = 0; t < 5; t++) {
      const g = Float32Array.from(g0, (v, i) => v * (1 + 0.3 * Math.sin(t + i)));
      rms.step(ours, [g]);
      tf.tidy(() => opt.applyGradients({ [vars[0].name]: tf.tensor1d(g) }));
      const theirs = vars[0].dataSync();
      ours[0].forEach((v, i) => expect(Math.abs(v - theirs[i]), `step ${t}, element ${i}`).toBeLessThan(1e-6));
    }
    opt.dispose();
    vars.forEach((v) => v.dispose());
  });

  /** 4 x 1024 = 4,096 weights, 1024 outputs: the fast engine runs this layer and its RMSprop on the WebAssembly SIMD kernels. */
  const wide: Recipe = {
    id: 'wide', title: 'wide', inputShape: [4], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], python: '',
    layers: [
      { className: 'Dense', name: 'dense', units: 1024, activation: 'relu' },
      { className: 'Dense', name: 'dense_1', units: 3, activation: 'softmax' },
    ],
  };
  for (const [kind, recipe] of [['fast', irisRecipe()], ['tfjs', irisRecipe()], ['fast', wide]] as const) {
    it(`the ${kind} engine's step is tf.train.rmsprop(lr, 0.9, 0, 1e-7) on its own gradients (${recipe.id}; two steps, tiny gradients included)`, async () => {
      // Features scaled by 1e-5: the first kernel's gradients are ~1e-6, where epsilon's place matters.
      const data: Dataset = { ...iris, x: Float32Array.from(iris.x, (v) => v * 1e-5) };
      const lr = 0.01;
      const config = { ...course, learningRate: lr };
      const rows = createRng(4).permutation(135);
      const w0 = initialWeights(recipe, 7);
      const engine = await createEngine(kind, recipe, data, w0, config);
      const vars = w0.map((w) => tf.variable(tf.tensor(Float32Array.from(w.values), w.shape)));
      const opt = tf.train.rmsprop(lr, 0.9, 0, 1e-7);
      let tiny = 0;
      for (const [start, end] of [[0, 32], [32, 64]] as const) {
        const probe = await createEngine(kind, recipe, data, engine.weights(), config);
        const grads = probe.gradients(rows, start, end).grads.map((g) => Float32Array.from(g));
        probe.dispose();
        tiny += grads.flatMap((g) => Array.from(g)).filter((v) => v !== 0 && Math.abs(v) < 1e-4).length;
        const before = engine.weights();
        engine.step(rows, start, end);
        tf.tidy(() => opt.applyGradients(Object.fromEntries(vars.map((v, t) => [v.name, tf.tensor(grads[t], v.shape)]))));
        engine.weights().forEach((w, t) => {
          const theirs = vars[t].dataSync();
          w.values.forEach((v, i) => {
            const ourStep = v - before[t].values[i];
            const tfStep = theirs[i] - before[t].values[i];
            expect(Math.abs(ourStep - tfStep), `${w.layer}/${w.name}[${i}]`).toBeLessThan(1e-6 + 1e-4 * Math.abs(tfStep));
          });
          // Keep both on the same weights for the next step.
          tf.tidy(() => vars[t].assign(tf.tensor(Float32Array.from(w.values), w.shape)));
        });
      }
      expect(tiny).toBeGreaterThan(10);
      opt.dispose();
      vars.forEach((v) => v.dispose());
      engine.dispose();
    });
  }
});
