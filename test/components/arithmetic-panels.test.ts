import { afterAll, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { tf, tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { formatNumber } from '../../src/inspector/format';
import type { TraceStep } from '../../src/inspector/types';
import LayerArithmetic from '../../src/viz/arithmetic/LayerArithmetic.svelte';
import DenseArithmetic from '../../src/viz/arithmetic/DenseArithmetic.svelte';
import ActivationArithmetic from '../../src/viz/arithmetic/ActivationArithmetic.svelte';
import { explainStep } from '../../src/inspector/layers';

/** Reads a number as the panels print it (typographic minus). */
const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-'));

/** The Iris architecture with fixed weights: neuron 0 of the hidden layer is always negative (zeroed by ReLU). */
function irisModel() {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 8, inputShape: [4], name: 'dense', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) }),
      tfl.layers.activation({ activation: 'relu', name: 'activation' }),
      tfl.layers.dense({ units: 3, name: 'dense_1', kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }) }),
      tfl.layers.activation({ activation: 'softmax', name: 'activation_1' }),
    ],
  });
  const [kernel] = model.layers[0].getWeights();
  model.layers[0].setWeights([kernel, tf.tensor1d([-20, 20, 0.3, -0.2, 0.1, 0, -0.4, 0.5])]);
  return model;
}

const model = irisModel();
afterAll(() => model.dispose());
const trace = traceModel(model, [5.3, 3.4, 1.9, 0.6]);

