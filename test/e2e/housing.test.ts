/**
 * The housing course end to end in headless Chromium on the production build: open it, train a
 * few epochs (loss and val_loss, no accuracy), evaluate in dollars beside the baseline, enter a
 * district with a negative longitude and see a price, bad input kept stale, click a scatter
 * point, the scaling step, Dropout's training mode.
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

const price = () => page.getByTestId('price').innerText();
const field = (label: string) => page.getByLabel(label, { exact: true });
/** A field of the course's training panel (the photo-training panel has fields of the same names). */
const trainField = (label: string) => page.locator('section[aria-labelledby="train-heading"]').getByLabel(label, { exact: true });

describe('California housing end to end', () => {
  it('opens the course: the data loads, eight fields with units, a price for row 0', async () => {
    await page.getByRole('button', { name: 'California housing' }).click();
    await page.locator('#input-heading', { hasText: 'Try a district' }).waitFor({ timeout: 30_000 });
    await expect(field('Longitude (degrees, negative = west)').inputValue()).resolves.toBe('-122.23');
    await expect(field('MedInc (median income, $10,000s)').inputValue()).resolves.toBe('8.3252');
    await expect(price()).resolves.toMatch(/^-?\$\d{1,3}(,\d{3})*$/);
    await expect(page.getByText('StandardScaler().fit(housing.data)', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/the 5,160 validation rows included/).isVisible()).resolves.toBe(true);
  });

  it('trains a few epochs with loss and val_loss curves and no accuracy', async () => {
    await trainField('Epochs').fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 90_000 });
    await expect(page.getByText('epoch 3/3').first().isVisible()).resolves.toBe(true);
    const training = await page.locator('[data-training]').innerText();
    expect(training).toContain('val_loss');
    expect(training).toContain('loss="mean_squared_error"');
    expect(training).not.toMatch(/accuracy/i);
  });

  it('evaluates in dollars on all rows and the validation rows, beside the mean-price baseline', async () => {
    await page.getByRole('button', { name: 'Run model.evaluate(x, y)' }).click();
    const table = await page.getByLabel('model.evaluate(x, y)', { exact: true }).innerText();
    expect(table).toContain('model, all 20,640 rows');
    expect(table).toContain('model, validation (5,160)');
    expect(table).toContain('always the mean, validation');
    expect(table).toMatch(/mean absolute error\s+\$[\d,]+\s+\$[\d,]+\s+\$[\d,]+\s+\$[\d,]+/);
    expect(table).not.toMatch(/NaN/);
  });

  it('takes a pasted district with decimal commas and a negative longitude and shows a dollar price', async () => {
    const before = await price();
    await page.getByLabel('Paste a row').fill('3,2 25 5,1 1,05 1500 2,9 34,05 -118,25');
    await page.getByRole('button', { name: 'Use row' }).click();
    await expect(field('Longitude (degrees, negative = west)').inputValue()).resolves.toBe('-118.25');
    await expect(field('MedInc (median income, $10,000s)').inputValue()).resolves.toBe('3.2');
    const now = await price();
    expect(now).toMatch(/^-?\$\d{1,3}(,\d{3})*$/);
    expect(now).not.toBe(before);
    // Far outside the data: a warning, the prediction still shown.
    await field('MedInc (median income, $10,000s)').fill('40');
    await expect(page.getByText(/extrapolating/).first().isVisible()).resolves.toBe(true);
    const extrapolated = await price();
    // Not a number: flagged at its field, the last good price stays, marked stale.
    await field('HouseAge (median age, years)').fill('zwölf');
    await expect(field('HouseAge (median age, years)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(price()).resolves.toBe(extrapolated);
    await expect(page.getByText(/stale: fix the input/).first().isVisible()).resolves.toBe(true);
    // A count cannot be negative; a longitude can (see the pasted row).
    await field('Population (people)').fill('-5');
    await expect(page.getByText(/Must be at least 0/).first().isVisible()).resolves.toBe(true);
    await field('Population (people)').fill('1500');
    await field('HouseAge (median age, years)').fill('25');
    await field('MedInc (median income, $10,000s)').fill('3,2');
    await expect(price()).resolves.toBe(now);
  });

  it('clicking a point of the scatter makes that district the input', async () => {
    const scatter = page.getByRole('img', { name: /Predicted vs actual, every district: 20,640 points/ });
    await scatter.scrollIntoViewIfNeeded();
    const box = (await scatter.boundingBox())!;
    // Aim at $200k actual, $200k predicted: the thick of the cloud (the axis ticks give the pixels).
    const ticks = scatter.locator('text.tick', { hasText: /^\$200k$/ });
    const xTick = (await ticks.nth(0).boundingBox())!;
    const yTick = (await ticks.nth(1).boundingBox())!;
    await page.mouse.click(xTick.x + xTick.width / 2, yTick.y + yTick.height / 2);
    const status = await page.getByText(/^Your district is row \d+ of the data/).innerText();
    const row = Number(/row (\d+)/.exec(status)![1]);
    expect(status).toMatch(/actual median value is \$[\d,]+\.$/);
    expect(row).toBeGreaterThanOrEqual(0);
    expect(row).toBeLessThan(20640);
    await expect(scatter.getByText(`your district (row ${row})`).isVisible()).resolves.toBe(true);
    expect(box.width).toBeGreaterThan(200);
    const lon = Number(await field('Longitude (degrees, negative = west)').inputValue());
    expect(lon).toBeLessThan(-114);
  });

  it('shows the raw input and its scaling at values_0, and Dropout in both modes', async () => {
    await page.getByRole('button', { name: /^values_0/ }).click();
    const input = await page.locator('article.step').innerText();
    expect(input).toContain('values_0 = (raw − mean) / scale');
    await page.getByRole('button', { name: /layer_1 · Dropout/ }).click();
    const step = page.locator('article.step');
    await expect(step.innerText()).resolves.toContain('passes its input through unchanged');
    await page.getByLabel('Training (one pass)').check();
    await expect(page.getByTestId('dropout-factor').innerText()).resolves.toMatch(/factor = 1 \/ \(1 − 0\.1\) = 1\.111 · \d+ of 16 values kept/);
    await expect(step.innerText()).resolves.toMatch(/recomputed from the mask: max \|d\| = /);
    await page.getByLabel('Inference (predict)').check();
    await expect(step.innerText()).resolves.toContain('passes its input through unchanged');
    await page.screenshot({ path: 'screenshots/housing.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
