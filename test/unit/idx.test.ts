import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { parseIdxImages, parseIdxLabels } from '../../src/models/data/idx';
import { mnistFromFiles } from '../../src/models/data/mnist';
import { loadMnistNode, readMnistFiles } from './mnist-node';

/** Digit counts of MNIST, as published with the data set (LeCun et al.). */
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function counts(y: ArrayLike<number>): number[] {
  const c = new Array(10).fill(0);
  for (let i = 0; i < y.length; i++) c[y[i]]++;
  return c;
}

function idxImages(count: number, rows: number, cols: number, extra = 0): Uint8Array {
  const b = new Uint8Array(16 + count * rows * cols + extra);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x803);
  v.setUint32(4, count);
  v.setUint32(8, rows);
  v.setUint32(12, cols);
  for (let i = 16; i < b.length; i++) b[i] = i % 256;
  return b;
}

function idxLabels(labels: number[]): Uint8Array {
  const b = new Uint8Array(8 + labels.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0x801);
  v.setUint32(4, labels.length);
  b.set(labels, 8);
  return b;
}

describe('IDX parsing on the real MNIST files', () => {
  it('reads 60,000 + 10,000 images of 28 x 28 with their digits, in file order', async () => {
    const { train, test } = await loadMnistNode();
    expect(train.rows).toBe(60_000);
    expect(test.rows).toBe(10_000);
    expect(train.inputShape).toEqual([28, 28]);
    expect(train.features).toBe(784);
    expect(train.x).toBeInstanceOf(Uint8Array);
    expect(train.x.length).toBe(60_000 * 784);
    expect(test.x.length).toBe(10_000 * 784);
    // The first labels as everybody who printed y_train[:8] / y_test[:8] knows them.
    expect(Array.from(train.y.slice(0, 8))).toEqual([5, 0, 4, 1, 9, 2, 1, 3]);
    expect(Array.from(test.y.slice(0, 8))).toEqual([7, 2, 1, 0, 4, 1, 4, 9]);
    expect(counts(train.y)).toEqual(TRAIN_COUNTS);
    expect(counts(test.y)).toEqual(TEST_COUNTS);
    expect(train.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(train.featureNames[29]).toBe('pixel (row 1, col 1)');
  });

  it('keeps raw grey levels 0..255, row by row, mostly zeros', async () => {
    const { train } = await loadMnistNode();
    const raw = readMnistFiles().trainImages;
    // Pixel (row 14, col 10) of image 1 sits at byte 16 + 784 + 14 * 28 + 10 of the file.
    expect(train.x[784 + 14 * 28 + 10]).toBe(raw[16 + 784 + 14 * 28 + 10]);
    let max = 0;
    let zeros = 0;
    for (let i = 0; i < 784 * 1000; i++) {
      if (train.x[i] > max) max = train.x[i];
      if (train.x[i] === 0) zeros++;
    }
    expect(max).toBe(255);
    expect(zeros / (784 * 1000)).toBeGreaterThan(0.75);
    // Image 0 (a 5): its borders are empty, its middle is not.
    expect(train.x[0]).toBe(0);
    expect(Array.from(train.x.subarray(14 * 28, 15 * 28)).some((v) => v > 200)).toBe(true);
  });

  it('reads gzipped files the same as raw ones', async () => {
    const files = readMnistFiles();
    const raw = await mnistFromFiles(files);
    const zipped = await mnistFromFiles({ ...files, testImages: gzipSync(files.testImages), testLabels: gzipSync(files.testLabels) });
    expect(zipped.test.rows).toBe(10_000);
    expect(Buffer.from(zipped.test.x).equals(Buffer.from(raw.test.x))).toBe(true);
    expect(Array.from(zipped.test.y)).toEqual(Array.from(raw.test.y));
  });
});

describe('IDX parsing of broken files: a clear message', () => {
  it('a truncated image file says how many bytes are missing', () => {
    const real = readMnistFiles().testImages;
    expect(() => parseIdxImages(real.subarray(0, real.length - 100), 't10k-images-idx3-ubyte')).toThrow(
      't10k-images-idx3-ubyte is truncated: its header announces 10000 images of 28 x 28 pixels (7840000 bytes), but only 7839900 bytes follow.',
    );
    expect(() => parseIdxImages(real.subarray(0, 10), 'x')).toThrow('x is truncated: 10 bytes, too short even for its 16-byte IDX header.');
    expect(() => parseIdxImages(new Uint8Array(0), 'x')).toThrow('too short');
  });

  it('a truncated label file is refused', () => {
    const real = readMnistFiles().testLabels;
    expect(() => parseIdxLabels(real.subarray(0, 5000), 't10k-labels')).toThrow('t10k-labels is truncated: its header announces 10000 labels (10000 bytes), but only 4992 bytes follow.');
  });

  it('extra bytes after the announced data are refused', () => {
    expect(() => parseIdxImages(idxImages(2, 3, 3, 5), 'f')).toThrow('f has 5 bytes more than its header announces (2 images of 3 x 3 pixels)');
    expect(parseIdxImages(idxImages(2, 3, 3)).pixels.length).toBe(18);
  });

  it('a label file given as images (and the other way round) names the mix-up', () => {
    const files = readMnistFiles();
    expect(() => parseIdxImages(files.testLabels, 'images.idx')).toThrow(
      'images.idx should be an IDX image file (magic 0x00000803), but it is an IDX label file.',
    );
    expect(() => parseIdxLabels(files.testImages, 'labels.idx')).toThrow('labels.idx should be an IDX label file (magic 0x00000801), but it is an IDX image file.');
    expect(() => parseIdxLabels(new TextEncoder().encode('hello world!'), 'notes.txt')).toThrow(
      'notes.txt should be an IDX label file (magic 0x00000801), but it is not an IDX file of unsigned bytes (it starts with 0x68656c6c).',
    );
  });

  it('a gzipped file given to the raw parser says so', () => {
    expect(() => parseIdxLabels(gzipSync(idxLabels([1, 2])), 'l.gz')).toThrow('l.gz is gzip-compressed');
  });

  it('mislabelled data: a label that is no digit, or counts that do not match', async () => {
    const files = readMnistFiles();
    const badLabels = files.testLabels.slice();
    badLabels[8 + 1234] = 11;
    await expect(mnistFromFiles({ ...files, testLabels: badLabels })).rejects.toThrow(
      't10k-labels-idx1-ubyte gives image 1234 the label 11; MNIST labels are the digits 0 to 9.',
    );
    await expect(mnistFromFiles({ ...files, testLabels: idxLabels([1, 2, 3]) })).rejects.toThrow(
      't10k-images-idx3-ubyte holds 10000 images but t10k-labels-idx1-ubyte holds 3 labels; they do not belong together.',
    );
    await expect(mnistFromFiles({ ...files, testImages: files.testLabels })).rejects.toThrow('should be an IDX image file');
  });
});
