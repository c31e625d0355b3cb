/** Helpers for end-to-end tests: a real headless Chromium (Debian's) driven by playwright-core. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumLaunchOptions } from '../chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Opens the app, failing the test on any uncaught page error. */
export async function openApp(browser: Browser, path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(inject('baseUrl') + path);
  return { page, errors };
}
