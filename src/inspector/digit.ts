/**
 * A drawn or photographed digit turned into what an MNIST model receives, the way MNIST itself was
 * made (LeCun, Bottou, Bengio, Haffner 1998, and the MNIST page): the ink's bounding box is scaled,
 * keeping its aspect ratio, to fit a 20x20 box with anti-aliasing (area averaging), then placed in a
 * 28x28 field so that its centre of mass sits at the field's centre (row 14, column 14, in pixel
 * indices), grey levels 0..255, background 0 (light ink on black).
 *
 * Also: RGB(A) to grey, dark-on-light detection and inversion (photos of a digit on paper), and the
 * background levels of a photo removed. Pure TypeScript, no DOM.
 */
import { inspectorPhoto as F } from '../i18n/messages/inspector-photo';

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;
/** Where the centre of mass goes, in pixel indices (row, column). */
export const MNIST_CENTRE = 14;

/** A one-channel bitmap, row by row: `data[y * width + x]`, ink high. */
export interface GreyBitmap {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** An RGB or RGBA bitmap as ImageData holds it (0..255 per channel). */
export interface ColourBitmap {
  width: number;
  height: number;
  data: ArrayLike<number>;
  /** 4 for RGBA (ImageData), 3 for RGB. */
  channels?: 3 | 4;
}

export interface BoundingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DigitInput {
  /** 784 grey levels 0..255 (whole numbers), row by row: the 28x28 image the model receives. */
  pixels: Float32Array;
  /** No ink at all: `pixels` are all 0 and the UI should say "draw a digit". */
  empty: boolean;
  /** The ink's bounding box in the source bitmap (null when empty). */
  box: BoundingBox | null;
  /** True when the source was dark ink on a light background and was inverted. */
  inverted: boolean;
}

const emptyDigit = (inverted = false): DigitInput => ({
  pixels: new Float32Array(MNIST_SIDE * MNIST_SIDE),
  empty: true,
  box: null,
  inverted,
});

function checkBitmap(b: { width: number; height: number; data: ArrayLike<number> }, channels: number): void {
  if (!Number.isInteger(b.width) || !Number.isInteger(b.height) || b.width < 0 || b.height < 0) {
    throw new Error(F.bitmapSides(b.width, b.height));
  }
  if (b.data.length !== b.width * b.height * channels) {
    throw new Error(F.bitmapValues(b.width, b.height, channels, b.width * b.height * channels, b.data.length));
  }
}

/**
 * RGB(A) to grey levels 0..255 (ITU-R BT.601 luma, as PIL's convert("L")). Transparent pixels are
 * laid over the background that contrasts with the opaque ones (white under dark ink, black under
 * light ink), so a digit on a transparent background keeps its strokes.
 */
export function toGrey(image: ColourBitmap): Float32Array {
  const ch = image.channels ?? 4;
  checkBitmap(image, ch);
  const n = image.width * image.height;
  const d = image.data;
  const luma = new Float32Array(n);
  const alpha = new Float32Array(n);
  let opaqueLuma = 0;
  let opaqueWeight = 0;
  for (let i = 0; i < n; i++) {
    const o = i * ch;
    luma[i] = 0.299 * d[o] + 0.587 * d[o + 1] + 0.114 * d[o + 2];
    alpha[i] = ch === 4 ? d[o + 3] / 255 : 1;
    opaqueLuma += luma[i] * alpha[i];
    opaqueWeight += alpha[i];
  }
  const under = opaqueWeight > 0 && opaqueLuma / opaqueWeight < 128 ? 255 : 0;
  for (let i = 0; i < n; i++) luma[i] = luma[i] * alpha[i] + under * (1 - alpha[i]);
  return luma;
}

/** The values along the bitmap's outer ring (its border pixels). */
function border(g: GreyBitmap): number[] {
  const { width: w, height: h, data } = g;
  const out: number[] = [];
  for (let x = 0; x < w; x++) {
    out.push(data[x]);
    if (h > 1) out.push(data[(h - 1) * w + x]);
  }
  for (let y = 1; y < h - 1; y++) {
    out.push(data[y * w]);
    if (w > 1) out.push(data[y * w + w - 1]);
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The largest value (0 for an empty bitmap). */
function maxOf(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > m) m = data[i];
  return m;
}

/**
 * Is this dark ink on a light background (paper), rather than MNIST's light ink on black? Decided
 * by the border, where a centred digit has no ink: its median is brighter than the middle of the
 * bitmap's range. `range` is the largest possible value (255 or 1).
 */
export function isDarkOnLight(g: GreyBitmap, range = 255): boolean {
  checkBitmap(g, 1);
  if (g.width === 0 || g.height === 0) return false;
  return median(border(g)) > range / 2;
}

/** range - v for every value. */
export function invert(g: GreyBitmap, range = 255): GreyBitmap {
  const data = new Float32Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = range - g.data[i];
  return { width: g.width, height: g.height, data };
}

/**
 * Removes a photo's background level: the border's median (plus a tenth of the ink's contrast, for
 * paper texture and noise) becomes 0 and the brightest ink 255. Returns all zeros when there is no
 * contrast at all.
 */
export function removeBackground(g: GreyBitmap): GreyBitmap {
  checkBitmap(g, 1);
  const bg = median(border(g));
  const top = maxOf(g.data);
  const floor = bg + 0.1 * (top - bg);
  const data = new Float32Array(g.data.length);
  if (top - floor > 1e-6) {
    for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, ((g.data[i] - floor) / (top - floor)) * 255));
  }
  return { width: g.width, height: g.height, data };
}

