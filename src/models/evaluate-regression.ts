/**
 * `model.evaluate(x, y)` for a regression: mean squared error (the loss, in the target's units
 * squared, as Keras prints it) and mean absolute error, on all rows (what the course calls) and on
 * the validation rows alone, beside the baseline that always predicts the mean target of the
 * training rows. Plain arithmetic on Float32Array predictions; sums in float64.
 */
import { predictRows } from './train/forward';
import { splitRows } from './train/split';
import type { Dataset, Recipe, WeightTensor } from './types';
import { modelsTrain } from '../i18n/messages/models-train';

export interface ErrorStats {
  rows: number;
  /** mean((pred - y)^2), target units squared (Keras' loss value). */
  mse: number;
  /** sqrt(mse), target units. */
  rmse: number;
  /** mean(|pred - y|), target units. */
  mae: number;
}

export interface RegressionEvaluation {
  /** Rows 0 .. n-1: what `model.evaluate(x, y)` reports in the course. */
  all: ErrorStats;
  /** The last rows, held out by validation_split; null without a split. */
  validation: ErrorStats | null;
  /** Always predicting `baselineValue`. */
  baseline: { all: ErrorStats; validation: ErrorStats | null };
  /** The mean target over the training rows (the first 1 - validation_split of them). */
  baselineValue: number;
  trainRows: number;
}

/** Errors of `pred` against `y` over rows [start, end); pred may be a constant. */
export function errorStats(pred: ArrayLike<number> | number, y: ArrayLike<number>, start = 0, end = y.length): ErrorStats {
  const n = end - start;
  if (!(n > 0)) throw new Error('errorStats needs at least one row.');
  let sq = 0;
  let abs = 0;
  for (let r = start; r < end; r++) {
    const d = (typeof pred === 'number' ? pred : pred[r]) - y[r];
    sq += d * d;
    abs += Math.abs(d);
  }
  const mse = sq / n;
  return { rows: n, mse, rmse: Math.sqrt(mse), mae: abs / n };
}

/** Evaluation of predictions for every row (one output per row), with the course's split. */
export function evaluateRegression(pred: ArrayLike<number>, y: ArrayLike<number>, validationSplit: number): RegressionEvaluation {
  if (pred.length !== y.length) throw new Error(`${pred.length} predictions for ${y.length} rows.`);
  const { trainRows, valRows } = splitRows(y.length, validationSplit);
  let sum = 0;
  for (let r = 0; r < trainRows; r++) sum += y[r];
  const baselineValue = sum / trainRows;
  const n = y.length;
  return {
    all: errorStats(pred, y),
    validation: valRows > 0 ? errorStats(pred, y, trainRows, n) : null,
    baseline: {
      all: errorStats(baselineValue, y),
      validation: valRows > 0 ? errorStats(baselineValue, y, trainRows, n) : null,
    },
    baselineValue,
    trainRows,
  };
}

/** The model's prediction for every row of a (scaled) data set, as a flat array. */
export function predictAll(recipe: Recipe, weights: WeightTensor[], data: Dataset): Float32Array {
  const out = predictRows(recipe, weights, data.x, data.rows);
  if (out.length !== data.rows) throw new Error(modelsTrain.evaluate.regressionOutputs(out.length / data.rows));
  return out;
}
