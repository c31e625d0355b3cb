/**
 * Image networks end to end in the production build: open a real Keras 3 MNIST CNN, click a pixel of
 * a conv layer's feature maps and read its arithmetic (equal to tfjs); open a real cat/dog CNN,
 * drop a photo, read the two classes of its sigmoid; a bad image is refused with a message while
 * the model stays. Reads ../shared/fixtures (skips, saying so, without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openApp } from './browser';
import { fixtures } from '../fixtures';

const FIX = fixtures();

describe.skipIf(!FIX.present)(`image networks: feature maps, conv arithmetic, photos${FIX.skipNote}`, () => {
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

  it('opens the MNIST CNN; a click on a feature-map pixel of conv2d shows its arithmetic, equal to tfjs', async () => {
    await page.getByLabel('Open model file').setInputFiles(FIX.path('models/keras3-mnist-cnn-bn/mnist_model.keras'));
    await page.getByText(/^Showing mnist_model/).waitFor({ timeout: 90_000 });
    // the overview: stacks of feature maps with their shapes; a click steps to that layer
    const overview = page.getByRole('group', { name: /^Overview of the network/ });
    await overview.getByRole('button', { name: /^max_pooling2d \(MaxPooling2D\), shape \(1, 12, 12, 32\)/ }).click();
    await page.locator('article.step').getByText(/^layer_\d+ · MaxPooling2D/).waitFor();
    await page.getByRole('button', { name: /^layer_0/ }).click();
    const step = page.locator('article.step');
    await step.getByText('32 channels of 26 × 26').waitFor();
    await step.getByText('32 pictures (filter × in-channel) of 3 × 3').waitFor();
    const output = step.locator('canvas[aria-label^="output: values_1"]');
    const box = (await output.boundingBox())!;
    // 26 x 26 tiles at 84 / 26 px per value, gap 4: value (13, 13) of channel 0
    const k = 84 / 26;
    await output.click({ position: { x: 13 * k + k / 2, y: 13 * k + k / 2 } });
    expect(box.width).toBeGreaterThan(0);
    const panel = page.getByRole('group', { name: /^Convolution arithmetic of output cell \[13, 13\], filter 0$/ });
    await panel.waitFor();
    await expect(panel.getByRole('status').innerText()).resolves.toMatch(/✓ equal/);
    // the keyboard steps the window: one cell right
    await panel.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('group', { name: 'Convolution arithmetic of output cell [13, 14], filter 0' }).waitFor();
    await step.screenshot({ path: 'test-results/conv-mnist-step.png' });
    await expect(page.getByTestId('trace-check').innerText()).resolves.toContain('✓');
  });

  it('opens a cat/dog CNN and classifies a dropped photo; class names are editable', async () => {
    await page.getByLabel('Open model file').setInputFiles(FIX.path('models/keras3-catdog-bn-gap/cat_dog_model.keras'));
    await page.getByText(/^Showing cat_dog_model/).waitFor({ timeout: 90_000 });
    await page.getByRole('heading', { name: 'Photo', exact: true }).waitFor();
    // the model takes x / 255 (app.py), not raw pixels
    await page.getByLabel(/divided by 255/).check();
    await page.getByLabel('Choose a photo').setInputFiles(FIX.path('images/dog.4009.jpg'));
    await page.getByText('dog.4009.jpg, 500 × 400 px').waitFor();
    await page.getByText('As the model sees it: 150 × 150, nearest neighbour').waitFor();
    await page.getByLabel('Name of class 0').fill('cat');
    await page.getByLabel('Name of class 1').fill('dog');
    const prediction = page.locator('.photo-classes').getByText(/^Prediction:/);
    const predicted = async () => (await prediction.innerText()).replace(/\s+/g, ' ');
    await expect(predicted()).resolves.toMatch(/^Prediction: dog \((9\d|100)\.\d %\)/);
    await page.getByText(/^One sigmoid unit: P\(dog\) = p = 0\.9\d+, P\(cat\) = 1 − p = /).waitFor();
    // bilinear, as image_dataset_from_directory: still a dog
    await page.getByRole('radio', { name: /^bilinear/ }).check();
    await page.getByText('As the model sees it: 150 × 150, bilinear').waitFor();
    await expect.poll(predicted).toMatch(/^Prediction: dog/);
    await page.locator('.photo-input').screenshot({ path: 'test-results/conv-photo-input.png' });
    // and a cat photo reads as a cat
    await page.getByLabel('Choose a photo').setInputFiles(FIX.path('images/cat.4003.jpg'));
    await page.getByText('cat.4003.jpg, 500 × 399 px').waitFor();
    await expect.poll(predicted).toMatch(/^Prediction: cat/);
  });

  it('a bad image gets a clear message; the model and the photo on screen stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layer-lens-photo-'));
    const empty = join(dir, 'empty.jpg');
    writeFileSync(empty, new Uint8Array(0));
    await page.getByLabel('Choose a photo').setInputFiles(empty);
    const alert = page.getByRole('alert').filter({ hasText: 'empty.jpg is empty (0 bytes)' });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('The photo and the result on screen are unchanged.');
    const notImage = join(dir, 'notes.txt');
    writeFileSync(notImage, 'not a photo at all');
    await page.getByLabel('Choose a photo').setInputFiles(notImage);
    await page.getByRole('alert').filter({ hasText: /^notes\.txt is not an image Layer Lens can read/ }).waitFor();
    await page.getByText('cat.4003.jpg, 500 × 399 px').waitFor();
    await expect(page.locator('.top').innerText()).resolves.toContain('cat_dog_model');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
