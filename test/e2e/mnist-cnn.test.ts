/**
 * Training an image network in the browser (issue 12): the MNIST course's CNN recipe trains one
 * epoch on all 54,000 training rows in the app's worker (the convolution engine, on the SIMD
 * kernels), its loss falls far below a guess's (ln 10 = 2.30), validation accuracy passes 0.9,
 * Stop keeps the weights, and the trained network's feature maps step through with every layer checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

const trainPanel = () => page.locator('section[aria-labelledby="train-heading"]');
/** The last value a curve's legend shows, as a number (accuracies are shown as percentages). */
const last = async (label: string) => {
  const text = (await page.locator(`b[data-last="${label}"]`).first().innerText()).replace('−', '-');
  const n = Number(text.replace(/[^\d.-]/g, ''));
  return text.includes('%') ? n / 100 : n;
};

describe('the MNIST CNN, trained in the browser', () => {
  it('trains one epoch of the CNN recipe: the loss falls below a guess and val_accuracy passes 0.9', async () => {
    await page.getByRole('button', { name: 'MNIST digits' }).click();
    await page.getByLabel('Pick a test image').waitFor({ timeout: 90_000 });
    await page.getByLabel('Convolutional network (CNN)').check();
    await expect(page.getByLabel('The Keras code this model follows').innerText()).resolves.toContain('layers.Conv2D(32, (3, 3), activation="relu")');
    await trainPanel().getByLabel('Epochs', { exact: true }).fill('1');
    const started = Date.now();
    await trainPanel().getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="running"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-training="idle"]').waitFor({ timeout: 600_000 });
    console.log(`MNIST CNN, one epoch through the app: ${Date.now() - started} ms`);
    await expect(page.getByText(/convolution engine/).first().isVisible()).resolves.toBe(true);
    expect(await last('loss')).toBeLessThan(1);
    expect(await last('val_accuracy')).toBeGreaterThan(0.9);
  }, 700_000);

  it('steps through the trained network: feature maps, every layer checked against tfjs', async () => {
    await page.locator('h1').click();
    await page.keyboard.press('Home');
    const heading = page.locator('#step-heading');
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await heading.innerText());
    }
    expect(seen.join(' | ')).toMatch(/Conv2D/);
    expect(seen.join(' | ')).toMatch(/MaxPooling2D/);
    const check = await page.getByTestId('trace-check').innerText();
    expect(check).toMatch(/^Every layer\s+recomputed in plain TypeScript/);
    expect(check).toContain('✓');
  });

  it('Stop during a second run keeps the weights reached so far', async () => {
    await trainPanel().getByLabel('Epochs', { exact: true }).fill('3');
    await trainPanel().getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="running"]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    await trainPanel().getByRole('button', { name: 'Stop', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 120_000 });
    await expect(page.getByText(/Stopped after epoch \d+/).first().isVisible()).resolves.toBe(true);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
