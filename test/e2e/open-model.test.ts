/**
 * Bring your own model, end to end: open a Keras 3 .keras file that someone trained in Python,
 * enter its StandardScaler, step through it and get the reference probabilities; a broken file gets
 * a message and the model on screen stays. Reads ../shared/fixtures (skips, saying so, without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openApp } from './browser';
import { fixtures as fixtureDir } from '../fixtures';

const FIX = fixtureDir('models/keras3-iris-dropout/iris_model.keras');
const fixtures = resolve(FIX.dir, '..');
const have = FIX.present;

describe.skipIf(!have)(`open a .keras model and step through it${FIX.skipNote}`, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const ref = have ? JSON.parse(readFileSync(join(fixtures, 'reference_predictions.json'), 'utf8')) : null;

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser));
    await page.locator('#step-heading').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a truncated file gets a clear message and the course model stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layer-lens-bad-'));
    const bad = join(dir, 'broken.keras');
    writeFileSync(bad, readFileSync(join(fixtures, 'iris_model.keras')).subarray(0, 3000));
    await page.getByLabel('Open model file').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: /zip|truncated|damaged|incomplete|broken|cannot|could not/i });
    await alert.first().waitFor();
    await expect(page.locator('.top').innerText()).resolves.toContain('Iris flowers (course model)');
  });

  it('opens the .keras and shows its four layers', async () => {
    await page.getByLabel('Open model file').setInputFiles(join(fixtures, 'iris_model.keras'));
    await page.getByText(/^Showing /).waitFor();
    await expect(page.locator('.top').innerText()).resolves.toContain('iris_model');
    const stepper = await page.getByRole('button', { name: /^layer_\d/ }).allInnerTexts();
    expect(stepper.map((t) => t.split('\n')[0].split(' · ')[1].split(' ')[0])).toEqual(['Dense', 'Dropout', 'Dense', 'Dense']);
  });

  it('with its scaler, a test row gives the probabilities Keras computed', async () => {
    await page.getByLabel('Mean', { exact: true }).fill(ref.scaler_mean.join(', '));
    await page.getByLabel('Scale', { exact: true }).fill(ref.scaler_scale.join(', '));
    await page.getByRole('button', { name: 'Use these values' }).click();
    const row: number[] = ref.X_test[0];
    await page.getByLabel('Paste a row').fill(row.join(' '));
    await page.getByRole('button', { name: 'Use row' }).click();
    // values_0 shows the raw input and the scaled one.
    await page.locator('h1').click();
    await page.keyboard.press('Home');
    await expect(page.locator('article.step').innerText()).resolves.toContain('raw input');
    // The last layer's output, read from the cells' accessible labels, equals Keras' probabilities.
    await page.keyboard.press('End');
    const labels = await page.locator('article.step [aria-label^="values_4"], article.step [aria-label*="output"]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-label') ?? ''),
    );
    // The app writes a minus as "−" (U+2212), also in exponents ("3.20e−4").
    const numbers = labels.map((l) => Number(/= (-?[0-9.e-]+)/.exec(l.replace(/\u2212/g, '-'))?.[1])).filter((v) => Number.isFinite(v));
    const expected: number[] = ref.probs_test[0];
    expect(numbers.slice(-3).length).toBe(3);
    numbers.slice(-3).forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(5e-3));
    // The reference check holds for this model too.
    await expect(page.getByTestId('trace-check').innerText()).resolves.toContain('✓');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
