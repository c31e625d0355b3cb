/**
 * Image networks (issues 9 and 12): training step of the MNIST CNN and of a 64x64x3 photo CNN,
 * Layer Lens' convolution engine beside tfjs `trainOnBatch` on the cpu backend; one MNIST epoch of
 * the CNN; evaluate on the 10,000 MNIST test images; one trace of a 150x150x3 photo through a
 * four-block CNN. Used by bench/run.mjs (`benchCnn(browser)`), or alone: `node bench/cnn.mjs`.
 * CNN_EPOCH=0 skips the full epoch (it takes a minute or more).
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { serveDir } from './serve.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export async function benchCnn(browser, { log = console.log } = {}) {
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
      targets: { stepSpeedup: 20, layerLensEpochMs: 60000, mnistEvaluateMs: 5000, photoTraceMs: 100 },
    };
    const f = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US')).padStart(9);
    log('\n| image networks | median ms | note |');
    log('|---|---:|---|');
    log(`| MNIST CNN step, Layer Lens | ${f(result.layerLensStepMs)} | batch 32${mnist.simd ? ', SIMD' : ', no SIMD'} |`);
    log(`| MNIST CNN step, tfjs trainOnBatch (cpu) | ${f(result.tfjsCpuStepMs)} | ${result.stepSpeedup.toFixed(0)}x slower; target >= 20x |`);
    log(`| MNIST CNN epoch, Layer Lens | ${f(result.layerLensEpochMs)} | 54,000 rows + validation; target <= 60,000 |`);
    log(`| photo CNN step (64x64x3), Layer Lens / tfjs cpu | ${f(photo.ours)} | tfjs cpu ${Math.round(photo.cpu)} ms |`);
    log(`| evaluate, MNIST CNN on 10,000 test images | ${f(evaluate.ms)} | target <= 5,000 |`);
    log(`| trace of a 150x150x3 photo, four conv blocks | ${f(trace.ms)} | tfjs + reference check; target <= 100 |`);
    return result;
  } finally {
    await page.close();
    await site.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    console.log(JSON.stringify(await benchCnn(browser), null, 2));
  } finally {
    await browser.close();
  }
}
