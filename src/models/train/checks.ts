/** Clear messages for a recipe, data set or config that cannot train, before any work starts. */
import type { Dataset, Recipe, TrainConfig } from '../types';
import { inputWidth } from './recipe-weights';
import { modelsTrain } from '../../i18n/messages/models-train';

export function checkTrainingInputs(recipe: Recipe, data: Dataset, config: TrainConfig): void {
  const t = modelsTrain.checks;
  const width = inputWidth(recipe);
  if (data.features !== width) {
    throw new Error(t.inputFeatures(width, data.title, data.features));
  }
  if (data.x.length !== data.rows * data.features || data.y.length !== data.rows) {
    throw new Error(t.malformed(data.title, data.rows, data.x.length / data.features, data.y.length));
  }
  // Bytes (image pixels) are always finite numbers; float features may hold NaN for a missing value.
  for (let i = 0; data.x instanceof Float32Array && i < data.x.length; i++) {
    if (!Number.isFinite(data.x[i])) {
      throw new Error(t.missingValue(Math.floor(i / data.features), data.title, data.featureNames[i % data.features] ?? t.feature(i % data.features)));
    }
  }
  const dense = recipe.layers.filter((l) => l.className === 'Dense');
  const lastDense = dense[dense.length - 1];
  const outUnits = lastDense && lastDense.className === 'Dense' ? lastDense.units : width;
  if (recipe.loss === 'sparse_categorical_crossentropy') {
    if (data.task !== 'classification') {
      throw new Error(t.needsClasses);
    }
    for (let r = 0; r < data.rows; r++) {
      const c = data.y[r];
      if (!Number.isInteger(c) || c < 0 || c >= outUnits) {
        throw new Error(t.classOutOfRange(r, c, outUnits));
      }
    }
  } else {
    if (outUnits !== 1) throw new Error(t.mseOneUnit(outUnits));
    for (let r = 0; r < data.rows; r++) {
      if (!Number.isFinite(data.y[r])) throw new Error(t.missingTarget(r));
    }
  }
  const { epochs, learningRate, batchSize, seed } = config;
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(t.epochs(epochs));
  if (!(learningRate > 0 && Number.isFinite(learningRate))) throw new Error(t.learningRate(learningRate));
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(t.batchSize(batchSize));
  if (!Number.isFinite(seed)) throw new Error(t.seed(seed));
  for (const l of recipe.layers) {
    if (l.className === 'Dropout' && !(l.rate >= 0 && l.rate < 1)) {
      throw new Error(t.dropoutRate(l.name, l.rate));
    }
  }
}
