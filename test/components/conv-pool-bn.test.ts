/**
 * PoolArithmetic and BatchNormArithmetic in Chromium on real traces (tfjs MaxPooling2D,
 * AveragePooling2D with 'same' padding, BatchNormalization with set statistics).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import PoolArithmetic from '../../src/viz/conv/PoolArithmetic.svelte';
import BatchNormArithmetic from '../../src/viz/conv/BatchNormArithmetic.svelte';
import { tf, tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { explainStep } from '../../src/inspector/layers';
import { formatNumber } from '../../src/inspector/format';
import type { Explanation } from '../../src/inspector/explain';
import type { Trace } from '../../src/inspector/types';

function trace(): Trace {
  const model = tfl.sequential({
    layers: [
      tfl.layers.maxPooling2d({ inputShape: [6, 5, 2], poolSize: 2, strides: 2, name: 'max_pooling2d' }),
      tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same', name: 'average_pooling2d' }),
      tfl.layers.batchNormalization({ name: 'batch_normalization' }),
    ],
  });
  const bn = model.getLayer('batch_normalization');
  bn.setWeights([tf.tensor1d([1.5, 0.5]), tf.tensor1d([0.1, -0.2]), tf.tensor1d([0.3, -0.4]), tf.tensor1d([0.25, 2])]);
  const x = Float32Array.from({ length: 6 * 5 * 2 }, (_, i) => Math.sin(i * 0.71) * 2);
  const t = traceModel(model, x);
  model.dispose();
  return t;
}

function explained<K extends Explanation['kind']>(t: Trace, cls: string, kind: K) {
  const step = t.steps.find((s) => s.className === cls)!;
  const ex = explainStep(step);
  if (ex.kind !== kind) throw new Error(`expected ${kind}, got ${ex.kind}`);
  return { step, ex: ex as Extract<Explanation, { kind: K }> };
}

describe('PoolArithmetic', () => {
  beforeEach(async () => {
    await page.viewport(1000, 900);
  });

  it('max pooling: the window, its maximum marked, equal to tfjs; keys move the window', async () => {
    const { step, ex } = explained(trace(), 'MaxPooling2D', 'pooling');
    const oncell = vi.fn();
    const screen = await render(PoolArithmetic, { step, explanation: ex, cell: { position: [1, 1], channel: 1 }, oncell });
    const values = Array.from(screen.container.querySelectorAll('.v')).map((el) => el.getAttribute('title'));
    expect(values).toEqual(['x[2, 2, 1]', 'x[2, 3, 1]', 'x[3, 2, 1]', 'x[3, 3, 1]']);
    const x = step.inputs[0].values;
    const window = [[2, 2], [2, 3], [3, 2], [3, 3]].map(([r, c]) => x[(r * 5 + c) * 2 + 1]);
    const best = screen.container.querySelector('.v.best')!;
    expect(best.textContent!.trim()).toBe(formatNumber(Math.max(...window), 3));
    await expect.element(screen.getByRole('status')).toHaveTextContent(`= ${formatNumber(step.output.values[(1 * 2 + 1) * 2 + 1], 4)}: ✓ equal`);
    await expect.element(screen.getByText('the largest value in the window')).toBeVisible();
    (screen.getByRole('group').element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowUp}{ArrowLeft}');
    expect(oncell).toHaveBeenLastCalledWith({ position: [0, 0], channel: 1 });
    await page.screenshot({ path: '__screenshots__/conv/pool-max.png', element: screen.container });
  });

  it("average pooling with 'same' padding divides by the cells inside only", async () => {
    const { step, ex } = explained(trace(), 'AveragePooling2D', 'pooling');
    // input 3 x 2: 'same' with pool 3 stride 2 -> output 2 x 1; the corner window reaches into the padding
    expect(ex.outputSize).toEqual([2, 1]);
    const screen = await render(PoolArithmetic, { step, explanation: ex, cell: { position: [0, 0], channel: 0 } });
    const pads = screen.container.querySelectorAll('.v.pad');
    expect(pads.length).toBeGreaterThan(0);
    const inside = 9 - pads.length;
    await expect.element(screen.getByText(`the mean of the ${inside} values inside the input. 'same' pooling ignores the padded cells (they are not zeros).`)).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('✓ equal');
    await expect.element(screen.getByText(new RegExp(`\\) / ${inside} = `))).toBeVisible();
    await page.screenshot({ path: '__screenshots__/conv/pool-average-same.png', element: screen.container });
  });
});

describe('BatchNormArithmetic', () => {
  it('works one element through the moving statistics, equal to tfjs; a row picks the channel', async () => {
    const { step, ex } = explained(trace(), 'BatchNormalization', 'batchnorm');
    const onelement = vi.fn();
    const screen = await render(BatchNormArithmetic, { step, explanation: ex, onelement });
    // channel 0: gamma 1.5, beta 0.1, mean 0.3, variance 0.25 (epsilon 0.001)
    const x0 = step.inputs[0].values[0];
    const y0 = ((x0 - 0.3) / Math.sqrt(0.25 + 0.001)) * 1.5 + 0.1;
    await expect.element(screen.getByText(/^y\[0, 0, 0, 0\] = \(/)).toHaveTextContent(`sqrt(0.250 + 0.00100) * 1.50 + 0.100 = ${formatNumber(y0, 3, { ascii: true })}`);
    await expect.element(screen.getByRole('status')).toHaveTextContent('✓ equal');
    await userEvent.click(screen.getByRole('row', { name: /^1 / }));
    expect(onelement).toHaveBeenLastCalledWith([0, 0, 0, 1]);
    await expect.element(screen.getByText(/^y\[0, 0, 0, 1\] = /)).toHaveTextContent('sqrt(2.00 + 0.00100) * 0.500 + (-0.200)');
    await page.screenshot({ path: '__screenshots__/conv/batchnorm.png', element: screen.container });
  });

  it('training mode uses the batch statistics and says there is no tfjs value to compare', async () => {
    const { step, ex } = explained(trace(), 'BatchNormalization', 'batchnorm');
    const screen = await render(BatchNormArithmetic, { step, explanation: ex });
    await userEvent.click(screen.getByRole('radio', { name: /training mode/ }));
    await expect.element(screen.getByRole('columnheader', { name: 'batch mean' })).toBeVisible();
    await expect.element(screen.getByRole('columnheader', { name: 'next moving_mean' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Training mode is not what the model computed');
    // the batch mean of channel 0 over the 2 x 1 positions of the one example
    const v = step.inputs[0].values;
    const mean = (v[0] + v[2]) / 2;
    await expect.element(screen.getByRole('row', { name: new RegExp(`^0 ${formatNumber(mean, 4).replace('.', '\\.').replace('−', '.')}`) })).toBeVisible();
  });
});
