/**
 * The weights' history end to end: train Iris, move the epoch slider to epoch 0 with the keyboard
 * (Home) and see the initial weights' matrix and prediction, then End brings back the final
 * model's exactly; the curves mark the epoch, the export panel says what it exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser';
import { initialWeights } from '../../src/models/train/recipe-weights';
import { findCourse } from '../../src/models/courses';
import { formatNumber } from '../../src/i18n/format';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

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

const trainSection = () => page.locator('section[aria-labelledby="train-heading"]');
const history = () => page.getByTestId('epoch-history');
const slider = () => history().getByRole('slider', { name: 'Epoch shown' });
const probabilities = () => page.getByLabel('Class probabilities').innerText();
/** The first layer's kernel as the matrix on screen shows it, cell by cell. */
const kernel = () => page.locator('[aria-label^="dense.kernel["]').evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')));

describe('the weights\' history', () => {
  let untrained: { probs: string; kernel: (string | null)[] };
  let final: { probs: string; kernel: (string | null)[] };

  it('shows no slider before training; keeps all 301 epochs of an Iris run', async () => {
    await page.locator('[aria-label^="dense.kernel[0][0]"]').waitFor();
    untrained = { probs: await probabilities(), kernel: await kernel() };
    expect(untrained.kernel).toHaveLength(32);
    await expect(history().count()).resolves.toBe(0);
    await trainSection().getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
    await history().waitFor();
    final = { probs: await probabilities(), kernel: await kernel() };
    expect(final.kernel).not.toEqual(untrained.kernel);
    await expect(history().getByTestId('epochs-kept').innerText()).resolves.toMatch(/^Weights of all 301 epochs kept \(79 KB\)/);
    await expect(history().getByTestId('epoch-state').innerText()).resolves.toBe('The final model (epoch 300) is on screen.');
    await expect(slider().getAttribute('aria-valuetext')).resolves.toBe('epoch 300 of 300');
    await expect(page.getByTestId('epoch-export-note').count()).resolves.toBe(0);
  });

  it('Home shows epoch 0: the initial weights in the matrix and their prediction', async () => {
    await slider().focus();
    await page.keyboard.press('Home');
    await expect.poll(() => slider().getAttribute('aria-valuetext')).toBe('epoch 0: the initial weights');
    await expect.poll(kernel).toEqual(untrained.kernel);
    await expect(probabilities()).resolves.toBe(untrained.probs);
    // The values are Keras' glorot_uniform draw for the course's seed, computed here in Node.
    const course = findCourse('iris')!;
    const recipe = course.recipes[0].build(course.defaults.hiddenUnits, { ...course.fit, ...course.defaults });
    const w0 = initialWeights(recipe, course.defaults.seed).find((w) => w.layer === 'dense' && w.name === 'kernel')!;
    const k = untrained.kernel.find((l) => l?.startsWith('dense.kernel[2][5] = '));
    expect(k).toBe(`dense.kernel[2][5] = ${formatNumber(w0.values[2 * 8 + 5])}`);
    // The diagram and the diagnosis follow: at epoch 0 four hidden ReLUs never fire (six by the
    // end: two die while training), and every flower gets one class (no boundary yet).
    await expect.poll(() => page.locator('svg[role="img"] circle.node.dead').count()).toBe(4);
    await expect(page.getByTestId('diagnosis').innerText()).resolves.toMatch(/^All 150 flowers are predicted as virginica/);
    // Said on screen, on the curves and in the export panel.
    await expect(history().getByTestId('epoch-state').innerText()).resolves.toBe('Every view shows the initial weights (epoch 0), not the final model (epoch 300).');
    await expect(page.locator('g.marker').first().getAttribute('data-marker')).resolves.toBe('0');
    // In the export panel and beside the model library's download and save.
    await expect(page.locator('section[aria-labelledby="export-heading"]').getByTestId('epoch-export-note').innerText())
      .resolves.toMatch(/weights after epoch 0, not the final model \(epoch 300\)/);
    await expect(page.getByTestId('epoch-export-note').count()).resolves.toBe(2);
    // Arrow and Page keys move through the epochs (Page Up: a tenth of the run).
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider().getAttribute('aria-valuetext')).toBe('epoch 1 of 300');
    await page.keyboard.press('PageUp');
    await expect.poll(() => slider().getAttribute('aria-valuetext')).toBe('epoch 31 of 300');
    await expect(page.locator('g.marker').first().getAttribute('data-marker')).resolves.toBe('31');
    const mid = await kernel();
    expect(mid).not.toEqual(untrained.kernel);
    expect(mid).not.toEqual(final.kernel);
  });

  it('End brings back the final model exactly; so does the button', async () => {
    await page.keyboard.press('End');
    await expect.poll(() => slider().getAttribute('aria-valuetext')).toBe('epoch 300 of 300');
    await expect.poll(kernel).toEqual(final.kernel);
    await expect(probabilities()).resolves.toBe(final.probs);
    await expect.poll(() => page.locator('svg[role="img"] circle.node.dead').count()).toBe(6);
    await expect(page.getByTestId('epoch-export-note').count()).resolves.toBe(0);
    await page.keyboard.press('Home');
    await expect.poll(kernel).toEqual(untrained.kernel);
    await history().getByRole('button', { name: 'Back to the final model (epoch 300)' }).click();
    await expect.poll(kernel).toEqual(final.kernel);
    await expect(probabilities()).resolves.toBe(final.probs);
  });

  it('retraining clears the history and keeps the new run\'s', async () => {
    await slider().focus();
    await page.keyboard.press('Home');
    await trainSection().getByRole('textbox', { name: 'Epochs' }).fill('20');
    await trainSection().getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('[data-training="idle"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => slider().getAttribute('aria-valuetext')).toBe('epoch 20 of 20');
    await expect(history().getByTestId('epochs-kept').innerText()).resolves.toMatch(/^Weights of all 21 epochs kept/);
    await slider().focus();
    await page.keyboard.press('Home');
    await expect.poll(kernel).toEqual(untrained.kernel);
    expect(errors).toEqual([]);
  });
});

