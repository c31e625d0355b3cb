/**
 * The IDX file format of MNIST (yann.lecun.com/exdb/mnist): a big-endian header, then unsigned
 * bytes. Images: magic 0x00000803, count, rows, cols, then count*rows*cols pixels (row by row).
 * Labels: magic 0x00000801, count, then count labels. Gzipped files (0x1f 0x8b) are unpacked first.
 * Every check fails with a message that names the file and what is wrong with it.
 */
import { modelsData } from '../../i18n/messages/models-data';

const t = () => modelsData.idx;

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count x rows x cols, row-major, 0..255. A view into the file's bytes (no copy). */
  pixels: Uint8Array;
}

export interface IdxLabels {
  count: number;
  labels: Uint8Array;
}

/** True for gzip data (the first two bytes are 0x1f 0x8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function header(bytes: Uint8Array, name: string, words: number): number[] {
  if (isGzip(bytes)) throw new Error(t().gzip(name));
  if (bytes.length < words * 4) {
    throw new Error(t().tooShort(name, bytes.length, words * 4));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false));
}

function describeMagic(magic: number): string {
  if (magic === IDX_IMAGES_MAGIC) return t().isImageFile;
  if (magic === IDX_LABELS_MAGIC) return t().isLabelFile;
  return t().notIdx(magic.toString(16).padStart(8, '0'));
}

function checkLength(bytes: Uint8Array, name: string, headerBytes: number, expected: number, what: string): void {
  const got = bytes.length - headerBytes;
  if (got < expected) {
    throw new Error(t().truncated(name, what, expected, got));
  }
  if (got > expected) {
    throw new Error(t().tooLong(name, got - expected, what));
  }
}

/** Reads an IDX image file (magic 0x803): count images of rows x cols bytes. */
export function parseIdxImages(bytes: Uint8Array, name: string = t().imageFile): IdxImages {
  const [magic] = header(bytes, name, 1);
  if (magic !== IDX_IMAGES_MAGIC) throw new Error(t().shouldBeImages(name, describeMagic(magic)));
  const [, count, rows, cols] = header(bytes, name, 4);
  if (rows === 0 || cols === 0) throw new Error(t().noPixels(name, rows, cols));
  const size = count * rows * cols;
  checkLength(bytes, name, 16, size, t().images(count, rows, cols));
  return { count, rows, cols, pixels: bytes.subarray(16, 16 + size) };
}

/** Reads an IDX label file (magic 0x801): count labels of one byte. */
export function parseIdxLabels(bytes: Uint8Array, name: string = t().labelFile): IdxLabels {
  const [magic] = header(bytes, name, 1);
  if (magic !== IDX_LABELS_MAGIC) throw new Error(t().shouldBeLabels(name, describeMagic(magic)));
  const [, count] = header(bytes, name, 2);
  checkLength(bytes, name, 8, count, t().labels(count));
  return { count, labels: bytes.subarray(8, 8 + count) };
}
