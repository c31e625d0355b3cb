/** ConvOverview in Chromium: a CNN's values as stacks of feature maps with their shapes, clickable. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ConvOverview from '../../src/viz/conv/ConvOverview.svelte';
import { hasSpatialValues, overviewColumns } from '../../src/viz/conv/overview';
import { tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';

function cnn() {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu', name: 'conv2d' }),
      tfl.layers.maxPooling2d({ poolSize: 2, name: 'max_pooling2d' }),
      tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', name: 'conv2d_1' }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ units: 10, activation: 'softmax', name: 'dense' }),
    ],
  });
  const t = traceModel(model, new Float32Array(784).fill(0.5));
  model.dispose();
  return t;
}

describe('ConvOverview', () => {
  beforeEach(async () => {
    await page.viewport(1100, 500);
  });

  it('draws each value as a stack with its shape and steps to a layer on click or Enter', async () => {
    const trace = cnn();
    const cols = overviewColumns(trace);
    expect(cols.map((c) => [c.name, c.kind, c.height, c.width, c.channels])).toEqual([
      ['values_0', 'maps', 28, 28, 1],
      ['conv2d', 'maps', 26, 26, 32],
      ['max_pooling2d', 'maps', 13, 13, 32],
      ['conv2d_1', 'maps', 11, 11, 64],
      ['flatten', 'vector', 7744, 1, 7744],
      ['dense', 'vector', 10, 1, 10],
    ]);
    expect(hasSpatialValues(trace)).toBe(true);
    const onselect = vi.fn();
    const screen = await render(ConvOverview, { trace, selectedStep: 1, onselect });
    const items = screen.getByRole('button');
    expect(items.elements()).toHaveLength(6);
    await expect.element(screen.getByRole('button', { name: 'conv2d_1 (Conv2D), shape (1, 11, 11, 64): 11 × 11, 64 channels' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'max_pooling2d (MaxPooling2D), shape (1, 13, 13, 32): 13 × 13, 32 channels' })).toHaveAttribute('aria-pressed', 'true');
    // a stack, not edges: at most 8 sheets per value, and 5 links between 6 values
    expect(screen.container.querySelectorAll('line.link')).toHaveLength(5);
    expect(screen.container.querySelectorAll('rect.sheet').length).toBeLessThanOrEqual(6 * 8);
    await userEvent.click(screen.getByRole('button', { name: /^conv2d \(Conv2D\)/ }));
    expect(onselect).toHaveBeenLastCalledWith(0);
    (screen.getByRole('button', { name: /^dense/ }).element() as SVGElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(onselect).toHaveBeenLastCalledWith(4);
    await page.screenshot({ path: '__screenshots__/conv/overview.png', element: screen.container });
  });

  it('a dense-only run, even on a picture input, is no image network (the neuron diagram stays)', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 3, name: 'dense' })] });
    const t = traceModel(model, [1, 2, 3, 4]);
    model.dispose();
    expect(hasSpatialValues(t)).toBe(false);
    const mlp = tfl.sequential({
      layers: [
        tfl.layers.rescaling({ inputShape: [28, 28], scale: 1 / 255, name: 'rescaling' }),
        tfl.layers.flatten({ name: 'flatten' }),
        tfl.layers.dense({ units: 10, name: 'dense' }),
      ],
    });
    const t2 = traceModel(mlp, new Float32Array(784));
    mlp.dispose();
    expect(hasSpatialValues(t2)).toBe(false);
    const pooled = tfl.sequential({ layers: [tfl.layers.maxPooling2d({ inputShape: [8, 8, 2], poolSize: 2, name: 'p' })] });
    const t3 = traceModel(pooled, new Float32Array(128));
    pooled.dispose();
    expect(hasSpatialValues(t3)).toBe(true);
  });
});
