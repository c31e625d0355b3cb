import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import TrainingCurves from '../../src/viz/components/TrainingCurves.svelte';
import type { EpochLog } from '../../src/models/types';

function history(n: number): EpochLog[] {
  return Array.from({ length: n }, (_, i) => ({
    epoch: i,
    loss: 1.1 * Math.exp(-i / 60) + 0.05,
    accuracy: Math.min(0.98, 0.33 + i / 200),
    val_loss: 1.3 * Math.exp(-i / 80) + 0.1,
    val_accuracy: i < 40 ? 0 : Math.min(1, (i - 40) / 150),
  }));
}

describe('TrainingCurves', () => {
  beforeEach(async () => {
    await page.viewport(900, 600);
  });

  it('draws loss and accuracy with training and validation lines and prints the last values', async () => {
    const h = history(180);
    const screen = await render(TrainingCurves, { history: h, totalEpochs: 300 });
    await expect.element(screen.getByText('epoch 180/300')).toBeVisible();
    expect(screen.container.querySelectorAll('path.series')).toHaveLength(4);
    const last = h[h.length - 1];
    await expect.element(screen.getByText(last.loss.toPrecision(3), { exact: true })).toBeVisible();
    await expect.element(screen.getByText(`${(last.val_accuracy! * 100).toFixed(1)} %`, { exact: true })).toBeVisible();
    // x axis runs to totalEpochs, the accuracy axis is fixed to [0, 1]
    await expect.element(screen.getByText('300', { exact: true }).first()).toBeVisible();
    const accTicks = [...screen.container.querySelectorAll('figure')[1].querySelectorAll('text.tick')].map((t) => t.textContent);
    expect(accTicks).toContain('1');
    expect(accTicks).toContain('0');
    await page.screenshot({ path: '__screenshots__/viz/curves.png', element: screen.container });
  });

  it('leaves gaps for non-finite losses and never prints NaN', async () => {
    const h = history(20).map((e, i) => (i === 19 ? { ...e, loss: Number.NaN } : e));
    const screen = await render(TrainingCurves, { history: h, totalEpochs: 300 });
    expect(screen.container.textContent).not.toContain('NaN');
    for (const p of screen.container.querySelectorAll('path.series')) expect(p.getAttribute('d')).not.toContain('NaN');
    await expect.element(screen.getByText('—', { exact: true })).toBeVisible();
  });

  it('shows only the training lines when there is no validation split', async () => {
    const h = history(5).map(({ epoch, loss, accuracy }) => ({ epoch, loss, accuracy }));
    const screen = await render(TrainingCurves, { history: h, totalEpochs: 10 });
    expect(screen.container.querySelectorAll('path.series')).toHaveLength(2);
    expect(screen.container.textContent).not.toContain('val_loss');
  });
});
