/**
 * The fast engine's losses against numbers that do not come from its own code: Keras' documented
 * examples, values worked out by hand (written as literals), and central finite differences for
 * the gradients.
 */
import { describe, expect, it } from 'vitest';
import { countCorrect, meanSquaredError, sparseCategoricalCrossentropy, sparseCategoricalCrossentropyRow } from '../../src/models/train/losses';

type Loss = (out: Float32Array, y: ArrayLike<number>, n: number, k: number, grad: Float32Array | null) => number;

/** d(loss)/d(out) by central differences (float64 steps on a float32 copy), independent of the code's gradient. */
function numericGrad(loss: Loss, out: number[], y: ArrayLike<number>, n: number, k: number, h = 1e-3): number[] {
  return out.map((_, i) => {
    const plus = Float32Array.from(out);
    const minus = Float32Array.from(out);
    plus[i] += h;
    minus[i] -= h;
    return (loss(plus, y, n, k, null) - loss(minus, y, n, k, null)) / (Math.fround(out[i] + h) - Math.fround(out[i] - h));
  });
}

function expectGradient(loss: Loss, out: number[], y: number[], n: number, k: number): void {
  const grad = new Float32Array(n * k);
  loss(Float32Array.from(out), y, n, k, grad);
  const num = numericGrad(loss, out, y, n, k);
  num.forEach((g, i) => expect(Math.abs(grad[i] - g), `d/dout[${i}]: ${grad[i]} vs ${g}`).toBeLessThan(2e-3 * Math.max(1, Math.abs(g))));
}

describe('sparse_categorical_crossentropy', () => {
  it("gives Keras' documented numbers: y_true [1, 2], y_pred [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] -> [0.0513, 2.303]", () => {
    const p = Float32Array.of(0.05, 0.95, 0, 0.1, 0.8, 0.1);
    expect(sparseCategoricalCrossentropy(p.subarray(0, 3), [1], 1, 3, null)).toBeCloseTo(0.0513, 4);
    expect(sparseCategoricalCrossentropy(p.subarray(3, 6), [2], 1, 3, null)).toBeCloseTo(2.303, 3);
    expect(sparseCategoricalCrossentropy(p, [1, 2], 2, 3, null)).toBeCloseTo((0.051293294 + 2.302585093) / 2, 6);
  });

  it('one row at a time (what evaluate uses) gives the same numbers', () => {
    const p = Float32Array.of(0.05, 0.95, 0, 0.9, 0.8, 0.3);
    expect(sparseCategoricalCrossentropyRow(p, 0, 3, 1)).toBeCloseTo(0.0513, 4);
    expect(sparseCategoricalCrossentropyRow(p, 3, 3, 0)).toBeCloseTo(0.7985077, 6);
    expect(sparseCategoricalCrossentropyRow(p, 0, 3, 2)).toBeCloseTo(16.118096, 5);
  });

  it('clips at 1e-7: a probability of 0 at the label costs -log(1e-7) = 16.118 and gives no gradient', () => {
    const grad = new Float32Array(3);
    expect(sparseCategoricalCrossentropy(Float32Array.of(0, 0.5, 0.5), [0], 1, 3, grad)).toBeCloseTo(16.118096, 5);
    expect(Array.from(grad)).toEqual([0, 0, 0]);
  });

  it('renormalises an output that is not a softmax, as Keras 3 does (output / sum(output), then clip)', () => {
    // Sigmoid outputs 0.9, 0.8, 0.3 (sum 2.0): Keras computes -log(0.9 / 2.0) = -log(0.45), not -log(0.9).
    expect(sparseCategoricalCrossentropy(Float32Array.of(0.9, 0.8, 0.3), [0], 1, 3, null)).toBeCloseTo(0.7985077, 6);
    // Linear outputs 2, -1, 1 (sum 2): label 0 -> 2 / 2 = 1, clipped to 1 - 1e-7; label 1 -> -0.5, clipped to 1e-7.
    expect(sparseCategoricalCrossentropy(Float32Array.of(2, -1, 1), [0], 1, 3, null)).toBeCloseTo(1e-7, 7);
    expect(sparseCategoricalCrossentropy(Float32Array.of(2, -1, 1), [1], 1, 3, null)).toBeCloseTo(16.118096, 5);
    // Two sigmoid rows: mean of -log(0.2 / 0.5) = 0.9162907 and -log(0.6 / 1.5) = 0.9162907.
    expect(sparseCategoricalCrossentropy(Float32Array.of(0.1, 0.2, 0.2, 0.6, 0.3, 0.6), [1, 0], 2, 3, null)).toBeCloseTo(0.9162907, 6);
  });

  it('its gradient matches finite differences, on softmax rows and on rows that do not sum to 1', () => {
    expectGradient(sparseCategoricalCrossentropy, [0.7, 0.2, 0.1, 0.3, 0.3, 0.4], [0, 2], 2, 3);
    expectGradient(sparseCategoricalCrossentropy, [0.9, 0.8, 0.3, 0.2, 0.6, 0.7, 0.5, 0.5, 0.1], [0, 1, 2], 3, 3);
  });
});

describe('mean_squared_error', () => {
  it("gives Keras' documented number: y_true [[0, 1], [0, 0]], y_pred [[1, 1], [1, 0]] -> 0.5", () => {
    expect(meanSquaredError(Float32Array.of(1, 1, 1, 0), [0, 1, 0, 0], 2, 2, null)).toBe(0.5);
  });

  it('is the mean over rows and outputs: (1.5 - 1)^2 and (-2 - 1)^2 -> (0.25 + 9) / 2 = 4.625', () => {
    expect(meanSquaredError(Float32Array.of(1.5, -2), [1, 1], 2, 1, null)).toBe(4.625);
  });

  it('its gradient matches finite differences', () => {
    expectGradient(meanSquaredError, [1.5, -2, 0.3, 4], [1, 1, 0, 2], 2, 2);
  });
});

it('countCorrect counts rows whose largest output is the label, the first one on ties', () => {
  expect(countCorrect(Float32Array.of(0.1, 0.7, 0.2, 0.5, 0.5, 0, 0.2, 0.3, 0.5), [1, 0, 0], 3, 3)).toBe(2);
});

describe('sparse_categorical_crossentropy after a softmax', () => {
  it('leaves out the renormalisation (rows already sum to 1): -log(clip(p[label])), gradient only at the label', () => {
    const probs = Float32Array.from([0.7, 0.2, 0.1, 0.05, 0.05, 0.9]);
    const labels = [0, 2];
    const grad = new Float32Array(6);
    const loss = sparseCategoricalCrossentropy(probs, labels, 2, 3, grad, true);
    expect(loss).toBeCloseTo((-Math.log(Math.fround(0.7)) - Math.log(Math.fround(0.9))) / 2, 12);
    expect(Array.from(grad)).toEqual([-1 / (2 * Math.fround(0.7)), 0, 0, 0, 0, -1 / (2 * Math.fround(0.9))].map(Math.fround));
    // The same numbers as the renormalising path, up to float rounding.
    expect(sparseCategoricalCrossentropy(probs, labels, 2, 3, null, false)).toBeCloseTo(loss, 6);
  });
});
