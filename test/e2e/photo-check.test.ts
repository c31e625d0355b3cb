/**
 * A photo CNN in the production build runs on tfjs' wasm backend (SIMD, its .wasm files from the
 * build) and its trace is checked whole in the end: the large Conv2Ds' reference checks come after
 * the trace is on screen ("checking N more layers…"), and then every layer reads as checked.
 * Reads ../shared/fixtures (skips, saying so, without it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launch, openApp } from './browser';
import { fixtures } from '../fixtures';

const FIX = fixtures();

describe.skipIf(!FIX.present)(`a photo CNN's trace, checked in the end${FIX.skipNote}`, () => {
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

  it('infers on tfjs wasm, served from the build', async () => {
    await page.getByText('Inference: tfjs wasm').waitFor({ timeout: 60_000 });
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
    const origin = new URL(page.url()).origin;
    expect(wasm.filter((n) => !n.startsWith(origin)), 'every .wasm comes from the build, none from a CDN').toEqual([]);
    expect(wasm.some((n) => /\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/.test(n))).toBe(true);
  });

  it('shows a photo through the cat/dog CNN, every layer checked against its reference in the end', async () => {
    await page.getByLabel('Open model file').setInputFiles(FIX.path('models/keras3-catdog-bn-gap/cat_dog_model.keras'));
    await page.getByText(/^Showing cat_dog_model/).waitFor({ timeout: 90_000 });
    await page.getByLabel(/divided by 255/).check();
    // The first Conv2D on screen, then a photo: its values and its check at once.
    await page.getByRole('button', { name: /^layer_0/ }).click();
    await page.getByLabel('Choose a photo').setInputFiles(FIX.path('images/dog.4009.jpg'));
    await page.getByText('dog.4009.jpg, 500 × 400 px').waitFor();
    await expect(page.locator('.photo-classes').getByText(/^Prediction:/).innerText()).resolves.toMatch(/\d/);
    const check = page.getByTestId('trace-check');
    await expect.poll(() => check.innerText(), { timeout: 30_000 }).toMatch(/^Every layer recomputed in plain TypeScript/);
    await expect(check.innerText()).resolves.toContain('✓');
    await expect(page.locator('[data-check-pending]').count()).resolves.toBe(0);
    const card = page.locator('article.step');
    await expect(card.getByRole('status').filter({ hasText: /max \|tfjs − reference\|/ }).first().innerText()).resolves.toMatch(/OK/);
    // The next layers' cards read as checked too.
    for (const layer of [/^layer_1(?!\d)/, /^layer_2(?!\d)/]) {
      await page.getByRole('button', { name: layer }).click();
      await expect(card.getByRole('status').filter({ hasText: /max \|tfjs − reference\|/ }).first().innerText()).resolves.toMatch(/OK/);
    }
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe("when tfjs' wasm files cannot load", () => {
  it('the app infers on cpu instead, with no error, and still traces and checks every layer', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto(inject('baseUrl'));
      await page.locator('#step-heading').waitFor();
      await page.getByText('Inference: tfjs cpu').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('trace-check').innerText(), { timeout: 30_000 }).toMatch(/^Every layer recomputed in plain TypeScript.*✓/);
      await expect(page.getByRole('alert').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
