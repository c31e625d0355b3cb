import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import ProbabilityBars from '../../src/viz/components/ProbabilityBars.svelte';

const iris = ['setosa', 'versicolor', 'virginica'];

describe('ProbabilityBars', () => {
  beforeEach(async () => {
    await page.viewport(700, 400);
  });

  it('marks the argmax class as the prediction with its percentage', async () => {
    const screen = await render(ProbabilityBars, { probabilities: new Float32Array([0.021, 0.9712, 0.0078]), classNames: iris });
    await expect.element(screen.getByText('Prediction:')).toHaveTextContent('Prediction: versicolor (97.1 %)');
    await expect.element(screen.getByRole('listitem').nth(1)).toHaveAttribute('aria-current', 'true');
    await expect.element(screen.getByText('2.1 %')).toBeVisible();
    expect(screen.container.querySelector('[role="status"]')).toBeNull();
    await page.screenshot({ path: '__screenshots__/viz/probabilities.png', element: screen.container });
  });

  it('never renders NaN: non-finite values show a dash and are never the prediction', async () => {
    const screen = await render(ProbabilityBars, { probabilities: [Number.NaN, 0.3, Infinity], classNames: iris });
    expect(screen.container.textContent).not.toContain('NaN');
    expect(screen.container.textContent).not.toContain('Infinity');
    await expect.element(screen.getByText('Prediction:')).toHaveTextContent('Prediction: versicolor (30.0 %)');
    expect(screen.getByText('—').elements()).toHaveLength(2);
  });

  it('shows a dash when nothing is finite', async () => {
    const screen = await render(ProbabilityBars, { probabilities: [Number.NaN, Number.NaN], classNames: ['a', 'b'] });
    await expect.element(screen.getByText('Prediction: —')).toBeVisible();
    expect(screen.container.textContent).not.toContain('NaN');
  });

  it('greys the bars and says so when stale', async () => {
    const screen = await render(ProbabilityBars, { probabilities: [0.9, 0.05, 0.05], classNames: iris, stale: true });
    await expect.element(screen.getByRole('status')).toHaveTextContent('stale: fix the input');
    await expect.element(screen.getByRole('region', { name: 'Class probabilities' })).toHaveClass(/stale/);
    await page.screenshot({ path: '__screenshots__/viz/probabilities-stale.png', element: screen.container });
  });
});
