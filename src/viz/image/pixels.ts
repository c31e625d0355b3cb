/**
 * Pixels for tensors drawn as images: a height x width x channels array (row by row, channels last,
 * as Keras stores images and feature maps) painted into RGBA, greyscale for pixel values or the
 * app's diverging scale (symmetric around 0) for weights. Pure functions, no DOM.
 */
import { maxAbs, signedColourTable } from '../colour';

/** "grey": min -> black, max -> white (pixels); "signed": blue -m .. neutral 0 .. red +m (weights). */
export type ImageScale = 'grey' | 'signed';

/** A pixel a user points at or picks. */
export interface PixelPoint {
  row: number;
  col: number;
  /** Index in the flattened tensor: (row * width + col) * channels. */
  index: number;
  /** The pixel's value(s): one per channel. */
  values: number[];
}

export interface ImageGeometry {
  height: number;
  width: number;
  /** 1 (grey or signed) or 3 (RGB, drawn as colour with the grey range). */
  channels: 1 | 3;
}

/** The default range of a scale for these values: grey [0, 255] (or [0, 1] for values within 0..1), signed [-m, m]. */
export function defaultRange(values: ArrayLike<number>, scale: ImageScale): [number, number] {
  if (scale === 'signed') {
    const m = maxAbs(values) || 1;
    return [-m, m];
  }
  let hi = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] > hi) hi = values[i];
  return [0, hi <= 1 ? 1 : 255];
}

/** RGBA bytes (height * width * 4) for a tensor drawn as an image. Non-finite values are grey. */
export function paintPixels(
  values: ArrayLike<number>,
  geo: ImageGeometry,
  scale: ImageScale,
  range: [number, number],
): Uint8ClampedArray {
  const { height, width, channels } = geo;
  const n = height * width;
  if (values.length !== n * channels) {
    throw new Error(`An image of ${height} x ${width} x ${channels} needs ${n * channels} values, got ${values.length}`);
  }
  const out = new Uint8ClampedArray(n * 4);
  const [lo, hi] = range;
  if (scale === 'signed' && channels === 1) {
    const lut = signedColourTable(Math.max(Math.abs(lo), Math.abs(hi)));
    for (let i = 0; i < n; i++) {
      const k = lut.indexOf(values[i]);
      const rgb = k < 0 ? lut.nonFinite : lut.table.subarray(k * 3, k * 3 + 3);
      out[i * 4] = rgb[0];
      out[i * 4 + 1] = rgb[1];
      out[i * 4 + 2] = rgb[2];
      out[i * 4 + 3] = 255;
    }
    return out;
  }
  const span = hi - lo || 1;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      const v = values[i * channels + (channels === 3 ? c : 0)];
      out[i * 4 + c] = Number.isFinite(v) ? Math.round(((v - lo) / span) * 255) : 184;
    }
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The incoming weights of one unit of a Dense kernel (nIn, nOut): column `unit`, length nIn. */
export function kernelColumn(kernel: ArrayLike<number>, nIn: number, nOut: number, unit: number): Float32Array {
  if (kernel.length !== nIn * nOut) throw new Error(`A (${nIn}, ${nOut}) kernel needs ${nIn * nOut} values, got ${kernel.length}`);
  if (!Number.isInteger(unit) || unit < 0 || unit >= nOut) throw new Error(`unit must be 0..${nOut - 1}, got ${unit}`);
  const col = new Float32Array(nIn);
  for (let j = 0; j < nIn; j++) col[j] = kernel[j * nOut + unit];
  return col;
}
