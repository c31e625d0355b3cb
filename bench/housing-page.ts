/**
 * Housing benchmark page (bench/housing.mjs builds and drives it): the course's 100 epochs on the
 * 15,480 training rows with Layer Lens' engine, beside plain `model.fit` on tfjs' cpu and wasm
 * backends (those over fewer epochs, scaled to 100 by the driver).
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { tf } from '../src/models/tf';
import { buildModel, initialWeights } from '../src/models/recipes';
import { housingCourse, housingRecipe, HOUSING_COURSE_CONFIG } from '../src/models/courses/housing';
import type { CourseData } from '../src/models/courses';
import { train } from '../src/models/train';
import { startTraining } from '../src/models/train/client';

// All three names, or tfjs looks for the missing one next to the page (DESIGN.md).
setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

let data: CourseData | null = null;
const course = async () => (data ??= await housingCourse.load());

/** Main-thread tasks of 50 ms or more since the last call (Long Tasks API). */
const longTasks: number[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });

async function plainFit(backend: 'cpu' | 'wasm', epochs: number) {
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs backend ${backend} did not start`);
  await tf.ready();
  const d = await course();
  const recipe = housingRecipe();
  const model = buildModel(recipe, initialWeights(recipe, HOUSING_COURSE_CONFIG.seed));
  const optimizer = tf.train.rmsprop(HOUSING_COURSE_CONFIG.learningRate);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d(d.train.x, [d.train.rows, d.train.features]);
  const y = tf.tensor2d(Float32Array.from(d.train.y), [d.train.rows, 1]);
  const t0 = performance.now();
  const h = await model.fit(x, y, { epochs, batchSize: 32, validationSplit: HOUSING_COURSE_CONFIG.validationSplit, verbose: 0 });
  const ms = performance.now() - t0;
  const used = tf.getBackend();
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  await tf.setBackend('cpu');
  return { ms, epochs, backend: used, finalLoss: Number(h.history.loss.at(-1)), finalValLoss: Number(h.history.val_loss.at(-1)) };
}

const api = {
  load: async () => {
    const t0 = performance.now();
    const d = await course();
    return { ms: performance.now() - t0, rows: d.train.rows };
  },
  ours: async (epochs = 100) => {
    const d = await course();
    const r = await train(housingRecipe(), d.train, { ...HOUSING_COURSE_CONFIG, epochs });
    return { ms: r.ms, epochs, engine: r.engine, finalLoss: r.history.at(-1)?.loss ?? NaN, finalValLoss: r.history.at(-1)?.val_loss ?? NaN };
  },
  /** As the app runs it: in the training worker; long main-thread tasks counted meanwhile. */
  oursInWorker: async (epochs = 100) => {
    const d = await course();
    longTasks.length = 0;
    const t0 = performance.now();
    const r = await startTraining(housingRecipe(), d.train, { ...HOUSING_COURSE_CONFIG, epochs }, () => {}).done;
    return { ms: performance.now() - t0, epochs, engine: r.engine, longTasks: [...longTasks] };
  },
  fitCpu: (epochs: number) => plainFit('cpu', epochs),
  fitWasm: (epochs: number) => plainFit('wasm', epochs),
};

(window as unknown as { housingBench: typeof api }).housingBench = api;
document.getElementById('status')!.textContent = 'ready';
