/**
 * The JavaScript a first page load fetches: every .js request of the production app until the
 * network is idle, each file gzipped (zlib level 9, as servers commonly serve it) and summed. Also
 * counts requests for MNIST's data files, which must be none: MNIST loads when its course opens.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
    return {
      initialJsGzipKiB: gzip / 1024,
      initialJsKiB: files.reduce((a, f) => a + f.bytes, 0) / 1024,
      files,
      mnistRequests: urls.filter((u) => /idx[13]-ubyte/.test(u)).length,
      note: 'every .js file the app requests until the network is idle, gzip level 9',
    };
  } finally {
    await page.close();
  }
}
