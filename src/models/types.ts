/** Shared data types of the models layer: data sets, recipes, training, weights, model bundles. */
import type { LayersModel } from './tf';

export type ActivationName = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax';

/**
 * A table of examples: row-major features and one target per row. Images keep their raw bytes
 * (Uint8Array, 0..255: MNIST's 60,000 x 784 pixels are 47 MB instead of 188 MB as float32);
 * `inputShape` then gives one row's shape, e.g. [28, 28] (row-major, so a row is `features` values).
 */
export interface Dataset {
  id: string;
  title: string;
  /** rows x features, row-major. */
  x: Float32Array | Uint8Array;
  /** One row's shape without the batch axis; [features] when absent. Its product is `features`. */
  inputShape?: number[];
  /** Class index per row (classification) or target value (regression). */
  y: Int32Array | Float32Array;
  rows: number;
  features: number;
  /** Human names with units, e.g. "sepal length (cm)". */
  featureNames: string[];
  task: 'classification' | 'regression';
  /** Class names in index order; empty for regression. */
  classNames: string[];
}

/** One Keras layer of a Sequential recipe. */
export type LayerSpec =
  | { className: 'Dense'; name: string; units: number; activation?: ActivationName }
  | { className: 'Activation'; name: string; activation: ActivationName }
  | { className: 'Dropout'; name: string; rate: number }
  /** Reshapes to one axis, row by row (C order), as Keras' Flatten. No weights. */
  | { className: 'Flatten'; name: string }
  /** Keras' Rescaling: x * scale + offset, elementwise. No weights. */
  | { className: 'Rescaling'; name: string; scale: number; offset: number }
  /** Keras' Conv2D on channels_last images; defaults: strides 1, padding "valid", a bias. */
  | {
      className: 'Conv2D';
      name: string;
      filters: number;
      kernelSize: [number, number];
      strides?: [number, number];
      padding?: 'valid' | 'same';
      activation?: ActivationName;
      useBias?: boolean;
    }
  /** Keras' MaxPooling2D; defaults: pool (2, 2), strides = pool, padding "valid". */
  | { className: 'MaxPooling2D'; name: string; poolSize?: [number, number]; strides?: [number, number]; padding?: 'valid' | 'same' }
  /** Keras' BatchNormalization over the last axis; defaults: momentum 0.99, epsilon 1e-3, center and scale. */
  | { className: 'BatchNormalization'; name: string; momentum?: number; epsilon?: number; center?: boolean; scale?: boolean };

export type LossName = 'sparse_categorical_crossentropy' | 'mean_squared_error';

/** A course model as Keras would define it: `Sequential([...])` + `compile(...)`. */
export interface Recipe {
  id: string;
  title: string;
  /** Without the batch dimension, e.g. [4] or [28, 28]. */
  inputShape: number[];
  /** How the Keras code builds it: `keras.Sequential([...])` (default) or the functional API. */
  api?: 'sequential' | 'functional';
  layers: LayerSpec[];
  loss: LossName;
  metrics: 'accuracy'[];
  /** The Keras code the recipe mirrors, for display. */
  python: string;
}

export interface TrainConfig {
  epochs: number;
  learningRate: number;
  batchSize: number;
  /** Fraction of rows held out for validation: the LAST rows, taken before any shuffling. */
  validationSplit: number;
  /** Seeds weight initialisation, the per-epoch shuffle and dropout masks. */
  seed: number;
}

/** What Keras' History records for one epoch. */
export interface EpochLog {
  epoch: number;
  loss: number;
  accuracy?: number;
  val_loss?: number;
  val_accuracy?: number;
}

/** One weight array of one layer, as Keras names it: layer "dense", name "kernel". */
export interface WeightTensor {
  layer: string;
  name: string;
  shape: number[];
  values: Float32Array;
}

/** StandardScaler parameters: scaled = (raw - mean) / scale. */
export interface Scaler {
  mean: number[];
  scale: number[];
}

/** What the app knows about a model beyond its layers. */
export interface ModelInfo {
  /** Display name, e.g. "Iris (course)" or a file name. */
  title: string;
  /** One per input feature; generic names ("x0", ...) when unknown. */
  featureNames: string[];
  /** Class names for a classifier's output units; null when unknown or regression. */
  classNames: string[] | null;
  /** Preprocessing applied to the raw input before values_0; null when none. */
  scaler: Scaler | null;
  /** The training data's range per feature (raw units), for sliders and extrapolation warnings. */
  featureRanges: { min: number; max: number }[] | null;
  /** A model file's training settings as stored (Keras 3 `compile_config`, legacy .h5 `training_config`); absent when none. */
  trainingConfig?: unknown;
  /**
   * How the model's training pictures were resized, when known: 'bilinear' for a model trained here
   * on a folder (as image_dataset_from_directory does). A photo input starts with it.
   */
  resize?: 'nearest' | 'bilinear';
}

/** A runnable model plus what the app knows about it. */
export interface ModelBundle {
  model: LayersModel;
  info: ModelInfo;
}

/** Which training engine runs a recipe: the plain-TypeScript float32 engine or tfjs ops. */
export type EngineKind = 'fast' | 'cnn' | 'tfjs';

/** What `train` hands back. Stopping early keeps the weights reached so far. */
export interface TrainResult {
  weights: WeightTensor[];
  /** One entry per completed epoch. */
  history: EpochLog[];
  /** True when `shouldStop` ended the run before the last epoch. */
  stopped: boolean;
  /** Human label of the engine that ran, e.g. "Layer Lens float32 engine (plain TypeScript)". */
  engine: string;
  /** Wall-clock training time in milliseconds. */
  ms: number;
  /** The weights' history (train's `keepWeights` option): epoch 0 and the epochs kept after it. */
  snapshots?: WeightSnapshots;
}

/** Weights kept during a run: `weights[i]` are the weights after epoch `epochs[i]` (0 = initial). */
export interface WeightSnapshots {
  /** Ascending epochs, from 0 to the last completed one. */
  epochs: number[];
  weights: WeightTensor[][];
  /** The epochs the run was asked for. */
  totalEpochs: number;
  /** Bytes of weights kept (float32). */
  bytes: number;
}

/** Callbacks of a training run. `weights` is a snapshot taken after the epoch. */
export interface TrainHooks {
  onEpoch?(log: EpochLog, weights?: WeightTensor[]): void;
  shouldStop?(): boolean;
}
