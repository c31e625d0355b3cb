/**
 * Image-network benchmark page (bench/cnn.mjs builds and drives it), issues 9 and 12: one training
 * step (batch 32) of the MNIST CNN recipe and of a 64x64x3 photo CNN of the course's shape, Layer
 * Lens' convolution engine beside tfjs `trainOnBatch` on the cpu backend; one MNIST epoch of the CNN;
 * evaluate of the CNN on the 10,000 test images; one trace of a 150x150x3 photo through a four-block
 * Conv2D + MaxPooling2D network.
 */
import { tf, tfl } from '../src/models/tf';
import { buildModel, initialWeights } from '../src/models/recipes';
import { MNIST_COURSE_CONFIG, mnistCnnRecipe, photoCnnRecipe } from '../src/models/recipe-specs';
import { loadMnist } from '../src/models/data/mnist';
import { train } from '../src/models/train';
import { CnnEngine } from '../src/models/train/cnn/cnn-engine';
import { loadKernels } from '../src/models/train/wasm/kernels';
import { createRng } from '../src/models/random';
import { evaluateRecipe } from '../src/models/evaluate';
import { createTracer, completeChecks, checkCost } from '../src/inspector/trace';
import { initInferenceBackend } from '../src/models/backend';
import { evaluateModel } from '../src/models/evaluate';
import { traceCheck } from '../src/inspector/check';
import type { Trace } from '../src/inspector/types';
import { createCheckClient } from '../src/viz/state/check-client';
import { kindFor } from '../src/inspector/layers';
import type { Dataset, Recipe } from '../src/models/types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function randomImages(rows: number, features: number, classes: number): Dataset {
  const rng = createRng(9);
  const x = Uint8Array.from({ length: rows * features }, () => rng.int(256));
  const y = Int32Array.from({ length: rows }, () => rng.int(classes));
  return { id: 'random', title: 'random', x, y, rows, features, featureNames: [], task: 'classification', classNames: [] };
}

async function stepOurs(recipe: Recipe, data: Dataset, steps: number): Promise<{ ms: number; simd: boolean }> {
  await loadKernels();
  const engine = new CnnEngine(recipe, data, initialWeights(recipe, 1), 0.001, createRng(1), 32);
  const rows = createRng(2).permutation(data.rows);
  const times: number[] = [];
  for (let i = 0; i < steps + 5; i++) {
    const s = (i * 32) % (data.rows - 32);
    const t0 = performance.now();
    engine.step(rows, s, s + 32);
    if (i >= 5) times.push(performance.now() - t0);
  }
  return { ms: median(times), simd: engine.net.arena !== null };
}

async function stepTfjsCpu(recipe: Recipe, data: Dataset, steps: number): Promise<number> {
  await tf.setBackend('cpu');
  const model = buildModel(recipe, initialWeights(recipe, 1));
  const optimizer = tf.train.rmsprop(0.001, 0.9, 0, 1e-7);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy' });
  const x = tf.tensor(Float32Array.from(data.x.subarray(0, 32 * data.features)), [32, ...recipe.inputShape]);
  const y = tf.tensor1d(Float32Array.from(data.y.subarray(0, 32)));
  await model.trainOnBatch(x, y); // warm-up
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    await model.trainOnBatch(x, y);
    times.push(performance.now() - t0);
  }
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return median(times);
}

/** A real-size photo CNN (keras.io's cats-vs-dogs shape): Rescaling, four Conv2D + MaxPooling2D blocks, Dense 1 sigmoid. */
function photoModel() {
  const layers = [tfl.layers.rescaling({ scale: 1 / 255, inputShape: [150, 150, 3] })];
  [32, 64, 128, 128].forEach((filters) => {
    layers.push(tfl.layers.conv2d({ filters, kernelSize: 3, activation: 'relu' }) as never);
    layers.push(tfl.layers.maxPooling2d({ poolSize: 2 }) as never);
  });
  layers.push(tfl.layers.flatten() as never, tfl.layers.dense({ units: 1, activation: 'sigmoid' }) as never);
  return tfl.sequential({ layers });
}

let mnist: Awaited<ReturnType<typeof loadMnist>> | null = null;
const getMnist = async () => (mnist ??= await loadMnist());

declare global {
  interface Window {
    cnnBench: Record<string, (...args: never[]) => Promise<unknown>>;
  }
}

