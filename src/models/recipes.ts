/**
 * The course models as Keras defines them, and the bridge from a recipe to tfjs: build the
 * Sequential (or functional model) with Keras' own layer names, draw Keras' initial weights from a seed, read weights back.
 */
import { tf, tfl, type Layer, type LayersModel } from './tf';
import { layerShapes } from './train/recipe-weights';
import type { ActivationName, LayerSpec, Recipe, WeightTensor } from './types';

// The tfjs-free parts live beside the training code, so the training worker never loads tfjs.
export { initialWeights, inputWidth, layerShapes, weightSpecs } from './train/recipe-weights';
// The recipes, their fit settings and Keras code live tfjs-free in recipe-specs.ts (the page
// describes the courses before tfjs has loaded).
export * from './recipe-specs';

function tfjsActivation(a: ActivationName | undefined): 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax' {
  return a ?? 'linear';
}

function tfjsLayer(l: LayerSpec, first: { inputShape?: number[] }): Layer {
  switch (l.className) {
    case 'Dense':
      return tfl.layers.dense({ units: l.units, activation: tfjsActivation(l.activation), name: l.name, ...first });
    case 'Activation':
      return tfl.layers.activation({ activation: l.activation, name: l.name, ...first });
    case 'Dropout':
      return tfl.layers.dropout({ rate: l.rate, name: l.name, ...first });
    case 'Flatten':
      return tfl.layers.flatten({ name: l.name, ...first });
    case 'Rescaling':
      return tfl.layers.rescaling({ scale: l.scale, offset: l.offset, name: l.name, ...first });
    case 'Conv2D':
      return tfl.layers.conv2d({
        filters: l.filters, kernelSize: l.kernelSize, strides: l.strides ?? [1, 1], padding: l.padding ?? 'valid',
        activation: tfjsActivation(l.activation), useBias: l.useBias ?? true, name: l.name, ...first,
      });
    case 'MaxPooling2D':
      return tfl.layers.maxPooling2d({ poolSize: l.poolSize ?? [2, 2], strides: l.strides, padding: l.padding ?? 'valid', name: l.name, ...first });
    case 'BatchNormalization':
      return tfl.layers.batchNormalization({ momentum: l.momentum, epsilon: l.epsilon, center: l.center, scale: l.scale, name: l.name, ...first });
  }
}

/**
 * The tfjs model for a recipe, with Keras' layer names; sets `weights` when given. Sequential
 * recipes give a tfjs Sequential; `api: 'functional'` gives a functional model
 * (`tfl.input` named "input_layer" as Keras 3 names it -> the layers applied in turn -> `tfl.model`).
 */
export function buildModel(recipe: Recipe, weights?: WeightTensor[]): LayersModel {
  layerShapes(recipe); // checks the shapes first, with a clear message
  const inputShape = [...recipe.inputShape];
  let model: LayersModel;
  if (recipe.api === 'functional') {
    const inputs = tfl.input({ shape: inputShape, name: 'input_layer' });
    let x = inputs;
    for (const l of recipe.layers) x = tfjsLayer(l, {}).apply(x) as typeof inputs;
    model = tfl.model({ inputs, outputs: x, name: recipe.id });
  } else {
    const layers = recipe.layers.map((l, i) => tfjsLayer(l, i === 0 ? { inputShape } : {}));
    model = tfl.sequential({ layers, name: recipe.id });
  }
  if (weights) setWeights(model, weights);
  return model;
}

/** Writes named weights into a model; every weight of the model must be given, with its shape. */
export function setWeights(model: LayersModel, weights: WeightTensor[]): void {
  const tensors = model.weights.map((v) => {
    const [layer, name] = splitName(v.originalName);
    const w = weights.find((t) => t.layer === layer && t.name === name);
    if (!w) throw new Error(`No weights given for ${layer}/${name}.`);
    if (w.shape.join('x') !== v.shape.join('x')) {
      throw new Error(`${layer}/${name} has shape [${v.shape.join(', ')}], the weights given have [${w.shape.join(', ')}].`);
    }
    return tf.tensor(w.values, w.shape, 'float32');
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** Copies every weight of a tfjs model out, named as Keras names them ("dense"/"kernel"). */
export function getWeights(model: LayersModel): WeightTensor[] {
  return model.weights.map((v) => {
    const [layer, name] = splitName(v.originalName);
    const t = v.read();
    return { layer, name, shape: [...v.shape] as number[], values: new Float32Array(t.dataSync() as Float32Array) };
  });
}

function splitName(originalName: string): [string, string] {
  const cut = originalName.lastIndexOf('/');
  return [originalName.slice(0, cut), originalName.slice(cut + 1)];
}
