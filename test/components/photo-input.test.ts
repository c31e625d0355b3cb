/**
 * PhotoInput and PhotoClasses in Chromium: a picked PNG of any size resized as Keras does (nearest
 * by default, bilinear on request) and shown as the model sees it; bad files refused with a
 * message while the photo on screen stays; a sigmoid read as two named classes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import PhotoInput from '../../src/viz/photo/PhotoInput.svelte';
import PhotoClasses from '../../src/viz/photo/PhotoClasses.svelte';
import { photoTensor } from '../../src/inspector/photo';
import type { PhotoEvent } from '../../src/viz/photo/types';

/** An opaque w x h RGB picture with pixel (x, y) = f(x, y), as PNG bytes, and its pixels. */
async function png(w: number, h: number, f: (x: number, y: number) => [number, number, number]) {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(w, h);
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = f(x, y);
      img.data.set([...c, 255], (y * w + x) * 4);
      rgb.set(c, (y * w + x) * 3);
    }
  }
  ctx.putImageData(img, 0, 0);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return { bytes: new Uint8Array(await blob.arrayBuffer()), pixels: { width: w, height: h, channels: 3, data: rgb } };
}

const colours = (x: number, y: number): [number, number, number] => [(x * 37) % 256, (y * 53) % 256, ((x + y) * 11) % 256];

/** A PNG header claiming w x h (no pixel data). */
function pngHeader(w: number, h: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
}

/** A CMYK JPEG's first bytes: SOI, SOF0 with 4 components, then nothing decodable. */
function cmykJpegHeader(): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 20, 8, 0, 40, 0, 60, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xff, 0xd9]);
}

