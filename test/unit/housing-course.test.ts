/**
 * The housing course: its recipe and Keras code, its data (scaled for fit, raw for the learner),
 * a short training run with fit's semantics, and model.evaluate against numpy on exported weights.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixtures } from '../fixtures';
import { join } from 'node:path';
import { housingCourse, housingRecipe, HOUSING_COURSE_CONFIG, HOUSING_PRESET_ROWS } from '../../src/models/courses/housing';
import { findCourse } from '../../src/models/courses';
import type { CourseData } from '../../src/models/courses';
import { loadHousing, formatDollars } from '../../src/models/data/housing';
import { initialWeights } from '../../src/models/recipes';
import { train, chooseEngine } from '../../src/models/train';
import { errorStats, evaluateRegression, predictAll } from '../../src/models/evaluate-regression';
import { modelJsonText } from '../../src/inspector/export/model';
import { layersFromWeights } from '../../src/inspector/export/layers';
import type { Recipe, WeightTensor } from '../../src/models/types';
import { runPython, tempDir, writeFile } from './export-fixtures';
import { DenseNetwork } from '../../src/models/train/network';
import { meanSquaredError } from '../../src/models/train/losses';
import { RmsProp } from '../../src/models/train/rmsprop';
import { createRng, deriveSeed } from '../../src/models/random';
import { batchRanges } from '../../src/models/train/split';

const BIN = join(__dirname, '../../static/data/cal_housing.bin');
const CSV_FIX = fixtures('data/cal_housing.csv');
const CSV = CSV_FIX.dir;
const HAVE_CSV = CSV_FIX.present;

let data: CourseData;
beforeAll(async () => {
  const bytes = readFileSync(BIN);
  // Prime the lazy loader with the file from disk; the course's load() then reuses it.
  await loadHousing(async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  data = await housingCourse.load();
});

describe('the housing course module', () => {
  it('is registered under "housing" and speaks of districts and a price', () => {
    expect(findCourse('housing')).toBe(housingCourse);
    expect(housingCourse.nouns).toEqual({ one: 'district', many: 'districts' });
    expect(housingCourse.output.kind).toBe('value');
    if (housingCourse.output.kind === 'value') expect(housingCourse.output.format?.(2.063)).toBe('$206,300');
    expect(housingCourse.weakAccuracy).toBeNull();
    expect(housingCourse.fit).toEqual({ epochs: 100, learningRate: 0.001, batchSize: 32, validationSplit: 0.25, seed: 1 });
  });

  it("builds Sequential([Dense(16, relu), Dropout(0.1), Dense(16, relu), Dropout(0.1), Dense(1)]) with MSE and no accuracy", () => {
    const r = housingCourse.recipes[0].build(16, HOUSING_COURSE_CONFIG);
    expect(r.layers.map((l) => l.className)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
    expect(r.layers.map((l) => l.name)).toEqual(['dense', 'dropout', 'dense_1', 'dropout_1', 'dense_2']);
    expect(r.layers[0]).toMatchObject({ units: 16, activation: 'relu' });
    expect(r.layers[1]).toMatchObject({ rate: 0.1 });
    expect(r.layers[4]).toMatchObject({ units: 1 });
    expect(r.loss).toBe('mean_squared_error');
    expect(r.metrics).toEqual([]);
    expect(r.python).not.toMatch(/accuracy/);
    expect(r.python).toContain('model.compile(loss="mean_squared_error")');
    expect(r.python).toContain('history = model.fit(x, y, epochs=100, validation_split=0.25)');
    expect(r.python).toContain('StandardScaler().fit(housing.data)');
    expect(r.python).toContain('model.evaluate(x, y)');
    expect(chooseEngine(r)).toBe('fast');
  });

  it('hands fit the scaled rows and keeps the raw ones and the scaler for the learner', () => {
    expect(data.scaler?.mean).toHaveLength(8);
    expect(data.raw?.x[0]).toBeCloseTo(8.3252, 4);
    const s = data.scaler!;
    expect(data.train.x[0]).toBeCloseTo((8.3252 - s.mean[0]) / s.scale[0], 5);
    expect(data.train.x[7]).toBeCloseTo((-122.23 - s.mean[7]) / s.scale[7], 5);
    expect(data.train.y[0]).toBeCloseTo(4.526, 6);
  });

  it('offers row 0, a coastal and an inland district and the median district, in raw units', () => {
    if (housingCourse.input.kind !== 'table') throw new Error('table input expected');
    const presets = housingCourse.input.presets(data);
    expect(presets.map((p) => p.label)).toEqual([...HOUSING_PRESET_ROWS.map((p) => p.label), "Median district (each feature's median)"]);
    expect(presets[0].values).toEqual([8.3252, 41, 6.984127, 1.02381, 322, 2.555556, 37.88, -122.23]);
    expect(presets[1].values[7]).toBeCloseTo(-118.49, 4);
    expect(data.train.y[8881]).toBeCloseTo(4.351, 5);
    expect(data.train.y[1986]).toBeCloseTo(0.567, 5);
    expect(housingCourse.input.initial).toHaveLength(8);
    expect(housingCourse.input.minimums).toEqual([0, 0, 0, 0, 0, 0, null, null]);
  });

  it('formats prices in dollars', () => {
    expect(formatDollars(4.526)).toBe('$452,600');
    expect(formatDollars(5.00001)).toBe('$500,000');
    expect(formatDollars(5.00001, 1)).toBe('$500,001');
    expect(formatDollars(-0.05)).toBe('-$5,000');
    expect(formatDollars(NaN)).toBe('—');
  });
});

describe("fit's semantics on the housing rows", () => {
  it('logs loss and val_loss per epoch, never accuracy; val_loss is the MSE of the last 5,160 rows', async () => {
    const recipe = housingRecipe();
    const result = await train(recipe, data.train, { ...HOUSING_COURSE_CONFIG, epochs: 2 });
    expect(result.history).toHaveLength(2);
    for (const log of result.history) {
      expect(Object.keys(log).sort()).toEqual(['epoch', 'loss', 'val_loss']);
      expect(log.loss).toBeGreaterThan(0);
    }
    expect(result.history[1].loss).toBeLessThan(result.history[0].loss);
    const pred = predictAll(recipe, result.weights, data.train);
    const val = errorStats(pred, data.train.y, 15480, 20640);
    expect(val.rows).toBe(5160);
    expect(Math.abs(result.history[1].val_loss! - val.mse) / val.mse).toBeLessThan(1e-9);
  });

  it("the epoch loss is the batch-size-weighted mean over the 15,480 training rows (lr ~0, no dropout: the plain MSE)", async () => {
    const base = housingRecipe();
    const noDrop: Recipe = { ...base, layers: base.layers.map((l) => (l.className === 'Dropout' ? { ...l, rate: 0 } : l)) };
    const weights = initialWeights(noDrop, 7);
    const result = await train(noDrop, data.train, { ...HOUSING_COURSE_CONFIG, epochs: 1, learningRate: 1e-15 }, {}, { initialWeights: weights });
    const pred = predictAll(noDrop, weights, data.train);
    const trainMse = errorStats(pred, data.train.y, 0, 15480).mse;
    expect(Math.abs(result.history[0].loss - trainMse) / trainMse).toBeLessThan(1e-9);
    // The unweighted mean of the 484 batch means (last batch: 24 rows) would differ.
    let unweighted = 0;
    for (let s = 0, k = 0; s < 15480; s += 32, k++) unweighted += errorStats(pred, data.train.y, s, Math.min(15480, s + 32)).mse;
    expect(Math.abs(unweighted / 484 - trainMse) / trainMse).toBeGreaterThan(1e-6);
  });
});

describe('fit shuffles the 15,480 training rows anew every epoch', () => {
  /** fit by hand: a seeded permutation per epoch (or the first one reused), batches of 32, dropout, RMSprop. */
  function replay(recipe: Recipe, start: WeightTensor[], epochs: number, seed: number, reuseFirstOrder: boolean): Float32Array[] {
    const net = new DenseNetwork(recipe, start);
    const opt = new RmsProp(net.weights.map((w) => w.length), HOUSING_COURSE_CONFIG.learningRate);
    const shuffle = createRng(deriveSeed(seed, 1));
    const dropout = createRng(deriveSeed(seed, 2));
    const y = new Float32Array(32);
    const dOut = new Float32Array(32);
    let first: Int32Array | null = null;
    for (let e = 0; e < epochs; e++) {
      const fresh = shuffle.permutation(15480);
      const order = reuseFirstOrder && first ? first : fresh;
      first ??= fresh;
      for (const [s, end] of batchRanges(15480, 32)) {
        const n = net.loadRows(data.train.x, order, s, end);
        for (let r = 0; r < n; r++) y[r] = data.train.y[order[s + r]];
        meanSquaredError(net.forward(n, dropout), y, n, 1, dOut);
        net.backward(dOut, n);
        opt.step(net.weights, net.grads);
      }
    }
    return net.weights;
  }

  it('two epochs of train() equal a replay with a new permutation per epoch, not one reusing the first', async () => {
    const recipe = housingRecipe(8);
    const start = initialWeights(recipe, 11);
    const { weights } = await train(recipe, data.train, { ...HOUSING_COURSE_CONFIG, epochs: 2, seed: 11 }, {}, { initialWeights: start });
    const maxDiff = (ws: Float32Array[]) => Math.max(...ws.map((w, t) => Math.max(...w.map((v, i) => Math.abs(v - weights[t].values[i])))));
    expect(maxDiff(replay(recipe, start, 2, 11, false))).toBeLessThan(1e-6);
    expect(maxDiff(replay(recipe, start, 2, 11, true))).toBeGreaterThan(1e-4);
  });
});

