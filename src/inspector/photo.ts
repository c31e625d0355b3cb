/**
 * Photos for image models, as Keras prepares them: no DOM, no tfjs.
 *
 * - `resizeNearest` is Pillow's `Image.resize(size, Image.NEAREST)`, which Keras' `load_img`
 *   (and so `flow_from_directory`) uses by default: Pillow's ImagingScaleAffine, a source column
 *   `floor(x0)` with x0 starting at scale / 2 and stepping by scale = in / out (accumulated in
 *   double precision, as Pillow's C code does, so the rounding at exact halves is Pillow's).
 * - `resizeBilinear` is `tf.image.resize(method="bilinear")`, which `image_dataset_from_directory`
 *   uses: TensorFlow's ResizeBilinear with half-pixel centres and no antialiasing, in float32 as
 *   TensorFlow computes it (its result is float, not rounded to bytes).
 * - Neither crops: the whole photo is squeezed to the model's input size, aspect ratio ignored,
 *   as both Keras functions do by default.
 * - Alpha is dropped (Pillow's `convert("RGB")` and `decode_image(channels=3)` both drop it).
 */
import { inspectorPhoto as F } from '../i18n/messages/inspector-photo';
import { formatInteger, formatNumber, formatPlain } from './format';

export type ResizeMethod = 'nearest' | 'bilinear';

/** What each method is called in Keras, for the user. */
export const RESIZE_METHODS: readonly { id: ResizeMethod; label: string; keras: string }[] = [
  // label and keras in the language on screen (read when shown).
  {
    id: 'nearest',
    get label() {
      return F.nearest;
    },
    get keras() {
      return F.nearestKeras;
    },
  },
  {
    id: 'bilinear',
    get label() {
      return F.bilinear;
    },
    get keras() {
      return F.bilinearKeras;
    },
  },
];

/** An image as interleaved channels, row by row (RGB: 3 per pixel; grey: 1). */
export interface PixelImage {
  width: number;
  height: number;
  channels: number;
  data: ArrayLike<number>;
}

/** RGBA (as a canvas' getImageData gives it) to RGB: the alpha byte is dropped, colours kept. */
export function dropAlpha(rgba: ArrayLike<number>, width: number, height: number): PixelImage {
  const n = width * height;
  if (rgba.length !== n * 4) throw new Error(F.rgbaBytes(n * 4, rgba.length));
  const rgb = new Uint8Array(n * 3);
  for (let i = 0, o = 0; i < n * 4; i += 4, o += 3) {
    rgb[o] = rgba[i];
    rgb[o + 1] = rgba[i + 1];
    rgb[o + 2] = rgba[i + 2];
  }
  return { width, height, channels: 3, data: rgb };
}

/** Pillow's `convert("L")` of RGB: ITU-R 601-2 luma in Pillow's fixed-point rounding. */
export function toGrey(img: PixelImage): PixelImage {
  if (img.channels === 1) return img;
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * img.channels;
    out[i] = (img.data[o] * 19595 + img.data[o + 1] * 38470 + img.data[o + 2] * 7471 + 0x8000) >>> 16;
  }
  return { width: img.width, height: img.height, channels: 1, data: out };
}

/** Pillow's COORD(): -1 for negative positions, else truncation. */
const coord = (v: number) => (v < 0 ? -1 : Math.trunc(v));

/** Source indices of Pillow's NEAREST for one axis (ImagingScaleAffine, same double arithmetic). */
export function pillowNearestIndices(inSize: number, outSize: number): Int32Array {
  const scale = inSize / outSize;
  const idx = new Int32Array(outSize);
  let xo = 0 + scale * 0.5;
  for (let x = 0; x < outSize; x++) {
    idx[x] = Math.min(inSize - 1, Math.max(0, coord(xo)));
    xo += scale;
  }
  return idx;
}

/** Pillow `Image.resize((outW, outH), Image.NEAREST)`: integer pixel values, copied. */
export function resizeNearest(img: PixelImage, outW: number, outH: number): PixelImage {
  checkSizes(img, outW, outH);
  const c = img.channels;
  const xs = pillowNearestIndices(img.width, outW);
  const ys = pillowNearestIndices(img.height, outH);
  const out = new Uint8Array(outW * outH * c);
  for (let y = 0; y < outH; y++) {
    const row = ys[y] * img.width;
    for (let x = 0; x < outW; x++) {
      const s = (row + xs[x]) * c;
      const o = (y * outW + x) * c;
      for (let k = 0; k < c; k++) out[o + k] = img.data[s + k];
    }
  }
  return { width: outW, height: outH, channels: c, data: out };
}

