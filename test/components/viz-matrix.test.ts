import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import Matrix from '../../src/viz/components/Matrix.svelte';

function tensor(shape: number[], f: (i: number) => number) {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: n }, (_, i) => f(i)) };
}

describe('Matrix', () => {
  beforeEach(async () => {
    await page.viewport(1100, 900);
  });

  it('shows the shape, the numbers and an aria-label per cell, and reports hover', async () => {
    const onhover = vi.fn();
    const kernel = tensor([4, 8], (i) => Math.sin(i * 1.7) * 0.9);
    kernel.values[21] = -0.7312;
    const screen = await render(Matrix, { tensor: kernel, title: 'kernel', onhover });
    await expect.element(screen.getByText('(4, 8)')).toBeVisible();
    const cells = screen.getByRole('gridcell');
    expect(cells.elements()).toHaveLength(32);
    const cell = screen.getByRole('gridcell', { name: 'kernel[2][5] = \u22120.731' });
    await expect.element(cell).toHaveTextContent('\u22120.731');
    await expect.element(cell).toHaveAttribute('title', 'kernel[2][5] = \u22120.731');
    await userEvent.hover(cell);
    expect(onhover).toHaveBeenLastCalledWith({ row: 2, col: 5 });
    await page.screenshot({ path: '__screenshots__/viz/matrix-4x8.png', element: screen.container });
  });

  it('shows a bias (8,) as one row and marks cells', async () => {
    const bias = tensor([8], (i) => i - 4);
    const screen = await render(Matrix, {
      tensor: bias,
      title: 'bias',
      marked: (i: number) => i < 4,
      markLabel: 'zeroed by ReLU',
    });
    await expect.element(screen.getByText('(8,)')).toBeVisible();
    expect(screen.container.querySelectorAll('tbody tr')).toHaveLength(1);
    await expect.element(screen.getByRole('gridcell', { name: 'bias[1] = \u22123.00 (zeroed by ReLU)' })).toBeVisible();
    await expect.element(screen.getByRole('gridcell', { name: 'bias[6] = 2.00' })).toBeVisible();
  });

  it('moves between cells with the arrow keys and selects with Enter', async () => {
    const onselect = vi.fn();
    const screen = await render(Matrix, { tensor: tensor([2, 3], (i) => i), title: 'x', onselect });
    await userEvent.click(screen.getByRole('gridcell', { name: 'x[0][0] = 0' }));
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Enter}');
    expect(onselect).toHaveBeenLastCalledWith({ row: 1, col: 1 });
    await expect.element(screen.getByRole('gridcell', { name: 'x[1][1] = 4' })).toHaveFocus();
  });

  it('never shows NaN', async () => {
    const screen = await render(Matrix, { tensor: tensor([1, 3], (i) => (i === 1 ? Number.NaN : i)), title: 'v' });
    await expect.element(screen.getByRole('gridcell', { name: 'v[0][1] = —' })).toHaveTextContent('—');
    expect(screen.container.textContent).not.toContain('NaN');
  });

  it('draws a 784 x 128 kernel as a canvas heatmap, not 100k cells, with a hover readout', async () => {
    const onhover = vi.fn();
    const big = tensor([784, 128], (i) => Math.sin(i / 97) * Math.cos(i / 13));
    const screen = await render(Matrix, { tensor: big, title: 'kernel', onhover, highlight: { col: 5 } });
    await expect.element(screen.getByText('(784, 128)')).toBeVisible();
    expect(screen.container.querySelectorAll('canvas')).toHaveLength(1);
    expect(screen.container.querySelectorAll('td')).toHaveLength(0);
    const el = screen.container.querySelector('canvas')!;
    expect(el.getAttribute('aria-label')).toMatch(/heatmap of 784 × 128 values/);
    const { width, height } = el.getBoundingClientRect();
    // a point 60 % across and 30 % down lands on column 76 (of 128) and row 235 (of 784)
    await userEvent.hover(page.elementLocator(el), { position: { x: width * 0.6 + 0.1, y: height * 0.3 + 0.1 } });
    expect(onhover).toHaveBeenLastCalledWith({ row: 235, col: 76 });
    const expected = `kernel[235][76] = ${big.values[235 * 128 + 76].toPrecision(3)}`;
    await expect.element(screen.getByText(expected)).toBeVisible();
    await page.screenshot({ path: '__screenshots__/viz/matrix-784x128.png', element: screen.container });
    // keyboard: focus, then arrows move a cursor over the cells
    el.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    expect(onhover).toHaveBeenLastCalledWith({ row: 236, col: 77 });
    await expect.element(screen.getByText(/^kernel\[236\]\[77\] = /)).toBeVisible();
  });

  it('says when a shape and its values disagree instead of crashing', async () => {
    const screen = await render(Matrix, { tensor: { shape: [2, 2], values: new Float32Array(3) }, title: 'w' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('needs 4 values, got 3');
  });
});

describe('Matrix highlight and mid-size matrices', () => {
  it('with a row and a column, outlines the row and column lightly and their crossing strongly', async () => {
    const screen = await render(Matrix, { tensor: tensor([4, 8], (i) => i / 32 - 0.5), title: 'kernel', highlight: { row: 2, col: 5 } });
    expect(screen.container.querySelectorAll('td.hi')).toHaveLength(8 + 4 - 1);
    const cross = screen.container.querySelectorAll('td.hi-cell');
    expect(cross).toHaveLength(1);
    expect(cross[0].getAttribute('aria-label')).toMatch(/^kernel\[2\]\[5\] = /);
    await page.viewport(1100, 900);
    await page.screenshot({ path: '__screenshots__/viz/matrix-cross.png', element: screen.container });
  });

  beforeEach(async () => {
    await page.viewport(1100, 900);
  });

  it('outlines the highlighted row and column', async () => {
    const screen = await render(Matrix, {
      tensor: tensor([1, 8], (i) => Math.cos(i) * 2),
      title: 'values_1',
      highlight: { col: 5 },
      marked: (i: number) => Math.cos(i) < 0,
      markLabel: 'zeroed by ReLU',
      maxAbs: 4,
    });
    const hi = screen.container.querySelectorAll('td.hi-cell');
    expect(hi).toHaveLength(1);
    expect(hi[0].getAttribute('aria-label')).toMatch(/^values_1\[0\]\[5\] = /);
    // a shared domain of 4: the legend ends at ±4, not at this tensor's own max |value| of 2
    await expect.element(screen.getByText('4.00', { exact: true })).toBeVisible();
    await page.screenshot({ path: '__screenshots__/viz/matrix-row-highlight.png', element: screen.container });
  });

  it('drops the printed numbers when there is no room but keeps every cell labelled', async () => {
    // 4 x 120 = 480 cells: still a table (up to CANVAS_THRESHOLD = 500), too narrow for numbers
    const screen = await render(Matrix, { tensor: tensor([4, 120], (i) => Math.sin(i / 7)), title: 'kernel' });
    expect(screen.container.querySelectorAll('td')).toHaveLength(480);
    await expect.element(screen.getByRole('gridcell', { name: /^kernel\[3\]\[119\] = / })).toHaveTextContent('');
    await page.screenshot({ path: '__screenshots__/viz/matrix-4x120.png', element: screen.container });
  });
});
