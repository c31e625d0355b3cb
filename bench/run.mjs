/**
 * `npm run bench`: production builds in headless Chromium (Debian's). Prints a table and writes
 * bench/results/bench.json. Figures, not assertions: targets are printed beside them.
 *
 * Iris (the app itself) is measured here; each further course is one module with
 * `bench<Course>(browser, { log })` returning its entry of bench.json, listed in COURSES below.
 * BENCH_ONLY=mnist,housing runs only those course modules (and skips Iris and the bundle).
 */
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { launchOptions } from './chromium.mjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveDir } from './serve.mjs';
import { benchMnist } from './mnist.mjs';
import { benchHousing } from './housing.mjs';
import { benchCnn } from './cnn.mjs';
import { measureInitialJs } from './bundle.mjs';

/** The course modules: key in bench.json -> its benchmark. */
const COURSES = [
  ['mnist', benchMnist],
  ['housing', benchHousing],
  ['cnn', benchCnn],
];
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const REPS_OURS = 7;
const REPS_CPU = 3;
const INPUT_CHANGES = 300;
/** The first changes run while the JIT still compiles the views' code: also reported without them. */
const WARM_UP = 30;
const TRACES = 10_000;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s.at(-1), n: s.length };
};

console.log('Building the app and the benchmark page (production)…');
// The bench page first (it empties dist-bench/), then the app into dist-bench/app: its own copy,
// so a build of dist/ by someone else meanwhile (the e2e tests build there) cannot pull files away.
if (!only) await build({ configFile: here('./vite.config.ts') });
const appDir = here('../dist-bench/app');
await build({ root: here('..'), logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
const app = await serveDir(appDir);
const benchSite = await serveDir(here('../dist-bench'));
const browser = await chromium.launch(launchOptions);

/** The app's own figures (the Iris course): training, input latency, tensors, long tasks. */
async function benchIris() {
  // Training, side by side in one page.
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(benchSite.url + 'page.html');
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const fitCpu = [];
  for (let i = 0; i < REPS_CPU; i++) fitCpu.push(await page.evaluate(() => window.bench.fitCpu()));
  const ours = [];
  for (let i = 0; i < REPS_OURS; i++) ours.push(await page.evaluate(() => window.bench.ours()));
  const oursWorker = [];
  for (let i = 0; i < REPS_OURS; i++) oursWorker.push(await page.evaluate(() => window.bench.oursInWorker()));
  const traces = await page.evaluate((n) => window.bench.traces(n), TRACES);
  // Last: tfjs' default backend (webgl, in software without a GPU) keeps threads busy afterwards.
  const defaultBackend = await page.evaluate(() => window.bench.defaultBackend());
  console.log(`tfjs' default backend here: ${defaultBackend}; plain fit on it (slow without a GPU)…`);
  const fitDefault = await page.evaluate(() => window.bench.fitDefault());
  await page.close();

  // Input change -> redrawn views, in the real app.
  const appPage = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  appPage.on('pageerror', (e) => console.error('app page error:', e));
  await appPage.goto(app.url);
  await appPage.locator('#step-heading').waitFor();
  // Responsiveness while training: main-thread tasks of 50 ms or more (Long Tasks API).
  await appPage.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  const trainClick = performance.now();
  await appPage.getByRole('button', { name: 'Train', exact: true }).click();
  await appPage.waitForFunction(() => document.querySelector('[data-training="idle"]') && /epoch 300\/300/.test(document.body.innerText));
  const appTrainMs = performance.now() - trainClick;
  const longTasks = await appPage.evaluate(() => window.__longTasks);
  // Each change: set the field and fire "input" as typing does; Svelte updates the DOM in a
  // microtask; then force style and layout. That is the main-thread work an input change costs
  // before the browser can paint it. Checked: the neuron diagram's input label shows the new value.
  const { latencies, verified } = await appPage.evaluate(async (n) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'sepal length (cm)');
    const field = label && document.getElementById(label.htmlFor);
    if (!field) throw new Error('no field labelled "sepal length (cm)"');
    const diagramLabel = () => [...document.querySelectorAll('svg text')].find((t) => t.textContent.startsWith('sepal length (cm)'))?.textContent ?? '';
    const out = [];
    let verified = 0;
    for (let i = 0; i < n; i++) {
      const value = (4.3 + (i % 36) / 10).toFixed(1);
      await new Promise((r) => setTimeout(r, 5));
      const t0 = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      await new Promise((r) => queueMicrotask(r));
      document.body.getBoundingClientRect();
      out.push(performance.now() - t0);
      if (diagramLabel().includes(Number(value).toFixed(2))) verified++;
    }
    return { latencies: out, verified };
  }, INPUT_CHANGES);
  if (verified !== INPUT_CHANGES) console.warn(`only ${verified} of ${INPUT_CHANGES} changes showed up in the views`);
  await appPage.close();

  const result = {
    training: {
      settings: 'Iris, 300 epochs, batch 32, validation_split 0.1, RMSprop lr 0.001',
      layerLensInPage: { ...stats(ours.map((r) => r.ms)), engine: ours[0].engine, finalLoss: ours[0].finalLoss },
      layerLensInWorker: { ...stats(oursWorker.map((r) => r.ms)), engine: oursWorker[0].engine },
      plainFitCpu: { ...stats(fitCpu.map((r) => r.ms)), finalLoss: fitCpu[0].finalLoss },
      plainFitDefaultBackend: { ms: fitDefault.ms, backend: fitDefault.backend, finalLoss: fitDefault.finalLoss },
      targetMedianMs: 500,
    },
    inputToRedraw: { ...stats(latencies), verified, targetP95Ms: 16 },
    inputToRedrawAfterWarmUp: { ...stats(latencies.slice(WARM_UP)), warmUpChanges: WARM_UP },
    responsivenessWhileTraining: { clickToTrainedMs: appTrainMs, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks), target: 'no task >= 50 ms' },
    tensors: { ...traces, traces: TRACES, target: 'after == before' },
  };

  const f = (x) => x.toFixed(1).padStart(9);
  const t = result.training;
  console.log('\n| measure | median ms | p95 ms | note |');
  console.log('|---|---:|---:|---|');
  console.log(`| training, Layer Lens (in page) | ${f(t.layerLensInPage.median)} | ${f(t.layerLensInPage.p95)} | ${t.layerLensInPage.engine}; target <= 500 |`);
  console.log(`| training, Layer Lens (web worker, as the app runs it) | ${f(t.layerLensInWorker.median)} | ${f(t.layerLensInWorker.p95)} | incl. worker start |`);
  console.log(`| training, plain model.fit, cpu | ${f(t.plainFitCpu.median)} | ${f(t.plainFitCpu.p95)} | ${REPS_CPU} runs |`);
  console.log(`| training, plain model.fit, default backend | ${f(t.plainFitDefaultBackend.ms)} | | ${t.plainFitDefaultBackend.backend}, 1 run |`);
  console.log(`| input change -> redrawn views | ${f(result.inputToRedraw.median)} | ${f(result.inputToRedraw.p95)} | ${verified}/${INPUT_CHANGES} changes seen in the views; target p95 <= 16 |`);
  console.log(`| input change -> redrawn views, after ${WARM_UP} warm-up changes | ${f(result.inputToRedrawAfterWarmUp.median)} | ${f(result.inputToRedrawAfterWarmUp.p95)} | steady state |`);
  console.log(`| app: click Train -> trained model on screen | ${f(appTrainMs)} | | ${longTasks.length} main-thread tasks >= 50 ms (longest ${Math.max(0, ...longTasks).toFixed(0)} ms) |`);
  console.log(`| one trace | ${traces.msPerTrace.toFixed(4).padStart(9)} | | tensors before ${traces.before}, after ${TRACES} traces ${traces.after} |`);

  return result;
}

