/**
 * The exports of a real model made by someone else (Keras 2.3.1 -> TensorFlow.js, Dense(100) -
 * relu - Dense(3) - softmax), traced with the app's own traceModel: the Python script reproduces
 * the trace and the independent numpy reference; the .npz is bit-identical; the TensorFlow.js
 * files load back and predict the same on all 150 Iris rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { layersFromTrace } from '../../src/inspector/export/layers';
import { modelNpzFile } from '../../src/inspector/export/model';
import { pythonScript } from '../../src/inspector/export/python';
import { tfjsModelFiles } from '../../src/inspector/export/tfjsModel';
import { bitsOf, loadExportedTfjs, runPython, tempDir, writeFile } from './export-fixtures';
import { fixtures } from '../fixtures';

const fixture = fixtures('models/tfjs-iris-dense100/model.json');
const DIR = join(fixture.dir, '..');
const present = fixture.present;
const CLASSES = ['setosa', 'versicolor', 'virginica'];

if (!present) console.warn(`export-fixture-model: skipped, ${DIR} is absent (the shared fixtures are not checked out)`);

describe.skipIf(!present)(`exports of the real tfjs-iris-dense100 model${fixture.skipNote}`, () => {
  let model: LayersModel;
  let reference: { X: number[][]; y: number[]; probs: number[][] };
  let tmp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    const json = JSON.parse(readFileSync(join(DIR, 'model.json'), 'utf8'));
    const bin = readFileSync(join(DIR, 'group1-shard1of1.bin'));
    model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      }),
    );
    reference = JSON.parse(readFileSync(join(DIR, 'reference_predictions_all150.json'), 'utf8'));
    tmp = tempDir();
  });
  afterAll(() => {
    model?.dispose();
    tmp?.cleanup();
  });

  it('the Python script prints the trace (within 1e-6) and numpy reference probabilities (1e-5)', () => {
    for (const row of [0, 70, 149]) {
      const trace = traceModel(model, reference.X[row]);
      const out = runPython(tmp.dir, pythonScript(trace, 'tfjs-iris-dense100', CLASSES));
      const blocks = out.split(/^values_\d+: /m).slice(1);
      expect(blocks).toHaveLength(trace.values.length);
      const printed = blocks.map((b) =>
        b.split('\n').filter((l) => !l.startsWith('predicted')).join(' ').replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number),
      );
      trace.values.forEach((t, i) =>
        t.values.forEach((v, k) => expect(Math.abs(printed[i][k] - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v)))),
      );
      printed[4].forEach((p, k) => expect(Math.abs(p - reference.probs[row][k])).toBeLessThanOrEqual(1e-5));
      const best = reference.probs[row].indexOf(Math.max(...reference.probs[row]));
      expect(out.trim().split('\n').pop()).toBe(`predicted class: ${best} ${CLASSES[best]}`);
    }
  });

  it('the .npz holds dense_3/kernel .. dense_4/bias bit for bit', () => {
    const trace = traceModel(model, reference.X[0]);
    const layers = layersFromTrace(trace);
    const file = modelNpzFile(layers, 'tfjs-iris-dense100');
    const path = writeFile(tmp.dir, file.filename, file.data);
    const expected: Record<string, number[]> = {};
    for (const l of layers) for (const p of l.params) expected[`${l.name}/${p.name}`] = bitsOf(p.values);
    expect(Object.keys(expected)).toEqual(['dense_3/kernel', 'dense_3/bias', 'dense_4/kernel', 'dense_4/bias']);
    const got = JSON.parse(
      runPython(
        tmp.dir,
        'import json, sys\nimport numpy as np\nz = np.load(sys.argv[1])\nprint(json.dumps({k: z[k].view(np.uint32).reshape(-1).tolist() for k in z.files}))',
        [path],
      ),
    );
    expect(got).toEqual(expected);
    // And the exported weights are the model's own.
    const own = model.getWeights().map((w) => bitsOf(w.dataSync() as Float32Array));
    expect(Object.values(expected)).toEqual(own);
  });

  it('the exported TensorFlow.js files load back and predict the same on all 150 rows', async () => {
    const loaded = await loadExportedTfjs(await tfjsModelFiles(model, 'tfjs-iris-dense100'));
    const x = tf.tensor2d(reference.X);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    loaded.dispose();
  });
});
