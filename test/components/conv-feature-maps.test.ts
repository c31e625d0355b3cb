/** FeatureMapGrid in Chromium: feature maps, kernels, strips and volumes as pictures on one canvas. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import FeatureMapGrid from '../../src/viz/conv/FeatureMapGrid.svelte';
import { kernelRoles } from '../../src/inspector/axes';
import type { PickedValue } from '../../src/viz/conv/tiles';

function tensor(shape: number[], f: (i: number) => number) {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: n }, (_, i) => f(i)) };
}

/** The canvas pixel (RGBA) at CSS point (x, y) of the grid's canvas. */
function pixel(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  return Array.from(canvas.getContext('2d')!.getImageData(Math.floor(x), Math.floor(y), 1, 1).data);
}

describe('FeatureMapGrid', () => {
  beforeEach(async () => {
    await page.viewport(1100, 1000);
  });

  it('draws one greyscale picture per channel and reads the value under the pointer', async () => {
    // (1, 6, 5, 4): channel c holds c * 100 + row * 5 + col
    const t = tensor([1, 6, 5, 4], (i) => Math.floor(i / 4) + (i % 4) * 100);
    const onhover = vi.fn();
    const screen = await render(FeatureMapGrid, { tensor: t, title: 'values_1', onhover, tilePx: 48 });
    await expect.element(screen.getByText('(1, 6, 5, 4)')).toBeVisible();
    await expect.element(screen.getByText('4 channels of 6 × 5')).toBeVisible();
    const canvas = screen.container.querySelector('canvas')!;
    // small tiles: 8 CSS px per value; tile 0 at x 0, so value (row 2, col 3) is at (3*8+4, 2*8+4)
    const rect = canvas.getBoundingClientRect();
    await userEvent.hover(page.elementLocator(canvas), { position: { x: 3 * 8 + 4, y: 2 * 8 + 4 } });
    const p = onhover.mock.lastCall![0] as PickedValue;
    expect(p).toMatchObject({ tile: 0, channel: 0, row: 2, col: 3, value: 13 });
    await expect.element(screen.getByText('values_1[0, 2, 3, 0] = 13.00 (channel 0, row 2, col 3)')).toBeVisible();
    expect(rect.width).toBeGreaterThan(0);
    // shared scale: channel 0 (values 0..29) is dark, channel 3 (300..329) bright
    const g0 = pixel(canvas, 4, 4)[0];
    // 4 tiles of 6 x 5 lie in 3 columns: channel 3 starts the second row
    const tile3x = 4;
    const tile3y = 6 * 8 + 4 + 4;
    const g3 = pixel(canvas, tile3x, tile3y)[0];
    expect(g0).toBeLessThan(10);
    expect(g3).toBeGreaterThan(200);
    await page.screenshot({ path: '__screenshots__/conv/feature-maps-shared.png', element: screen.container });
    // per channel: each channel's own minimum is black
    await userEvent.click(screen.getByLabelText('per channel'));
    await vi.waitFor(() => expect(pixel(canvas, tile3x, tile3y)[0]).toBeLessThan(10));
  });

  it('a click picks a value and opens the numbers of its channel', async () => {
    const t = tensor([1, 4, 4, 2], (i) => (i % 2 ? -1 : 1) * Math.floor(i / 2));
    const onpick = vi.fn();
    const screen = await render(FeatureMapGrid, { tensor: t, title: 'values_2', onpick, tilePx: 32 });
    const canvas = screen.container.querySelector('canvas')!;
    // tile 1 starts at 4 * 8 + 4 = 36; value (1, 2)
    await userEvent.click(page.elementLocator(canvas), { position: { x: 36 + 2 * 8 + 3, y: 8 + 3 } });
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ tile: 1, channel: 1, row: 1, col: 2, index: 13, value: -6 }));
    const numbers = screen.getByRole('region', { name: 'Numbers of channel 1' });
    await expect.element(numbers).toBeVisible();
    await expect.element(numbers.getByRole('gridcell', { name: 'values_2: channel 1[1][2] = \u22126.00' })).toBeVisible();
    // picking in the numbers picks in the grid too
    await userEvent.click(numbers.getByRole('gridcell', { name: 'values_2: channel 1[3][0] = \u221212.0' }));
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ tile: 1, row: 3, col: 0, value: -12 }));
  });

  it('keyboard: arrows move, Page Down goes to the next channel, Enter picks', async () => {
    const t = tensor([1, 3, 3, 3], (i) => i);
    const onpick = vi.fn();
    const screen = await render(FeatureMapGrid, { tensor: t, title: 'x', onpick });
    screen.container.querySelector('canvas')!.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{PageDown}{Enter}');
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ tile: 1, row: 1, col: 1, index: (1 * 3 + 1) * 3 + 1 }));
  });

  it('draws a conv kernel as signed pictures per filter and in-channel', async () => {
    // (3, 3, 2, 4): 4 filters x 2 in-channels
    const k = tensor([3, 3, 2, 4], (i) => Math.sin(i * 0.7));
    const onpick = vi.fn();
    const screen = await render(FeatureMapGrid, { tensor: k, roles: kernelRoles(2), title: 'conv2d.kernel', colour: 'signed', onpick });
    await expect.element(screen.getByText('8 pictures (filter × in-channel) of 3 × 3')).toBeVisible();
    const canvas = screen.container.querySelector('canvas')!;
    // 12 px per weight, gap 3; with 2 in-channels all 4 filters share one row (filter, in-channel),
    // 8 px more between filters: filter 2, in-channel 1 is picture 5; weight (0, 2)
    const x = 5 * (36 + 3) + 2 * 8 + 2 * 12 + 6;
    const y = 6;
    await userEvent.click(page.elementLocator(canvas), { position: { x, y } });
    const want = ((0 * 3 + 2) * 2 + 1) * 4 + 2;
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ filter: 2, channel: 1, row: 0, col: 2, index: want }));
    await expect.element(screen.getByText(new RegExp(`^conv2d\\.kernel\\[0, 2, 1, 2\\] = .*filter 2, in-channel 1`))).toBeVisible();
    // signed colours: a positive weight is red-ish, a negative one blue-ish
    const [r, , b] = pixel(canvas, x, y);
    if (k.values[want] > 0.3) expect(r).toBeGreaterThan(b);
    if (k.values[want] < -0.3) expect(b).toBeGreaterThan(r);
    await page.screenshot({ path: '__screenshots__/conv/kernel-grid.png', element: screen.container });
  });

  it('draws a 1D signal as strips and a volume one slice at a time', async () => {
    const sig = tensor([1, 186, 2], (i) => Math.sin(i / 9));
    const s1 = await render(FeatureMapGrid, { tensor: sig, title: 'ecg' });
    await expect.element(s1.getByText('2 channels of 1 × 186')).toBeVisible();
    // a few signals read best as line plots; strips on request
    await expect.element(s1.getByRole('img', { name: 'ecg: 2 signal(s) of 186 steps as line plots' })).toBeVisible();
    expect(s1.container.querySelectorAll('path.line')).toHaveLength(2);
    await page.screenshot({ path: '__screenshots__/conv/signal-lines.png', element: s1.container });
    await userEvent.click(s1.getByRole('radio', { name: 'strips' }));
    await expect.element(s1.getByRole('img', { name: /line plots/ })).not.toBeInTheDocument();
    expect(s1.container.querySelectorAll('canvas')).toHaveLength(1);
    s1.unmount();
    const vol = tensor([1, 4, 5, 5, 2], (i) => i);
    const onpick = vi.fn();
    const s2 = await render(FeatureMapGrid, { tensor: vol, title: 'vol', onpick });
    const slider = s2.getByLabelText('Depth slice');
    await expect.element(slider).toBeVisible();
    (slider.element() as HTMLInputElement).value = '2';
    slider.element().dispatchEvent(new Event('input', { bubbles: true }));
    await expect.element(s2.getByText('2 of 4')).toBeVisible();
    s2.container.querySelector('canvas')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onpick).toHaveBeenLastCalledWith(expect.objectContaining({ slice: 2, index: 2 * 50, value: 100 }));
  });

  it('says when a tensor has no spatial axes, never crashes', async () => {
    const screen = await render(FeatureMapGrid, { tensor: tensor([1, 10], (i) => i), title: 'dense' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('A tensor of shape (1, 10) has no spatial axes to draw as pictures.');
  });

  it('draws a 148 x 148 x 32 feature map in at most 50 ms', async () => {
    const t = tensor([1, 148, 148, 32], (i) => Math.max(0, Math.sin(i * 0.013) * Math.cos(i * 0.00071)));
    const screen = await render(FeatureMapGrid, { tensor: t, title: 'conv2d' });
    const fig = screen.container.querySelector('figure')!;
    await vi.waitFor(() => expect(Number(fig.dataset.drawMs)).toBeGreaterThan(0));
    // the first draw pays for warm-up; measure redraws (switching the scale redraws everything)
    const times: number[] = [];
    for (const label of ['per channel', 'shared by all pictures', 'per channel']) {
      const before = fig.dataset.drawMs;
      await userEvent.click(screen.getByLabelText(label));
      await vi.waitFor(() => expect(fig.dataset.drawMs).not.toBe(before));
      times.push(Number(fig.dataset.drawMs));
    }
    times.sort((a, b) => a - b);
    console.log(`feature-map grid 148x148x32 draw: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
    expect(times[1]).toBeLessThan(50);
    await page.screenshot({ path: '__screenshots__/conv/feature-maps-148.png', element: screen.container });
  });
});
