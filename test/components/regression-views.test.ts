/** The regression views: price, predicted-vs-actual scatter (click picks a row), residuals, evaluate table, scaler, Dropout's modes. */
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import PriceOutput from '../../src/viz/regression/PriceOutput.svelte';
import PredictedActualScatter from '../../src/viz/regression/PredictedActualScatter.svelte';
import ResidualHistogram from '../../src/viz/regression/ResidualHistogram.svelte';
import EvaluateTable from '../../src/viz/regression/EvaluateTable.svelte';
import ScalerTable from '../../src/viz/regression/ScalerTable.svelte';
import DropoutArithmetic from '../../src/viz/arithmetic/DropoutArithmetic.svelte';
import { linear, scatterDomain } from '../../src/viz/regression/geometry';
import { formatDollars, HOUSING_FEATURES } from '../../src/models/data/housing';
import { evaluateRegression } from '../../src/models/evaluate-regression';
import { createRng } from '../../src/models/random';
import type { TraceStep } from '../../src/inspector/types';

const N = 20640;
const CAP = 5.00001;
function fakeData() {
  const rng = createRng(3);
  const actual = new Float32Array(N);
  const pred = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    actual[i] = i % 20 === 0 ? CAP : 0.3 + rng.uniform() * 4;
    pred[i] = actual[i] + (rng.uniform() - 0.5) * 0.6;
  }
  // One district far from the others, to click on.
  actual[12345] = 4.6;
  pred[12345] = 0.6;
  return { actual, pred };
}

describe('regression views', () => {
  beforeEach(async () => {
    await page.viewport(1000, 800);
  });

  it('shows the output as a price with the raw model value beside it, and marks it stale', async () => {
    const screen = await render(PriceOutput, { value: 2.063, format: (v: number) => formatDollars(v), unit: '$100,000s' });
    await expect.element(screen.getByText('$206,300')).toBeVisible();
    await expect.element(screen.getByText('2.063', { exact: true })).toBeVisible();
    await screen.rerender({ value: 2.063, format: (v: number) => formatDollars(v), unit: '$100,000s', stale: true });
    await expect.element(screen.getByText(/stale/)).toBeVisible();
    await screen.rerender({ value: Number.NaN, format: (v: number) => formatDollars(v), unit: '$100,000s' });
    expect(screen.container.textContent).not.toContain('NaN');
  });

  it('draws 20,640 points with y = x and the $500,001 cap; a click on a point picks its row', async () => {
    const { actual, pred } = fakeData();
    const picked: number[] = [];
    const screen = await render(PredictedActualScatter, {
      predictions: pred, actual, trainRows: 15480, cap: CAP, dollars: 100000, format: (v: number) => formatDollars(v),
      marker: { predicted: 2.5, row: null }, onselect: (r: number) => picked.push(r),
    });
    await expect.element(screen.getByText('y = x', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('census cap $500,001')).toBeVisible();
    await expect.element(screen.getByText(/your district \(actual value unknown\): \$250,000/)).toBeVisible();
    const canvas = screen.container.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const painted = ctx.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, i) => i % 4 === 3 && _ > 0).length;
    expect(painted).toBeGreaterThan(5000);
    const svg = screen.container.querySelector('svg')!;
    const rect = svg.getBoundingClientRect();
    const domain = scatterDomain(pred, actual, CAP);
    const px = linear(domain, 56, 460 - 14)(4.6);
    const py = linear(domain, 400 - 40, 12)(0.6);
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + (px * rect.width) / 460, clientY: rect.top + (py * rect.height) / 400 }));
    expect(picked).toEqual([12345]);
    svg.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + 2, clientY: rect.top + 2 }));
    expect(picked).toEqual([12345]);
    await screen.rerender({ marker: { predicted: 0.6, row: 12345 } });
    await expect.element(screen.getByText('your district (row 12345)')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/regression/scatter.png', element: screen.container });
  });

  it('picks a row by keyboard too: a row number and Enter', async () => {
    const { actual, pred } = fakeData();
    const picked: number[] = [];
    const screen = await render(PredictedActualScatter, {
      predictions: pred, actual, trainRows: 15480, cap: CAP, dollars: 100000, format: (v: number) => formatDollars(v),
      onselect: (r: number) => picked.push(r),
    });
    const field = screen.getByRole('spinbutton', { name: 'Or by keyboard: district row' });
    await userEvent.fill(field, '20639');
    await userEvent.keyboard('{Enter}');
    expect(picked).toEqual([20639]);
    await userEvent.fill(field, '20640'); // past the last row: nothing picked
    await userEvent.click(screen.getByRole('button', { name: 'Use this row' }));
    expect(picked).toEqual([20639]);
  });

  it('counts residuals in dollar bins and marks the learner\'s district', async () => {
    const { actual, pred } = fakeData();
    const screen = await render(ResidualHistogram, { predictions: pred, actual, dollars: 100000, marked: -4.0 });
    const titles = [...screen.container.querySelectorAll('rect title')].map((t) => t.textContent ?? '');
    const counts = titles.map((t) => Number(/: ([\d,]+) districts/.exec(t)![1].replace(/,/g, '')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
    expect(titles[0]).toMatch(/^−∞ to -\$300k: 1 districts$/);
    await expect.element(screen.getByText('your district: -$400k')).toBeVisible();
    await expect.element(screen.getByText(/of the districts are predicted within ±\$50,000/)).toBeVisible();
  });

  it('puts evaluate in dollars beside the mean-price baseline, on all rows and the validation rows', async () => {
    const { actual, pred } = fakeData();
    const e = evaluateRegression(pred, actual, 0.25);
    const screen = await render(EvaluateTable, { evaluation: e, format: (v: number) => formatDollars(v), unit: '$100,000s' });
    await expect.element(screen.getByText('model, all 20,640 rows')).toBeVisible();
    await expect.element(screen.getByText('model, validation (5,160)')).toBeVisible();
    await expect.element(screen.getByText('always the mean, validation')).toBeVisible();
    await expect.element(screen.getByText(formatDollars(e.all.mae), { exact: true }).first()).toBeVisible();
    await expect.element(screen.getByText(formatDollars(e.baseline.validation!.rmse), { exact: true }).first()).toBeVisible();
    await expect.element(screen.getByText(new RegExp(`always predicts \\${formatDollars(e.baselineValue)}`))).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/accuracy/i);
  });

  it('shows the scaler per feature with the note that it saw the validation rows', async () => {
    const screen = await render(ScalerTable, {
      featureNames: HOUSING_FEATURES.map((f) => f.label),
      scaler: { mean: [3.8707, 28.639, 5.429, 1.0967, 1425.5, 3.0707, 35.632, -119.57], scale: [1.8998, 12.585, 2.4741, 0.4739, 1132.4, 10.386, 2.1359, 2.0035] },
    });
    await expect.element(screen.getByText('Longitude (degrees, negative = west)')).toBeVisible();
    await expect.element(screen.getByText('−119.57')).toBeVisible();
    await expect.element(screen.getByText(/validation rows included/)).toBeVisible();
  });
});

