/**
 * Image networks (issues 9 and 12): training step of the MNIST CNN and of a 64x64x3 photo CNN,
 * Layer Lens' convolution engine beside tfjs `trainOnBatch` on the cpu backend; one MNIST epoch of
 * the CNN; evaluate on the 10,000 MNIST test images; one trace of a 150x150x3 photo through a
 * four-block CNN. Used by bench/run.mjs (`benchCnn(browser)`), or alone: `node bench/cnn.mjs`.
 * CNN_EPOCH=0 skips the full epoch (it takes a minute or more).
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { runAlone } from './chromium.mjs';
import { readFile } from 'node:fs/promises';
import { serveDir } from './serve.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
/** Real model files (read, never copied into the repo): ../shared/fixtures beside the repo. */
const fixture = (p) => fileURLToPath(new URL(`../../shared/fixtures/${p}`, import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * A layer's feature-map grid drawn in the real app: the cat/dog photo CNN (150x150x3) opened from
 * its .keras file, its first Conv2D on screen. The grid's own timing (data-draw-ms:
 * the pictures painted and put on the canvas; its output is 150x150x32, padding 'same'), median over redraws (the scale switch redraws), and
 * the time from a click on the layer to its grid drawn.
 */
export async function featureMapInApp(browser, appUrl) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => console.error('cnn app page error:', e));
  try {
    await page.goto(appUrl);
    await page.locator('#step-heading').waitFor({ timeout: 60_000 });
    await page.getByLabel('Open model file').setInputFiles(fixture('models/keras3-catdog-bn-gap/cat_dog_model.keras'));
    await page.getByText(/^Showing cat_dog_model/).waitFor({ timeout: 120_000 });
    const layer0 = page.getByRole('button', { name: /^layer_0 · / });
    await page.getByRole('button', { name: /^layer_1 · / }).click();
    await page.locator('article.step').getByText(/^layer_1 · /).waitFor();
    const t0 = Date.now();
    await layer0.click();
    const grid = page.locator('article.step figure.feature-maps').filter({ has: page.locator('canvas[aria-label^="output: values_1"]') });
    await grid.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('article.step figure.feature-maps')].some((f) => f.querySelector('canvas[aria-label^="output: values_1"]') && Number(f.getAttribute('data-draw-ms')) > 0));
    const clickToGridMs = Date.now() - t0;
    const shape = (await page.locator('article.step').innerText()).match(/(\d+) channels of (\d+) × (\d+)/)?.slice(1).map(Number) ?? null;
    const draws = [Number(await grid.getAttribute('data-draw-ms'))];
    // Redraws: the scale switch (shared / per channel) repaints the grid.
    const radios = grid.getByRole('radio');
    const count = await radios.count();
    for (let i = 0; i < 6 && count >= 2; i++) {
      await radios.nth((i + 1) % 2).check();
      await page.waitForTimeout(50);
      draws.push(Number(await grid.getAttribute('data-draw-ms')));
    }
    return { ms: median(draws), draws, clickToGridMs, shape };
  } finally {
    await page.close();
  }
}

