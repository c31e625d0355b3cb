/**
 * The course models as Keras defines them (tfjs-free): the recipes, their fit settings and their
 * Keras code. Kept apart from the tfjs bridge in recipes.ts so the page can describe the courses
 * before tfjs has loaded (recipes.ts re-exports everything here).
 */
import type { LayerSpec, Recipe, TrainConfig } from './types';
import { modelsCourses } from '../i18n/messages/models-courses';
import { modelsTrain } from '../i18n/messages/models-train';

/** The course's Iris network: Dense(8) -> relu -> Dense(3) -> softmax, Keras' default names. */
export function irisRecipe(hiddenUnits = 8, config: TrainConfig = IRIS_COURSE_CONFIG): Recipe {
  if (!Number.isInteger(hiddenUnits) || hiddenUnits < 1) {
    throw new Error(modelsTrain.recipe.hiddenUnit(hiddenUnits));
  }
  const layers: LayerSpec[] = [
    { className: 'Dense', name: 'dense', units: hiddenUnits },
    { className: 'Activation', name: 'activation', activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 3 },
    { className: 'Activation', name: 'activation_1', activation: 'softmax' },
  ];
  const recipe: Recipe = {
    id: 'iris',
    title: modelsCourses.iris.recipeTitle,
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
    throw new Error(modelsTrain.recipe.hiddenUnit(hiddenUnits));
  }
  const layers: LayerSpec[] = [
    ...(variant === 'rescaling' ? [{ className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 } as const] : []),
    { className: 'Flatten', name: 'flatten' },
    { className: 'Dense', name: 'dense', units: hiddenUnits, activation: 'relu' },
    { className: 'Dense', name: 'dense_1', units: 10, activation: 'softmax' },
  ];
  const words = modelsCourses.mnist;
  const titles: Record<MnistVariant, string> = {
    sequential: words.recipeSequential,
    functional: words.recipeFunctional,
    rescaling: words.recipeRescaling,
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

/**
 * The course's image classifier, on MNIST: keras.io's "Simple MNIST convnet" with the course's
 * Rescaling(1/255) first: Conv2D(32, 3x3, relu) -> MaxPooling2D -> Conv2D(64, 3x3, relu) ->
 * MaxPooling2D -> Flatten -> Dropout(0.5) -> Dense(10, softmax), on 28 x 28 x 1 inputs.
 */
export function mnistCnnRecipe(config: TrainConfig = MNIST_COURSE_CONFIG): Recipe {
  const recipe: Recipe = {
    id: 'mnist-cnn',
    title: modelsCourses.mnist.recipeCnn,
    inputShape: [28, 28, 1],
    layers: [
      { className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 },
      { className: 'Conv2D', name: 'conv2d', filters: 32, kernelSize: [3, 3], activation: 'relu' },
      { className: 'MaxPooling2D', name: 'max_pooling2d' },
      { className: 'Conv2D', name: 'conv2d_1', filters: 64, kernelSize: [3, 3], activation: 'relu' },
      { className: 'MaxPooling2D', name: 'max_pooling2d_1' },
      { className: 'Flatten', name: 'flatten' },
      { className: 'Dropout', name: 'dropout', rate: 0.5 },
      { className: 'Dense', name: 'dense', units: 10, activation: 'softmax' },
    ],
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    python: '',
  };
  recipe.python = recipePython(recipe, config, { x: 'x_train', y: 'y_train' });
  return recipe;
}

/** The photo panel's defaults: image_dataset_from_directory's split and a short fit. */
export const PHOTO_DEFAULT_CONFIG: Readonly<TrainConfig> = {
  epochs: 5,
  learningRate: 0.001,
  batchSize: 32,
  validationSplit: 0.2,
  seed: 1337,
};

/**
 * The course's image classifier on the learner's own photos (a small keras.io "Image
 * classification from scratch"): Rescaling(1/255) -> Conv2D(16, 3x3, relu) -> MaxPooling2D ->
 * Conv2D(32, 3x3, relu) -> MaxPooling2D -> BatchNormalization -> Flatten -> Dropout(0.3) ->
 * Dense(classes, softmax) on height x width x 3 inputs. Its Keras code reads the folder with
 * `image_dataset_from_directory(..., subset="both")` and fits with `validation_data=val_ds`.
 */
export function photoCnnRecipe(height: number, width: number, classes: number, config: TrainConfig = PHOTO_DEFAULT_CONFIG, directory = 'photos'): Recipe {
  const t = modelsTrain.recipe;
  for (const [name, v] of [[t.height, height], [t.width, width]] as const) {
    // Two valid 3x3 convolutions and two 2x2 poolings need at least 10 pixels.
    if (!Number.isInteger(v) || v < 10) throw new Error(t.imageSide(name, v));
  }
  if (!Number.isInteger(classes) || classes < 2) throw new Error(t.classes(classes));
  const recipe: Recipe = {
    id: 'photo-cnn',
    title: modelsCourses.photos.recipeTitle,
    inputShape: [height, width, 3],
    layers: [
      { className: 'Rescaling', name: 'rescaling', scale: 1 / 255, offset: 0 },
      { className: 'Conv2D', name: 'conv2d', filters: 16, kernelSize: [3, 3], activation: 'relu' },
      { className: 'MaxPooling2D', name: 'max_pooling2d' },
      { className: 'Conv2D', name: 'conv2d_1', filters: 32, kernelSize: [3, 3], activation: 'relu' },
      { className: 'MaxPooling2D', name: 'max_pooling2d_1' },
      { className: 'BatchNormalization', name: 'batch_normalization' },
      { className: 'Flatten', name: 'flatten' },
      { className: 'Dropout', name: 'dropout', rate: 0.3 },
      { className: 'Dense', name: 'dense', units: classes, activation: 'softmax' },
    ],
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    python: '',
  };
  const dir = JSON.stringify(directory);
  const model = recipePython(recipe).split('\n');
  const compileAt = model.findIndex((l) => l.startsWith('model.compile('));
  model[compileAt] = `model.compile(${optimizerArg(config)}loss="${recipe.loss}", metrics=["accuracy"])`;
  recipe.python = [
    ...model.slice(0, 3),
    'train_ds, val_ds = keras.utils.image_dataset_from_directory(',
    `    ${dir}, validation_split=${config.validationSplit}, subset="both", seed=${config.seed}, image_size=(${height}, ${width}))`,
    '',
    ...model.slice(3),
    `history = model.fit(train_ds, epochs=${config.epochs}, validation_data=val_ds)`,
  ].join('\n');
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
    case 'Conv2D': {
      const args = [String(spec.filters), pythonPair(spec.kernelSize)];
      if (spec.strides && (spec.strides[0] !== 1 || spec.strides[1] !== 1)) args.push(`strides=${pythonPair(spec.strides)}`);
      if (spec.padding === 'same') args.push('padding="same"');
      if (spec.activation && spec.activation !== 'linear') args.push(`activation="${spec.activation}"`);
      if (spec.useBias === false) args.push('use_bias=False');
      return `layers.Conv2D(${args.join(', ')})`;
    }
    case 'MaxPooling2D': {
      const args: string[] = [];
      if (spec.poolSize && (spec.poolSize[0] !== 2 || spec.poolSize[1] !== 2)) args.push(`pool_size=${pythonPair(spec.poolSize)}`);
      if (spec.strides) args.push(`strides=${pythonPair(spec.strides)}`);
      if (spec.padding === 'same') args.push('padding="same"');
      return `layers.MaxPooling2D(${args.join(', ')})`;
    }
    case 'BatchNormalization': {
      const args: string[] = [];
      if (spec.momentum !== undefined && spec.momentum !== 0.99) args.push(`momentum=${spec.momentum}`);
      if (spec.epsilon !== undefined && spec.epsilon !== 0.001) args.push(`epsilon=${spec.epsilon}`);
      if (spec.center === false) args.push('center=False');
      if (spec.scale === false) args.push('scale=False');
      return `layers.BatchNormalization(${args.join(', ')})`;
    }
  }
}

/** (3, 3) as Keras code writes a pair. */
function pythonPair(p: [number, number]): string {
  return `(${p[0]}, ${p[1]})`;
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
