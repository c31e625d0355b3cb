/**
 * `train`: Keras' `fit` semantics on either engine. validation_split takes the last rows before
 * any shuffling; the training rows are shuffled every epoch with a seeded generator; batches of
 * `batchSize` (the last one smaller); each epoch logs loss (mean over the epoch's batches weighted
 * by batch size, as Keras' progress bar does), accuracy, and val_loss / val_accuracy computed after
 * the epoch with its final weights. The loop yields to the event loop every few milliseconds so a
 * page (or a worker receiving "stop") stays responsive. Same seed + same engine = identical weights.
 * Stopping (hooks.shouldStop) returns the weights of the last completed epoch.
 */
import type { Dataset, EngineKind, EpochLog, Recipe, TrainConfig, TrainHooks, TrainResult, WeightTensor } from '../types';
import { createRng, deriveSeed } from '../random';
import { initialWeights } from './recipe-weights';
import { batchRanges, splitRows } from './split';
import { checkTrainingInputs } from './checks';
import { compileOps } from './network';
import { FastEngine } from './fast-engine';
import { CnnEngine } from './cnn/cnn-engine';
import { hasConvLayers } from './cnn/spec';
import type { TrainEngine } from './engine';
import { yieldToEventLoop } from './yield';
import { loadKernels } from './wasm/kernels';
import { SnapshotKeeper, type HistoryLimits } from './weight-history';

/** Work at most this long between two turns of the event loop. */
const SLICE_MS = 8;

export interface TrainOptions {
  /** Force an engine (tests, comparisons); default: chooseEngine(recipe). */
  engine?: EngineKind;
  /** Start from these weights instead of the seed's glorot_uniform draw. */
  initialWeights?: WeightTensor[];
  /** Keep the weights' history (epoch 0 and the epochs after it, within a memory budget: see weight-history.ts). */
  keepWeights?: boolean | HistoryLimits;
}

/** The plain-TypeScript engine runs every Dense/Activation/Dropout stack; anything else goes to tfjs. */
export function chooseEngine(recipe: Recipe): EngineKind {
  const lossOk = recipe.loss === 'sparse_categorical_crossentropy' || recipe.loss === 'mean_squared_error';
  if (hasConvLayers(recipe)) return lossOk ? 'cnn' : 'tfjs';
  try {
    compileOps(recipe);
    return recipe.loss === 'sparse_categorical_crossentropy' || recipe.loss === 'mean_squared_error' ? 'fast' : 'tfjs';
  } catch {
    return 'tfjs';
  }
}

/**
 * Makes the engine. The tfjs engine is loaded on demand, so a worker that only runs the fast
 * engine never loads tfjs (it starts in milliseconds instead of parsing tfjs first).
 */
export async function createEngine(
  kind: EngineKind,
  recipe: Recipe,
  data: Dataset,
  weights: WeightTensor[],
  config: TrainConfig,
): Promise<TrainEngine> {
  const dropoutRng = createRng(deriveSeed(config.seed, 2));
  if (kind === 'fast') await loadKernels();
  if (kind === 'fast') return new FastEngine(recipe, data, weights, config.learningRate, dropoutRng, config.batchSize);
  if (kind === 'cnn') {
    await loadKernels();
    return new CnnEngine(recipe, data, weights, config.learningRate, dropoutRng, config.batchSize);
  }
  const { TfjsEngine } = await import('./tfjs-engine');
  return new TfjsEngine(recipe, data, weights, config.learningRate, dropoutRng);
}

export async function train(
  recipe: Recipe,
  data: Dataset,
  config: TrainConfig,
  hooks: TrainHooks = {},
  options: TrainOptions = {},
): Promise<TrainResult> {
  checkTrainingInputs(recipe, data, config);
  const t0 = performance.now();
  const { trainRows, valRows } = splitRows(data.rows, config.validationSplit);
  const batches = batchRanges(trainRows, config.batchSize);
  const classify = recipe.loss === 'sparse_categorical_crossentropy';
  const shuffleRng = createRng(deriveSeed(config.seed, 1));
  const startWeights = options.initialWeights ?? initialWeights(recipe, config.seed);
  const engine = await createEngine(options.engine ?? chooseEngine(recipe), recipe, data, startWeights, config);
  /** The weights at the end of the last completed epoch: what a stop mid-epoch returns. */
  let lastEpochWeights: WeightTensor[] = startWeights.map((w) => ({ ...w, values: new Float32Array(w.values) }));
  const keeper = options.keepWeights
    ? new SnapshotKeeper(config.epochs, lastEpochWeights, options.keepWeights === true ? {} : options.keepWeights)
    : null;
  const history: EpochLog[] = [];
  let stopped = false;
  let sliceStart = performance.now();
  try {
    for (let epoch = 0; epoch < config.epochs && !stopped; epoch++) {
      const order = shuffleRng.permutation(trainRows);
      let lossSum = 0;
      let correct = 0;
      for (const [start, end] of batches) {
        const b = engine.step(order, start, end);
        lossSum += b.loss * (end - start);
        correct += b.correct;
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
          if (hooks.shouldStop?.()) {
            stopped = true;
            break;
          }
        }
      }
      if (stopped) break;
      const log: EpochLog = { epoch, loss: lossSum / trainRows };
      if (classify) log.accuracy = correct / trainRows;
      if (valRows > 0) {
        const v = engine.evaluate(trainRows, data.rows);
        log.val_loss = v.loss;
        if (classify) log.val_accuracy = v.correct / valRows;
      }
      history.push(log);
      if (hooks.onEpoch || hooks.shouldStop || keeper) lastEpochWeights = engine.weights();
      keeper?.add(epoch + 1, lastEpochWeights);
      hooks.onEpoch?.(log, lastEpochWeights);
      if (epoch < config.epochs - 1 && hooks.shouldStop?.()) stopped = true;
    }
    // A stop mid-epoch drops that epoch's partial updates, so the weights always belong to the
    // last logged epoch (as with Keras' stop_training, which ends at an epoch boundary).
    const weights = stopped ? lastEpochWeights : engine.weights();
    const snapshots = keeper?.result();
    return { weights, history, stopped, engine: engine.label, ms: performance.now() - t0, ...(snapshots ? { snapshots } : {}) };
  } finally {
    engine.dispose();
  }
}
