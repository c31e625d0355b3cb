import { describe, expect, it } from 'vitest';
import { irisCourse } from '../../src/models/courses/iris';
import { COURSES, DEFAULT_COURSE, findCourse, checkSetting } from '../../src/models/courses';
import { initialWeights, irisRecipe, IRIS_COURSE_CONFIG } from '../../src/models/recipes';
import { train } from '../../src/models/train';
import type { WeightTensor } from '../../src/models/types';

/** FNV-1a over the float32 bytes of every weight, in order: equal hashes = bit-identical weights. */
function hashWeights(ws: WeightTensor[]): string {
  let h = 0x811c9dc5;
  for (const w of ws) {
    const bytes = new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength);
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

describe('the Iris course module', () => {
  it('is the default course of the registry, found by its id', () => {
    expect(DEFAULT_COURSE).toBe(irisCourse);
    expect(findCourse('iris')).toBe(irisCourse);
    expect(findCourse('nope')).toBeNull();
    expect(new Set(COURSES.map((c) => c.id)).size).toBe(COURSES.length);
  });

  it("holds the course's settings: 300 epochs, RMSprop lr 0.001, batch 32, validation_split 0.1, Dense(8), seed 1", () => {
    expect(irisCourse.defaults).toEqual({ epochs: 300, learningRate: 0.001, hiddenUnits: 8, seed: 1 });
    expect(irisCourse.fit).toEqual({ epochs: 300, learningRate: 0.001, batchSize: 32, validationSplit: 0.1, seed: 1 });
    expect(irisCourse.settings.epochs.hint).toBe('course: 300');
    expect(irisCourse.settings.hiddenUnits.hint).toBe('course: 8');
    expect(irisCourse.weakAccuracy).toBe(0.9);
    expect(irisCourse.nouns).toEqual({ one: 'flower', many: 'flowers' });
  });

  it('checks settings against its limits', () => {
    expect(checkSetting(irisCourse, 'hiddenUnits', 16)).toBe(16);
    expect(checkSetting(irisCourse, 'hiddenUnits', 2.5)).toBeNull();
    expect(checkSetting(irisCourse, 'epochs', 0)).toBeNull();
    expect(checkSetting(irisCourse, 'learningRate', Number.NaN)).toBeNull();
  });

  it('loads the 150 rows, with the four features and three species, and no test set', async () => {
    const fractions: number[] = [];
    const data = await irisCourse.load((f) => fractions.push(f));
    expect(data.train.rows).toBe(150);
    expect(data.train.featureNames).toEqual(irisCourse.input.kind === 'table' ? irisCourse.input.featureNames : []);
    expect(data.test).toBeNull();
    expect(fractions.at(-1)).toBe(1);
    expect(irisCourse.output).toEqual({ kind: 'classes', classNames: ['setosa', 'versicolor', 'virginica'] });
  });

  it('offers the course flowers and one real flower per species as presets', async () => {
    const data = await irisCourse.load();
    if (irisCourse.input.kind !== 'table') throw new Error('Iris takes a table row');
    expect(irisCourse.input.initial).toEqual([5.3, 3.4, 1.9, 0.6]);
    const presets = irisCourse.input.presets(data);
    expect(presets.map((p) => p.label)).toEqual([
      'Course flower 1', 'Course flower 2', 'Course flower 3',
      'A setosa (row 0)', 'A versicolor (row 50)', 'A virginica (row 100)',
    ]);
    expect(presets[5].values).toEqual([6.3, 3.3, 6, 2.5]);
  });

  it('builds the same recipe as before, with the Keras code', () => {
    const r = irisCourse.recipes[0].build(8, irisCourse.fit);
    expect(r).toEqual(irisRecipe(8));
    expect(r.python).toContain('model.fit(X, y, epochs=300, validation_split=0.1)');
    expect(irisCourse.recipes[0].build(16, irisCourse.fit).layers[0]).toMatchObject({ units: 16 });
  });

  // Hashes recorded at aa16398 (before MNIST came in). The trained one changed with 66cfa40
  // (sparse CE renormalises p / sum(p) before clipping): mathematically the same after a softmax,
  // but not bit for bit, so Iris runs no longer reproduce the weights of before.
  it("keeps Iris' seeded weights bit-identical: initial and after 20 epochs", async () => {
    const recipe = irisCourse.recipes[0].build(irisCourse.defaults.hiddenUnits, irisCourse.fit);
    expect(hashWeights(initialWeights(recipe, 1))).toBe('2793c6a7');
    const data = await irisCourse.load();
    const run = await train(recipe, data.train, { ...IRIS_COURSE_CONFIG, epochs: 20, seed: 5 });
    expect(hashWeights(run.weights)).toBe('46263d6f');
  });
});
