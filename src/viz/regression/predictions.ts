/**
 * The course model's prediction for every row, for the regression views, computed with the
 * plain-TypeScript network from the weights the trace captured (no tfjs in the views). Cached by
 * the captured weight arrays, which the trace reuses while the weights stay the same.
 */
import type { Trace } from '../../inspector/types';
import type { Dataset, Recipe, WeightTensor } from '../../models/types';
import { evaluateRegression, predictAll, type RegressionEvaluation } from '../../models/evaluate-regression';

/** The trace's parameters as Keras-named weights ("dense"/"kernel", ...). */
export function weightsFromTrace(trace: Trace): WeightTensor[] {
  return trace.steps.flatMap((s) => s.params.map((p) => ({ layer: s.name, name: p.name, shape: [...p.shape], values: p.values })));
}

export interface RegressionResult {
  predictions: Float32Array;
  evaluation: RegressionEvaluation;
}

/** A cache of one result, recomputed only when the captured weights are other arrays. */
export function createRegressionCache(): (recipe: Recipe, trace: Trace, data: Dataset, validationSplit: number) => RegressionResult {
  let key: Float32Array[] = [];
  let result: RegressionResult | null = null;
  return (recipe, trace, data, validationSplit) => {
    const arrays = trace.steps.flatMap((s) => s.params.map((p) => p.values));
    if (result && arrays.length === key.length && arrays.every((a, i) => a === key[i])) return result;
    const predictions = predictAll(recipe, weightsFromTrace(trace), data);
    result = { predictions, evaluation: evaluateRegression(predictions, data.y, validationSplit) };
    key = arrays;
    return result;
  };
}

/** The data row whose raw features equal `input` (as float32): `hint` first, else the first such row; or null. */
export function rowOf(raw: Dataset, input: readonly number[], hint: number | null): number | null {
  const f = raw.features;
  if (input.length !== f) return null;
  const same = (r: number) => {
    for (let j = 0; j < f; j++) if (Math.abs(raw.x[r * f + j] - Math.fround(input[j])) > 1e-6 * Math.max(1, Math.abs(input[j]))) return false;
    return true;
  };
  if (hint !== null && hint >= 0 && hint < raw.rows && same(hint)) return hint;
  for (let r = 0; r < raw.rows; r++) if (same(r)) return r;
  return null;
}
