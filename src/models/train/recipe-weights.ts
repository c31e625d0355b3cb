/**
 * A recipe's weights without tfjs: their Keras names and shapes, and Keras' initial values for a
 * seed. Kept free of tfjs so the training worker stays small.
 */
import { createRng } from '../random';
import { glorotUniform, zeros } from '../init';
import type { LayerSpec, Recipe, WeightTensor } from '../types';
import { convOutputShape, convWeightSpecs, hasConvLayers, initialConvWeights, poolOutputShape } from './cnn/spec';
import { modelsTrain } from '../../i18n/messages/models-train';

/** Name and shape of every weight array, in Keras' order (per Dense: kernel, then bias). */
export function weightSpecs(recipe: Recipe): { layer: string; name: string; shape: number[] }[] {
  if (hasConvLayers(recipe)) return convWeightSpecs(recipe).map(({ layer, name, shape }) => ({ layer, name, shape }));
  const specs: { layer: string; name: string; shape: number[] }[] = [];
  layerShapes(recipe).forEach(({ layer, inShape }) => {
    if (layer.className !== 'Dense') return;
    specs.push({ layer: layer.name, name: 'kernel', shape: [inShape[0], layer.units] });
    specs.push({ layer: layer.name, name: 'bias', shape: [layer.units] });
  });
  return specs;
}

/**
 * Each layer with the shape it receives and the shape it hands on (without the batch axis).
 * Flatten reshapes to one axis; Dense needs a one-axis input here (Keras would apply it to the
 * last axis of a longer shape, which these recipes do not use).
 */
export function layerShapes(recipe: Recipe): { layer: LayerSpec; inShape: number[]; outShape: number[] }[] {
  checkInputShape(recipe.inputShape);
  let shape = [...recipe.inputShape];
  return recipe.layers.map((layer) => {
    const inShape = shape;
    if (layer.className === 'Flatten') shape = [product(shape)];
    else if (layer.className === 'Conv2D') shape = convOutputShape(shape, layer);
    else if (layer.className === 'MaxPooling2D') shape = poolOutputShape(shape, layer);
    else if (layer.className === 'Dense') {
      if (shape.length !== 1) {
        throw new Error(modelsTrain.recipe.denseNeedsFlat(layer.name, shape.join(', ')));
      }
      shape = [layer.units];
    }
    return { layer, inShape, outShape: shape };
  });
}

function checkInputShape(shape: number[]): void {
  if (shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(modelsTrain.recipe.inputShape(shape.join(', ')));
  }
}

function product(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The number of values in one input row: the product of the input shape (4 for Iris, 784 for MNIST). */
export function inputWidth(recipe: Recipe): number {
  checkInputShape(recipe.inputShape);
  return product(recipe.inputShape);
}

/** Keras' initial weights for a seed: glorot_uniform kernels, zero biases, layer by layer. */
export function initialWeights(recipe: Recipe, seed: number): WeightTensor[] {
  const rng = createRng(seed);
  if (hasConvLayers(recipe)) return initialConvWeights(recipe, rng);
  return weightSpecs(recipe).map((s) => ({
    ...s,
    values: s.name === 'kernel' ? glorotUniform(s.shape[0], s.shape[1], rng) : zeros(s.shape[0]),
  }));
}
