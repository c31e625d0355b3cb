/** Inference with the plain-TypeScript network: outputs of every op for many rows at once. */
import type { Dataset, Recipe, WeightTensor } from '../types';
import { DenseNetwork, type RowData } from './network';

/** Rows per forward pass: bounds the buffers (MNIST's 60,000 x 784 inputs are never copied at once). */
const CHUNK_ROWS = 1024;

/** The model's output for every row of `x` (rows x outputs, row-major), no dropout. */
export function predictRows(recipe: Recipe, weights: WeightTensor[], x: RowData, rows: number): Float32Array {
  const net = new DenseNetwork(recipe, weights);
  const out = new Float32Array(rows * net.outWidth);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const end = Math.min(rows, start + CHUNK_ROWS);
    net.loadRange(x, start, end);
    out.set(net.forward(end - start, null).subarray(0, (end - start) * net.outWidth), start * net.outWidth);
  }
  return out;
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
  const found: { layer: string; units: number; op: number; values: Float32Array }[] = [];
  net.ops.forEach((op, i) => {
    const next = net.ops[i + 1];
    if (op.kind !== 'dense' || next?.kind !== 'activation' || next.fn !== 'relu') return;
    found.push({ layer: recipe.layers[op.layer].name, units: op.outWidth, op: i + 1, values: new Float32Array(data.rows * op.outWidth) });
  });
  for (let start = 0; start < data.rows; start += CHUNK_ROWS) {
    const end = Math.min(data.rows, start + CHUNK_ROWS);
    net.loadRange(data.x, start, end);
    net.forward(end - start, null);
    for (const f of found) f.values.set(net.outputOf(f.op).subarray(0, (end - start) * f.units), start * f.units);
  }
  return found.map(({ layer, units, values }) => ({ layer, units, values }));
}
