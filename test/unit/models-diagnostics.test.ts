import { describe, expect, it } from 'vitest';
import { loadIris } from '../../src/models/iris';
import { initialWeights, irisRecipe, IRIS_COURSE_CONFIG } from '../../src/models/recipes';
import { diagnose, validationMix } from '../../src/models/diagnostics';
import { train } from '../../src/models/train/train';
import type { Recipe } from '../../src/models/types';

const iris = loadIris();
const recipe = irisRecipe();

/** Makes hidden unit `u` of a [inputs, units] kernel fire for every flower (all measurements > 0). */
function alwaysFires(kernel: Float32Array, units: number, u: number) {
  for (let i = u; i < kernel.length; i += units) kernel[i] = 0.1;
}

/** Seed 1's start with `deadUnits` hidden units switched off by a large negative bias, the others
 * firing for every flower but disconnected from the output, whose bias favours virginica. */
function deadNetwork(deadUnits: number) {
  const w = initialWeights(recipe, 1);
  for (let u = 0; u < 8; u++) {
    if (u < deadUnits) w[1].values[u] = -100;
    else alwaysFires(w[0].values, 8, u);
  }
  w[2].values.fill(0);
  w[3].values.set([0, 0, 1]);
  return w;
}

describe('diagnose', () => {
  it('finds the dead units and says the run is stuck, in plain words', () => {
    const d = diagnose(recipe, deadNetwork(6), iris);
    expect(d.deadUnits).toEqual([{ layer: 'dense', units: 8, dead: [0, 1, 2, 3, 4, 5] }]);
    expect(d.predictedCounts).toEqual([0, 0, 150]);
    expect(d.accuracy).toBeCloseTo(1 / 3, 10);
    expect(d.stuck).toBe(true);
    expect(d.singleClass).toBe('virginica');
    expect(d.message).toMatch(
      /^All 150 flowers are predicted as virginica: 6 of 8 hidden units never fire \(their ReLU output is 0 for every flower\)/,
    );
    expect(d.message).toContain('accuracy 33.3 %');
    expect(d.message).toMatch(/Retrain with a new seed\.$/);
  });

  it('counts every unit when the whole hidden layer is dead', () => {
    const d = diagnose(recipe, deadNetwork(8), iris);
    expect(d.deadUnits[0].dead).toHaveLength(8);
    expect(d.message).toContain('8 of 8 hidden units never fire');
  });

  it('says a trained network is fine, and counts its hidden units that never fire', async () => {
    const res = await train(recipe, iris, IRIS_COURSE_CONFIG);
    const d = diagnose(recipe, res.weights, iris);
    expect(d.stuck).toBe(false);
    expect(d.singleClass).toBeNull();
    expect(d.accuracy).toBeGreaterThan(0.9);
    expect(d.predictedCounts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(d.message).toMatch(/^\d+ of 150 flowers \(\d+\.\d %\) are classified correctly\./);
    expect(d.message).not.toContain('Retrain');
    expect(d.message).not.toContain('new seed');
    // Seed 1's course run ends with some hidden units that never fire: the message must count them.
    const dead = d.deadUnits[0].dead.length;
    expect(dead).toBeGreaterThan(0);
    expect(d.message).toContain(`${dead} of 8 hidden units never fire`);
  });

  it('checks ReLU inside a Dense layer too, and reports per layer when there are several', () => {
    const twoLayers: Recipe = {
      ...recipe,
      layers: [
        { className: 'Dense', name: 'dense', units: 4, activation: 'relu' },
        { className: 'Dense', name: 'dense_1', units: 4 },
        { className: 'Activation', name: 'activation', activation: 'relu' },
        { className: 'Dense', name: 'dense_2', units: 3, activation: 'softmax' },
      ],
    };
    const w = initialWeights(twoLayers, 2);
    w[1].values.set([-100, 0, -100, 0]);
    alwaysFires(w[0].values, 4, 1);
    alwaysFires(w[0].values, 4, 3);
    w[3].values.fill(-100);
    const d = diagnose(twoLayers, w, iris);
    expect(d.deadUnits.map((u) => [u.layer, u.dead])).toEqual([
      ['dense', [0, 2]],
      ['dense_1', [0, 1, 2, 3]],
    ]);
    expect(d.message).toContain('2 of 4 units of layer dense and 4 of 4 units of layer dense_1 never fire');
  });
});

it('hints at retraining when a run is weak but not stuck (seed 118 ends near 67%)', async () => {
  const res = await train(recipe, iris, { ...IRIS_COURSE_CONFIG, seed: 118 });
  const d = diagnose(recipe, res.weights, iris);
  expect(d.stuck).toBe(false);
  expect(d.accuracy).toBeLessThan(0.9);
  expect(d.message).toContain('a run with a new seed may well do better');
});

describe('validationMix', () => {
  it("shows that Iris' last 15 rows are all virginica", () => {
    const mix = validationMix(iris, 0.1);
    expect(mix.trainRows).toBe(135);
    expect(mix.valRows).toBe(15);
    expect(mix.valCounts).toEqual([0, 0, 15]);
    expect(mix.trainCounts).toEqual([50, 50, 35]);
    expect(mix.singleClass).toBe('virginica');
    expect(mix.message).toMatch(/^The last 15 rows, all virginica, are held out for validation/);
    expect(mix.message).toContain('50 setosa, 50 versicolor and 35 virginica');
  });

  it('lists the mix when the validation rows hold several classes', () => {
    const mix = validationMix(iris, 0.4);
    expect(mix.valCounts).toEqual([0, 10, 50]);
    expect(mix.singleClass).toBeNull();
    expect(mix.message).toBe('The last 60 rows are held out for validation: 10 versicolor and 50 virginica. Training sees 50 setosa and 40 versicolor.');
  });

  it('says so when nothing is held out', () => {
    expect(validationMix(iris, 0).message).toBe('No rows are held out for validation (validation_split is 0).');
  });
});
