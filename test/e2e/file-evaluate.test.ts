/**
 * Evaluate of a Keras MNIST CNN opened from a file, in the production build: on tfjs' wasm backend
 * the 10,000 test images take seconds (about 20 minutes on tfjs cpu), with progress, and the
 * accuracy is the one its author reports (numpy, all 10,000 test digits: 99.19 %).
 * Reads ../shared/fixtures (skips, saying so, without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser';
import { fixtures } from '../fixtures';

const FIX = fixtures();

describe.skipIf(!FIX.present)(`evaluate of a CNN from a file${FIX.skipNote}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the real MNIST CNN (.keras) on the 10,000 test images: its author's 99.19 %, in seconds", async () => {
    const { page, errors } = await openApp(browser);
    await page.locator('#step-heading').waitFor();
    await page.getByLabel('Open model file').setInputFiles(FIX.path('models/keras3-mnist-cnn-bn/mnist_model.keras'));
    await page.getByText(/^Showing mnist_model/).waitFor({ timeout: 90_000 });
    await page.getByLabel('Pick a test image').waitFor({ timeout: 90_000 });
    await page.getByLabel('divided by 255 (x / 255), 0 … 1').check();
    await page.getByText('Inference: tfjs wasm').waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    const acc = page.getByTestId('test-accuracy');
    await acc.waitFor({ timeout: 120_000 });
    const ms = Date.now() - t0;
    await expect(acc.innerText()).resolves.toMatch(/^99\.2\s?%$/);
    await expect(page.getByTestId('test-result').innerText()).resolves.toMatch(/9,919 of 10,000 right/);
    expect(ms).toBeLessThan(120_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
