/**
 * Screenshots of the production build in Debian's headless Chromium, to look at what we build.
 * Usage: node scripts/screenshot.mjs [out-dir] [--train] [--no-build]
 * Writes full-page PNGs of the app (before and after training, each layer step).
 */
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveDir } from '../bench/serve.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? 'screenshots';
const root = fileURLToPath(new URL('..', import.meta.url));
if (!args.includes('--no-build')) await build({ root, logLevel: 'warn' });
const site = await serveDir(root + 'dist');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
await mkdir(out, { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => console.error('page error:', e));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(site.url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/01-start.png`, fullPage: true });
  if (args.includes('--train')) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('[data-training="running"]'), null, { timeout: 60000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/02-trained.png`, fullPage: true });
    for (let i = 1; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${out}/03-step-${i}.png`, fullPage: true });
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`screenshots in ${out}/`);
