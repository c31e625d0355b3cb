/**
 * The JavaScript of a first page load. `initialJsGzipKiB`: what the page needs before the app runs
 * (the entry, its modulepreloads and their static imports; scripts/initial-js.mjs; budget 180 KiB).
 * `firstLoadJsGzipKiB`: every .js request of the production app until the network is idle (adds
 * TensorFlow.js, which loads beside the page). Each file gzipped (zlib level 9, as servers commonly
 * serve it) and summed. Also counts requests for MNIST's data files, which must be none: MNIST
 * loads when its course opens.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INITIAL_JS_BUDGET_KIB, measureInitialJsFromBuild } from '../scripts/initial-js.mjs';

export async function measureInitialJs(browser, appUrl, distDir) {
  const page = await browser.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  try {
    await page.goto(appUrl, { waitUntil: 'networkidle' });
    const js = [...new Set(urls.filter((u) => u.startsWith(appUrl) && new URL(u).pathname.endsWith('.js')))];
    const files = [];
    for (const u of js) {
      const path = decodeURIComponent(new URL(u).pathname.slice(new URL(appUrl).pathname.length));
      const body = await readFile(join(distDir, path));
      files.push({ file: path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
    }
    const gzip = files.reduce((a, f) => a + f.gzipBytes, 0);
    const eager = measureInitialJsFromBuild(distDir);
    return {
      initialJsGzipKiB: eager.initialJsGzipKiB,
      initialJsKiB: eager.initialJsKiB,
      initialFiles: eager.files,
      initialJsBudgetKiB: INITIAL_JS_BUDGET_KIB,
      firstLoadJsGzipKiB: gzip / 1024,
      firstLoadJsKiB: files.reduce((a, f) => a + f.bytes, 0) / 1024,
      files,
      mnistRequests: urls.filter((u) => /idx[13]-ubyte/.test(u)).length,
      note: 'initial: the entry, its modulepreloads and their static imports (before the app runs); firstLoad: every .js file the app requests until the network is idle; gzip level 9',
    };
  } finally {
    await page.close();
  }
}
