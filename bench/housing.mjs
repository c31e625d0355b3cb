/**
 * The housing course's training benchmark (issue 8): 100 epochs on 15,480 training rows with the
 * course's settings, Layer Lens' engine (in the page and in the app's worker) beside plain
 * `model.fit` on tfjs' cpu and wasm backends in the same browser. tfjs' fit runs fewer epochs
 * (HOUSING_FIT_EPOCHS, default 2) and is scaled to 100 linearly; the result says so.
 * Used by bench/run.mjs (`benchHousing(browser)`), or alone: `node bench/housing.mjs`.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { runAlone } from './chromium.mjs';
import { serveDir } from './serve.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const REPS_OURS = Number(process.env.HOUSING_REPS ?? 3);
const FIT_EPOCHS = Number(process.env.HOUSING_FIT_EPOCHS ?? 2);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function buildHousingBench() {
  await build({
    root: here('.'),
    base: './',
    logLevel: 'warn',
    publicDir: here('../static'),
    worker: { format: 'es' },
    build: { outDir: here('../dist-bench/housing'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: here('./housing.html') } },
  });
}

/** Runs the housing benchmark in `browser` (playwright-core); returns the `housing` entry of bench.json. */
export async function benchHousing(browser, { log = console.log } = {}) {
  await buildHousingBench();
  const site = await serveDir(here('../dist-bench/housing'));
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('housing page error:', e));
  try {
    await page.goto(site.url + 'housing.html');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const load = await page.evaluate(() => window.housingBench.load());
    log(`housing: ${load.rows} rows loaded in ${load.ms.toFixed(0)} ms; Layer Lens, 100 epochs x ${REPS_OURS}…`);
    const ours = [];
    for (let i = 0; i < REPS_OURS; i++) ours.push(await page.evaluate(() => window.housingBench.ours(100)));
    const worker = await page.evaluate(() => window.housingBench.oursInWorker(100));
    log(`housing: plain model.fit, ${FIT_EPOCHS} epochs on cpu and wasm…`);
    const cpu = await page.evaluate((e) => window.housingBench.fitCpu(e), FIT_EPOCHS);
    const wasm = await page.evaluate((e) => window.housingBench.fitWasm(e), FIT_EPOCHS);
    const scale = (r) => (r.ms * 100) / r.epochs;
    const result = {
      settings: 'California housing: Dense 16 relu, Dropout 0.1, Dense 16 relu, Dropout 0.1, Dense 1; MSE; RMSprop lr 0.001; batch 32; validation_split 0.25 (15,480 training rows); 100 epochs',
      layerLens100EpochsMs: median(ours.map((r) => r.ms)),
      layerLensRuns: ours.map((r) => Math.round(r.ms)),
      layerLensEngine: ours[0].engine,
      layerLensFinalLoss: ours[0].finalLoss,
      layerLensFinalValLoss: ours[0].finalValLoss,
      layerLensInWorker100EpochsMs: worker.ms,
      longTasksWhileTrainingInWorker: worker.longTasks.length,
      longestTaskMs: Math.max(0, ...worker.longTasks),
      fitCpu100EpochsMs: scale(cpu),
      fitWasm100EpochsMs: scale(wasm),
      fitMeasured: {
        epochs: FIT_EPOCHS,
        note: `plain model.fit measured over ${FIT_EPOCHS} epochs (one run each) and scaled linearly to 100`,
        cpu: { ms: cpu.ms, backend: cpu.backend, finalLoss: cpu.finalLoss },
        wasm: { ms: wasm.ms, backend: wasm.backend, finalLoss: wasm.finalLoss },
      },
      dataLoadMs: load.ms,
      targetMedianMs: 5000,
    };
    const f = (x) => Math.round(x).toLocaleString('en-US').padStart(9);
    log('\n| housing, 100 epochs | median ms | note |');
    log('|---|---:|---|');
    log(`| Layer Lens engine (in page) | ${f(result.layerLens100EpochsMs)} | ${REPS_OURS} runs; target <= 5,000 |`);
    log(`| Layer Lens engine (web worker, as the app) | ${f(result.layerLensInWorker100EpochsMs)} | ${result.longTasksWhileTrainingInWorker} main-thread tasks >= 50 ms |`);
    log(`| plain model.fit, tfjs cpu | ${f(result.fitCpu100EpochsMs)} | ${FIT_EPOCHS} epochs measured, scaled to 100 |`);
    log(`| plain model.fit, tfjs wasm | ${f(result.fitWasm100EpochsMs)} | ${FIT_EPOCHS} epochs measured, scaled to 100 (${wasm.backend}) |`);
    return result;
  } finally {
    await page.close();
    await site.close();
  }
}

// Alone: node bench/housing.mjs (prints the table and the JSON; bench/run.mjs writes bench.json).
await runAlone(import.meta.url, benchHousing);
