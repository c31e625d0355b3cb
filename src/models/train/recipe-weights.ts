/**
 * A recipe's weights without tfjs: their Keras names and shapes, and Keras' initial values for a
 * seed. Kept free of tfjs so the training worker stays small.
 */
import { createRng } from '../random';
import { glorotUniform, zeros } from '../init';
import type { Recipe, WeightTensor } from '../types';

/** Name and shape of every weight array, in Keras' order (per Dense: kernel, then bias). */
export function weightSpecs(recipe: Recipe): { layer: string; name: string; shape: number[] }[] {
  const specs: { layer: string; name: string; shape: number[] }[] = [];
  let width = inputWidth(recipe);
  for (const l of recipe.layers) {
    if (l.className !== 'Dense') continue;
    specs.push({ layer: l.name, name: 'kernel', shape: [width, l.units] });
    specs.push({ layer: l.name, name: 'bias', shape: [l.units] });
    width = l.units;
  }
  return specs;
}

/** The number of input features; recipes take flat vectors. */
export function inputWidth(recipe: Recipe): number {
  if (recipe.inputShape.length !== 1) {
    throw new Error(`Recipes take flat input vectors; this one has input shape [${recipe.inputShape.join(', ')}].`);
  }
  return recipe.inputShape[0];
}

/** Keras' initial weights for a seed: glorot_uniform kernels, zero biases, layer by layer. */
export function initialWeights(recipe: Recipe, seed: number): WeightTensor[] {
  const rng = createRng(seed);
  return weightSpecs(recipe).map((s) => ({
    ...s,
    values: s.name === 'kernel' ? glorotUniform(s.shape[0], s.shape[1], rng) : zeros(s.shape[0]),
  }));
}
