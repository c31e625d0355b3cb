/**
 * Dropout in both modes (inference = identity; a seeded training pass with 1/(1-rate)), and the
 * fast engine's gradients for the housing network (MSE + Dropout) against tf.variableGrads with
 * the same dropout masks.
 */
import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { createRng } from '../../src/models/random';
import { housingRecipe } from '../../src/models/courses/housing';
import { buildModel, initialWeights } from '../../src/models/recipes';
import { DenseNetwork } from '../../src/models/train/network';
import { meanSquaredError } from '../../src/models/train/losses';
import { traceModel } from '../../src/inspector/trace';
import { checkDropoutTraining, dropoutTrainingPass } from '../../src/inspector/layers/dropout';
import type { Recipe } from '../../src/models/types';

const values = (n: number, seed = 5) => {
  const r = createRng(seed);
  return Float32Array.from({ length: n }, () => r.uniformIn(-2, 2));
};

describe('Dropout at inference', () => {
  it('passes values through in the trace of the housing model, checked by the reference', () => {
    const recipe = housingRecipe();
    const model = buildModel(recipe, initialWeights(recipe, 1));
    const trace = traceModel(model, [8.3252, 41, 6.98, 1.02, 322, 2.56, 37.88, -122.23], { mean: new Array(8).fill(1), scale: new Array(8).fill(2) });
    const drop = trace.steps.filter((s) => s.className === 'Dropout');
    expect(drop).toHaveLength(2);
    for (const s of drop) {
      expect(Array.from(s.output.values)).toEqual(Array.from(s.inputs[0].values));
      expect(s.maxAbsDiff).toBe(0);
    }
    expect(trace.values[trace.values.length - 1].shape).toEqual([1, 1]);
    model.dispose();
  });
});

describe('Dropout in training mode', () => {
  const x = { shape: [1, 16], values: values(16) };

  it('draws the same mask from the same seed, another from another seed', () => {
    const a = dropoutTrainingPass(x, 0.1, 42);
    expect(dropoutTrainingPass(x, 0.1, 42).kept).toEqual(a.kept);
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => dropoutTrainingPass(x, 0.5, s).kept.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('zeroes the dropped values and multiplies the kept ones by 1/(1 - rate)', () => {
    const p = dropoutTrainingPass(x, 0.5, 9);
    expect(p.scale).toBe(2);
    p.kept.forEach((k, i) => expect(Math.abs(p.output[i])).toBe(k ? Math.abs(Math.fround(x.values[i] * 2)) : 0));
    expect(p.keptCount).toBe(p.kept.filter(Boolean).length);
    expect(p.keptCount).toBeGreaterThan(0);
    expect(p.keptCount).toBeLessThan(16);
    expect(checkDropoutTraining(p)).toBeLessThan(1e-6);
    const broken = { ...p, output: p.output.map((v, i) => (i === p.kept.indexOf(true) ? v / 2 : v)) };
    expect(checkDropoutTraining(broken)).toBeGreaterThan(0.01);
  });

  it('drops about `rate` of many values; rate 0 keeps all', () => {
    const big = { shape: [1, 20000], values: values(20000) };
    const p = dropoutTrainingPass(big, 0.1, 3);
    expect(1 - p.keptCount / 20000).toBeGreaterThan(0.09);
    expect(1 - p.keptCount / 20000).toBeLessThan(0.11);
    expect(dropoutTrainingPass(big, 0, 3).keptCount).toBe(20000);
    expect(() => dropoutTrainingPass(big, 1, 3)).toThrow(/rate/);
  });

  it("is the training engine's dropout: the same mask and values for the same seed", () => {
    const recipe: Recipe = { id: 'd', title: 'd', inputShape: [16], layers: [{ className: 'Dropout', name: 'dropout', rate: 0.3 }], loss: 'mean_squared_error', metrics: [], python: '' };
    const net = new DenseNetwork(recipe, []);
    net.loadRange(x.values, 0, 1);
    const engine = net.forward(1, createRng(77));
    const ours = dropoutTrainingPass(x, 0.3, 77);
    expect(Array.from(engine.subarray(0, 16))).toEqual(Array.from(ours.output));
  });

  it("matches tfjs' own Dropout layer in training mode: each value is 0 or x / (1 - rate)", () => {
    const layer = tfl.layers.dropout({ rate: 0.25 });
    const input = values(4000, 11);
    const out = tf.tidy(() => (layer.apply(tf.tensor2d(input, [1, 4000]), { training: true }) as tf.Tensor).dataSync());
    let zeros = 0;
    out.forEach((v, i) => {
      if (v === 0) zeros++;
      else expect(Math.abs(v - input[i] / 0.75)).toBeLessThan(1e-5);
    });
    expect(zeros / 4000).toBeGreaterThan(0.2);
    expect(zeros / 4000).toBeLessThan(0.3);
  });
});

describe("the fast engine's gradients for MSE + Dropout (the housing network)", () => {
  it('equal tf.variableGrads on the same batch with the same masks', () => {
    const recipe = housingRecipe(16);
    const weights = initialWeights(recipe, 4);
    const n = 32;
    const xb = values(n * 8, 21);
    const yb = values(n, 22).map((v) => v + 2);
    const net = new DenseNetwork(recipe, weights);
    net.loadRange(xb, 0, n);
    const out = net.forward(n, createRng(99));
    const dOut = new Float32Array(n);
    const loss = meanSquaredError(out, yb, n, 1, dOut);
    net.backward(dOut, n);

    // The same masks, drawn in the engine's order: each Dropout layer, row-major over the batch.
    const rng = createRng(99);
    const masks = [0, 1].map(() => Float32Array.from({ length: n * 16 }, () => (rng.uniform() >= 0.1 ? Math.fround(1 / 0.9) : 0)));
    const vars = weights.map((w) => tf.variable(tf.tensor(w.values, w.shape)));
    const { value, grads } = tf.variableGrads(() => {
      const x = tf.tensor2d(xb, [n, 8]);
      let h = tf.relu(tf.add(tf.matMul(x, vars[0]), vars[1]));
      h = tf.mul(h, tf.tensor2d(masks[0], [n, 16]));
      h = tf.relu(tf.add(tf.matMul(h, vars[2]), vars[3]));
      h = tf.mul(h, tf.tensor2d(masks[1], [n, 16]));
      const o = tf.add(tf.matMul(h, vars[4]), vars[5]);
      return tf.mean(tf.square(tf.sub(o, tf.tensor2d(yb, [n, 1])))) as tf.Scalar;
    }, vars);
    expect(Math.abs(value.dataSync()[0] - loss) / loss).toBeLessThan(1e-5);
    vars.forEach((v, t) => {
      const g = grads[v.name].dataSync();
      let scale = 0;
      let diff = 0;
      for (let i = 0; i < g.length; i++) {
        scale = Math.max(scale, Math.abs(g[i]));
        diff = Math.max(diff, Math.abs(g[i] - net.grads[t][i]));
      }
      expect(scale).toBeGreaterThan(0);
      expect(diff / scale).toBeLessThan(1e-4);
    });
    // Without the masks (inference) the gradients differ: the masks matter.
    tf.dispose([value, ...Object.values(grads), ...vars]);
  });
});
