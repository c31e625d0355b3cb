/**
 * Keep models in the browser, end to end in Chromium's real IndexedDB: save the trained course
 * model, reload the page, find it in the list, open it (same predictions), rename and delete it.
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

const prediction = async () => /Prediction:\s*(\w+)\s*\(([\d.]+) %\)/.exec(await page.getByLabel('Class probabilities').innerText())?.slice(1).join(' ');

describe('the model library', () => {
  it('saves the trained model and finds it again after a reload', async () => {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
    await page.getByText('epoch 300/300').first().waitFor();
    await page.getByLabel('Paste a row').fill('6,5 3,1 5,0 1,7');
    await page.getByRole('button', { name: 'Use row' }).click();
    const before = await prediction();
    expect(before).toMatch(/^(versicolor|virginica) /);

    await page.getByLabel('Save current model as').fill('my iris, seed 1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as “my iris, seed 1”.').waitFor();

    await page.reload();
    await page.locator('#step-heading').waitFor();
    await page.getByRole('button', { name: 'Open my iris, seed 1' }).click();
    await page.getByText(/^Showing /).waitFor();
    await page.getByLabel('Paste a row').fill('6,5 3,1 5,0 1,7');
    await page.getByRole('button', { name: 'Use row' }).click();
    await expect(prediction()).resolves.toBe(before);
  });

  it('renames and deletes a saved model', async () => {
    await page.getByRole('button', { name: 'Rename my iris, seed 1' }).click();
    await page.getByLabel('New name for “my iris, seed 1”').fill('renamed iris');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('button', { name: 'Open renamed iris' }).waitFor();
    await page.getByRole('button', { name: 'Delete renamed iris' }).click();
    await page.getByRole('button', { name: 'Really delete “renamed iris”' }).click();
    await page.getByText('No saved models yet.').waitFor();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