describe('LayerArithmetic', () => {
  it('ReLU: the zeroed cells are marked and the check says OK', async () => {
    const step = trace.steps[1];
    const negatives = Array.from(step.inputs[0].values).filter((v) => v < 0).length;
    expect(negatives).toBeGreaterThan(0);
    const screen = await render(LayerArithmetic, { step });
    await expect.element(screen.getByRole('heading', { name: 'Activation layer activation (relu)' })).toBeVisible();
    await expect.element(screen.getByText('np.maximum(x, 0)')).toBeVisible();
    await expect.element(screen.getByText(`ReLU: ${negatives} of 8 values set to 0`)).toBeVisible();
    const zeroedRows = screen.container.querySelectorAll('tr[data-zeroed="true"]');
    expect(zeroedRows).toHaveLength(negatives);
    expect(zeroedRows[0].textContent).toContain('set to 0');
    expect(zeroedRows[0].querySelectorAll('td')[1].textContent).toBe('0.000');
    await expect.element(screen.getByRole('status')).toHaveTextContent(/max \|tfjs − reference\| = .* OK/);
  });

  it('softmax: exp, their sum and quotients that add up to 1', async () => {
    const step = trace.steps[3];
    const screen = await render(LayerArithmetic, { step });
    await expect.element(screen.getByText(/subtracted before exp/)).toBeVisible();
    const quotients = [...screen.container.querySelectorAll('td[data-quotient]')].map((c) => num(c.textContent));
    expect(quotients).toHaveLength(3);
    expect(quotients.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    quotients.forEach((q, i) => expect(q).toBeCloseTo(step.output.values[i], 3));
    expect(screen.container.querySelector('td[data-quotient-sum]')?.textContent).toBe('1.000');
    await expect.element(screen.getByRole('status')).toHaveTextContent('OK');
  });

  it('marks a mismatch above 1e-5', async () => {
    const bad: TraceStep = { ...trace.steps[1], maxAbsDiff: 0.02 };
    const screen = await render(LayerArithmetic, { step: bad });
    await expect.element(screen.getByRole('status')).toHaveTextContent(/max \|tfjs − reference\| = 0\.020 mismatch/);
  });

  it('allows float32 rounding in proportion to the size of the values, and says so', async () => {
    const big: TraceStep = { ...trace.steps[0], maxAbsDiff: 3.1e-5, checkScale: 568 };
    const screen = await render(LayerArithmetic, { step: big });
    await expect.element(screen.getByRole('status')).toHaveTextContent(/= 3\.1e−5 OK \(at most 0\.0057 = 1e−5 × 568, the size of the values\)/);
  });

  it('shows a reference that threw as a failed check with its message, not as "no reference"', async () => {
    const failed: TraceStep = { ...trace.steps[0], reference: null, maxAbsDiff: Infinity, failure: 'Dense needs a 2-D kernel' };
    const screen = await render(LayerArithmetic, { step: failed });
    const status = screen.getByRole('status');
    await expect.element(status).toHaveTextContent(/Check failed:.*\(Dense needs a 2-D kernel\)/);
    await expect.element(status).toHaveClass('mismatch');
    await expect.element(status).not.toHaveTextContent(/No reference check|OK/);
  });

  it('explains a class without a reference', async () => {
    const unknown: TraceStep = { ...trace.steps[1], className: 'Permute', name: 'perm', reference: null, maxAbsDiff: null };
    const other = await render(LayerArithmetic, { step: unknown });
    await expect.element(other.getByRole('status')).toHaveTextContent('no reference implementation for Permute yet');
  });

  it('Dropout shows the generic panel with its rate and why', async () => {
    const step: TraceStep = { ...trace.steps[1], className: 'Dropout', name: 'dropout', config: { rate: 0.2 }, output: trace.steps[1].inputs[0] };
    const screen = await render(LayerArithmetic, { step });
    await expect.element(screen.getByRole('heading', { name: 'Dropout layer dropout (rate 0.2)' })).toBeVisible();
    await expect.element(screen.getByText(/passes its input through unchanged/)).toBeVisible();
  });
});

describe('DenseArithmetic', () => {
  it('shows the formula with shapes and the whole sum for the picked neuron', async () => {
    const step = trace.steps[0];
    const onneuron = vi.fn();
    const screen = await render(DenseArithmetic, { step, onneuron });
    await expect.element(screen.getByText('values_1 = values_0 @ kernel + bias')).toBeVisible();
    await expect.element(screen.getByText('(1, 4) @ (4, 8) + (8,) -> (1, 8)')).toBeVisible();
    await screen.getByRole('button', { name: '2', exact: true }).click();
    expect(onneuron).toHaveBeenCalledWith(2);
    await expect.element(screen.getByRole('button', { name: '2', exact: true })).toHaveAttribute('aria-pressed', 'true');
    const k = step.params[0].values;
    const x = step.inputs[0].values;
    const expected = [0, 1, 2, 3].reduce((s, j) => s + x[j] * k[j * 8 + 2], step.params[1].values[2]);
    await expect.element(screen.getByText(`values_1[0, 2] = 5.30·`, { exact: false })).toBeVisible();
    const total = screen.container.querySelector('td[data-total]')?.textContent ?? '';
    expect(total).toBe(formatNumber(expected, 3));
    expect(num(screen.container.querySelector('td[data-output]')?.textContent ?? '')).toBeCloseTo(trace.values[1].values[2], 2);
    expect(screen.container.querySelectorAll('tbody tr')).toHaveLength(4);
  });

  it('a wide Dense: a select for the neuron and a shortened sum line', async () => {
    const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 20, inputShape: [30], kernelInitializer: tfl.initializers.glorotUniform({ seed: 8 }) })] });
    const t = traceModel(m, Array.from({ length: 30 }, (_, i) => i / 10));
    m.dispose();
    const onneuron = vi.fn();
    const screen = await render(DenseArithmetic, { step: t.steps[0], onneuron });
    await screen.getByRole('combobox', { name: 'Output neuron:' }).selectOptions('15');
    expect(onneuron).toHaveBeenCalledWith(15);
    await expect.element(screen.getByText(/^values_1\[0, 15\] = .* … 19 more … .* = /)).toBeVisible();
    expect(screen.container.querySelectorAll('tbody tr')).toHaveLength(30);
    expect(num(screen.container.querySelector('td[data-total]')?.textContent ?? '')).toBeCloseTo(t.values[1].values[15], 2);
  });

  it('at MNIST size (784 -> 128): the 12 largest terms, the other 772 summed, the total checked against tfjs', async () => {
    const m = tfl.sequential({
      layers: [tfl.layers.dense({ units: 128, inputShape: [784], activation: 'relu', name: 'dense', biasInitializer: 'ones', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) })],
    });
    // a "1": a bright bar in columns 13..15, rows 4..23, everything else 0
    const x = Array.from({ length: 784 }, (_, i) => (i % 28 >= 13 && i % 28 <= 15 && i >= 4 * 28 && i < 24 * 28 ? 255 : 0));
    const t = traceModel(m, x);
    m.dispose();
    const step = t.steps[0];
    const screen = await render(DenseArithmetic, { step, neuron: 5, inputImage: [28, 28] });
    const rows = [...screen.container.querySelectorAll('.terms tbody tr')];
    expect(rows).toHaveLength(13);
    const k = step.params[0].values;
    const products = x.map((v, j) => v * k[j * 128 + 5]);
    const largest = products.map((p, j) => [Math.abs(p), j]).sort((a, b) => b[0] - a[0]).slice(0, 12).map(([, j]) => j);
    // listed largest first, each named by its pixel
    expect(rows.slice(0, 12).map((r) => r.querySelector('th')!.textContent)).toEqual(largest.map((j) => `${j} (row ${Math.floor(j / 28)}, col ${j % 28})`));
    const rest = products.filter((_, j) => !largest.includes(j)).reduce((a, b) => a + b, 0);
    expect(rows[12].textContent).toMatch(/the other 772 terms \(724 of them 0 because x = 0\) sum to/);
    expect(num(screen.container.querySelector('td[data-rest]')!.textContent)).toBeCloseTo(rest, 0);
    const total = num(screen.container.querySelector('td[data-total]')!.textContent);
    expect(total).toBeCloseTo(products.reduce((a, b) => a + b, 1), 0);
    expect(num(screen.container.querySelector('td[data-output]')!.textContent)).toBeCloseTo(Math.max(0, total), 0);
    await expect.element(screen.getByText(/^✓ The sum agrees with tfjs to \|d\| = .* \(all 784 terms added, not only the ones listed\)\.$/)).toBeVisible();
    await expect.element(screen.getByText(/^values_1\[0, 5\] = .* \+ \[772 more: .*\] \+ 1\.00 = /)).toBeVisible();
  });

  it('a Dense with a built-in relu shows the activation after the sum', async () => {
    const m = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [2], activation: 'relu', biasInitializer: 'ones' })] });
    const t = traceModel(m, [1, -1]);
    m.dispose();
    const screen = await render(DenseArithmetic, { step: t.steps[0], neuron: 1 });
    await expect.element(screen.getByText('values_1 = relu(values_0 @ kernel + bias)')).toBeVisible();
    await expect.element(screen.getByText("Then the layer's activation, relu")).toBeVisible();
    await expect.element(screen.getByText('relu(sum)')).toBeVisible();
  });
});