/** One axis of TensorFlow's ResizeBilinear with half-pixel centres, in float32 as TF computes it. */
export function tfBilinearAxis(inSize: number, outSize: number): { lower: Int32Array; upper: Int32Array; lerp: Float32Array } {
  const f = Math.fround;
  const scale = f(inSize / outSize);
  const lower = new Int32Array(outSize);
  const upper = new Int32Array(outSize);
  const lerp = new Float32Array(outSize);
  for (let i = 0; i < outSize; i++) {
    const pos = f(f(f(i + 0.5) * scale) - 0.5);
    const fl = Math.floor(pos);
    lower[i] = Math.max(fl, 0);
    upper[i] = Math.min(Math.ceil(pos), inSize - 1);
    lerp[i] = f(pos - fl);
  }
  return { lower, upper, lerp };
}

/** `tf.image.resize(img, (outH, outW), method="bilinear")` (antialias off): float32 values, 0..255. */
export function resizeBilinear(img: PixelImage, outW: number, outH: number): { width: number; height: number; channels: number; data: Float32Array } {
  checkSizes(img, outW, outH);
  const f = Math.fround;
  const c = img.channels;
  const xa = tfBilinearAxis(img.width, outW);
  const ya = tfBilinearAxis(img.height, outH);
  const out = new Float32Array(outW * outH * c);
  const d = img.data;
  for (let y = 0; y < outH; y++) {
    const top = ya.lower[y] * img.width;
    const bottom = ya.upper[y] * img.width;
    const yl = ya.lerp[y];
    for (let x = 0; x < outW; x++) {
      const l = xa.lower[x];
      const r = xa.upper[x];
      const xl = xa.lerp[x];
      for (let k = 0; k < c; k++) {
        const tl = d[(top + l) * c + k];
        const tr = d[(top + r) * c + k];
        const bl = d[(bottom + l) * c + k];
        const br = d[(bottom + r) * c + k];
        const t = f(tl + f(f(tr - tl) * xl));
        const b = f(bl + f(f(br - bl) * xl));
        out[(y * outW + x) * c + k] = f(t + f(f(b - t) * yl));
      }
    }
  }
  return { width: outW, height: outH, channels: c, data: out };
}

function checkSizes(img: PixelImage, outW: number, outH: number): void {
  if (!(img.width > 0 && img.height > 0)) throw new Error(F.noPixelsImage);
  if (!(outW > 0 && outH > 0 && Number.isInteger(outW) && Number.isInteger(outH))) throw new Error(F.cannotResize(outW, outH));
  if (img.data.length !== img.width * img.height * img.channels) {
    throw new Error(F.imageValues(img.width * img.height * img.channels, img.data.length));
  }
}

/**
 * The photo as the model gets it, before the model's own preprocessing (x/255, Rescaling):
 * shape [1, outH, outW, channels] (channels 3 = RGB, 1 = grey as Pillow's "L"), values 0..255.
 * Grey is converted before resizing, as `load_img(color_mode="grayscale")` does.
 */
export function photoTensor(rgb: PixelImage, outH: number, outW: number, channels: 1 | 3, method: ResizeMethod): { shape: number[]; values: Float32Array } {
  const src = channels === 1 ? toGrey(rgb) : rgb;
  const resized = method === 'nearest' ? resizeNearest(src, outW, outH) : resizeBilinear(src, outW, outH);
  return { shape: [1, outH, outW, channels], values: Float32Array.from(resized.data) };
}

/** The image input size of a model input shape like [null, 150, 150, 3]; null when it is not one. */
export function photoInputSize(shape: readonly (number | null)[]): { height: number; width: number; channels: 1 | 3 } | null {
  const dims = shape.length === 4 ? shape.slice(1) : shape.length === 3 ? shape : null;
  if (!dims) return null;
  const [h, w, c] = dims;
  if (typeof h !== 'number' || typeof w !== 'number' || h < 1 || w < 1) return null;
  if (c !== 3 && c !== 1) return null;
  return { height: h, width: w, channels: c };
}

// ---------------------------------------------------------------------------------------------
// Image files: what they are and how big, from their first bytes, before any decoding.

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

export interface ImageFileInfo {
  format: ImageFormat;
  width: number;
  height: number;
  /** A JPEG with four colour components (CMYK/YCCK): browsers may not decode it. */
  cmyk: boolean;
}

