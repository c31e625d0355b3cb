/**
 * ConvArithmetic in Chromium on a real trace (tfjs Conv2D, stride 2, 'same' padding, relu): the
 * window, x times w per channel, the sums plus bias, the activation, equal to what tfjs computed;
 * the window stepped with the keyboard and by an animation that pauses on hover.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ConvArithmetic from '../../src/viz/conv/ConvArithmetic.svelte';
import { tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { explainStep } from '../../src/inspector/layers';
import type { Explanation } from '../../src/inspector/explain';
import type { TraceStep } from '../../src/inspector/types';
import { formatNumber } from '../../src/inspector/format';

type ConvEx = Extract<Explanation, { kind: 'conv' }>;

function convTrace(): { step: TraceStep; ex: ConvEx } {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [7, 7, 2], filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv2d', biasInitializer: 'ones' }),
    ],
  });
  const x = Float32Array.from({ length: 7 * 7 * 2 }, (_, i) => Math.sin(i * 0.37) + 0.2);
  const trace = traceModel(model, x);
  const step = trace.steps.find((s) => s.className === 'Conv2D')!;
  const ex = explainStep(step);
  model.dispose();
  if (ex.kind !== 'conv') throw new Error(`expected a conv explanation, got ${ex.kind}`);
  return { step, ex };
}

const outAt = (step: TraceStep, i: number, j: number, f: number) => step.output.values[(i * 4 + j) * 3 + f];

describe('ConvArithmetic', () => {
  beforeEach(async () => {
    await page.viewport(1100, 1000);
  });

  it('a corner cell: padded taps drawn as padding, per-channel sums, bias, relu, equal to tfjs', async () => {
    const { step, ex } = convTrace();
    expect(ex.outputSize).toEqual([4, 4]);
    expect(ex.padBefore).toEqual([1, 1]);
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [0, 0], filter: 1 } });
    // 3 x 3 window at (-1, -1): row -1 and column -1 lie in the padding: 5 of 9 taps, per channel
    const pads = screen.container.querySelectorAll('div.tap.pad');
    expect(pads.length).toBe(2 * 5);
    const labels = Array.from(screen.container.querySelectorAll('div.tap')).map((el) => el.getAttribute('aria-label')!);
    expect(labels.filter((l) => /^padding = 0(\.0+)? times w = /.test(l))).toHaveLength(10);
    // the window drawn on the input: 9 taps, 5 of them in the padding
    expect(screen.container.querySelectorAll('rect.tap')).toHaveLength(9);
    expect(screen.container.querySelectorAll('rect.tap.pad')).toHaveLength(5);
    expect(screen.container.querySelectorAll('.term')).toHaveLength(2);
    const totalText = screen.container.querySelector('.total-text')!.textContent!;
    expect(totalText).toMatch(/ \+ 1(\.00)? = /); // the bias (ones) is added
    const y = outAt(step, 0, 0, 1);
    const check = screen.getByRole('status');
    await expect.element(check).toHaveTextContent(/✓ equal/);
    await expect.element(check).toHaveTextContent(`= ${formatNumber(y, 4)}`);
    await page.screenshot({ path: '__screenshots__/conv/conv-arithmetic-corner.png', element: screen.container });
  });

  it('a centre cell sums all 9 taps of both channels; its numbers add up to the traced output', async () => {
    const { step, ex } = convTrace();
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [2, 1], filter: 2 } });
    expect(screen.container.querySelectorAll('div.tap.pad')).toHaveLength(0);
    expect(screen.container.querySelectorAll('div.tap')).toHaveLength(18);
    // recompute from the numbers on screen (each tap's x and w via its label) and compare with tfjs
    const cells = Array.from(screen.container.querySelectorAll('div.tap')).map((el) => el.getAttribute('aria-label')!);
    expect(cells[0]).toMatch(/^x\[3, 1, 0\] = /); // origin: 2*2 - 1 = 3, 1*2 - 1 = 1
    const sums = Array.from(screen.container.querySelectorAll('.sum strong')).map((el) => Number(el.textContent!.replace('−', '-')));
    const z = sums[0] + sums[1] + 1;
    expect(Math.max(0, z)).toBeCloseTo(outAt(step, 2, 1, 2), 2);
    await expect.element(screen.getByRole('status')).toHaveTextContent(/✓ equal/);
  });

  it('arrow keys move the window by one output cell; a click on the output picture picks a cell', async () => {
    const { step, ex } = convTrace();
    const oncell = vi.fn();
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [0, 0], filter: 0 }, oncell });
    const group = screen.getByRole('group', { name: /^Convolution arithmetic/ });
    (group.element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(oncell).toHaveBeenLastCalledWith({ position: [2, 1], filter: 0 });
    await expect.element(group).toHaveAttribute('aria-label', 'Convolution arithmetic of output cell [2, 1], filter 0');
    // the edge stops the window
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(oncell).toHaveBeenLastCalledWith({ position: [2, 3], filter: 0 });
    // output picture: 4 x 4 at 180 / 4 = 45 px per cell
    const canvas = screen.container.querySelector('.feature-maps canvas')!;
    await userEvent.click(page.elementLocator(canvas), { position: { x: 45 * 3 + 10, y: 45 * 1 + 10 } });
    expect(oncell).toHaveBeenLastCalledWith({ position: [1, 3], filter: 0 });
  });

  it('plays across the input and pauses while the pointer is over the panel', async () => {
    const { step, ex } = convTrace();
    const oncell = vi.fn();
    const screen = await render(ConvArithmetic, { step, explanation: ex, oncell, stepMs: 40 });
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    // the click left the pointer over the panel: paused
    await expect.element(screen.getByText('paused while the pointer is here')).toBeVisible();
    const calls = oncell.mock.calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(oncell.mock.calls.length).toBe(calls);
    await userEvent.unhover(screen.getByRole('group', { name: /^Convolution arithmetic/ }));
    await page.elementLocator(document.body).hover({ position: { x: 1000, y: 990 } });
    await vi.waitFor(() => expect(oncell.mock.calls.length).toBeGreaterThan(calls + 2));
    const last = oncell.mock.lastCall![0] as { position: number[] };
    expect(last.position.every((p) => p >= 0 && p < 4)).toBe(true);
  });
});

describe('ConvArithmetic, other convolutions', () => {
  it("Conv1D, stride 2, 'same' (TensorFlow pads the odd zero after): the last window reaches into the padding", async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.conv1d({ inputShape: [8, 2], filters: 2, kernelSize: 4, strides: 2, padding: 'same', name: 'conv1d' })],
    });
    const t = traceModel(model, Float32Array.from({ length: 16 }, (_, i) => Math.cos(i)));
    model.dispose();
    const step = t.steps[0];
    const ex = explainStep(step) as ConvEx;
    expect(ex.kind).toBe('conv');
    // 8 -> 4 outputs; total padding 2: 1 before, 1 after
    expect([ex.outputSize, ex.padBefore, ex.padAfter]).toEqual([[4], [1], [1]]);
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [3], filter: 1 } });
    // window of output 3 starts at 3*2 - 1 = 5: taps 5, 6, 7 inside, 8 in the padding
    const labels = Array.from(screen.container.querySelectorAll('div.tap')).map((el) => el.getAttribute('aria-label')!);
    expect(labels.slice(0, 4).map((l) => l.split(' = ')[0])).toEqual(['x[5, 0]', 'x[6, 0]', 'x[7, 0]', 'padding']);
    expect(screen.container.querySelectorAll('rect.tap.pad')).toHaveLength(1);
    await expect.element(screen.getByRole('status')).toHaveTextContent('✓ equal');
    await page.screenshot({ path: '__screenshots__/conv/conv1d-same.png', element: screen.container });
  });

  it('SeparableConv2D: per-channel depthwise sums times the pointwise weights, plus bias, equal to tfjs', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.separableConv2d({ inputShape: [5, 5, 3], filters: 2, kernelSize: 3, name: 'separable_conv2d', biasInitializer: 'ones' })],
    });
    const t = traceModel(model, Float32Array.from({ length: 75 }, (_, i) => Math.sin(i * 0.3)));
    model.dispose();
    const step = t.steps[0];
    const ex = explainStep(step) as ConvEx;
    expect(ex.variant).toBe('separable');
    const screen = await render(ConvArithmetic, { step, explanation: ex, cell: { position: [1, 2], filter: 1 } });
    expect(screen.container.querySelectorAll('.term')).toHaveLength(3);
    await expect.element(screen.getByText(/× pointwise/).first()).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('✓ equal');
  });
});
