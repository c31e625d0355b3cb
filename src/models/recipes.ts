/**
 * The course models as Keras defines them, and the bridge from a recipe to tfjs: build the
 * Sequential with Keras' own layer names, draw Keras' initial weights from a seed, read weights back.
 */
import { tf, tfl, type LayersModel } from './tf';
import { inputWidth } from './train/recipe-weights';
import type { ActivationName, LayerSpec, Recipe, TrainConfig, WeightTensor } from './types';

// The tfjs-free parts live beside the training code, so the training worker never loads tfjs.
export { initialWeights, inputWidth, weightSpecs } from './train/recipe-weights';

/** The course's Iris network: Dense(8) -> relu -> Dense(3) -> softmax, Keras' default names. */
export function irisRecipe(hiddenUnits = 8): Recipe {
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1) {
    throw new Error(`The hidden layer needs a whole number of units (at least 1), got ${hiddenUnits}.`);
  }
  const layers: LayerSpec[] = [
    { className: 'Dense', name: 'dense', units: hiddenUnits },
    { className: 'Activation', name: 'activation', activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 3 },
    { className: 'Activation', name: 'activation_1', activation: 'softmax' },
  ];
  const recipe: Recipe = {
    id: 'iris',
    title: 'Iris (course)',
    inputShape: [4],
    layers,
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    python: '',
  };
  recipe.python = recipePython(recipe, IRIS_COURSE_CONFIG);
  return recipe;
}

/** The course's fit settings for Iris: model.fit(X, y, epochs=300, validation_split=0.1). */
export const IRIS_COURSE_CONFIG: Readonly<TrainConfig> = {
  epochs: 300,
  learningRate: 0.001,
  batchSize: 32,
  validationSplit: 0.1,
  seed: 1,
};

function pythonLayer(spec: LayerSpec): string {
  switch (spec.className) {
    case 'Dense':
      return spec.activation && spec.activation !== 'linear'
        ? `layers.Dense(${spec.units}, activation="${spec.activation}")`
        : `layers.Dense(${spec.units})`;
    case 'Activation':
      return `layers.Activation("${spec.activation}")`;
    case 'Dropout':
      return `layers.Dropout(${spec.rate})`;
    case 'Flatten':
      return 'layers.Flatten()';
    case 'Rescaling':
      return spec.offset ? `layers.Rescaling(${spec.scale}, offset=${spec.offset})` : `layers.Rescaling(${spec.scale})`;
  }
}

/** The Keras code a recipe mirrors (Keras 3 style). */
export function recipePython(recipe: Recipe, config?: TrainConfig): string {
  const lines = [
    'import keras',
    'from keras import layers',
    '',
    'model = keras.Sequential([',
    `    keras.Input(shape=(${recipe.inputShape.join(', ')},)),`,
    ...recipe.layers.map((l) => `    ${pythonLayer(l)},`),
    '])',
    `model.compile(loss="${recipe.loss}", metrics=["accuracy"])`,
  ];
  if (config) {
    const split = config.validationSplit > 0 ? `, validation_split=${config.validationSplit}` : '';
    const batch = config.batchSize !== 32 ? `, batch_size=${config.batchSize}` : '';
    lines.push(`history = model.fit(X, y, epochs=${config.epochs}${batch}${split})`);
  }
  return lines.join('\n');
}

function tfjsActivation(a: ActivationName | undefined): 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax' {
  return a ?? 'linear';
}

/** The tfjs Sequential for a recipe, with Keras' layer names; sets `weights` when given. */
export function buildModel(recipe: Recipe, weights?: WeightTensor[]): LayersModel {
  const inputShape = [inputWidth(recipe)];
  const layers = recipe.layers.map((l, i) => {
    const first = i === 0 ? { inputShape } : {};
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
    }
  });
  const model = tfl.sequential({ layers, name: recipe.id });
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
