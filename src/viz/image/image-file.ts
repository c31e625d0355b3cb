/**
 * A picked or dropped picture file read into RGBA pixels (decoded by the browser with
 * createImageBitmap), with a clear message for what cannot be a picture of a digit: not an image,
 * an empty file, an absurd size, or bytes the browser cannot decode.
 */
import { imageInput } from '../../i18n/messages/image-input';

/** Larger files are refused before decoding. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Larger pictures (either side) are refused after reading the header. */
export const MAX_IMAGE_SIDE = 8000;
/** Pictures are drawn at most this big (longer side) before the preprocessing. */
export const WORK_SIDE = 560;

/** The messages, in the language on screen. */
export const FILE_MESSAGES = {
  notImage: (name: string) => imageInput.notImage(name),
  empty: (name: string) => imageInput.empty(name),
  tooBig: (name: string, mb: number) => imageInput.tooBig(name, mb, MAX_FILE_BYTES / 1024 / 1024),
  tooManyPixels: (name: string, w: number, h: number) => imageInput.tooManyPixels(name, w, h, MAX_IMAGE_SIDE),
  zeroPixels: (name: string) => imageInput.zeroPixels(name),
  unreadable: (name: string) => imageInput.unreadable(name),
};

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type ReadResult = { ok: true; image: RgbaImage } | { ok: false; message: string };

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp)$/i;

/** Reads a File into RGBA pixels, scaled down to WORK_SIDE (longer side) when larger. Never throws. */
export async function readImageFile(file: File): Promise<ReadResult> {
  const name = file.name || imageInput.thisFile;
  if (file.type ? !file.type.startsWith('image/') : !IMAGE_NAME.test(file.name)) return { ok: false, message: FILE_MESSAGES.notImage(name) };
  if (file.size === 0) return { ok: false, message: FILE_MESSAGES.empty(name) };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: FILE_MESSAGES.tooBig(name, file.size / 1024 / 1024) };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: FILE_MESSAGES.unreadable(name) };
  }
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0) return { ok: false, message: FILE_MESSAGES.zeroPixels(name) };
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { ok: false, message: FILE_MESSAGES.tooManyPixels(name, width, height) };
    const k = Math.min(1, WORK_SIDE / Math.max(width, height));
    const w = Math.max(1, Math.round(width * k));
    const h = Math.max(1, Math.round(height * k));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return { ok: false, message: FILE_MESSAGES.unreadable(name) };
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    return { ok: true, image: { width: w, height: h, data } };
  } finally {
    bitmap.close();
  }
}