describe('a stopped run keeps its history up to the stop', () => {
  it('the last epoch kept is the one the run stopped after', async () => {
    const b = await launch();
    try {
      const { page: p, errors: errs } = await openApp(b);
      const train = p.locator('section[aria-labelledby="train-heading"]');
      await p.locator('#step-heading').waitFor();
      await train.getByRole('textbox', { name: 'Epochs' }).fill('10000');
      await train.getByRole('textbox', { name: 'Hidden units' }).fill('64');
      await train.getByRole('button', { name: 'Train', exact: true }).click();
      await p.locator('[data-training="running"]').waitFor();
      await p.waitForFunction(() => /epoch (\d{3,})\/10000/.test(document.body.innerText));
      await train.getByRole('button', { name: 'Stop', exact: true }).click();
      await p.locator('[data-training="idle"]').waitFor();
      const epoch = Number(/epoch (\d+)/.exec(await p.getByText(/^Stopped after epoch \d+/).innerText())![1]);
      const s = p.getByTestId('epoch-history').getByRole('slider', { name: 'Epoch shown' });
      await expect(s.getAttribute('aria-valuetext')).resolves.toBe(`epoch ${epoch} of ${epoch}`);
      // 10,000 epochs planned: at most 501 snapshots, every 20th epoch, plus the one it stopped after.
      const kept = await p.getByTestId('epochs-kept').innerText();
      const count = Number(/^Weights of (\d+) of/.exec(kept)?.[1]);
      expect(kept).toMatch(new RegExp(`^Weights of \\d+ of ${epoch + 1} epochs kept, evenly spread \\(\\d+ KB\\)`));
      expect(count).toBe(Math.floor((epoch - 1) / 20) + 2);
      await s.focus();
      await p.keyboard.press('ArrowLeft');
      await expect.poll(() => s.getAttribute('aria-valuetext')).toBe(`epoch ${20 * Math.floor((epoch - 1) / 20)} of ${epoch}`);
      await p.keyboard.press('Home');
      await expect.poll(() => s.getAttribute('aria-valuetext')).toBe('epoch 0: the initial weights');
      expect(errs).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

/** A 24-bit BMP of w x h from pixel(x, y) -> grey level. */
function bmp(w: number, h: number, grey: (x: number, y: number) => number): Buffer {
  const stride = Math.ceil((w * 3) / 4) * 4;
  const b = Buffer.alloc(54 + stride * h);
  b.write('BM', 0, 'ascii');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(w, 18);
  b.writeInt32LE(h, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(stride * h, 34);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) b.fill(grey(x, y), 54 + (h - 1 - y) * stride + x * 3, 54 + (h - 1 - y) * stride + x * 3 + 3);
  return b;
}

describe('the photo model has a history too', () => {
  it('trains 3 epochs on a folder; Home shows its initial weights, End its final ones', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'layer-lens-history-')), 'photos');
    for (const [name, grey] of [['dark', (x: number) => 20 + x], ['striped', (x: number) => (x % 4 < 2 ? 30 : 220)]] as const) {
      mkdirSync(join(dir, name), { recursive: true });
      for (let i = 0; i < 10; i++) writeFileSync(join(dir, name, `${name}_${i}.bmp`), bmp(24, 24, (x) => grey(x + i)));
    }
    const b = await launch();
    try {
      const { page: p, errors: errs } = await openApp(b);
      await p.locator('#step-heading').waitFor();
      const panel = p.getByRole('region', { name: 'Train on your photos' });
      await panel.getByLabel('Image height').fill('24');
      await panel.getByLabel('Image width').fill('24');
      await panel.getByLabel('Epochs', { exact: true }).fill('3');
      await panel.getByLabel('Choose a folder of photos').setInputFiles(dir);
      await panel.getByText(/Found 20 files belonging to 2 classes/).waitFor();
      await panel.getByRole('button', { name: 'Train on these photos' }).click();
      await panel.getByText(/The model is on screen now/).waitFor({ timeout: 120_000 });
      const s = p.getByTestId('epoch-history').getByRole('slider', { name: 'Epoch shown' });
      await expect(s.getAttribute('aria-valuetext')).resolves.toBe('epoch 3 of 3');
      await expect(p.getByTestId('epochs-kept').innerText()).resolves.toMatch(/^Weights of all 4 epochs kept/);
      const inspect = p.locator('section[aria-labelledby="inspect-heading"]');
      const final = await inspect.innerText();
      await s.focus();
      await p.keyboard.press('Home');
      await expect.poll(() => s.getAttribute('aria-valuetext')).toBe('epoch 0: the initial weights');
      await expect.poll(() => inspect.innerText()).not.toBe(final);
      await expect(panel.locator('g.marker').first().getAttribute('data-marker')).resolves.toBe('0');
      await p.keyboard.press('End');
      await expect.poll(() => inspect.innerText()).toBe(final);
      expect(errs).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
