import { expect, it, vi } from 'vitest';
import { dense } from '../../src/inspector/layers/dense';
import { render } from 'vitest-browser-svelte';
import InspectSection from '../../src/viz/sections/InspectSection.svelte';
import { AppState } from '../../src/viz/state/app.svelte';
import { tfl } from '../../src/models/tf';

it('says which layers have no reference implementation instead of claiming every layer was checked', async () => {
  const app = new AppState();
  await app.init(null);
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 3, inputShape: [4], name: 'd' }), tfl.layers.repeatVector({ n: 2, name: 'rep' })],
  });
  expect(app.openBundle({ model, info: { title: 'f', featureNames: ['a', 'b', 'c', 'd'], classNames: null, scaler: null, featureRanges: null } })).toBe(true);
  const screen = await render(InspectSection, { app });
  const check = screen.getByTestId('trace-check');
  await expect.element(check).toHaveTextContent('1 of 2 layers recomputed in plain TypeScript');
  await expect.element(check).toHaveTextContent('no reference yet for rep (RepeatVector)');
});

it('the course model: every layer checked', async () => {
  const app = new AppState();
  await app.init(null);
  const screen = await render(InspectSection, { app });
  await expect.element(screen.getByTestId('trace-check')).toHaveTextContent(/^\s*Every layer recomputed in plain TypeScript.*✓/);
});

it('a reference that throws is shown as a failed check with its message, never as checked', async () => {
  const app = new AppState();
  await app.init(null);
  const spy = vi.spyOn(dense, 'reference').mockImplementation(() => {
    throw new Error('the kernel is not 2-D');
  });
  try {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [4], name: 'd' })] });
    expect(app.openBundle({ model, info: { title: 'f', featureNames: ['a', 'b', 'c', 'd'], classNames: null, scaler: null, featureRanges: null } })).toBe(true);
    const screen = await render(InspectSection, { app });
    const check = screen.getByTestId('trace-check');
    await expect.element(check).toHaveTextContent('Check failed for d (Dense): the kernel is not 2-D.');
    await expect.element(check).toHaveTextContent('0 of 1 layers recomputed');
    await expect.element(check).toHaveTextContent('largest difference from tfjs ∞ (a reference failed: not checked)');
    await expect.element(check).not.toHaveTextContent('✓');
    await expect.element(check).toHaveClass('bad');
  } finally {
    spy.mockRestore();
  }
});
