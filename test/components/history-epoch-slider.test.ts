/**
 * The epoch slider: a labelled native range input; the keyboard (arrows, Page Up/Down, Home, End)
 * changes the epoch shown; which epoch is shown, that it is not the final model, the way back, the
 * weights kept and their memory, in English and in German.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import EpochSlider from '../../src/viz/history/EpochSlider.svelte';
import { EpochHistory } from '../../src/viz/history/epoch-history.svelte';
import { setLanguage } from '../../src/i18n/language';
import type { WeightSnapshots, WeightTensor } from '../../src/models/types';

const weights = (v: number, n = 67): WeightTensor[] => [{ layer: 'dense', name: 'kernel', shape: [n], values: new Float32Array(n).fill(v) }];

/** A history of `epochs` (0..last) with `n` float32 values per snapshot, attached to its final weights. */
function historyOf(epochs: number[], n = 67): { history: EpochHistory; selected: number[] } {
  const snapshots: WeightSnapshots = {
    epochs,
    weights: epochs.map((e) => weights(e, n)),
    totalEpochs: epochs.at(-1)!,
    bytes: epochs.length * n * 4,
  };
  const history = new EpochHistory();
  const final = snapshots.weights.at(-1)!;
  history.keep(snapshots, final);
  history.attach(final);
  const selected: number[] = [];
  return { history, selected };
}

async function mount(epochs: number[], n?: number) {
  const { history, selected } = historyOf(epochs, n);
  const screen = await render(EpochSlider, {
    history,
    onselect: (i: number) => {
      selected.push(i);
      history.select(i);
    },
  });
  return { screen, history, selected };
}

afterEach(() => setLanguage('en'));

describe('EpochSlider', () => {
  it('is a labelled range over the kept epochs, at the final model, with the memory used', async () => {
    const { screen } = await mount(Array.from({ length: 301 }, (_, i) => i));
    const slider = screen.getByRole('slider', { name: 'Epoch shown' });
    await expect.element(slider).toHaveAttribute('max', '300');
    await expect.element(slider).toHaveValue('300');
    await expect.element(slider).toHaveAttribute('aria-valuetext', 'epoch 300 of 300');
    await expect.element(screen.getByTestId('epoch-state')).toHaveTextContent('The final model (epoch 300) is on screen.');
    await expect.element(screen.getByTestId('epochs-kept')).toHaveTextContent('Weights of all 301 epochs kept (79 KB).');
    expect(screen.container.querySelector('button')).toBeNull();
  });

  it('the keyboard changes the epoch: Home, arrows, Page Up/Down, End', async () => {
    const { screen, history, selected } = await mount(Array.from({ length: 301 }, (_, i) => i));
    const slider = screen.getByRole('slider', { name: 'Epoch shown' });
    (slider.element() as HTMLInputElement).focus();
    await userEvent.keyboard('{Home}');
    await expect.poll(() => history.epoch).toBe(0);
    await expect.element(slider).toHaveAttribute('aria-valuetext', 'epoch 0: the initial weights');
    await expect.element(screen.getByTestId('epoch-state')).toHaveTextContent('Every view shows the initial weights (epoch 0), not the final model (epoch 300).');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect.poll(() => history.epoch).toBe(2);
    await userEvent.keyboard('{PageUp}');
    await expect.poll(() => history.epoch).toBe(32);
    await userEvent.keyboard('{ArrowLeft}');
    await expect.poll(() => history.epoch).toBe(31);
    await expect.element(slider).toHaveAttribute('aria-valuetext', 'epoch 31 of 300');
    await expect.element(screen.getByTestId('epoch-state')).toHaveTextContent('Every view shows the weights after epoch 31, not the final model (epoch 300).');
    await userEvent.keyboard('{End}');
    await expect.poll(() => history.epoch).toBe(300);
    expect(selected.at(-1)).toBe(300);
    // Focus is visible on the slider (an outline of 3 px).
    expect(getComputedStyle(slider.element()).outlineWidth).toBe('3px');
  });

  it('one action goes back to the final model', async () => {
    const { screen, history } = await mount([0, 25, 50, 75, 100], 100_000);
    history.select(1);
    const back = screen.getByRole('button', { name: 'Back to the final model (epoch 100)' });
    await expect.element(back).toBeVisible();
    await expect.element(screen.getByTestId('epochs-kept')).toHaveTextContent('Weights of 5 of 101 epochs kept, evenly spread (1.9 MB).');
    await back.click();
    await expect.poll(() => history.epoch).toBe(100);
    await expect.element(back).not.toBeInTheDocument();
    // Focus is not lost with the button: it moves to the slider.
    expect(document.activeElement).toBe(screen.getByRole('slider').element());
  });

  it('speaks German', async () => {
    setLanguage('de');
    const { screen, history } = await mount([0, 25, 50, 75, 100], 100_000);
    history.select(0);
    const slider = screen.getByRole('slider', { name: 'Angezeigte Epoche' });
    await expect.element(slider).toHaveAttribute('aria-valuetext', 'Epoche 0: die Anfangsgewichte');
    await expect.element(screen.getByRole('heading', { name: 'Die Gewichte im Verlauf' })).toBeVisible();
    await expect.element(screen.getByTestId('epoch-state')).toHaveTextContent('Alle Ansichten zeigen die Anfangsgewichte (Epoche 0), nicht das fertige Modell (Epoche 100).');
    await expect.element(screen.getByRole('button', { name: 'Zurück zum fertigen Modell (Epoche 100)' })).toBeVisible();
    await expect.element(screen.getByTestId('epochs-kept')).toHaveTextContent('Gewichte von 5 der 101 Epochen gespeichert, gleichmäßig verteilt (1,9 MB).');
    (slider.element() as HTMLInputElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => history.epoch).toBe(25);
    await expect.element(slider).toHaveAttribute('aria-valuetext', 'Epoche 25 von 100');
    await page.screenshot({ path: '__screenshots__/history/epoch-slider-de.png', element: screen.container });
  });

  it('shows nothing without a history for the model on screen', async () => {
    const history = new EpochHistory();
    const screen = await render(EpochSlider, { history, onselect: () => {} });
    expect(screen.container.querySelector('input')).toBeNull();
  });
});
