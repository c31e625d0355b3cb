import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import DigitCanvas from '../../src/viz/image/DigitCanvas.svelte';
import { centreOfMass, inkBox } from '../../src/inspector/digit';
import type { DrawnDigit } from '../../src/viz/image/types';

/** Draws a stroke through `points` (0..1 of the pad) with pointer events, as a pen would. */
function drawStroke(pad: HTMLCanvasElement, points: [number, number][], pointerType = 'pen') {
  const r = pad.getBoundingClientRect();
  const at = ([x, y]: [number, number]) => ({ clientX: r.left + x * r.width, clientY: r.top + y * r.height });
  const base = { pointerId: 7, pointerType, button: 0, buttons: 1, bubbles: true, isPrimary: true };
  pad.dispatchEvent(new PointerEvent('pointerdown', { ...base, ...at(points[0]) }));
  for (const p of points.slice(1)) pad.dispatchEvent(new PointerEvent('pointermove', { ...base, ...at(p) }));
  pad.dispatchEvent(new PointerEvent('pointerup', { ...base, buttons: 0, ...at(points[points.length - 1]) }));
}

/** A straight line sampled in 20 steps. */
const line = (x0: number, y0: number, x1: number, y1: number): [number, number][] =>
  Array.from({ length: 21 }, (_, i) => [x0 + ((x1 - x0) * i) / 20, y0 + ((y1 - y0) * i) / 20]);

const box28 = (p: Float32Array) => inkBox({ width: 28, height: 28, data: p });

/** A PNG of a dark "1" on white paper, drawn on a canvas. */
async function paperOne(): Promise<File> {
  const c = document.createElement('canvas');
  c.width = 120;
  c.height = 160;
  const g = c.getContext('2d')!;
  g.fillStyle = '#f4f1ea';
  g.fillRect(0, 0, 120, 160);
  g.fillStyle = '#222';
  g.fillRect(20, 20, 12, 120); // an off-centre bar
  const blob = await new Promise<Blob>((ok) => c.toBlob((b) => ok(b!), 'image/png'));
  return new File([blob], 'one.png', { type: 'image/png' });
}

