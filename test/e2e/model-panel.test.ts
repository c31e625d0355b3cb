/**
 * The model in Keras, end to end: the course model's model.summary() and code, then a Keras 3
 * .keras file (the MNIST CNN with BatchNormalization) opened: its summary's totals equal the
 * parameters counted from the file's own config.json (kernel, bias, BatchNormalization's gamma,
 * beta and moving statistics). Reads ../shared/fixtures (skips, saying so, without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { createRequire } from 'node:module';
import { launch, openApp } from './browser';
import { fixtures as fixtureDir } from '../fixtures';

const FIX = fixtureDir('models/keras3-mnist-cnn-bn/mnist_model.keras');

interface LayerConfig {
  class_name: string;
  config: { filters?: number; kernel_size?: number[]; units?: number; use_bias?: boolean; center?: boolean; scale?: boolean };
  build_config?: { input_shape: (number | null)[] };
}

/** Trainable and non-trainable parameters counted from a .keras file's config.json. */
function countFromConfig(path: string): { trainable: number; nonTrainable: number } {
  const config = JSON.parse(strFromU8(unzipSync(readFileSync(path))['config.json'])) as { config: { layers: LayerConfig[] } };
  let trainable = 0;
  let nonTrainable = 0;
  for (const l of config.config.layers) {
    const inShape = l.build_config?.input_shape ?? [];
    const channels = inShape.at(-1) as number;
    const c = l.config;
    if (l.class_name === 'Conv2D') trainable += c.kernel_size![0] * c.kernel_size![1] * channels * c.filters! + (c.use_bias ? c.filters! : 0);
    else if (l.class_name === 'Dense') trainable += channels * c.units! + (c.use_bias ? c.units! : 0);
    else if (l.class_name === 'BatchNormalization') {
      trainable += channels * ((c.center ? 1 : 0) + (c.scale ? 1 : 0));
      nonTrainable += 2 * channels;
    } else if (!['InputLayer', 'MaxPooling2D', 'Flatten', 'Dropout'].includes(l.class_name)) throw new Error(`count ${l.class_name} too`);
  }
  return { trainable, nonTrainable };
}

const group = (n: number) => n.toLocaleString('en-US');

describe(`the model in Keras: summary and code for the course model and an opened .keras${FIX.skipNote}`, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser));
    await page.locator('#step-heading').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the Iris course model's summary and its code", async () => {
    const summary = page.getByTestId('model-summary');
    await expect(summary.innerText()).resolves.toContain('Model: "sequential"');
    const text = await summary.innerText();
    expect(text).toContain('│ dense_1 (Dense)');
    expect(text).toContain(' Total params: 67 (268.00 B)');
    const code = await page.getByTestId('keras-code').innerText();
    expect(code).toContain('keras.utils.set_random_seed(1)');
    expect(code).toContain('history = model.fit(X, y, epochs=300, validation_split=0.1)');
  });

  it.skipIf(!FIX.present)('opening keras3-mnist-cnn-bn shows its summary with the total counted from the file', async () => {
    const { trainable, nonTrainable } = countFromConfig(FIX.dir);
    expect(nonTrainable).toBeGreaterThan(0);
    await page.getByLabel('Open model file').setInputFiles(FIX.dir);
    await page.getByText(/^Showing /).waitFor();
    const summary = page.getByTestId('model-summary');
    await expect.poll(() => summary.innerText(), { timeout: 20_000 }).toContain('conv2d_4 (Conv2D)');
    const text = await summary.innerText();
    expect(text).toContain(` Total params: ${group(trainable + nonTrainable)} (`);
    expect(text).toContain(` Trainable params: ${group(trainable)} (`);
    expect(text).toContain(` Non-trainable params: ${group(nonTrainable)} (`);
    expect(text).toContain('│ batch_normalization_3                │ (None, 128)');
    expect(text).toContain('│ (BatchNormalization)                 │');
    const code = await page.getByTestId('keras-code').innerText();
    expect(code).toContain('layers.BatchNormalization()');
    // The file's compile_config: Adam, learning rate 0.001 (stored as float32), sparse CE, accuracy.
    expect(code).toContain('model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="sparse_categorical_crossentropy", metrics=["accuracy"])');
    expect(code).not.toContain('model.fit');
    await expect(page.getByTestId('code-note').innerText()).resolves.toMatch(/with the training settings it carries/);
    await page.locator('.model-panel').screenshot({ path: 'test-results/model-panel-cnn.png' });
  });

  it('the panel has no serious or critical axe-core violation', async () => {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }> } }).axe;
      const r = await axe.run({ include: [['.model-panel']] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, html: v.nodes.map((n) => n.html.slice(0, 80)) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
