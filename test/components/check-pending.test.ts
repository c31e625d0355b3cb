/**
 * Checks after the trace, as the user sees them: a photo-sized CNN's large Conv2Ds are checked after
 * the trace is on screen; meanwhile the check line counts only checked layers and says how many are
 * still being checked; in the end every layer reads as checked. A wrong value found later shows as a
 * mismatch.
 */
import { expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import InspectSection from '../../src/viz/sections/InspectSection.svelte';
import { AppState } from '../../src/viz/state/app.svelte';
import { tfl } from '../../src/models/tf';

function photoCnn() {
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [120, 120, 3], name: 'c1' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'p1' }),
      tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', name: 'c2' }),
      tfl.layers.flatten({ name: 'f' }),
      tfl.layers.dense({ units: 1, activation: 'sigmoid', name: 'd' }),
    ],
  });
}
const info = { title: 'photo', featureNames: Array.from({ length: 120 * 120 * 3 }, (_, i) => `p${i}`), classNames: null, scaler: null, featureRanges: null };

/** The scripts of the workers the page starts. */
const workers: string[] = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workers.push(String(url));
  }
};

it('says "checking…" while the large checks run, then "Every layer"', async () => {
  const app = new AppState();
  await app.init(null);
  expect(app.openBundle({ model: photoCnn(), info })).toBe(true);
  app.selectStep(1); // c1 on screen
  const screen = await render(InspectSection, { app });
  const check = screen.getByTestId('trace-check');
  app.setInput(Array.from({ length: 120 * 120 * 3 }, (_, i) => (i * 37) % 256 / 255));
  // Right after the trace: c2 (118 x 118 x 32 -> 57 x 57 x 64, ~60M multiply-adds) waits.
  expect(app.trace!.steps[2].checkPending).toBe(true);
  await expect.element(check).toHaveTextContent(/layers recomputed in plain TypeScript/);
  await expect.element(check).toHaveTextContent(/· checking \d more layers? against (its|their) plain-TypeScript reference…/);
  await expect.element(check).not.toHaveTextContent(/Every layer/);
  expect(await app.checksDone).toBe(true);
  await expect.element(check).toHaveTextContent(/^\s*Every layer recomputed in plain TypeScript.*✓/);
  await expect.element(check).not.toHaveTextContent('checking');
  // The checks after the trace ran in the check worker, off the page's thread.
  expect(workers.filter((u) => u.includes('check-worker'))).toHaveLength(1);
});

it('a wrong value in a layer checked later (in the check worker) shows as a mismatch', async () => {
  const app = new AppState();
  await app.init(null);
  expect(app.openBundle({ model: photoCnn(), info })).toBe(true);
  app.selectStep(1);
  const screen = await render(InspectSection, { app });
  app.setInput(Array.from({ length: 120 * 120 * 3 }, (_, i) => (i * 53) % 256 / 255));
  // As if tfjs had computed one value of c2 (checked after the trace) wrong by 0.5.
  expect(app.trace!.steps[2].checkPending).toBe(true);
  app.trace!.steps[2].output.values[7] += 0.5;
  expect(await app.checksDone).toBe(true);
  const check = screen.getByTestId('trace-check');
  await expect.element(check).toHaveTextContent('(more than 1e−5 × max(1, |value|): mismatch)');
  await expect.element(check).toHaveClass('bad');
  expect(app.trace!.steps[2].maxAbsDiff).toBeCloseTo(0.5, 4);
});