describe('model.evaluate(x, y)', () => {
  it('MSE and MAE on all rows and on the validation rows, beside the mean-price baseline', () => {
    const y = Float32Array.from([1, 2, 3, 4]);
    const e = evaluateRegression(Float32Array.from([1, 2, 5, 3]), y, 0.25);
    expect(e.trainRows).toBe(3);
    expect(e.all).toEqual({ rows: 4, mse: (0 + 0 + 4 + 1) / 4, rmse: Math.sqrt(5 / 4), mae: 3 / 4 });
    expect(e.validation).toEqual({ rows: 1, mse: 1, rmse: 1, mae: 1 });
    expect(e.baselineValue).toBe(2);
    expect(e.baseline.all.mse).toBe((1 + 0 + 1 + 4) / 4);
    expect(e.baseline.validation!.mae).toBe(2);
    expect(evaluateRegression(Float32Array.from([1, 2]), Float32Array.from([1, 2]), 0).validation).toBeNull();
  });
});

/** numpy: sklearn's features from the CSV, StandardScaler by hand, the exported weights, a plain forward pass. */
const NUMPY_EVALUATE = `
import json, sys
import numpy as np
d = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
c = d[:, [8, 7, 2, 3, 4, 5, 6, 1, 0]]
y = c[:, 0] / 100000.0
X = c[:, 1:].copy()
X[:, 2] /= X[:, 5]; X[:, 3] /= X[:, 5]; X[:, 5] = X[:, 4] / X[:, 5]
x = ((X - X.mean(axis=0)) / X.std(axis=0)).astype(np.float32)
m = json.load(open(sys.argv[2]))
W = {l["name"]: {w["name"]: np.array(w["values"], dtype=np.float32) for w in l["weights"]} for l in m["layers"]}
h = np.maximum(x @ W["dense"]["kernel"] + W["dense"]["bias"], 0)
h = np.maximum(h @ W["dense_1"]["kernel"] + W["dense_1"]["bias"], 0)
p = (h @ W["dense_2"]["kernel"] + W["dense_2"]["bias"])[:, 0].astype(np.float64)
v = slice(15480, None)
print(json.dumps({"mse": float(np.mean((p - y) ** 2)), "mae": float(np.mean(np.abs(p - y))),
  "val_mse": float(np.mean((p[v] - y[v]) ** 2)), "val_mae": float(np.mean(np.abs(p[v] - y[v]))),
  "base_val_mse": float(np.mean((y[:15480].mean() - y[v]) ** 2))}))
`;

