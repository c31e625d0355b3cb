/**
 * Evaluate of a real Keras MNIST CNN file (keras3-mnist-cnn-bn/mnist_model.keras) on the inference
 * backend (tfjs wasm): the same predictions as tfjs' cpu backend, and the accuracy the model's
 * author reports on the 10,000 test images (numpy: 0.9919, the fixture's reference).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tf } from '../../src/models/tf';
import { initInferenceBackend } from '../../src/models/backend';
import { evaluateModel } from '../../src/models/evaluate';
import { openModelFiles } from '../../src/models/formats';
import type { Dataset } from '../../src/models/types';
import { fixtures } from '../fixtures';
import { loadMnistNode } from './mnist-node';

const models = fixtures('models');
const ref = models.present
  ? (JSON.parse(readFileSync(models.path('keras3-mnist-cnn-bn/reference_predictions.json'), 'utf8')) as { t10k_accuracy: number })
  : null;

async function openMnistCnn() {
  const bytes = new Uint8Array(readFileSync(models.path('keras3-mnist-cnn-bn/mnist_model.keras')));
  return (await openModelFiles([{ name: 'mnist_model.keras', bytes }])).model;
}

function firstRows(data: Dataset, rows: number): Dataset {
  return { ...data, rows, x: data.x.subarray(0, rows * data.features), y: data.y.subarray(0, rows) };
}

describe.skipIf(!models.present)(`evaluate of a Keras MNIST CNN file on wasm${models.skipNote}`, () => {
  it('gives the same predictions as tfjs cpu on 300 test images', async () => {
    const { test } = await loadMnistNode();
    const some = firstRows(test, 300);
    const model = await openMnistCnn();
    expect(await initInferenceBackend('cpu')).toBe('tfjs cpu');
    const cpu = await evaluateModel(model, some, { preprocess: { scale: 1 / 255 } });
    expect(await initInferenceBackend()).toBe('tfjs wasm');
    const wasm = await evaluateModel(model, some, { preprocess: { scale: 1 / 255 } });
    expect(Array.from(wasm.predicted)).toEqual(Array.from(cpu.predicted));
    expect(wasm.accuracy).toBe(cpu.accuracy);
    let d = 0;
    for (let i = 0; i < 300; i++) d = Math.max(d, Math.abs(wasm.probability[i] - cpu.probability[i]));
    expect(d).toBeLessThan(1e-4);
    expect(wasm.loss).toBeCloseTo(cpu.loss, 4);
    model.dispose();
  });

  it("reproduces the author's accuracy on all 10,000 test images, with progress, in seconds", async () => {
    const { test } = await loadMnistNode();
    const model = await openMnistCnn();
    expect(await initInferenceBackend()).toBe('tfjs wasm');
    const progress: number[] = [];
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    const r = await evaluateModel(model, test, { preprocess: { scale: 1 / 255 }, onProgress: (done) => progress.push(done) });
    const ms = performance.now() - t0;
    expect(r.rows).toBe(10_000);
    expect(r.accuracy).toBe(ref!.t10k_accuracy);
    expect(progress.at(-1)).toBe(10_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(tf.memory().numTensors).toBe(before);
    expect(ms).toBeLessThan(120_000); // about 5-10 s here; tfjs cpu takes about 20 minutes
    model.dispose();
    await tf.setBackend('cpu');
  }, 180_000);
});
