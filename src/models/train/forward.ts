/** Inference with the plain-TypeScript network: outputs of every op for many rows at once. */
import type { Dataset, Recipe, WeightTensor } from '../types';
import { DenseNetwork } from './network';

/** The model's output for every row of `x` (rows x outputs, row-major), no dropout. */
export function predictRows(recipe: Recipe, weights: WeightTensor[], x: Float32Array, rows: number): Float32Array {
  const net = new DenseNetwork(recipe, weights);
  net.loadRange(x, 0, rows);
  return new Float32Array(net.forward(rows, null).subarray(0, rows * net.outWidth));
}

/**
 * For each Dense layer followed by ReLU (its own activation, or an Activation("relu") layer right
 * after it): the ReLU output for every row of the data set (rows x units, row-major), no dropout.
 */
export function reluOutputs(
  recipe: Recipe,
  weights: WeightTensor[],
  data: Dataset,
): { layer: string; units: number; values: Float32Array }[] {
  const net = new DenseNetwork(recipe, weights);
  net.loadRange(data.x, 0, data.rows);
  net.forward(data.rows, null);
  const found: { layer: string; units: number; values: Float32Array }[] = [];
  net.ops.forEach((op, i) => {
    const next = net.ops[i + 1];
    if (op.kind !== 'dense' || next?.kind !== 'activation' || next.fn !== 'relu') return;
    found.push({ layer: recipe.layers[op.layer].name, units: op.outWidth, values: net.outputOf(i + 1).slice(0, data.rows * op.outWidth) });
  });
  return found;
}
