/**
 * "Train on your photos" end to end in the production build: a folder of two classes of generated
 * BMP images on disk (Keras reads .bmp) picked through the webkitdirectory input, what Keras would
 * find shown, the photo CNN trained for a few epochs with the loss curve falling, Stop keeping the
 * weights, and the trained model on screen: a photo classified and stepped through layer by layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openApp } from './browser';
import { blocking, formatViolations, runAxe } from './axe';

/** A 24-bit BMP (BI_RGB, rows bottom-up, padded to 4 bytes) of w x h from pixel(x, y) -> [r, g, b]. */
function bmp(w: number, h: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const stride = Math.ceil((w * 3) / 4) * 4;
  const size = 54 + stride * h;
  const b = Buffer.alloc(size);
  b.write('BM', 0, 'ascii');
  b.writeUInt32LE(size, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(stride * h, 34);
  for (let y = 0; y < h; y++) {
    const row = 54 + (h - 1 - y) * stride;
    for (let x = 0; x < w; x++) {
      const [r, g, bl] = pixel(x, y);
      b[row + x * 3] = bl;
      b[row + x * 3 + 1] = g;
      b[row + x * 3 + 2] = r;
    }
  }
  return b;
}

/** Class "stripes": vertical dark stripes on light; class "sky": a smooth dark-blue gradient. */
const stripes = (i: number) => (x: number, y: number): [number, number, number] =>
  (x + i) % 6 < 3 ? [30 + i, 40, 50] : [220, 210 - i, 190 + ((x * y) % 20)];
const sky = (i: number) => (x: number, y: number): [number, number, number] => [20 + y * 2, 60 + i * 3, 150 + x * 2];

function makeFolder(): { dir: string; probe: string } {
  const root = mkdtempSync(join(tmpdir(), 'layer-lens-photos-'));
  const dir = join(root, 'my_photos');
  for (const [name, draw] of [['stripes', stripes], ['sky', sky]] as const) {
    mkdirSync(join(dir, name), { recursive: true });
    for (let i = 0; i < 15; i++) writeFileSync(join(dir, name, `${name}_${String(i).padStart(2, '0')}.bmp`), bmp(32, 32, draw(i)));
  }
  writeFileSync(join(dir, 'sky', 'notes.txt'), 'not an image');
  const probe = join(root, 'probe.bmp');
  writeFileSync(probe, bmp(40, 40, stripes(2)));
  return { dir, probe };
}

describe('train on your photos', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const { dir, probe } = makeFolder();

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser));
    await page.locator('#step-heading').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const panel = () => page.getByRole('region', { name: 'Train on your photos' });

  it('reads a picked folder as image_dataset_from_directory does', async () => {
    const p = panel();
    await p.getByLabel('Image height').fill('24');
    await p.getByLabel('Image width').fill('24');
    await p.getByLabel('Epochs', { exact: true }).fill('5');
    await p.getByLabel('Choose a folder of photos').setInputFiles(dir);
    const found = p.getByRole('group', { name: 'What was found in the folder' });
    // 30 images; floor(0.2 * 30) = 6 validate. Classes sorted by name: sky (0), stripes (1).
    await found.getByText('Found 30 files belonging to 2 classes. Using 24 files for training. Using 6 files for validation.', { exact: false }).waitFor();
    await expect(found.getByRole('row').nth(1).innerText()).resolves.toMatch(/^0\s+sky\s/);
    await expect(found.getByRole('row').nth(2).innerText()).resolves.toMatch(/^1\s+stripes\s/);
    await found.getByText(/notes\.txt: not an image \(txt\)/).waitFor();
    await p.getByText('The Keras code this mirrors').click();
    await expect(p.locator('pre.code').innerText()).resolves.toContain(
      '"my_photos", validation_split=0.2, subset="both", seed=1337, image_size=(24, 24))',
    );
    await p.screenshot({ path: 'test-results/photo-training-before.png' });
    const bad = blocking(await runAxe(page));
    expect(bad, formatViolations('a folder picked', bad)).toEqual([]);
  });

  it('trains 5 epochs off the main thread: the loss curve falls and the model goes on screen', async () => {
    const p = panel();
    await p.getByRole('button', { name: 'Train on these photos' }).click();
    await p.getByRole('status').filter({ hasText: 'Trained 5 epochs.' }).waitFor({ timeout: 120_000 });
    await p.getByText(/The model is on screen now/).waitFor();
    const curves = p.getByRole('region', { name: 'Training curves' });
    await curves.getByText('epoch 5/5').waitFor();
    // The loss curve falls: its dot for the last epoch sits lower than the first (larger y on screen).
    const dots = curves.locator('svg[aria-label="Loss over 5 epochs"] circle');
    const cy = async (i: number) => Number(await dots.nth(i).getAttribute('cy'));
    expect(await cy(4)).toBeGreaterThan(await cy(0));
    await expect(page.locator('.top').innerText()).resolves.toContain('Your photos (sky, stripes)');
    await p.screenshot({ path: 'test-results/photo-training-after.png' });
    const bad = blocking(await runAxe(page));
    expect(bad, formatViolations('after training on photos', bad)).toEqual([]);
  });

  it('a photo goes through the trained model, layer by layer', async () => {
    await page.getByLabel('Choose a photo').setInputFiles(probe);
    await page.getByText('probe.bmp, 40 × 40 px').waitFor();
    // a stripes photo the network never saw, classified with the folder's class names
    await expect.poll(async () => (await page.getByText(/^Prediction:/).first().innerText()).replace(/\s+/g, ' ')).toMatch(/^Prediction: stripes \(/);
    const stepper = page.getByRole('navigation', { name: 'Layers' });
    const steps = await stepper.getByRole('button').allInnerTexts();
    expect(steps.join(' ')).toMatch(/Conv2D[\s\S]*MaxPooling2D[\s\S]*BatchNormalization[\s\S]*Dense/);
    for (const name of [/^layer_0/, /^layer_5/, /^layer_8/]) {
      await stepper.getByRole('button', { name }).click();
      await expect(page.getByTestId('trace-check').innerText()).resolves.toContain('✓');
    }
    await page.screenshot({ path: 'test-results/photo-training-page.png' });
  });

  it('Stop keeps the weights reached so far', async () => {
    const p = panel();
    await p.getByLabel('Epochs', { exact: true }).fill('2000');
    await p.getByRole('button', { name: 'Train on these photos' }).click();
    await p.getByText(/^epoch [1-9]\d*\/2000/).first().waitFor({ timeout: 60_000 });
    await p.getByRole('button', { name: 'Stop photo training' }).click();
    const status = p.getByRole('status').filter({ hasText: /^Stopped after \d+ epochs; the weights reached so far are kept\./ });
    await status.waitFor({ timeout: 30_000 });
    const epochs = Number(/Stopped after (\d+)/.exec(await status.innerText())![1]);
    expect(epochs).toBeGreaterThan(0);
    expect(epochs).toBeLessThan(2000);
    await p.getByRole('region', { name: 'Training curves' }).getByText(`epoch ${epochs}/2000`).waitFor();
    await p.getByText(/The model is on screen now/).waitFor();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
