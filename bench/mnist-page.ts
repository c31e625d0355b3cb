/**
 * MNIST benchmark page (bench/mnist.mjs builds and drives it): loading the data in the browser,
 * one epoch of the course's Sequential with Rescaling (54,000 training rows, batch 32, plus the
 * validation pass) with Layer Lens' engine (in the page and in the app's worker, long main-thread
 * tasks counted meanwhile), beside plain `model.fit` on tfjs' wasm and cpu backends; tensors
 * around 10,000 traces of a digit; the JS heap with MNIST loaded.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { tf } from '../src/models/tf';
import { loadMnist, type MnistData } from '../src/models/data/mnist';
import { buildModel, initialWeights, mnistRecipe, MNIST_COURSE_CONFIG } from '../src/models/recipes';
import { train } from '../src/models/train';
import { createTrainingClient } from '../src/models/train/client';
import { planSnapshots, snapshotBytes } from '../src/models/train/weight-history';
import { evaluateRecipe } from '../src/models/evaluate';
import { traceModel } from '../src/inspector/trace';

// All three names, or tfjs looks for the missing one next to the page (DESIGN.md).
setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

const ONE_EPOCH = { ...MNIST_COURSE_CONFIG, epochs: 1 };
const recipe = () => mnistRecipe('rescaling');

let data: MnistData | null = null;
const mnist = async () => (data ??= await loadMnist());

/** Main-thread tasks of 50 ms or more (Long Tasks API): when they started and how long they took. */
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });

async function plainFit(backend: 'cpu' | 'wasm') {
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs backend ${backend} did not start`);
  await tf.ready();
  const d = await mnist();
  const r = recipe();
  const model = buildModel(r, initialWeights(r, ONE_EPOCH.seed));
  const optimizer = tf.train.rmsprop(ONE_EPOCH.learningRate);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor3d(Float32Array.from(d.train.x), [d.train.rows, 28, 28]);
  const y = tf.tensor1d(Float32Array.from(d.train.y));
  const t0 = performance.now();
  const h = await model.fit(x, y, { epochs: 1, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const ms = performance.now() - t0;
  const used = tf.getBackend();
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  await tf.setBackend('cpu');
  return { ms, backend: used, loss: Number(h.history.loss[0]), valAccuracy: Number(h.history.val_acc?.[0] ?? h.history.val_accuracy?.[0]) };
}

const api = {
  /** Fetch + parse of the four IDX files, as opening the course does. */
  load: async () => {
    const t0 = performance.now();
    await mnist();
    return { ms: performance.now() - t0, trainRows: data!.train.rows, testRows: data!.test.rows };
  },
  ours: async () => {
    const d = await mnist();
    const r = await train(recipe(), d.train, ONE_EPOCH);
    return { ms: r.ms, engine: r.engine, log: r.history[0] };
  },
  /** As the app runs it: the training worker; per-epoch times from its progress messages. */
  oursInWorker: async (epochs: number) => {
    const d = await mnist();
    const client = createTrainingClient();
    longTasks.length = 0;
    const t0 = performance.now();
    const stamps: number[] = [];
    // As the app: the weights' history kept (in the worker, transferred with the result).
    const run = client.startTraining(recipe(), d.train, { ...ONE_EPOCH, epochs }, (logs) => logs.forEach(() => stamps.push(performance.now())), { keepWeights: true });
    const startCallMs = performance.now() - t0;
    const result = await run.done;
    const totalMs = performance.now() - t0;
    // A second run on the same data set: the worker already holds it, nothing is copied.
    const t1 = performance.now();
    const again = client.startTraining(recipe(), d.train, { ...ONE_EPOCH, epochs: 1 }, () => {});
    const secondStartCallMs = performance.now() - t1;
    again.stop();
    await again.done;
    client.dispose();
    const epochMs = stamps.map((s, i) => s - (i === 0 ? t0 : stamps[i - 1]));
    // Tasks that began before the run started (the page's own earlier work) are not the run's.
    const during = longTasks.filter((t) => t.start + t.duration > t0).map((t) => ({ atMs: t.start - t0, durationMs: t.duration }));
    // The weights' history: what this run kept, and what the course's run (15 epochs) keeps.
    const perSnapshot = snapshotBytes(result.weights);
    const courseSnapshots = planSnapshots(MNIST_COURSE_CONFIG.epochs, perSnapshot).length;
    const history = { kept: result.snapshots?.epochs.length ?? 0, bytes: result.snapshots?.bytes ?? 0, perSnapshot, courseSnapshots, courseBytes: courseSnapshots * perSnapshot };
    return { totalMs, startCallMs, secondStartCallMs, epochMs, longTasks: during, engine: result.engine, log: result.history.at(-1), history };
  },
  fitWasm: () => plainFit('wasm'),
  fitCpu: () => plainFit('cpu'),
  evaluate: async () => {
    const d = await mnist();
    const r = recipe();
    const t0 = performance.now();
    const e = await evaluateRecipe(r, initialWeights(r, 1), d.test);
    return { ms: performance.now() - t0, rows: e.rows };
  },
  traces: async (n: number) => {
    await tf.setBackend('cpu');
    const d = await mnist();
    const r = recipe();
    const model = buildModel(r, initialWeights(r, 1));
    const input = new Float32Array(784);
    const trace = (i: number) => {
      const img = (i * 7) % d.test.rows;
      for (let p = 0; p < 784; p++) input[p] = d.test.x[img * 784 + p];
      traceModel(model, input);
    };
    trace(0);
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) trace(i);
    const msPerTrace = (performance.now() - t0) / n;
    const after = tf.memory().numTensors;
    model.dispose();
    return { before, after, msPerTrace };
  },
  heapMB: async () => {
    await mnist();
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return mem ? mem.usedJSHeapSize / 2 ** 20 : NaN;
  },
};

(window as unknown as { mnistBench: typeof api }).mnistBench = api;
document.getElementById('status')!.textContent = 'ready';
