import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

it('serves the app', async () => {
  const { page, errors } = await openApp(browser);
  await page.getByRole('heading', { name: 'Layer Lens' }).waitFor();
  expect(errors).toEqual([]);
});
