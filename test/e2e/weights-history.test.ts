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
    await expect(page.getByTestId('epoch-export-note').innerText()).resolves.toMatch(/weights after epoch 0, not the final model \(epoch 300\)/);
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