function drop(target: Element, file: File) {
  const dt = new DataTransfer();
  dt.items.add(file);
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

describe('DigitCanvas', () => {
  beforeEach(async () => {
    await page.viewport(900, 600);
  });

  it('a pen stroke gives a centred 28 x 28 digit, while drawing and when the stroke ends', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    await expect.element(screen.getByText('Draw a digit', { exact: true })).toBeVisible();
    const pad = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="Drawing pad"]')!;
    // a "1" drawn off to the left and low
    drawStroke(pad, line(0.2, 0.35, 0.25, 0.9));
    const last = ondigit.mock.lastCall![0];
    expect(last).toMatchObject({ final: true, empty: false, source: 'drawing', inverted: false });
    expect(last.pixels).toHaveLength(784);
    const com = centreOfMass(last.pixels, 28, 28)!;
    expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
    const b = box28(last.pixels)!;
    expect(b.height).toBe(20);
    expect(b.width).toBeLessThan(10);
    expect(Math.max(...last.pixels)).toBe(255);
    // the picture beside the pad is what the model receives
    const preview = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="values_0"]')!;
    const argmax = last.pixels.indexOf(255);
    await expect.poll(() => preview.getContext('2d')!.getImageData(argmax % 28, Math.floor(argmax / 28), 1, 1).data[0]).toBe(255);
    expect(preview.getContext('2d')!.getImageData(0, 0, 1, 1).data[0]).toBe(0);
    await page.screenshot({ path: '__screenshots__/image/digit-canvas.png', element: screen.container });
  });

  it('emits while the pen moves, at most once per animation frame', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    const pad = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="Drawing pad"]')!;
    const r = pad.getBoundingClientRect();
    const base = { pointerId: 3, pointerType: 'mouse', button: 0, buttons: 1, bubbles: true };
    pad.dispatchEvent(new PointerEvent('pointerdown', { ...base, clientX: r.left + 50, clientY: r.top + 50 }));
    for (let i = 0; i < 30; i++) pad.dispatchEvent(new PointerEvent('pointermove', { ...base, clientX: r.left + 50 + i * 5, clientY: r.top + 60 }));
    expect(ondigit).not.toHaveBeenCalled(); // 30 moves in one frame: nothing yet
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    expect(ondigit).toHaveBeenCalledTimes(1);
    expect(ondigit.mock.lastCall![0]).toMatchObject({ final: false, empty: false });
    pad.dispatchEvent(new PointerEvent('pointerup', { ...base, buttons: 0, clientX: r.left + 200, clientY: r.top + 60 }));
    expect(ondigit).toHaveBeenCalledTimes(2);
    expect(ondigit.mock.lastCall![0].final).toBe(true);
  });

  it('Undo removes the last stroke, Clear empties the pad (keyboard-accessible buttons)', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    const pad = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="Drawing pad"]')!;
    drawStroke(pad, line(0.5, 0.2, 0.5, 0.8));
    const one = ondigit.mock.lastCall![0].pixels.slice();
    drawStroke(pad, line(0.3, 0.5, 0.7, 0.5));
    expect(Array.from(ondigit.mock.lastCall![0].pixels)).not.toEqual(Array.from(one));
    const undo = screen.getByRole('button', { name: 'Undo stroke' });
    await expect.element(undo).toBeEnabled();
    (undo.element() as HTMLButtonElement).focus();
    const before = ondigit.mock.calls.length;
    expect(document.activeElement?.textContent).toBe('Undo stroke');
    await userEvent.keyboard('{Enter}');
    expect(ondigit.mock.calls.length).toBe(before + 1);
    expect(Array.from(ondigit.mock.lastCall![0].pixels)).toEqual(Array.from(one));
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(ondigit.mock.lastCall![0]).toMatchObject({ empty: true, final: true });
    expect(ondigit.mock.lastCall![0].pixels.every((v) => v === 0)).toBe(true);
    await expect.element(screen.getByRole('status')).toHaveTextContent('Draw a digit: the input is all zeros.');
    await expect.element(undo).toBeDisabled();
  });

  it('a dropped PNG of a dark digit on paper is inverted and preprocessed the same way', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    drop(screen.container.querySelector('.drop')!, await paperOne());
    await expect.element(screen.getByText(/From "one.png", dark on light: inverted/)).toBeVisible();
    const d = ondigit.mock.lastCall![0];
    expect(d).toMatchObject({ source: 'file', inverted: true, empty: false, fileName: 'one.png' });
    const b = box28(d.pixels)!;
    expect(b.height).toBe(20);
    expect(b.width).toBe(2);
    const com = centreOfMass(d.pixels, 28, 28)!;
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
    await page.screenshot({ path: '__screenshots__/image/digit-canvas-file.png', element: screen.container });
  });

  it('a file that is not a picture, or is empty or broken, gets a message and nothing else changes', async () => {
    const ondigit = vi.fn<(d: DrawnDigit) => void>();
    const screen = await render(DigitCanvas, { ondigit });
    const pad = screen.container.querySelector<HTMLCanvasElement>('canvas[aria-label^="Drawing pad"]')!;
    drawStroke(pad, line(0.5, 0.2, 0.5, 0.8));
    const calls = ondigit.mock.calls.length;
    const target = screen.container.querySelector('.drop')!;
    drop(target, new File(['a,b,c\n1,2,3'], 'data.csv', { type: 'text/csv' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('"data.csv" is not a picture: choose a PNG or JPEG of a digit.');
    drop(target, new File([], 'empty.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('"empty.png" is empty (0 bytes).');
    drop(target, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'broken.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/"broken.png" could not be read as a picture/);
    const wide = document.createElement('canvas');
    wide.width = 8100;
    wide.height = 10;
    const blob = await new Promise<Blob>((ok) => wide.toBlob((b) => ok(b!), 'image/png'));
    drop(target, new File([blob], 'banner.png', { type: 'image/png' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('"banner.png" is 8100 × 10 pixels: too large for a picture of a digit (at most 8000 pixels a side).');
    // also through the file picker
    await userEvent.upload(screen.getByLabelText('Open a picture…'), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await expect.element(screen.getByRole('alert')).toHaveTextContent('"notes.txt" is not a picture');
    expect(ondigit.mock.calls.length).toBe(calls);
    await expect.element(screen.getByRole('button', { name: 'Undo stroke' })).toBeEnabled();
  });
});

describe('the pad while a test image is the input', () => {
  it('says the model receives the picture beside it, not "all zeros"; in use again, it shows what it sends', async () => {
    const screen = await render(DigitCanvas, { inUse: false });
    await expect.element(screen.getByText(/The model receives the test image shown/)).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/all zeros/);
    expect(screen.container.textContent).not.toMatch(/What the model receives/);
    await screen.rerender({ inUse: true });
    await expect.element(screen.getByText('What the model receives')).toBeVisible();
    await expect.element(screen.getByText(/the input is all zeros/)).toBeVisible();
  });
});