it('ActivationArithmetic shows sigmoid with exp(-x)', async () => {
  const x = { shape: [1, 2], values: Float32Array.from([0, 2]) };
  const y = { shape: [1, 2], values: Float32Array.from([0.5, 1 / (1 + Math.exp(-2))]) };
  const e = explainStep({ ...trace.steps[1], config: { activation: 'sigmoid' }, inputs: [x], output: y });
  if (e.kind !== 'activation') throw new Error('expected an activation');
  const screen = await render(ActivationArithmetic, { detail: e.detail });
  await expect.element(screen.getByText('1 / (1 + np.exp(-x))')).toBeVisible();
  await expect.element(screen.getByRole('columnheader', { name: 'exp(-x)' })).toBeVisible();
  await expect.element(screen.getByRole('cell', { name: '0.8808' })).toBeVisible();
});

it('every step of a functional model (Concatenate, Add, Dropout, Flatten) renders with its formula and check', async () => {
  const inp = tfl.input({ shape: [2, 2] });
  const flat = tfl.layers.flatten({ name: 'flat' }).apply(inp) as tfl.SymbolicTensor;
  const a = tfl.layers.dense({ units: 4, name: 'a' }).apply(flat) as tfl.SymbolicTensor;
  const sum = tfl.layers.add({ name: 'sum' }).apply([flat, a]) as tfl.SymbolicTensor;
  const joined = tfl.layers.concatenate({ name: 'joined' }).apply([sum, flat]) as tfl.SymbolicTensor;
  const drop = tfl.layers.dropout({ rate: 0.3, name: 'drop' }).apply(joined) as tfl.SymbolicTensor;
  const m = tfl.model({ inputs: inp, outputs: drop });
  const t = traceModel(m, [1, 2, 3, 4]);
  m.dispose();
  const formulas = [
    'values_1 = values_0.reshape(1, -1)',
    'values_2 = values_1 @ kernel + bias',
    'values_3 = values_1 + values_2',
    'values_4 = np.concatenate([values_3, values_1], axis=-1)',
    'values_5 = values_4',
  ];
  for (const [i, step] of t.steps.entries()) {
    const screen = await render(LayerArithmetic, { step });
    await expect.element(screen.getByText(formulas[i])).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent(/max \|tfjs − reference\| = .* OK/);
    await screen.unmount();
  }
});
