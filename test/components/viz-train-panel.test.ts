import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import TrainPanel from '../../src/viz/components/TrainPanel.svelte';

const config = { epochs: 300, learningRate: 0.001, hiddenUnits: 8, seed: 42 };
const base = { config, running: false, epoch: 0, totalEpochs: 300, msLeft: null, engine: 'Layer Lens float32 engine (plain TypeScript)' };

describe('TrainPanel', () => {
  beforeEach(async () => {
    await page.viewport(900, 400);
  });

  it('starts with the course defaults and calls onstart with parsed numbers', async () => {
    const onstart = vi.fn();
    const screen = await render(TrainPanel, { ...base, onstart, onstop: () => {} });
    await expect.element(screen.getByLabelText('Epochs')).toHaveValue('300');
    await expect.element(screen.getByLabelText('Learning rate')).toHaveValue('0.001');
    await expect.element(screen.getByLabelText('Hidden units')).toHaveValue('8');
    await userEvent.fill(screen.getByLabelText('Epochs'), '50');
    await userEvent.fill(screen.getByLabelText('Learning rate'), '0,01');
    await userEvent.click(screen.getByRole('button', { name: 'Train' }));
    expect(onstart).toHaveBeenCalledExactlyOnceWith({ epochs: 50, learningRate: 0.01, hiddenUnits: 8, seed: 42 });
    await expect.element(screen.getByText('Engine: Layer Lens float32 engine (plain TypeScript)')).toBeVisible();
  });

  it('rejects "abc" epochs at the field, marks it invalid and disables Train', async () => {
    const onstart = vi.fn();
    const screen = await render(TrainPanel, { ...base, onstart, onstop: () => {} });
    const epochs = screen.getByLabelText('Epochs');
    await userEvent.fill(epochs, 'abc');
    await expect.element(epochs).toHaveAttribute('aria-invalid', 'true');
    await expect.element(epochs).toHaveAccessibleDescription('Epochs must be a number, not "abc".');
    await expect.element(screen.getByRole('button', { name: 'Train' })).toBeDisabled();
    await userEvent.fill(screen.getByLabelText('Hidden units'), '2.5');
    await expect.element(screen.getByText('Hidden units must be a whole number.')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/viz/train-panel-invalid.png', element: screen.container });
    (epochs.element() as HTMLInputElement).form!.requestSubmit();
    expect(onstart).not.toHaveBeenCalled();
  });

  it('while running: progress with time left, Stop enabled, Train and fields disabled', async () => {
    const onstop = vi.fn();
    const screen = await render(TrainPanel, { ...base, running: true, epoch: 120, msLeft: 1234, onstart: () => {}, onstop });
    await expect.element(screen.getByText('epoch 120/300 · ~1.2 s left')).toBeVisible();
    await expect.element(screen.getByRole('progressbar')).toHaveAttribute('value', '120');
    await expect.element(screen.getByRole('button', { name: 'Train' })).toBeDisabled();
    await expect.element(screen.getByLabelText('Epochs')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onstop).toHaveBeenCalledOnce();
    await page.screenshot({ path: '__screenshots__/viz/train-panel-running.png', element: screen.container });
  });

  it('follows a new seed from the parent after a reseed', async () => {
    const onreseed = vi.fn();
    const screen = await render(TrainPanel, { ...base, onstart: () => {}, onstop: () => {}, onreseed });
    await userEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(onreseed).toHaveBeenCalledOnce();
    await screen.rerender({ config: { ...config, seed: 7 } });
    await expect.element(screen.getByLabelText('Seed')).toHaveValue('7');
  });
});