const previous = await readFile(here('./results/bench.json'), 'utf8').then(JSON.parse, () => ({}));
try {
  let result = { ...previous, date: new Date().toISOString(), machine: { cores: (await import('node:os')).cpus().length, chromium: browser.version() } };
  if (!only) {
    result = { ...result, ...(await benchIris()) };
    const bundle = await measureInitialJs(browser, app.url, appDir);
    result.bundle = { ...previous.bundle, ...bundle };
    console.log(`\n| first page load | ${bundle.initialJsGzipKiB.toFixed(1)} KiB of JS (gzip) before the app runs, budget ${bundle.initialJsBudgetKiB} | ${bundle.firstLoadJsGzipKiB.toFixed(1)} KiB in ${bundle.files.length} files once the network is idle (TensorFlow.js loads beside the page); MNIST fetched: ${bundle.mnistRequests} requests |`);
  }
  for (const [key, run] of COURSES) {
    if (only && !only.includes(key)) continue;
    try {
      result[key] = await run(browser, { log: console.log, appUrl: app.url, previous: previous[key] ?? null, previousDate: previous.date ?? null });
      // Written after each part, so a long run that is stopped keeps what it measured.
      await mkdir(here('./results'), { recursive: true });
      await writeFile(here('./results/bench.json'), JSON.stringify(result, null, 2));
    } catch (e) {
      console.error(`${key} benchmark failed:`, e);
      result[key] = { ...(previous[key] ?? {}), error: String(e?.message ?? e) };
    }
  }
  await mkdir(here('./results'), { recursive: true });
  await writeFile(here('./results/bench.json'), JSON.stringify(result, null, 2));
  console.log('\nwrote bench/results/bench.json');
} finally {
  await browser.close();
  await app.close();
  await benchSite.close();
}
