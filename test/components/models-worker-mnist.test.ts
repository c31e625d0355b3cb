/**
 * Image data through the training worker (Chromium): pixel bytes sent in parts without blocking
 * the page, the same weights as training on this thread, the data sent once per worker.
 */
import { describe, expect, it } from 'vitest';
import { mnistRecipe, MNIST_COURSE_CONFIG } from '../../src/models/recipes';
import { train } from '../../src/models/train/train';
import { createTrainingClient } from '../../src/models/train/client';
import { createRng } from '../../src/models/random';
import type { Dataset } from '../../src/models/types';

/** 7,000 synthetic 28 x 28 "digits": class c lights up row band c (5.5 M bytes: two parts). */
function synthetic(rows = 7000): Dataset {
  const rng = createRng(3);
  const x = new Uint8Array(rows * 784);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const c = rng.int(10);
    y[r] = c;
    for (let p = 0; p < 784; p++) {
      const band = Math.floor(Math.floor(p / 28) / 2.8);
      x[r * 784 + p] = band === c ? 128 + rng.int(128) : rng.uniform() < 0.05 ? rng.int(256) : 0;
    }
  }
  return {
    id: 'synthetic', title: 'synthetic digits', x, y, rows, features: 784, inputShape: [28, 28],
    featureNames: Array.from({ length: 784 }, (_, i) => `p${i}`), task: 'classification',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  };
}

describe('MNIST-sized data in the training worker', () => {
  it('trains to the same weights as on this thread; the caller keeps its bytes; a second run reuses the data', async () => {
    const data = synthetic();
    const recipe = mnistRecipe('rescaling', 16);
    const config = { ...MNIST_COURSE_CONFIG, epochs: 2, seed: 9 };
    const client = createTrainingClient();
    const t0 = performance.now();
    const run = client.startTraining(recipe, data, config, () => {});
    const callMs = performance.now() - t0;
    const inWorker = await run.done;
    const direct = await train(recipe, data, config);
    expect(inWorker.weights).toEqual(direct.weights);
    expect(inWorker.history).toEqual(direct.history);
    expect(inWorker.history[1].accuracy).toBeGreaterThan(0.9);
    expect(data.x.length).toBe(7000 * 784);
    // Starting returns at once: the bytes go over in parts, later, between other work. (Gaps in
    // the page's event loop are not asserted: on a loaded 2-core machine they measure the load.)
    expect(callMs).toBeLessThan(50);
    // Second run on the same data set: only the settings go over.
    const again = await client.startTraining(recipe, data, { ...config, seed: 10 }, () => {}).done;
    expect(again.weights).toEqual((await train(recipe, data, { ...config, seed: 10 })).weights);
    client.dispose();
  });
});