export async function benchCnn(browser, { log = console.log, appUrl = null } = {}) {
  await build({
    root: here('.'),
    base: './',
    logLevel: 'warn',
    publicDir: false,
    worker: { format: 'es' },
    build: { outDir: here('../dist-bench/cnn'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: here('./cnn.html') } },
  });
  const site = await serveDir(here('../dist-bench/cnn'));
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('cnn page error:', e));
  try {
    await page.goto(site.url + 'cnn.html');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    log('cnn: MNIST CNN training step, Layer Lens and tfjs cpu…');
    const mnist = await page.evaluate(() => window.cnnBench.mnistStep());
    log('cnn: photo CNN (64x64x3) training step…');
    const photo = await page.evaluate(() => window.cnnBench.photoStep());
    log('cnn: evaluate on 10,000 test images, photo trace…');
    const evaluate = await page.evaluate(() => window.cnnBench.mnistEvaluate());
    const trace = await page.evaluate(() => window.cnnBench.photoTrace());
    const profile = await page.evaluate(() => window.cnnBench.photoTraceProfile());
    log('cnn: evaluate of a Keras MNIST CNN file (keras3-mnist-cnn-bn) on 10,000 test images…');
    const keras = (await readFile(fixture('models/keras3-mnist-cnn-bn/mnist_model.keras'))).toString('base64');
    const fileEvaluate = await page.evaluate((b) => window.cnnBench.fileEvaluate(b), keras);
    let featureMap = null;
    if (appUrl) {
      log('cnn: feature-map grid of a photo CNN in the app…');
      try {
        featureMap = await featureMapInApp(browser, appUrl);
      } catch (e) {
        console.error('cnn: the feature-map grid in the app could not be measured:', e);
      }
    }
    let epoch = null;
    if (process.env.CNN_EPOCH !== '0') {
      log('cnn: one MNIST epoch of the CNN (54,000 rows)…');
      epoch = await page.evaluate(() => window.cnnBench.mnistEpoch());
    }
    const result = {
      settings: 'MNIST CNN: Rescaling, Conv2D 32 3x3 relu, MaxPooling2D, Conv2D 64 3x3 relu, MaxPooling2D, Flatten, Dropout 0.5, Dense 10 softmax; RMSprop lr 0.001; batch 32. Photo CNN: the photo panel recipe photoCnnRecipe at 64x64x3 with 2 classes',
      layerLensStepMs: mnist.ours,
      tfjsCpuStepMs: mnist.cpu,
      stepSpeedup: mnist.cpu / mnist.ours,
      simd: mnist.simd,
      layerLensEpochMs: epoch ? epoch.ms : null,
      epochLog: epoch ? epoch.log : null,
      photoLayerLensStepMs: photo.ours,
      photoTfjsCpuStepMs: photo.cpu,
      mnistEvaluateMs: evaluate.ms,
      photoTraceMs: trace.ms,
      photoFullCheckMs: trace.fullCheckMs,
      photoTraceWorstStepMs: trace.worstMs,
      photoTrace: { backend: trace.backend, checksIn: trace.checksIn, valuesOnlyMs: trace.valuesOnlyMs, shownStep: 'the first Conv2D (148x148x32)', worstStep: trace.worstStep, maxAbsDiff: trace.maxAbsDiff, tensorsAfter: trace.tensors, layers: profile },
      featureMapViewMs: featureMap ? featureMap.ms : null,
      featureMap: featureMap ? { model: 'keras3-catdog-bn-gap, first Conv2D', shape: featureMap.shape, drawsMs: featureMap.draws, clickToGridMs: featureMap.clickToGridMs } : null,
      fileEvaluateMs: fileEvaluate.ms,
      fileEvaluate: { model: 'keras3-mnist-cnn-bn/mnist_model.keras', backend: fileEvaluate.backend, rows: fileEvaluate.rows, accuracy: fileEvaluate.accuracy },
      targets: { stepSpeedup: 20, layerLensEpochMs: 60000, mnistEvaluateMs: 5000, photoTraceMs: 100, featureMapViewMs: 50 },
    };
    const f = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US')).padStart(9);
    log('\n| image networks | median ms | note |');
    log('|---|---:|---|');
    log(`| MNIST CNN step, Layer Lens | ${f(result.layerLensStepMs)} | batch 32${mnist.simd ? ', SIMD' : ', no SIMD'} |`);
    log(`| MNIST CNN step, tfjs trainOnBatch (cpu) | ${f(result.tfjsCpuStepMs)} | ${result.stepSpeedup.toFixed(0)}x slower; target >= 20x |`);
    log(`| MNIST CNN epoch, Layer Lens | ${f(result.layerLensEpochMs)} | 54,000 rows + validation; target <= 60,000 |`);
    log(`| photo CNN step (64x64x3), Layer Lens / tfjs cpu | ${f(photo.ours)} | tfjs cpu ${Math.round(photo.cpu)} ms |`);
    log(`| evaluate, MNIST CNN on 10,000 test images | ${f(evaluate.ms)} | target <= 5,000 |`);
    log(`| trace of a 150x150x3 photo, four conv blocks | ${f(trace.ms)} | ${trace.backend}, every layer's values + the shown step (first Conv2D) checked; target <= 100 |`);
    log(`| … tfjs' values of every layer only, no check | ${f(trace.valuesOnlyMs)} | |`);
    log(`| … with its costliest step on screen | ${f(trace.worstMs)} | step ${trace.worstStep} checked at once |`);
    log(`| … until every step is checked | ${f(trace.fullCheckMs)} | the other checks after the trace is shown, in ${trace.checksIn} |`);
    log(`| feature-map grid drawn (app, cat/dog CNN's first Conv2D${featureMap?.shape ? `, ${featureMap.shape[1]}x${featureMap.shape[2]}x${featureMap.shape[0]}` : ''}) | ${f(featureMap?.ms)} | ${featureMap ? `click on the layer to grid drawn ${featureMap.clickToGridMs} ms; ` : 'needs the app; '}target <= 50 |`);
    log(`| evaluate, MNIST CNN file (.keras) on 10,000 test images | ${f(fileEvaluate.ms)} | ${fileEvaluate.backend}, accuracy ${(fileEvaluate.accuracy * 100).toFixed(2)} % |`);
    return result;
  } finally {
    await page.close();
    await site.close();
  }
}

await runAlone(import.meta.url, benchCnn);