/** The smallest box holding every value above `threshold`, or null when there is none. */
export function inkBox(g: GreyBitmap, threshold = 0): BoundingBox | null {
  checkBitmap(g, 1);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      if (g.data[y * g.width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Area-averaging weights along one axis: output pixel o covers source coordinates
 * [o / scale, (o + 1) / scale) (relative to the box start); weight[o][i] is the overlap of that
 * interval with source pixel i, times `scale`, so a fully covered output pixel's weights sum to 1.
 */
function areaWeights(srcLen: number, outLen: number, scale: number): { start: number; w: number[] }[] {
  const rows: { start: number; w: number[] }[] = [];
  for (let o = 0; o < outLen; o++) {
    const a = o / scale;
    const b = (o + 1) / scale;
    const start = Math.floor(a);
    const w: number[] = [];
    for (let i = start; i < Math.min(srcLen, Math.ceil(b)); i++) {
      w.push((Math.min(b, i + 1) - Math.max(a, i)) * scale);
    }
    rows.push({ start, w });
  }
  return rows;
}

/** Centre of mass (row, column) in pixel indices of a w x h image; null when it has no mass. */
export function centreOfMass(values: ArrayLike<number>, width: number, height: number): { row: number; col: number } | null {
  let m = 0;
  let sr = 0;
  let sc = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      m += v;
      sr += v * y;
      sc += v * x;
    }
  }
  return m > 0 ? { row: sr / m, col: sc / m } : null;
}

export interface MnistOptions {
  /** The largest possible value of the source (1 or 255); by default 255 when any value exceeds 1. */
  range?: number;
}

/**
 * MNIST's preprocessing of a bitmap whose ink is high (light on dark): bounding box -> scaled into
 * 20x20 keeping the aspect ratio (area averaging) -> placed in 28x28 with the centre of mass at
 * (14, 14), shifted by whole pixels (so it lands within half a pixel of the centre) -> 0..255.
 */
export function mnistFromInk(ink: GreyBitmap, opts: MnistOptions = {}): DigitInput {
  checkBitmap(ink, 1);
  const range = opts.range ?? (maxOf(ink.data) > 1 ? 255 : 1);
  const box = inkBox(ink);
  if (!box) return emptyDigit();
  const scale = MNIST_BOX / Math.max(box.width, box.height);
  const outW = Math.min(MNIST_BOX, Math.ceil(box.width * scale - 1e-9));
  const outH = Math.min(MNIST_BOX, Math.ceil(box.height * scale - 1e-9));
  const wx = areaWeights(box.width, outW, scale);
  const wy = areaWeights(box.height, outH, scale);

  // Horizontal pass over the box's rows, then the vertical pass.
  const tmp = new Float64Array(box.height * outW);
  for (let y = 0; y < box.height; y++) {
    const rowStart = (box.y + y) * ink.width + box.x;
    for (let o = 0; o < outW; o++) {
      const { start, w } = wx[o];
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k] * ink.data[rowStart + start + k];
      tmp[y * outW + o] = s;
    }
  }
  const small = new Float64Array(outH * outW);
  for (let o = 0; o < outH; o++) {
    const { start, w } = wy[o];
    for (let x = 0; x < outW; x++) {
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k] * tmp[(start + k) * outW + x];
      small[o * outW + x] = Math.round(Math.min(255, Math.max(0, (s / range) * 255)));
    }
  }

  const com = centreOfMass(small, outW, outH);
  if (!com) return emptyDigit();
  const dy = Math.round(MNIST_CENTRE - com.row);
  const dx = Math.round(MNIST_CENTRE - com.col);
  const pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  let any = false;
  for (let y = 0; y < outH; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < outW; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      const v = small[y * outW + x];
      pixels[ty * MNIST_SIDE + tx] = v;
      if (v > 0) any = true;
    }
  }
  return { pixels, empty: !any, box, inverted: false };
}

/**
 * A picture of a digit (a dropped PNG/JPEG, RGB or RGBA) turned into the MNIST input: grey levels,
 * inverted when it is dark ink on a light background, its background level removed, then
 * `mnistFromInk`.
 */
export function mnistFromImage(image: ColourBitmap): DigitInput {
  const grey: GreyBitmap = { width: image.width, height: image.height, data: toGrey(image) };
  const inverted = isDarkOnLight(grey);
  const ink = removeBackground(inverted ? invert(grey) : grey);
  const out = mnistFromInk(ink, { range: 255 });
  return { ...out, inverted };
}