/** The largest side and pixel count Layer Lens decodes (a photo is resized to ~150 px anyway). */
export const MAX_SIDE = 10_000;
export const MAX_PIXELS = 40_000_000;

export type SniffResult = { ok: true; info: ImageFileInfo } | { ok: false; message: string };

const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u32be = (b: Uint8Array, o: number) => ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
const u16le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const i32le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);

function sizeOf(bytes: Uint8Array): ImageFileInfo | null {
  const b = bytes;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { format: 'png', width: u32be(b, 16), height: u32be(b, 20), cmyk: false };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) {
    return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8), cmyk: false };
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    return { format: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)), cmyk: false };
  }
  if (b.length >= 30 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === 'VP8X') {
      const w = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
      const h = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
      return { format: 'webp', width: w, height: h, cmyk: false };
    }
    if (chunk === 'VP8 ') return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, cmyk: false };
    if (chunk === 'VP8L') {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, cmyk: false };
    }
  }
  return null;
}

/** A JPEG's size and colour components from its SOF marker. */
function jpegSize(b: Uint8Array): ImageFileInfo | null {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return null;
    const m = b[o + 1];
    if (m === 0xff) { o++; continue; }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) { o += 2; continue; }
    const isSof = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
    if (isSof) return { format: 'jpeg', height: u16be(b, o + 5), width: u16be(b, o + 7), cmyk: b[o + 9] === 4 };
    if (m === 0xd9 || m === 0xda) return null;
    o += 2 + u16be(b, o + 2);
  }
  return null;
}

/** Whether the bytes are an image Layer Lens can take, said in the user's words when not. */
export function sniffImage(bytes: Uint8Array, fileName: string = F.thisFile): SniffResult {
  if (bytes.length === 0) return { ok: false, message: F.empty(fileName) };
  const info = sizeOf(bytes);
  if (!info) {
    return { ok: false, message: F.notImage(fileName) };
  }
  if (info.width === 0 || info.height === 0) {
    return { ok: false, message: F.noPixels(fileName, info.width, info.height) };
  }
  if (info.width > MAX_SIDE || info.height > MAX_SIDE || info.width * info.height > MAX_PIXELS) {
    return {
      ok: false,
      message: F.tooLarge(fileName, formatInteger(info.width), formatInteger(info.height), formatInteger(MAX_SIDE), formatInteger(MAX_PIXELS / 1e6)),
    };
  }
  return { ok: true, info };
}

/** The message when the browser could not decode an image whose header looked right. */
export function undecodableMessage(info: ImageFileInfo | null, fileName: string = F.thisFile): string {
  if (info?.cmyk) {
    return F.cmyk(fileName);
  }
  return F.undecodable(fileName);
}

// ---------------------------------------------------------------------------------------------
// The model's output, read as classes.

export interface ClassReading {
  /** One entry per class shown: name and probability (null when the output is a score, not one). */
  classes: { name: string; p: number | null }[];
  /** Index of the predicted class. */
  predicted: number;
  /** How the output was read, in one sentence. */
  note: string;
}

/**
 * Reads a classifier's output. One sigmoid unit p reads as two classes: P(class 1) = p and
 * P(class 0) = 1 − p. One unit without sigmoid is a score: class 1 when above `threshold`.
 * Several units: their values per class (softmax: probabilities).
 */
export function readClasses(output: ArrayLike<number>, names: readonly string[], activation: string | null, threshold = 0.5): ClassReading {
  const name = (i: number) => names[i]?.trim() || F.className(i);
  if (output.length === 1) {
    const p = output[0];
    if (activation === 'sigmoid') {
      return {
        classes: [{ name: name(0), p: 1 - p }, { name: name(1), p }],
        predicted: p > threshold ? 1 : 0,
        note: F.sigmoid(name(1), fmt(p), name(0), fmt(1 - p)),
      };
    }
    return {
      classes: [{ name: name(0), p: null }, { name: name(1), p: null }],
      predicted: p > threshold ? 1 : 0,
      note: F.score(activation ?? 'linear', fmt(p), formatPlain(threshold), name(1)),
    };
  }
  const values = Array.from(output);
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  const probs = activation === 'softmax';
  return {
    classes: values.map((v, i) => ({ name: name(i), p: probs ? v : null })),
    predicted: best,
    note: probs ? F.softmax(values.length) : F.scores(values.length, activation ?? 'linear'),
  };
}

/** Four significant digits in the language on screen ("0,9949" in German); "—" for a non-number. */
function fmt(v: number): string {
  return formatNumber(v, 4);
}
