/** The maths behind the regression views: the shared axis domain, the point nearest a click, residual bins, and the trace's weights as the engine's. */
import { describe, expect, it } from 'vitest';
import { clamp, linear, nearestPoint, residualBins, scatterDomain, shortDollars } from '../../src/viz/regression/geometry';
import { rowOf, weightsFromTrace, createRegressionCache } from '../../src/viz/regression/predictions';
import { housingRecipe } from '../../src/models/courses/housing';
import { buildModel, initialWeights } from '../../src/models/recipes';
import { createTracer } from '../../src/inspector/trace';
import type { Dataset } from '../../src/models/types';

describe('regression geometry', () => {
  it('the domain covers 0 .. cap and the values, but not far-out outliers', () => {
    expect(scatterDomain([1, 2], [1, 3], 5)[0]).toBe(0);
    expect(scatterDomain([1, 2], [1, 3], 5)[1]).toBeCloseTo(5.15, 6);
    const [lo, hi] = scatterDomain([-100, 2, 300], [1, 3, 2], 5);
    expect(lo).toBeGreaterThan(-2.5);
    expect(hi).toBeLessThan(7.5);
    expect(clamp(9, 0, 5)).toBe(5);
  });

  it('finds the nearest point within the radius, else none', () => {
    const sx = linear([0, 10], 0, 100);
    const sy = linear([0, 10], 100, 0);
    const pred = [1, 5, 9];
    const actual = [1, 5, 2];
    expect(nearestPoint(11, 89, pred, actual, sx, sy)).toBe(0);
    expect(nearestPoint(50, 50, pred, actual, sx, sy)).toBe(1);
    expect(nearestPoint(20, 10, pred, actual, sx, sy)).toBe(2);
    expect(nearestPoint(90, 90, pred, actual, sx, sy)).toBeNull();
  });

  it('bins residuals with open outer bins and counts every finite one', () => {
    const bins = residualBins([0, 1, 2, 10, NaN], [0, 0.5, 0, 0, 0], 1, 3);
    expect(bins).toHaveLength(8);
    expect(bins[0]).toEqual({ lo: -Infinity, hi: -3, count: 0 });
    expect(bins[4]).toEqual({ lo: 0, hi: 1, count: 2 });
    expect(bins[6].count).toBe(1);
    expect(bins[7]).toEqual({ lo: 3, hi: Infinity, count: 1 });
    expect(shortDollars(-250_000)).toBe('-$250k');
    expect(shortDollars(0)).toBe('$0');
  });

  it('reads the engine weights from the trace and predicts every row with them; finds the row an input is', () => {
    const recipe = housingRecipe();
    const weights = initialWeights(recipe, 5);
    const model = buildModel(recipe, weights);
    const x = Float32Array.from({ length: 24 }, (_, i) => (i % 7) / 3 - 1);
    const ds: Dataset = { id: 'h', title: 'h', x, y: new Float32Array(3), rows: 3, features: 8, featureNames: [], task: 'regression', classNames: [] };
    const tracer = createTracer(model); // one tracer per model, as the app keeps it
    const trace = tracer(Array.from(x.subarray(8, 16)));
    const fromTrace = weightsFromTrace(trace);
    expect(fromTrace.map((w) => `${w.layer}/${w.name}`)).toEqual(weights.map((w) => `${w.layer}/${w.name}`));
    fromTrace.forEach((w, i) => expect(Array.from(w.values)).toEqual(Array.from(weights[i].values)));
    const cache = createRegressionCache();
    const a = cache(recipe, trace, ds, 1 / 3);
    expect(a.predictions[1]).toBeCloseTo(trace.values[trace.values.length - 1].values[0], 5);
    expect(cache(recipe, tracer(Array.from(x.subarray(0, 8))), ds, 1 / 3)).toBe(a);
    expect(rowOf(ds, Array.from(x.subarray(16, 24)), null)).toBe(2);
    expect(rowOf(ds, [9, 9, 9, 9, 9, 9, 9, 9], 1)).toBeNull();
    model.dispose();
  });
});
