/**
 * Benchmark page: runs in headless Chromium from a production build (bench/run.mjs drives it).
 * Compares Layer Lens' training with plain `model.fit` on the cpu backend and on tfjs' default
 * backend, and counts tensors around 10,000 traces.
 */
import * as tfFull from '@tensorflow/tfjs';
import { tf } from '../src/models/tf';
import { loadIris } from '../src/models/iris';
import { irisRecipe, buildModel, initialWeights } from '../src/models/recipes';
import { train } from '../src/models/train';
import { startTraining } from '../src/models/train/client';
import { traceModel } from '../src/inspector/trace';
import type { TrainConfig } from '../src/models/types';

const COURSE: TrainConfig = { epochs: 300, learningRate: 0.001, batchSize: 32, validationSplit: 0.1, seed: 42 };

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function plainFit(backend: string): Promise<{ ms: number; backend: string; finalLoss: number }> {
  await tf.setBackend(backend);
  await tf.ready();
  const ds = loadIris();
  const recipe = irisRecipe();
  const model = buildModel(recipe, initialWeights(recipe, COURSE.seed));
  const optimizer = tf.train.rmsprop(COURSE.learningRate);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor2d(ds.x, [ds.rows, ds.features]);
  const y = tf.tensor1d(ds.y as Int32Array, 'float32');
  let finalLoss = NaN;
  const ms = await timeIt(async () => {
    const h = await model.fit(x, y, {
      epochs: COURSE.epochs,
      batchSize: COURSE.batchSize,
      validationSplit: COURSE.validationSplit,
      verbose: 0,
    });
    finalLoss = Number(h.history.loss.at(-1));
  });
  const used = tf.getBackend();
  x.dispose();
  y.dispose();
  model.dispose();
  optimizer.dispose();
  return { ms, backend: used, finalLoss };
}

/** The backend tfjs picks by itself on a fresh page: the registered one with the highest priority. */
function tfjsDefaultBackend(): string {
  const registry = tfFull.engine().registryFactory;
  return Object.entries(registry).sort((a, b) => b[1].priority - a[1].priority)[0][0];
}

const api = {
  defaultBackend: async () => tfjsDefaultBackend(),
  fitDefault: () => plainFit(tfjsDefaultBackend()),
  fitCpu: () => plainFit('cpu'),
  ours: async () => {
    const r = await train(irisRecipe(), loadIris(), COURSE, {});
    return { ms: r.ms, engine: r.engine, finalLoss: r.history.at(-1)?.loss ?? NaN };
  },
  oursInWorker: async () => {
    let ms = 0;
    let engine = '';
    let finalLoss = NaN;
    ms = await timeIt(async () => {
      const r = await startTraining(irisRecipe(), loadIris(), COURSE, () => {}).done;
      engine = r.engine;
      finalLoss = r.history.at(-1)?.loss ?? NaN;
    });
    return { ms, engine, finalLoss };
  },
  traces: async (n: number) => {
    await tf.setBackend('cpu');
    const recipe = irisRecipe();
    const model = buildModel(recipe, initialWeights(recipe, COURSE.seed));
    const input = [5.3, 3.4, 1.9, 0.6];
    traceModel(model, input);
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      input[0] = 4 + (i % 40) / 10;
      traceModel(model, input);
    }
    const msPerTrace = (performance.now() - t0) / n;
    const after = tf.memory().numTensors;
    model.dispose();
    return { before, after, msPerTrace };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.getElementById('status')!.textContent = 'ready';