window.cnnBench = {
  async mnistStep() {
    const { train: ds } = await getMnist();
    const ours = await stepOurs(mnistCnnRecipe(), ds, 30);
    const cpu = await stepTfjsCpu(mnistCnnRecipe(), ds, 3);
    return { ours: ours.ms, simd: ours.simd, cpu };
  },
  async photoStep() {
    // The photo panel's CNN (the course's image-classifier shape) at 64 x 64 x 3, two classes.
    const photoRecipe = photoCnnRecipe(64, 64, 2);
    const ds = randomImages(256, 64 * 64 * 3, 2);
    const ours = await stepOurs(photoRecipe, ds, 20);
    const cpu = await stepTfjsCpu(photoRecipe, ds, 3);
    return { ours: ours.ms, simd: ours.simd, cpu };
  },
  async mnistEpoch() {
    const { train: ds } = await getMnist();
    const t0 = performance.now();
    const result = await train(mnistCnnRecipe(), ds, { ...MNIST_COURSE_CONFIG, epochs: 1 });
    return { ms: performance.now() - t0, log: result.history[0], engine: result.engine };
  },
  async mnistEvaluate() {
    const { test } = await getMnist();
    const recipe = mnistCnnRecipe();
    await loadKernels();
    const t0 = performance.now();
    const r = await evaluateRecipe(recipe, initialWeights(recipe, 1), test);
    return { ms: performance.now() - t0, rows: test.rows, accuracy: r.accuracy };
  },
  /** Where a photo trace's time goes: each layer's tfjs forward and its reference, in ms. */
  async photoTraceProfile() {
    const model = photoModel();
    const tracer = createTracer(model);
    const photo = Array.from({ length: 150 * 150 * 3 }, (_, i) => (i * 37) % 256);
    const trace = tracer(photo);
    const rows: { layer: string; tfjsMs: number; referenceMs: number }[] = [];
    let x = tf.tensor(trace.values[0].values, trace.values[0].shape);
    for (const [i, layer] of model.layers.entries()) {
      const t0 = performance.now();
      const y = layer.apply(x) as ReturnType<typeof tf.tensor>;
      y.dataSync();
      const tfjsMs = performance.now() - t0;
      x.dispose();
      x = y;
      const step = trace.steps[i];
      const t1 = performance.now();
      kindFor(step.className)?.reference(step.inputs, step.params, step.config);
      rows.push({ layer: step.className, tfjsMs, referenceMs: performance.now() - t1 });
    }
    x.dispose();
    model.dispose();
    return rows;
  },
  /**
   * One trace of a 150x150x3 photo as the app runs it (the inference backend: wasm where it starts):
   * every layer's values from tfjs, the step on screen checked against its reference at once (the
   * rest of the checks follow in slices). `ms`: photo -> values + the shown step checked, with the
   * first Conv2D on screen; `worstMs`: the same with the costliest step on screen; `fullCheckMs`:
   * photo -> every step checked.
   */
  async photoTrace() {
    const backend = await initInferenceBackend();
    const model = photoModel();
    const tracer = createTracer(model);
    const photo = Array.from({ length: 150 * 150 * 3 }, (_, i) => (i * 37) % 256);
    const full = tracer(photo); // warm-up, every step checked at once
    const firstConv = full.steps.findIndex((s) => s.className === 'Conv2D');
    const costs = full.steps.map(checkCost);
    const costliest = costs.indexOf(Math.max(...costs));
    // As the app does it: the checks after the trace in the check worker.
    const checker = createCheckClient();
    const once = async (shown: number) => {
      const t0 = performance.now();
      let trace: Trace = tracer(photo, null, { check: [shown] });
      const ms = performance.now() - t0;
      if (traceCheck(trace).pending.length === 0) throw new Error('expected checks after the trace');
      const done = await completeChecks(() => trace, (t) => (trace = t), { remote: checker?.check });
      const fullCheckMs = performance.now() - t0;
      const check = traceCheck(trace);
      if (!done || !check.ok || check.checked.length !== trace.steps.length) throw new Error('the photo trace failed its reference check');
      return { ms, fullCheckMs, maxAbsDiff: trace.maxAbsDiff };
    };
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await once(firstConv));
    const worst = [];
    for (let i = 0; i < 3; i++) worst.push(await once(costliest));
    // The trace alone: tfjs' values of every layer captured, no check at all.
    const valuesOnly = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      tracer(photo, null, { check: [], checkBudget: 0 });
      valuesOnly.push(performance.now() - t0);
    }
    model.dispose();
    checker?.dispose();
    return {
      backend,
      checksIn: checker ? 'a Web Worker' : 'slices on the page',
      ms: median(runs.map((r) => r.ms)),
      fullCheckMs: median(runs.map((r) => r.fullCheckMs)),
      worstMs: median(worst.map((r) => r.ms)),
      valuesOnlyMs: median(valuesOnly),
      worstStep: `${costliest} (${full.steps[costliest].className})`,
      maxAbsDiff: Math.max(...runs.map((r) => r.maxAbsDiff)),
      tensors: tf.memory().numTensors,
    };
  },
  /**
   * Evaluate of a Keras MNIST CNN opened from a file (`bytes` of a .keras file, opened by the app's
   * own format module) on the 10,000 test images, on the inference backend, x / 255.
   */
  async fileEvaluate(base64: unknown) {
    const backend = await initInferenceBackend();
    const { openModelFiles } = await import('../src/models/formats');
    const bytes = Uint8Array.from(atob(base64 as string), (c) => c.charCodeAt(0));
    const opened = await openModelFiles([{ name: 'mnist_model.keras', bytes }]);
    const { test } = await getMnist();
    const t0 = performance.now();
    const r = await evaluateModel(opened.model, test, { preprocess: { scale: 1 / 255 } });
    const ms = performance.now() - t0;
    opened.model.dispose();
    return { backend, ms, rows: r.rows, accuracy: r.accuracy };
  },
};
document.getElementById('status')!.textContent = 'ready';
