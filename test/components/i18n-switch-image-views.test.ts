/**
 * A language switch redraws the image, convolution and photo-training views at once (the reactive
 * language source of src/viz/state/language.svelte.ts installed, as in the app): labels, counts,
 * hover readouts and the photo fields' labels and messages follow without a new render.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import '../../src/viz/state/language.svelte';
import { setLanguage } from '../../src/i18n/language';
import ConfusionMatrix from '../../src/viz/image/ConfusionMatrix.svelte';
import FeatureMapGrid from '../../src/viz/conv/FeatureMapGrid.svelte';
import PhotoFolderTraining from '../../src/viz/training/PhotoFolderTraining.svelte';

describe('a language switch on screen', () => {
  beforeEach(async () => {
    setLanguage('en');
    await page.viewport(1100, 900);
  });
  afterEach(() => setLanguage('en'));

  it('redraws the confusion matrix and the feature maps, hover readout included', async () => {
    const m = [[1040, 31], [63, 2080]];
    const cm = await render(ConfusionMatrix, { confusion: m, classNames: ['cat', 'dog'] });
    await expect.element(cm.getByText('3,120 of 3,214 right (97.1 %)')).toBeVisible();
    const t = { shape: [1, 6, 5, 4], values: Float32Array.from({ length: 120 }, (_, i) => Math.floor(i / 4) / 8) };
    const grid = await render(FeatureMapGrid, { tensor: t, title: 'values_1', tilePx: 48 });
    const canvas = grid.container.querySelector('canvas')!;
    await userEvent.hover(page.elementLocator(canvas), { position: { x: 3 * 8 + 4, y: 2 * 8 + 4 } });
    await expect.element(grid.getByText('values_1[0, 2, 3, 0] = 1.625 (channel 0, row 2, col 3)')).toBeVisible();

    setLanguage('de');
    await expect.element(cm.getByText('3.120 von 3.214 richtig (97,1 %)')).toBeVisible();
    await expect.element(cm.getByRole('button', { name: '2.080-mal dog richtig erkannt' })).toHaveTextContent('2.080');
    await expect.element(grid.getByText('values_1[0, 2, 3, 0] = 1,625 (Kanal 0, Zeile 2, Spalte 3)')).toBeVisible();
    await expect.element(grid.getByText('4 Kanäle, je 6 × 5')).toBeVisible();

    setLanguage('en');
    await expect.element(grid.getByText('4 channels of 6 × 5')).toBeVisible();
    await expect.element(cm.getByText('total', { exact: true }).first()).toBeVisible();
  });

  it('redraws the photo panel: field labels, hints and a field message', async () => {
    const screen = await render(PhotoFolderTraining, { show: () => true });
    await userEvent.fill(screen.getByLabelText('Image width'), 'wide');
    await expect.element(screen.getByText('Image width must be a number, not "wide".')).toBeVisible();
    setLanguage('de');
    await expect.element(screen.getByText('Bildbreite muss eine Zahl sein, nicht „wide“.')).toBeVisible();
    await expect.element(screen.getByLabelText('Lernrate')).toBeVisible();
    await expect.element(screen.getByText('Standard bei RMSprop: 0,001')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Mit diesen Fotos trainieren' })).toBeDisabled();
  });
});
