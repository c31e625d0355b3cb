import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import ImageTensor from '../../src/viz/image/ImageTensor.svelte';
import KernelUnitImage from '../../src/viz/image/KernelUnitImage.svelte';
import { paintPixels } from '../../src/viz/image/pixels';
import { densePictureShape, inputPictureShape } from '../../src/viz/image/picture-shape';

/** A synthetic "0": a ring of ink 255 on black, 28 x 28. */
function ring(): Float32Array {
  return Float32Array.from({ length: 784 }, (_, i) => {
    const r = Math.hypot(Math.floor(i / 28) - 14, (i % 28) - 14);
    return r > 6 && r < 9 ? 255 : r >= 9 && r < 10 ? 128 : 0;
  });
}

/** The RGBA of the canvas pixel (col, row). */
function pixel(canvas: HTMLCanvasElement, col: number, row: number): number[] {
  return Array.from(canvas.getContext('2d')!.getImageData(col, row, 1, 1).data);
}

describe('ImageTensor', () => {
  beforeEach(async () => {
    await page.viewport(900, 700);
  });

  it('draws 28 x 28 values as a greyscale picture, with the shape in the caption', async () => {
    const values = ring();
    const screen = await render(ImageTensor, { values, height: 28, width: 28, label: 'values_0', shape: [1, 784] });
    const canvas = screen.container.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([28, 28]);
    expect(pixel(canvas, 14, 14)).toEqual([0, 0, 0, 255]); // centre: background 0 -> black
    expect(pixel(canvas, 14 + 7, 14)).toEqual([255, 255, 255, 255]); // on the ring: 255 -> white
    expect(pixel(canvas, 14 + 9, 14)).toEqual([128, 128, 128, 255]);
    expect(canvas.getBoundingClientRect().width).toBeCloseTo(196, 0);
    await expect.element(screen.getByText('values_0, shape (1, 784)')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/image/tensor-28x28.png', element: screen.container });
  });

  it('pointing at a pixel shows its row, column and value; arrow keys move, Enter selects', async () => {
    const values = ring();
    const onhover = vi.fn();
    const onselect = vi.fn();
    const screen = await render(ImageTensor, { values, height: 28, width: 28, label: 'values_0', onhover, onselect });
    const canvas = screen.container.querySelector('canvas')!;
    const { width, height } = canvas.getBoundingClientRect();
    // pixel (row 14, col 21) is on the ring: its centre is at 21.5/28 across, 14.5/28 down
    await userEvent.hover(page.elementLocator(canvas), { position: { x: (width * 21.5) / 28, y: (height * 14.5) / 28 } });
    expect(onhover).toHaveBeenLastCalledWith({ row: 14, col: 21, index: 14 * 28 + 21, values: [255] });
    await expect.element(screen.getByText('values_0: row 14, col 21 (index 413) = 255')).toBeVisible();
    canvas.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
    expect(onhover).toHaveBeenLastCalledWith({ row: 13, col: 23, index: 13 * 28 + 23, values: [values[13 * 28 + 23]] });
    await userEvent.keyboard('{Enter}');
    expect(onselect).toHaveBeenLastCalledWith(expect.objectContaining({ row: 13, col: 23 }));
  });

  it('a signed scale draws negatives blue, 0 neutral and positives red; RGB images in colour', async () => {
    const values = Float32Array.from([-2, 0, 2, 1]);
    const screen = await render(ImageTensor, { values, height: 2, width: 2, scale: 'signed', label: 'w' });
    const canvas = screen.container.querySelector('canvas')!;
    const [neg, zero, pos] = [pixel(canvas, 0, 0), pixel(canvas, 1, 0), pixel(canvas, 0, 1)];
    expect(neg[2]).toBeGreaterThan(neg[0]); // blue
    expect(pos[0]).toBeGreaterThan(pos[2]); // red
    expect(Math.abs(zero[0] - zero[2])).toBeLessThan(12); // neutral
    // 3 channels, channels last
    const rgb = paintPixels([255, 0, 0, 0, 0, 255], { height: 1, width: 2, channels: 3 }, 'grey', [0, 255]);
    expect(Array.from(rgb)).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('values that do not fit the shape get a message, not a picture', async () => {
    const screen = await render(ImageTensor, { values: new Float32Array(10), height: 28, width: 28, label: 'x' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Cannot draw 10 values as a 28 × 28 image (784 needed).');
    expect(screen.container.querySelector('canvas')).toBeNull();
  });
});

describe('KernelUnitImage', () => {
  /** A (784, 128) kernel whose unit u looks for a vertical bar at column 4 + u % 20. */
  function kernel() {
    const values = new Float32Array(784 * 128);
    for (let j = 0; j < 784; j++) {
      for (let u = 0; u < 128; u++) values[j * 128 + u] = j % 28 === 4 + (u % 20) ? 0.5 : -0.05 * ((u % 3) + 1);
    }
    return { shape: [784, 128], values };
  }

  it('shows one unit\'s 784 incoming weights as a 28 x 28 picture, and the picker changes the unit', async () => {
    const onunit = vi.fn();
    const onhover = vi.fn();
    const screen = await render(KernelUnitImage, { kernel: kernel(), imageShape: [28, 28], layer: 'dense', onunit, onhover });
    await expect.element(screen.getByText(/kernel\[:, 0\] of dense as 28 × 28: the 784 weights into unit 0/)).toBeVisible();
    const canvas = () => screen.container.querySelector('canvas')!;
    // unit 0: the bar at column 4 is red, elsewhere blue
    expect(pixel(canvas(), 4, 10)[0]).toBeGreaterThan(pixel(canvas(), 4, 10)[2]);
    expect(pixel(canvas(), 9, 10)[2]).toBeGreaterThan(pixel(canvas(), 9, 10)[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Next unit' }));
    expect(onunit).toHaveBeenLastCalledWith(1);
    expect(pixel(canvas(), 5, 10)[0]).toBeGreaterThan(pixel(canvas(), 5, 10)[2]);
    await userEvent.fill(screen.getByRole('spinbutton', { name: 'Unit' }), '5');
    await userEvent.keyboard('{Tab}');
    expect(onunit).toHaveBeenLastCalledWith(5);
    expect(pixel(canvas(), 9, 10)[0]).toBeGreaterThan(pixel(canvas(), 9, 10)[2]);
    await userEvent.hover(page.elementLocator(canvas()), { position: { x: (196 * 9.5) / 28, y: (196 * 2.5) / 28 } });
    expect(onhover).toHaveBeenLastCalledWith(expect.objectContaining({ row: 2, col: 9, values: [0.5] }));
    await expect.element(screen.getByText('dense kernel[:, 5]: row 2, col 9 (index 65) = 0.500')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/image/kernel-unit.png', element: screen.container });
  });

  it('with the input: x · w per pixel, what this input adds to the unit, and their sum', async () => {
    const k = kernel();
    const input = Float32Array.from({ length: 784 }, (_, j) => (j % 28 === 4 || j % 28 === 9 ? 1 : 0)); // bars at columns 4 and 9
    const screen = await render(KernelUnitImage, { kernel: k, imageShape: [28, 28], layer: 'dense', unit: 0, input, inputLabel: 'values_2' });
    // unit 0: +0.5 on column 4 (28 pixels), -0.05 on column 9 (28 pixels): 14 - 1.4 = 12.6
    await expect.element(screen.getByText('values_2 · kernel[:, 0] per pixel: what this input adds to unit 0 (they sum to 12.6, before the bias)')).toBeVisible();
    const products = screen.container.querySelectorAll('canvas')[1];
    expect(pixel(products, 4, 3)[0]).toBeGreaterThan(pixel(products, 4, 3)[2]); // red: pushes up
    expect(pixel(products, 9, 3)[2]).toBeGreaterThan(pixel(products, 9, 3)[0]); // blue: pushes down
    expect(pixel(products, 15, 3).slice(0, 3).every((c) => c > 230)).toBe(true); // no ink: adds nothing
    await page.screenshot({ path: '__screenshots__/image/kernel-unit-products.png', element: screen.container });
  });

  it('a kernel that is not 28 x 28 inputs says so', async () => {
    const screen = await render(KernelUnitImage, { kernel: { shape: [4, 8], values: new Float32Array(32) }, imageShape: [28, 28], layer: 'dense' });
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/has 4 inputs, not 28 × 28 = 784/);
  });
});

describe('picture shapes of a trace', () => {
  const step = (nIn: number, className = 'Dense') => ({
    index: 1, name: 'dense', className, config: {}, paramCount: 0, inputNames: [], inputs: [],
    params: [{ name: 'kernel', shape: [nIn, 128], values: new Float32Array(0) }],
    output: { shape: [1, 128], values: new Float32Array(128) }, reference: null, maxAbsDiff: null,
  });
  const trace = (shape: number[]) => ({ raw: { shape, values: new Float32Array(0) }, values: [{ shape, values: new Float32Array(0) }], steps: [], maxAbsDiff: 0 });

  it('finds the input picture and the Dense layer that reads it flattened', () => {
    expect(inputPictureShape(trace([1, 28, 28]))).toEqual([28, 28]);
    expect(inputPictureShape(trace([1, 28, 28, 1]))).toEqual([28, 28]);
    expect(inputPictureShape(trace([1, 32, 32, 3]))).toBeNull();
    expect(inputPictureShape(trace([1, 4]))).toBeNull();
    expect(inputPictureShape(trace([1, 784]))).toBeNull();
    expect(inputPictureShape(trace([1, 128, 9]))).toBeNull(); // a sequence of 128 steps with 9 features
    expect(inputPictureShape(trace([1, 187, 1]))).toBeNull();
    expect(densePictureShape(trace([1, 28, 28]), step(784))).toEqual([28, 28]);
    expect(densePictureShape(trace([1, 28, 28]), step(128))).toBeNull();
    expect(densePictureShape(trace([1, 28, 28]), step(784, 'Conv2D'))).toBeNull();
    expect(densePictureShape(trace([1, 4]), step(4))).toBeNull();
  });
});
