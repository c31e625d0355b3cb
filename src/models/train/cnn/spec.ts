/**
 * Recipes with convolutions (Conv2D, MaxPooling2D, BatchNormalization, with Keras' defaults:
 * strides 1, padding "valid", bias; pool 2 with strides = pool; momentum 0.99, epsilon 1e-3,
 * center and scale): Keras' names, shapes and initial values of their weights.
 */

/** True when a recipe needs the convolution engine (and its weight layout). */
export function hasConvLayers(recipe: Pick<Recipe, 'layers'>): boolean {
  return recipe.layers.some((l) => l.className === 'Conv2D' || l.className === 'MaxPooling2D' || l.className === 'BatchNormalization');
}
import type { LayerSpec, Recipe } from '../../types';
import type { Rng } from '../../random';
import { modelsTrain } from '../../../i18n/messages/models-train';

/** Every recipe layer; the convolution engine runs all of them. */
export type ConvLayerSpec = LayerSpec;

/** A course model with convolutions: a Recipe whose layers may be any ConvLayerSpec. */
export type ConvRecipe = Recipe;

export interface ConvWeightSpec {
  layer: string;
  name: string;
  shape: number[];
  /** Moving statistics are not trained by the optimizer (Keras: non-trainable weights). */
  trainable: boolean;
  init: 'glorot_uniform' | 'zeros' | 'ones';
  /** glorot_uniform's fan_in and fan_out (Keras: receptive field x channels). */
  fans?: [number, number];
}

/** One row's shape [h, w, c]: a 2-D input (MNIST's 28 x 28) is one channel. */
export function imageShape(inputShape: number[]): number[] {
  return inputShape.length === 2 ? [...inputShape, 1] : [...inputShape];
}

/** Every weight of the recipe in Keras' order, with the shape each layer's input gives it. */
export function convWeightSpecs(recipe: ConvRecipe): ConvWeightSpec[] {
  const specs: ConvWeightSpec[] = [];
  let shape = imageShape(recipe.inputShape);
  for (const l of recipe.layers) {
    switch (l.className) {
      case 'Conv2D': {
        const [kh, kw] = l.kernelSize;
        const c = shape[2];
        specs.push({ layer: l.name, name: 'kernel', shape: [kh, kw, c, l.filters], trainable: true, init: 'glorot_uniform', fans: [kh * kw * c, kh * kw * l.filters] });
        if (l.useBias !== false) specs.push({ layer: l.name, name: 'bias', shape: [l.filters], trainable: true, init: 'zeros' });
        shape = convOutputShape(shape, l);
        break;
      }
      case 'MaxPooling2D':
        shape = poolOutputShape(shape, l);
        break;
      case 'BatchNormalization': {
        const c = shape[shape.length - 1];
        if (l.scale !== false) specs.push({ layer: l.name, name: 'gamma', shape: [c], trainable: true, init: 'ones' });
        if (l.center !== false) specs.push({ layer: l.name, name: 'beta', shape: [c], trainable: true, init: 'zeros' });
        specs.push({ layer: l.name, name: 'moving_mean', shape: [c], trainable: false, init: 'zeros' });
        specs.push({ layer: l.name, name: 'moving_variance', shape: [c], trainable: false, init: 'ones' });
        break;
      }
      case 'Flatten':
        shape = [shape.reduce((a, b) => a * b, 1)];
        break;
      case 'Dense': {
        const inW = shape[shape.length - 1];
        if (shape.length !== 1) throw new Error(modelsTrain.recipe.denseFlatInput(l.name));
        specs.push({ layer: l.name, name: 'kernel', shape: [inW, l.units], trainable: true, init: 'glorot_uniform', fans: [inW, l.units] });
        specs.push({ layer: l.name, name: 'bias', shape: [l.units], trainable: true, init: 'zeros' });
        shape = [l.units];
        break;
      }
      default:
        break; // Activation, Dropout, Rescaling keep the shape
    }
  }
  return specs;
}

function outSize(size: number, k: number, s: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / s) : Math.floor((size - k) / s) + 1;
}

export function convOutputShape(shape: number[], l: Extract<ConvLayerSpec, { className: 'Conv2D' }>): number[] {
  if (shape.length !== 3) throw new Error(modelsTrain.recipe.needsImage('Conv2D', l.name));
  const [sh, sw] = l.strides ?? [1, 1];
  const p = l.padding ?? 'valid';
  const h = outSize(shape[0], l.kernelSize[0], sh, p);
  const w = outSize(shape[1], l.kernelSize[1], sw, p);
  if (h < 1 || w < 1) throw new Error(modelsTrain.recipe.convWindow(l.name, l.kernelSize.join('x'), shape[0], shape[1]));
  return [h, w, l.filters];
}

export function poolOutputShape(shape: number[], l: Extract<ConvLayerSpec, { className: 'MaxPooling2D' }>): number[] {
  if (shape.length !== 3) throw new Error(modelsTrain.recipe.needsImage('MaxPooling2D', l.name));
  const pool = l.poolSize ?? [2, 2];
  const [sh, sw] = l.strides ?? pool;
  const p = l.padding ?? 'valid';
  const h = outSize(shape[0], pool[0], sh, p);
  const w = outSize(shape[1], pool[1], sw, p);
  if (h < 1 || w < 1) throw new Error(modelsTrain.recipe.poolWindow(l.name, shape[0], shape[1]));
  return [h, w, shape[2]];
}

/** Keras' initial values: glorot_uniform kernels (limit sqrt(6 / (fan_in + fan_out))), zeros, ones. */
export function initialConvWeights(recipe: ConvRecipe, rng: Rng): { layer: string; name: string; shape: number[]; values: Float32Array }[] {
  return convWeightSpecs(recipe).map((s) => {
    const size = s.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    if (s.init === 'ones') values.fill(1);
    if (s.init === 'glorot_uniform') {
      const [fanIn, fanOut] = s.fans as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < size; i++) values[i] = rng.uniformIn(-limit, limit);
    }
    return { layer: s.layer, name: s.name, shape: s.shape, values };
  });
}
