/**
 * Exports end to end: every download button of the export panel delivers a file, and the files
 * open where users open them (numpy for .npy/.npz, python for the script, JSON/CSV parsers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from './browser';

let browser: Browser;
let page: Page;
let errors: string[];
const dir = mkdtempSync(join(tmpdir(), 'layer-lens-downloads-'));

beforeAll(async () => {
  browser = await launch();
  ({ page, errors } = await openApp(browser));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
});

async function download(name: string | RegExp, count = 1): Promise<string[]> {
  const got: Promise<string>[] = [];
  const done = new Promise<void>((resolve) => {
    const onDownload = (d: import('playwright-core').Download) => {
      const path = join(dir, d.suggestedFilename());
      got.push(d.saveAs(path).then(() => path));
      if (got.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
  await done;
  return Promise.all(got);
}

const python = (code: string) => execFileSync('python3', ['-c', code], { encoding: 'utf8' });

describe('exports from the UI', () => {
  it('the whole model as JSON lists every layer with its weights', async () => {
    const [file] = await download('Download .json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.stringify(json)).toContain('dense_1');
  });

  it('the .npz opens in numpy with dense/kernel (4, 8)', async () => {
    const [file] = await download('Download .npz');
    const out = python(`import numpy as np; z = np.load(${JSON.stringify(file)}); print(sorted(z.files)); print(z["dense/kernel"].shape, z["dense/kernel"].dtype)`);
    expect(out).toContain("'dense/kernel'");
    expect(out).toContain("'dense_1/bias'");
    expect(out).toContain('(4, 8) float32');
  });

  it('the TensorFlow.js model comes as model.json and its weights', async () => {
    const files = await download('Download TensorFlow.js model', 2);
    const names = files.map((f) => f.split('/').pop()!).sort();
    expect(names.some((n) => n.endsWith('.json'))).toBe(true);
    expect(names.some((n) => n.endsWith('.bin'))).toBe(true);
    const modelJson = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json'))!, 'utf8'));
    expect(modelJson.weightsManifest[0].paths[0].replace(/^\.\//, '')).toBe(names.find((n) => n.endsWith('.bin')));
  });

  it('the trace downloads as JSON and CSV, and the script reproduces it in Python', async () => {
    const [json] = await download('Download trace .json');
    expect(readFileSync(json, 'utf8')).toContain('values_4');
    const [csv] = await download('Download trace .csv');
    expect(readFileSync(csv, 'utf8').split('\n').length).toBeGreaterThan(20);
    const [py] = await download('Reproduce in Python (.py)');
    const out = execFileSync('python3', [py], { encoding: 'utf8' });
    expect(out).toContain('values_0');
    expect(out).toContain('values_4');
    expect(out).toMatch(/setosa|versicolor|virginica/);
  });

  it('a layer kernel downloads as .npy and .csv, and copies as Markdown', async () => {
    const [npy] = await download('Download kernel .npy');
    expect(python(`import numpy as np; a = np.load(${JSON.stringify(npy)}); print(a.shape, a.dtype)`)).toContain('float32');
    const [csv] = await download('Download kernel .csv');
    expect(readFileSync(csv, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Copy kernel as Markdown' }).first().click();
    await page.getByText(/Copied/).first().waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toMatch(/^\|/);
  });

  it('German Excel style: semicolons and decimal commas, for the kernel and the bias', async () => {
    await page.getByLabel('CSV style').selectOption({ index: 1 });
    const [kernel] = await download('Download kernel .csv');
    const text = readFileSync(kernel, 'utf8');
    expect(text).toContain(';');
    expect(text).toMatch(/\d,\d/);
    expect(text).not.toMatch(/\d\.\d/);
    const [bias] = await download('Download bias .csv');
    expect(readFileSync(bias, 'utf8')).toContain(';');
    const [npy] = await download('Download bias .npy');
    expect(python(`import numpy as np; print(np.load(${JSON.stringify(npy)}).shape)`)).toContain('(8,)');
  });

  it('copies a weight table as LaTeX', async () => {
    await page.getByRole('button', { name: 'Copy bias as LaTeX' }).first().click();
    await page.getByText(/Copied .*LaTeX/).first().waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('\\begin{tabular}');
  });

  it('downloads the model as a Keras 3 .keras file that h5py can read', async () => {
    const [keras] = await download('Download Keras .keras');
    expect(keras.endsWith('.keras')).toBe(true);
    const listing = python(`import zipfile; print(sorted(zipfile.ZipFile(${JSON.stringify(keras)}).namelist()))`);
    expect(listing).toContain('config.json');
    expect(listing).toContain('model.weights.h5');
    // The weights as Keras reads them (h5py from Debian's python, which .ci/run installs).
    const kernel = execFileSync('/usr/bin/python3', ['-c', [
      'import io, sys, zipfile, h5py',
      `z = zipfile.ZipFile(${JSON.stringify(keras)})`,
      'f = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")',
      'print(f["layers/dense/vars/0"].shape, f["layers/dense/vars/0"].dtype)',
    ].join('\n')], { encoding: 'utf8' });
    expect(kernel).toContain('(4, 8) float32');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
