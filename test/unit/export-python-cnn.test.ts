/**
 * The "Reproduce in Python" script on the real image and signal models of ../shared/fixtures: its
 * numpy forward pass (each layer kind's own numpy function) gives every values_k of the app's
 * trace within 1e-5 of the tensor's largest value (and at least 1e-5 absolute), sampled over
 * each tensor. Measured: at most 5e-7 relative, through the 52 layers of the separable model.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModelFiles } from '../../src/models/formats';
import { traceModel } from '../../src/inspector/trace';
import { pythonScript } from '../../src/inspector/export/python';
import { fixtures } from '../fixtures';
import { runPython, tempDir, writeFile } from './export-fixtures';

const models = fixtures('models');

const HARNESS = `
import json, runpy, sys
import numpy as np
ns = runpy.run_path(sys.argv[1], run_name="not_main")
values = [ns["values_0"]]
for layer in ns["LAYERS"]:
    values.append(ns["run_layer"](layer, [values[k] for k in layer["inputs"]]).astype(np.float32))
out = []
for v in values:
    flat = v.reshape(-1)
    step = max(1, flat.size // 400)
    out.append({"shape": list(v.shape), "step": step, "sample": flat[::step].astype(float).tolist()})
print(json.dumps(out))
`;

/** The first example of a uint8 .npy, times `scale`. */
function firstNpy(path: string, scale: number): number[] {
  const buf = readFileSync(path);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.subarray(10, 10 + headerLen).toString('latin1');
  const shape = (/'shape': \(([^)]*)\)/.exec(header)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from(buf.subarray(10 + headerLen, 10 + headerLen + per), (v) => v * scale);
}

const CASES: { dir: string; file: string; input: () => number[] }[] = [
  {
    dir: 'keras3-mnist-cnn-bn',
    file: 'mnist_model.keras',
    input: () => (JSON.parse(readFileSync(models.path('keras3-mnist-cnn-bn', 'reference_predictions.json'), 'utf8')).inputs_uint8[0] as number[][]).flat().map((v) => v / 255),
  },
  { dir: 'keras3-l2-hinge-catdog64', file: 'cat_dog_model.keras', input: () => firstNpy(models.path('keras3-l2-hinge-catdog64', 'inputs_nearest64.npy'), 1 / 255) },
  { dir: 'keras3-catdog-bn-gap', file: 'cat_dog_model.keras', input: () => firstNpy(models.path('keras3-catdog-bn-gap', 'inputs_bicubic150.npy'), 1 / 255) },
  {
    dir: 'keras3-h5-ecg-conv1d',
    file: 'ecg_model.h5',
    input: () => readFileSync(models.path('keras3-h5-ecg-conv1d', 'mitbih_test_first10.csv'), 'utf8').split(/\r?\n/)[0].split(',').slice(0, 186).map(Number),
  },
  { dir: 'keras2-separable-residual', file: 'selected_model.h5', input: () => firstNpy(models.path('keras2-separable-residual', 'inputs_bilinear256.npy'), 1) },
];

describe.skipIf(!models.present)(`the Python script reproduces the trace of real CNNs${models.skipNote}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it.each(CASES)('$dir', async (c) => {
    const { model } = await openModelFiles([{ name: c.file, bytes: new Uint8Array(readFileSync(models.path(c.dir, c.file))) }]);
    try {
      const trace = traceModel(model, c.input());
      const script = pythonScript(trace, c.dir, null);
      const got = JSON.parse(runPython(tmp.dir, HARNESS, [writeFile(tmp.dir, `${c.dir}.py`, script)])) as { shape: number[]; step: number; sample: number[] }[];
      expect(got).toHaveLength(trace.values.length);
      let worst = 0;
      got.forEach((g, k) => {
        const t = trace.values[k];
        expect(g.shape, `values_${k}`).toEqual(t.shape);
        // Relative to the tensor's largest value: a sum of large terms that cancels to a small
        // value carries the rounding of its terms (float32 in tfjs, float64 in numpy).
        const scale = Math.max(1, t.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0));
        g.sample.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - t.values[i * g.step]) / scale);
        });
      });
      expect(worst).toBeLessThan(1e-5);
    } finally {
      model.dispose();
    }
  });
});