describe('PhotoInput', () => {
  beforeEach(async () => {
    await page.viewport(1000, 900);
  });

  it('resizes a picked photo to the model input by nearest neighbour (Keras load_img), then bilinear on request', async () => {
    const onphoto = vi.fn();
    const screen = await render(PhotoInput, { height: 8, width: 8, onphoto });
    const { bytes, pixels } = await png(37, 23, colours);
    await screen.getByLabelText('Choose a photo').upload(new File([bytes.slice()], 'wide.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onphoto).toHaveBeenCalled());
    const first = onphoto.mock.lastCall![0] as PhotoEvent;
    expect(first.method).toBe('nearest');
    expect(first.tensor.shape).toEqual([1, 8, 8, 3]);
    expect(first.originalWidth).toBe(37);
    expect(Array.from(first.tensor.values)).toEqual(Array.from(photoTensor(pixels, 8, 8, 3, 'nearest').values));
    await expect.element(screen.getByText('wide.png, 37 × 23 px')).toBeVisible();
    await expect.element(screen.getByText('As the model sees it: 8 × 8, nearest neighbour')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/photo/photo-input.png', element: screen.container });

    await userEvent.click(screen.getByRole('radio', { name: /bilinear/ }));
    await vi.waitFor(() => expect((onphoto.mock.lastCall![0] as PhotoEvent).method).toBe('bilinear'));
    const second = onphoto.mock.lastCall![0] as PhotoEvent;
    const want = photoTensor(pixels, 8, 8, 3, 'bilinear').values;
    expect(Array.from(second.tensor.values)).toEqual(Array.from(want));
    // bilinear gives in-between values the nearest resize never has
    expect(second.tensor.values.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it("starts with the model's own method and follows a new model's (bilinear for one trained here); the user's pick stays otherwise", async () => {
    const screen = await render(PhotoInput, { height: 8, width: 8, method: 'bilinear', onphoto: vi.fn() });
    await expect.element(screen.getByRole('radio', { name: /bilinear/ })).toBeChecked();
    await screen.rerender({ method: 'nearest' });
    await expect.element(screen.getByRole('radio', { name: /nearest/ })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: /bilinear/ }));
    await screen.rerender({ method: 'nearest', height: 8 });
    await expect.element(screen.getByRole('radio', { name: /bilinear/ })).toBeChecked();
  });

  it('a parent handing a new callback does not re-emit the same photo (no update loop)', async () => {
    const first = vi.fn();
    const screen = await render(PhotoInput, { height: 4, width: 4, onphoto: first });
    const { bytes } = await png(9, 7, colours);
    await screen.getByLabelText('Choose a photo').upload(new File([bytes.slice()], 'p.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(first).toHaveBeenCalledTimes(1));
    const second = vi.fn();
    await screen.rerender({ onphoto: second });
    await new Promise((r) => setTimeout(r, 100));
    expect(second).not.toHaveBeenCalled();
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('refuses bad files with a message and keeps the photo on screen', async () => {
    const onphoto = vi.fn();
    const onerror = vi.fn();
    const screen = await render(PhotoInput, { height: 6, width: 6, method: 'bilinear', onphoto, onerror });
    const input = screen.getByLabelText('Choose a photo');
    const { bytes } = await png(12, 12, colours);
    await input.upload(new File([bytes.slice()], 'good.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onphoto).toHaveBeenCalledTimes(1));

    const cases: [File, RegExp][] = [
      [new File([], 'empty.jpg', { type: 'image/jpeg' }), /^empty\.jpg is empty \(0 bytes\)/],
      [new File(['just some text'], 'notes.txt', { type: 'text/plain' }), /^notes\.txt is not an image Layer Lens can read/],
      [new File([pngHeader(20_000, 300).slice()], 'huge.png', { type: 'image/png' }), /^huge\.png is 20,000 × 300 px, too large to open here/],
      [new File([cmykJpegHeader().slice()], 'cmyk.jpg', { type: 'image/jpeg' }), /^cmyk\.jpg is a CMYK JPEG, which this browser cannot decode/],
      [new File([pngHeader(50, 50).slice()], 'broken.png', { type: 'image/png' }), /^broken\.png could not be decoded as an image/],
    ];
    for (const [file, message] of cases) {
      await input.upload(file);
      await expect.element(screen.getByRole('alert')).toHaveTextContent(message);
      await expect.element(screen.getByRole('alert')).toHaveTextContent('The photo and the result on screen are unchanged.');
      expect(onerror).toHaveBeenLastCalledWith(expect.stringMatching(message));
    }
    expect(onphoto).toHaveBeenCalledTimes(1);
    await expect.element(screen.getByText('good.png, 12 × 12 px')).toBeVisible();
    expect(screen.container.textContent).not.toMatch(/Error:|undefined|NaN/);
    await page.screenshot({ path: '__screenshots__/photo/photo-input-refused.png', element: screen.container });
    // a good file clears the message
    await input.upload(new File([bytes.slice()], 'again.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onphoto).toHaveBeenCalledTimes(2));
    expect(screen.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('drops alpha: a transparent PNG reads as its RGB', async () => {
    const onphoto = vi.fn();
    const screen = await render(PhotoInput, { height: 2, width: 2, onphoto });
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 2;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(2, 2);
    img.data.set([200, 100, 50, 255, 10, 20, 30, 255, 255, 255, 255, 255, 90, 60, 30, 255]);
    ctx.putImageData(img, 0, 0);
    ctx.clearRect(1, 1, 1, 1);
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    await screen.getByLabelText('Choose a photo').upload(new File([blob], 'alpha.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onphoto).toHaveBeenCalled());
    const e = onphoto.mock.lastCall![0] as PhotoEvent;
    expect(e.tensor.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(e.tensor.values.subarray(0, 9))).toEqual([200, 100, 50, 10, 20, 30, 255, 255, 255]);
    // a fully transparent pixel has no colour left after the browser's decode: black (Pillow keeps the hidden colour)
    expect(Array.from(e.tensor.values.subarray(9))).toEqual([0, 0, 0]);
  });
});

describe('PhotoClasses', () => {
  it('one sigmoid unit reads as two named classes with bars; the names are editable', async () => {
    const onclassnames = vi.fn();
    const screen = await render(PhotoClasses, { output: [0.9949], activation: 'sigmoid', classNames: ['cat', 'dog'], onclassnames });
    await expect.element(screen.getByText('Prediction:')).toHaveTextContent('Prediction: dog (99.5 %)');
    await expect.element(screen.getByText('0.5 %')).toBeVisible();
    await expect.element(screen.getByText('One sigmoid unit: P(dog) = p = 0.9949, P(cat) = 1 − p = 0.005100.')).toBeVisible();
    await page.screenshot({ path: '__screenshots__/photo/photo-classes.png', element: screen.container });
    await userEvent.fill(screen.getByLabelText('Name of class 1'), 'puppy');
    expect(onclassnames).toHaveBeenLastCalledWith(['cat', 'puppy']);
  });

  it('a linear unit is a score without bars; no names gives class 0/1', async () => {
    const screen = await render(PhotoClasses, { output: [-1.3976], activation: 'linear', classNames: [] });
    await expect.element(screen.getByText(/^Prediction:/)).toHaveTextContent('Prediction: class 0 (score -1.398)'.replace('-', '−'));
    expect(screen.container.querySelector('.probs')).toBeNull();
  });
});