describe('Dropout arithmetic', () => {
  const x = Float32Array.from({ length: 16 }, (_, i) => (i - 5) / 3);
  const step: TraceStep = {
    index: 1, name: 'dropout', className: 'Dropout', config: { rate: 0.1 }, paramCount: 0,
    inputNames: ['dense'], inputValues: [1], inputs: [{ shape: [1, 16], values: x }], params: [],
    output: { shape: [1, 16], values: x.slice() }, reference: { shape: [1, 16], values: x.slice() }, maxAbsDiff: 0,
  };

  it('is the identity at inference and, on the toggle, shows a seeded mask, the factor and the values', async () => {
    const screen = await render(DropoutArithmetic, { step });
    await expect.element(screen.getByText(/passes its input through unchanged/)).toBeVisible();
    await screen.getByLabelText('Training (one pass)').click();
    await expect.element(screen.getByTestId('dropout-factor')).toHaveTextContent('factor = 1 / (1 − 0.1) = 1.111');
    const maskOf = () => [...screen.container.querySelectorAll('tbody tr')].map((r) => r.classList.contains('dropped'));
    const first = maskOf();
    expect(first).toHaveLength(16);
    await expect.element(screen.getByText(/recomputed from the mask: max \|d\| = /)).toBeVisible();
    await screen.getByRole('button', { name: 'Draw another mask' }).click();
    await screen.getByLabelText('Mask seed').fill('1');
    await expect.poll(() => maskOf()).toEqual(first);
    // A kept value reads "x × 1.111 = y".
    const kept = [...screen.container.querySelectorAll('tbody tr:not(.dropped) td:last-child')][0].textContent ?? '';
    expect(kept).toMatch(/× 1\.111 = /);
    await page.screenshot({ path: '__screenshots__/regression/dropout.png', element: screen.container });
  });
});
