/**
 * StepDetail on a small CNN's trace in Chromium: tensors laid out by their axis roles (feature maps
 * and kernels as pictures, the Dense kernel as a matrix), and a click on an output feature-map
 * pixel works that cell through in the arithmetic panel (conv, pooling, batch normalization).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import StepDetail from '../../src/viz/sections/StepDetail.svelte';
import { tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import type { Trace } from '../../src/inspector/types';

function cnnTrace(): Trace {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [9, 9, 1], filters: 4, kernelSize: 3, activation: 'relu', name: 'conv2d' }),
      tfl.layers.batchNormalization({ name: 'batch_normalization' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'max_pooling2d' }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'dense' }),
    ],
  });
  const x = Float32Array.from({ length: 81 }, (_, i) => ((i * 7) % 11) / 10);
  const t = traceModel(model, x);
  model.dispose();
  return t;
}

const props = (trace: Trace, k: number) => ({
  trace,
  step: trace.steps[k],
  featureNames: [],
  classNames: null,
  hoverEdge: null,
  onhoveredge: () => {},
});

describe('StepDetail for image networks', () => {
  beforeEach(async () => {
    await page.viewport(1200, 1400);
  });

  it('a Conv2D step: kernel and output as pictures; a click on an output pixel shows that cell\'s arithmetic', async () => {
    const trace = cnnTrace();
    const k = trace.steps.findIndex((s) => s.className === 'Conv2D');
    const screen = await render(StepDetail, props(trace, k));
    await expect.element(screen.getByText('4 pictures (filter × in-channel) of 3 × 3')).toBeVisible();
    await expect.element(screen.getByText('4 channels of 7 × 7')).toBeVisible();
    // the output grid: 4 tiles of 7 x 7 at 84/7 = 12 px per value, gap 4; 2 columns
    const grids = screen.container.querySelectorAll('figure.feature-maps canvas');
    const output = Array.from(grids).find((c) => c.getAttribute('aria-label')!.startsWith('output: values_'))!;
    // tile 1 (channel 1) is at x = 88; value (row 3, col 5)
    await userEvent.click(page.elementLocator(output), { position: { x: 88 + 5 * 12 + 6, y: 3 * 12 + 6 } });
    const panel = screen.getByRole('group', { name: /^Convolution arithmetic/ });
    await expect.element(panel).toHaveAttribute('aria-label', 'Convolution arithmetic of output cell [3, 5], filter 1');
    await expect.element(panel.getByRole('status')).toHaveTextContent('✓ equal');
    // the grid marks the picked value; stepping the window in the panel moves the mark along
    const mark = () => output.parentElement!.querySelector('rect.selected')!;
    const x0 = Number(mark().getAttribute('x'));
    (panel.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(screen.getByRole('group', { name: 'Convolution arithmetic of output cell [3, 6], filter 1' })).toBeVisible();
    expect(Number(mark().getAttribute('x'))).toBe(x0 + 12);
    await page.screenshot({ path: '__screenshots__/conv/step-detail-conv.png', element: screen.container });
  });

  it('pooling and batch normalization steps get their panels; the Dense step keeps its matrix', async () => {
    const trace = cnnTrace();
    const pool = await render(StepDetail, props(trace, trace.steps.findIndex((s) => s.className === 'MaxPooling2D')));
    await expect.element(pool.getByRole('group', { name: /^Pooling arithmetic of output cell \[0, 0, 0\]/ })).toBeVisible();
    await expect.element(pool.getByRole('group', { name: /^Pooling arithmetic/ }).getByRole('status')).toHaveTextContent('✓ equal');
    pool.unmount();
    const bn = await render(StepDetail, props(trace, trace.steps.findIndex((s) => s.className === 'BatchNormalization')));
    await expect.element(bn.getByText(/^y\[0, 0, 0, 0\] = \(/)).toBeVisible();
    bn.unmount();
    const dense = await render(StepDetail, props(trace, trace.steps.findIndex((s) => s.className === 'Dense')));
    await expect.element(dense.getByText('(36, 3)', { exact: true })).toBeVisible();
    expect(dense.container.querySelectorAll('figure.feature-maps')).toHaveLength(0);
  });
});