describe.skipIf(!HAVE_CSV)(`evaluate against numpy${CSV_FIX.skipNote}`, () => {
  it("equals a numpy forward pass of the exported weights (model JSON) on all 20,640 rows", async () => {
    const recipe = housingRecipe();
    const { weights } = await train(recipe, data.train, { ...HOUSING_COURSE_CONFIG, epochs: 2, seed: 3 });
    const ours = evaluateRegression(predictAll(recipe, weights, data.train), data.train.y, 0.25);
    const tmp = tempDir();
    try {
      const file = writeFile(tmp.dir, 'model.json', modelJsonText(layersFromWeights(weights as WeightTensor[]), 'housing'));
      const py = JSON.parse(runPython(tmp.dir, NUMPY_EVALUATE, [CSV, file]));
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
      expect(rel(ours.all.mse, py.mse)).toBeLessThan(2e-5);
      expect(rel(ours.all.mae, py.mae)).toBeLessThan(2e-5);
      expect(rel(ours.validation!.mse, py.val_mse)).toBeLessThan(2e-5);
      expect(rel(ours.validation!.mae, py.val_mae)).toBeLessThan(2e-5);
      expect(rel(ours.baseline.validation!.mse, py.base_val_mse)).toBeLessThan(1e-6);
      expect(ours.all.mse).toBeLessThan(ours.baseline.all.mse);
    } finally {
      tmp.cleanup();
    }
  });
});
