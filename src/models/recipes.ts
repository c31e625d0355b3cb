/**
 * The course models as Keras defines them, and the bridge from a recipe to tfjs: build the
 * Sequential (or functional model) with Keras' own layer names, draw Keras' initial weights from a seed, read weights back.
 */
import { tf, tfl, type Layer, type LayersModel } from './tf';
import { layerShapes } from './train/recipe-weights';
import type { ActivationName, LayerSpec, Recipe, TrainConfig, WeightTensor } from './types';

// The tfjs-free parts live beside the training code, so the training worker never loads tfjs.
export { initialWeights, inputWidth, layerShapes, weightSpecs } from './train/recipe-weights';

/** The course's Iris network: Dense(8) -> relu -> Dense(3) -> softmax, Keras' default names. */
export function irisRecipe(hiddenUnits = 8, config: TrainConfig = IRIS_COURSE_CONFIG): Recipe {
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
  recipe.python = recipePython(recipe, config);
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

/** The course's fit settings for MNIST: model.fit(x_train, y_train, epochs=15, validation_split=0.1). */
export const MNIST_COURSE_CONFIG: Readonly<TrainConfig> = {
  epochs: 15,
  learningRate: 0.001,
  batchSize: 32,
  validationSplit: 0.1,
  seed: 1,
};

/** The course's MNIST models: Sequential, the same in the functional API, and with Rescaling(1/255). */
export type MnistVariant = 'sequential' | 'functional' | 'rescaling';

/**
 * The course's MNIST network: [Rescaling(1/255)] -> Flatten -> Dense(hidden, relu) ->
 * Dense(10, softmax) on 28 x 28 inputs, Keras' default layer names. 'sequential' and 'functional'
 * are the same model written two ways (raw pixels 0..255, as the course first trains it);
 * 'rescaling' is the Sequential with Rescaling(1/255) as its first layer.
 */
export function mnistRecipe(variant: MnistVariant = 'sequential', hiddenUnits = 128, config: TrainConfig = MNIST_COURSE_CONFIG): Recipe {
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1) {
    throw new Error(`The hidden layer needs a whole number of units (at least 1), got ${hiddenUnits}.`);
  }
  const layers: LayerSpec[] = [
    ...(variant === 'rescaling' ? [{ className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 } as const] : []),
    { className: 'Flatten', name: 'flatten' },
    { className: 'Dense', name: 'dense', units: hiddenUnits, activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 10, activation: 'softmax' },
  ];
  const titles: Record<MnistVariant, string> = {
    sequential: 'MNIST, Sequential (raw pixels)',
    functional: 'MNIST, functional API (raw pixels)',
    rescaling: 'MNIST, Sequential with Rescaling(1/255)',
  };
  const recipe: Recipe = {
    id: `mnist-${variant}`,
    title: titles[variant],
    inputShape: [28, 28],
    api: variant === 'functional' ? 'functional' : 'sequential',
    layers,
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    python: '',
  };
  recipe.python = recipePython(recipe, config, { x: 'x_train', y: 'y_train' });
  return recipe;
}

/** A Python number as the course writes it: 1/255 for a reciprocal of a whole number. */
function pythonNumber(v: number): string {
  if (v !== 0 && Math.abs(v) < 1) {
    const inv = 1 / v;
    if (Math.abs(inv - Math.round(inv)) < 1e-9) return `1/${Math.round(inv)}`;
  }
  return String(v);
}

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
      return spec.offset
        ? `layers.Rescaling(${pythonNumber(spec.scale)}, offset=${pythonNumber(spec.offset)})`
        : `layers.Rescaling(${pythonNumber(spec.scale)})`;
  }
}

/** A shape as a Python tuple: (4,) or (28, 28). */
function pythonShape(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The Keras code a recipe mirrors (Keras 3 style): `keras.Sequential([...])`, or for
 * `api: 'functional'` `inputs = keras.Input(...)`, each layer called on the previous output, and
 * `keras.Model(inputs, outputs)`. `data` names the arrays fit is called with (default X, y).
 */
export function recipePython(recipe: Recipe, config?: TrainConfig, data: { x: string; y: string } = { x: 'X', y: 'y' }): string {
  const lines = ['import keras', 'from keras import layers', ''];
  if (recipe.api === 'functional') {
    lines.push(`inputs = keras.Input(shape=${pythonShape(recipe.inputShape)})`);
    recipe.layers.forEach((l, i) => {
      const from = i === 0 ? 'inputs' : 'x';
      const to = i === recipe.layers.length - 1 ? 'outputs' : 'x';
      lines.push(`${to} = ${pythonLayer(l)}(${from})`);
    });
    if (recipe.layers.length === 0) lines.push('outputs = inputs');
    lines.push('model = keras.Model(inputs, outputs)');
  } else {
    lines.push(
      'model = keras.Sequential([',
      `    keras.Input(shape=${pythonShape(recipe.inputShape)}),`,
      ...recipe.layers.map((l) => `    ${pythonLayer(l)},`),
      '])',
    );
  }
  lines.push(`model.compile(${optimizerArg(config)}loss="${recipe.loss}", metrics=["accuracy"])`);
  if (config) {
    const split = config.validationSplit > 0 ? `, validation_split=${config.validationSplit}` : '';
    const batch = config.batchSize !== 32 ? `, batch_size=${config.batchSize}` : '';
    lines.push(`history = model.fit(${data.x}, ${data.y}, epochs=${config.epochs}${batch}${split})`);
  }
  return lines.join('\n');
}

/** `optimizer=keras.optimizers.RMSprop(learning_rate=...), ` when the rate is not RMSprop's default 0.001. */
export function optimizerArg(config?: TrainConfig): string {
  return config && config.learningRate !== 0.001 ? `optimizer=keras.optimizers.RMSprop(learning_rate=${config.learningRate}), ` : '';
}

/**
 * Course code with `keras.utils.set_random_seed(seed)` before the model is built (after the
 * imports and any data preparation), as a learner reproducing a run writes it.
 */
export function withSeedLine(python: string, seed: number): string {
  const lines = python.split('\n');
  let at = lines.findIndex((l) => /^(model|inputs) = /.test(l));
  if (at < 0) at = lines.length;
  const seedLines = [`keras.utils.set_random_seed(${seed})`];
  if (at > 0 && lines[at - 1] !== '') seedLines.unshift('');
  return [...lines.slice(0, at), ...seedLines, ...lines.slice(at)].join('\n');
}

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
