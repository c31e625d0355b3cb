import { expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import InspectSection from '../../src/viz/sections/InspectSection.svelte';
import { AppState } from '../../src/viz/state/app.svelte';
import { tfl } from '../../src/models/tf';

it('says which layers have no reference implementation instead of claiming every layer was checked', async () => {
  const app = new AppState();
  await app.init(null);
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 3, inputShape: [4], name: 'd' }), tfl.layers.leakyReLU({ name: 'leaky' })],
  });
  expect(app.openBundle({ model, info: { title: 'f', featureNames: ['a', 'b', 'c', 'd'], classNames: null, scaler: null, featureRanges: null } })).toBe(true);
  const screen = await render(InspectSection, { app });
  const check = screen.getByTestId('trace-check');
  await expect.element(check).toHaveTextContent('1 of 2 layers recomputed in plain TypeScript');
  await expect.element(check).toHaveTextContent('no reference yet for leaky (LeakyReLU)');
});

it('the course model: every layer checked', async () => {
  const app = new AppState();
  await app.init(null);
  const screen = await render(InspectSection, { app });
  await expect.element(screen.getByTestId('trace-check')).toHaveTextContent(/^\s*Every layer recomputed in plain TypeScript.*✓/);
});
