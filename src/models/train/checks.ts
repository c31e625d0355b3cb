/** Clear messages for a recipe, data set or config that cannot train, before any work starts. */
import type { Dataset, Recipe, TrainConfig } from '../types';
import { inputWidth } from './recipe-weights';

export function checkTrainingInputs(recipe: Recipe, data: Dataset, config: TrainConfig): void {
  const width = inputWidth(recipe);
  if (data.features !== width) {
    throw new Error(`The model expects ${width} input features, the data set "${data.title}" has ${data.features}.`);
  }
  if (data.x.length !== data.rows * data.features || data.y.length !== data.rows) {
    throw new Error(`The data set "${data.title}" is malformed: ${data.rows} rows but ${data.x.length / data.features} feature rows and ${data.y.length} targets.`);
  }
  // Bytes (image pixels) are always finite numbers; float features may hold NaN for a missing value.
  for (let i = 0; data.x instanceof Float32Array && i < data.x.length; i++) {
    if (!Number.isFinite(data.x[i])) {
      throw new Error(`Row ${Math.floor(i / data.features)} of "${data.title}" has a missing or non-numeric value in ${data.featureNames[i % data.features] ?? `feature ${i % data.features}`}.`);
    }
  }
  const dense = recipe.layers.filter((l) => l.className === 'Dense');
  const lastDense = dense[dense.length - 1];
  const outUnits = lastDense && lastDense.className === 'Dense' ? lastDense.units : width;
  if (recipe.loss === 'sparse_categorical_crossentropy') {
    if (data.task !== 'classification') {
      throw new Error('sparse_categorical_crossentropy needs a classification data set (a class per row).');
    }
    for (let r = 0; r < data.rows; r++) {
      const c = data.y[r];
      if (!Number.isInteger(c) || c < 0 || c >= outUnits) {
        throw new Error(`Row ${r} has class ${c}, but the model's last layer has ${outUnits} units (classes 0 to ${outUnits - 1}).`);
      }
    }
  } else {
    if (outUnits !== 1) throw new Error(`mean_squared_error here needs one output unit; the model's last layer has ${outUnits}.`);
    for (let r = 0; r < data.rows; r++) {
      if (!Number.isFinite(data.y[r])) throw new Error(`Row ${r} has a missing or non-numeric target.`);
    }
  }
  const { epochs, learningRate, batchSize, seed } = config;
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`epochs must be a whole number of at least 1, got ${epochs}.`);
  if (!(learningRate > 0 && Number.isFinite(learningRate))) throw new Error(`The learning rate must be a positive number, got ${learningRate}.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch_size must be a whole number of at least 1, got ${batchSize}.`);
  if (!Number.isFinite(seed)) throw new Error(`The seed must be a number, got ${seed}.`);
  for (const l of recipe.layers) {
    if (l.className === 'Dropout' && !(l.rate >= 0 && l.rate < 1)) {
      throw new Error(`Dropout layer ${l.name} needs a rate of at least 0 and below 1, got ${l.rate}.`);
    }
  }
}
