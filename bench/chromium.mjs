/**
 * The bench's Chromium: Debian's, headless, with the flags this machine needs (no background
 * networking: its connections are refused here), and precise memory figures for the heap readings.
 * Used by bench/run.mjs and by each driver run alone (`node bench/mnist.mjs`).
 */
import { fileURLToPath } from 'node:url';

export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
};

/**
 * When the module at `moduleUrl` is the script node was started with, runs `bench(browser)` in a
 * fresh browser and prints its result as JSON (bench/run.mjs writes bench.json; this does not).
 */
export async function runAlone(moduleUrl, bench) {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(launchOptions);
  try {
    console.log(JSON.stringify(await bench(browser), null, 2));
  } finally {
    await browser.close();
  }
}
