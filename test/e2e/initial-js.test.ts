/**
 * The first page load stays light: the JavaScript the page needs before the app runs (the entry,
 * its modulepreloads and their static imports, as `npm run bench` measures it) is at most 180 KiB
 * gzip. TensorFlow.js, the model-file formats and the exports load on demand: the page still shows
 * the course model's trace, and the formats and exports are not fetched until they are used.
 * Reads the production build that the e2e setup made in dist/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { INITIAL_JS_BUDGET_KIB, measureInitialJsFromBuild, staticImports } from '../../scripts/initial-js.mjs';
import { launch, openApp } from './browser';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the first page load', () => {
  it(`needs at most ${INITIAL_JS_BUDGET_KIB} KiB of JavaScript (gzip) before the app runs`, () => {
    const m = measureInitialJsFromBuild(DIST);
    const list = m.files.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KiB`).join(', ');
    expect(m.files.length, 'the entry script was found').toBeGreaterThan(0);
    expect(m.initialJsGzipKiB, `initial JS: ${list}`).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KIB);
  });

  it('leaves TensorFlow.js, fflate and jsfive out of it (they load on demand)', () => {
    // A string each library's code holds (tfjs-core's URL flag, fflate's and jsfive's error texts).
    const markers = { 'tfjs-core': 'tfjsflags', fflate: 'invalid zip data', jsfive: 'superblock' };
    const text = (file: string) => readFileSync(join(DIST, file), 'utf8');
    const initial = measureInitialJsFromBuild(DIST).files.map((f) => f.file);
    const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
    for (const [library, marker] of Object.entries(markers)) {
      expect(all.some((f) => text(f).includes(marker)), `${library} is in the build`).toBe(true);
      expect(initial.filter((f) => text(f).includes(marker)), `${library} in the initial JS`).toEqual([]);
    }
  });

  it('follows static imports and re-exports, not dynamic import()', () => {
    const code = 'import{a as b}from"./x-1.js";import"./y-2.js";export*from"./z-3.js";const t=()=>import("./lazy-4.js");import * as n from "./w-5.js"';
    expect(staticImports(code)).toEqual(['./x-1.js', './y-2.js', './z-3.js', './w-5.js']);
  });

  it('shows the course model\'s trace with TensorFlow.js loaded beside the page, and fetches no model formats or exports', async () => {
    const { page, errors } = await openApp(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url().split('/').pop()!);
    });
    await page.getByText('Every layer recomputed in plain TypeScript').waitFor({ timeout: 60_000 });
    await page.getByText(/^Prediction:/).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => /^(formats|export-files)-/.test(s)), scripts.join(', ')).toEqual([]);

    // The first whole-model export loads its code, then downloads.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .npz' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.npz$/);
    expect(scripts.some((s) => s.startsWith('export-files-')), scripts.join(', ')).toBe(true);
    expect(errors).toEqual([]);
  });
});
