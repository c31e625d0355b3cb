import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ConfusionMatrix from '../../src/viz/image/ConfusionMatrix.svelte';
import MistakesGallery from '../../src/viz/image/MistakesGallery.svelte';
import type { Mistake } from '../../src/viz/image/types';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A plausible MNIST confusion matrix: ~98 % right, 4 mistaken as 9 and 7 mistaken as 2 common. */
function confusion(): number[][] {
  const m = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 950 + i * 10 : (i * 7 + j * 3) % 5 === 0 ? 2 : 0)));
  m[4][9] = 31;
  m[7][2] = 18;
  return m;
}

/** n mistakes, true class i % 10, predicted (i + 1) % 10, and a 28 x 28 "image" whose brightness encodes the row. */
function mistakes(n: number): Mistake[] {
  return Array.from({ length: n }, (_, i) => ({ row: 100 + i * 3, actual: i % 10, predicted: (i + 1) % 10, probability: 0.5 + (i % 5) / 10 }));
}
const pixelsOf = (row: number) => new Float32Array(784).fill(row % 256);

describe('ConfusionMatrix', () => {
  beforeEach(async () => {
    await page.viewport(900, 700);
  });

  it('is a table a screen reader can read: true classes in rows, predictions in columns, totals', async () => {
    const m = confusion();
    const screen = await render(ConfusionMatrix, { confusion: m, classNames: digits });
    const table = screen.getByRole('table', { name: /rows are the true classes, columns what the model predicted/ });
    await expect.element(table).toBeVisible();
    expect(screen.container.querySelectorAll('tbody th[scope="row"]')).toHaveLength(10);
    expect(screen.container.querySelectorAll('thead th[scope="col"]')).toHaveLength(12);
    await expect.element(screen.getByRole('button', { name: '31 4 predicted as 9' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: '1,040 9 predicted right' })).toBeVisible();
    const total = m.flat().reduce((a, b) => a + b, 0);
    const right = m.reduce((a, r, i) => a + r[i], 0);
    await expect.element(screen.getByText(`${right.toLocaleString('en')} of ${total.toLocaleString('en')} right`, { exact: false })).toBeVisible();
    // row total of class 4 and column total of predictions "9"
    const rowTotal = screen.container.querySelectorAll('tbody tr')[4].querySelector('td.tot')!;
    expect(rowTotal.textContent).toBe(m[4].reduce((a, b) => a + b, 0).toLocaleString('en'));
    const colTotals = [...screen.container.querySelectorAll('tfoot td.tot')].map((t) => t.textContent);
    expect(colTotals[9]).toBe(m.reduce((a, r) => a + r[9], 0).toLocaleString('en'));
    // the diagonal is coloured differently from the mistakes
    const cell = (a: number, p: number) => screen.container.querySelector(`button[data-actual="${a}"][data-predicted="${p}"]`)!.parentElement!;
    expect(cell(3, 3).classList.contains('diag')).toBe(true);
    expect(getComputedStyle(cell(3, 3)).backgroundColor).not.toBe(getComputedStyle(cell(4, 9)).backgroundColor);
    expect(getComputedStyle(cell(0, 1)).backgroundColor).toBe('rgb(255, 255, 255)'); // 0 mistakes: white
    await page.screenshot({ path: '__screenshots__/image/confusion.png', element: screen.container });
  });

  it('clicking a cell (or Enter on it) reports (actual, predicted)', async () => {
    const onselect = vi.fn();
    const screen = await render(ConfusionMatrix, { confusion: confusion(), classNames: digits, onselect });
    await userEvent.click(screen.getByRole('button', { name: '18 7 predicted as 2' }));
    expect(onselect).toHaveBeenLastCalledWith(7, 2);
    (screen.getByRole('button', { name: '31 4 predicted as 9' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(onselect).toHaveBeenLastCalledWith(4, 9);
  });
});

describe('MistakesGallery', () => {
  it('shows one page of thumbnails with "true → predicted (p)"; clicking one reports its test row', async () => {
    const onselect = vi.fn();
    const pixels = vi.fn(pixelsOf);
    const all = mistakes(1000);
    const screen = await render(MistakesGallery, { mistakes: all, pixelsOf: pixels, classNames: digits, onselect, selectedRow: 103 });
    await expect.element(screen.getByText('1,000 misclassified test images')).toBeVisible();
    // a thousand mistakes, 40 canvases
    expect(screen.container.querySelectorAll('canvas')).toHaveLength(40);
    expect(pixels.mock.calls.length).toBeLessThanOrEqual(40);
    const first = screen.getByRole('button', { name: 'Test image 100: true 0, predicted 1, 0 → 1 (0.50)', exact: true });
    await expect.element(first).toBeVisible();
    await expect.element(screen.getByRole('button', { name: /^Test image 103:/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.element(screen.getByText('0 → 1').first()).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: /^Test image 106: true 2, predicted 3/ }));
    expect(onselect).toHaveBeenLastCalledWith(106);
    // the thumbnail draws the test image's pixels
    const c = screen.container.querySelector('canvas')!;
    expect(c.getContext('2d')!.getImageData(5, 5, 1, 1).data[0]).toBe(100);
    await page.screenshot({ path: '__screenshots__/image/mistakes.png', element: screen.container });
    // pages
    await expect.element(screen.getByText('Page 1 of 25')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await expect.element(screen.getByText('Page 2 of 25')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: /^Test image 220:/ })).toBeVisible();
    expect(screen.container.querySelectorAll('canvas')).toHaveLength(40);
  });

  it('a confusion-matrix cell filters the gallery; "Show all" clears it; no mistakes says so', async () => {
    const onclearfilter = vi.fn();
    const screen = await render(MistakesGallery, {
      mistakes: mistakes(100), pixelsOf, classNames: digits, filter: { actual: 4, predicted: 5 }, onclearfilter,
    });
    await expect.element(screen.getByText('10 misclassified test images')).toBeVisible();
    await expect.element(screen.getByText(/misclassified test images?: true 4, predicted 5/)).toBeVisible();
    expect(screen.container.querySelectorAll('li')).toHaveLength(10);
    await userEvent.click(screen.getByRole('button', { name: 'Show all mistakes' }));
    expect(onclearfilter).toHaveBeenCalled();
    await screen.rerender({ mistakes: [], pixelsOf, classNames: digits, filter: null });
    await expect.element(screen.getByText('No test image was misclassified.')).toBeVisible();
  });
});
