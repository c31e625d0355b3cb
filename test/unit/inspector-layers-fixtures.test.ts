/**
 * The layer kinds on the real image and signal models in ../shared/fixtures: every step of each
 * model has a reference that ran and agrees with tfjs within 1e-5 (absolute: measured 0 to 3.8e-6,
 * with values up to 400), and the output matches the numpy reference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openModelFiles } from '../../src/models/formats';
import { createTracer } from '../../src/inspector/trace';
import { axesOf, explainStep, suggestLayout, traceAxes } from '../../src/inspector/layers';
import type { Trace } from '../../src/inspector/types';
import { fixtures } from '../fixtures';

const models = fixtures('models');

/** A uint8 .npy array (C order). */
function readNpyUint8(path: string): { shape: number[]; data: Uint8Array } {
  const buf = readFileSync(path);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = (major === 1 ? 10 : 12) + headerLen;
  const header = buf.subarray(major === 1 ? 10 : 12, start).toString('latin1');
  if (!/'descr': '\|u1'/.test(header) || /'fortran_order': True/.test(header)) throw new Error(`not a C-order uint8 npy: ${header}`);
  const shape = (/'shape': \(([^)]*)\)/.exec(header)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + start, buf.length - start) };
}

/** max |tfjs - reference| relative to max(1, |value|) over one step. */
function relDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]));
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}

function expectAllChecked(t: Trace): void {
  for (const s of t.steps) {
    expect(s.failure ?? null, `${s.name} (${s.className}): reference failed`).toBeNull();
    expect(s.noReference ?? null, `${s.name} (${s.className}): no reference`).toBeNull();
    expect(s.reference, `${s.name} (${s.className})`).not.toBeNull();
    expect(s.maxAbsDiff, `${s.name} (${s.className})`).toBeLessThan(1e-5);
    expect(relDiff(s.output.values, s.reference!.values), `${s.name} (${s.className})`).toBeLessThan(1e-5);
    // Every step explains itself without falling back to "unsupported".
    expect(explainStep(s).kind, s.name).not.toBe('unsupported');
    // ... and knows what its axes mean.
    const a = axesOf(s);
    expect(a.output).toHaveLength(s.output.shape.length);
    expect(suggestLayout(a.output, s.output.shape).kind).toBeDefined();
  }
}

interface Case {
  dir: string;
  file: string;
  /** values per example from the reference file. */
  inputs: (ref: Record<string, unknown>) => number[][];
  /** The model's outputs per example in the reference. */
  expected: (ref: Record<string, unknown>) => number[][];
  classes: string[];
}

const photos = (npy: string) => (ref: Record<string, unknown>) => {
  const { shape, data } = readNpyUint8(models.path(String(ref.model_dir), npy));
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  const scale = Number(ref.scale);
  return Array.from({ length: shape[0] }, (_, n) => Array.from(data.subarray(n * per, (n + 1) * per), (v) => v * scale));
};

const CASES: Case[] = [
  {
    dir: 'keras3-mnist-cnn-bn',
    file: 'mnist_model.keras',
    inputs: (ref) => (ref.inputs_uint8 as number[][][]).map((img) => img.flat().map((v) => v / 255)),
    expected: (ref) => ref.probs as number[][],
    classes: ['Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Flatten', 'Dense', 'Dropout'],
  },
  {
    dir: 'keras3-catdog-bn-gap',
    file: 'cat_dog_model.keras',
    inputs: photos('inputs_bicubic150.npy'),
    expected: (ref) => ref.output as number[][],
    classes: ['Conv2D', 'BatchNormalization', 'MaxPooling2D', 'GlobalAveragePooling2D', 'Dense', 'Dropout'],
  },
  {
    dir: 'keras3-h5-ecg-conv1d',
    file: 'ecg_model.h5',
    inputs: () => {
      const rows = readFileSync(models.path('keras3-h5-ecg-conv1d', 'mitbih_test_first10.csv'), 'utf8').trim().split(/\r?\n/);
      return rows.slice(0, 3).map((r) => r.split(',').slice(0, 186).map(Number));
    },
    expected: (ref) => (ref.logits as number[][]).slice(0, 3),
    classes: ['Conv1D', 'BatchNormalization', 'MaxPooling1D', 'Flatten', 'Dense', 'Dropout'],
  },
  {
    dir: 'keras3-l2-hinge-catdog64',
    file: 'cat_dog_model.keras',
    inputs: photos('inputs_nearest64.npy'),
    expected: (ref) => ref.output as number[][],
    classes: ['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'],
  },
  {
    dir: 'keras2-separable-residual',
    file: 'selected_model.h5',
    inputs: photos('inputs_bilinear256.npy'),
    expected: (ref) => ref.output as number[][],
    classes: ['RandomFlip', 'Rescaling', 'Conv2D', 'BatchNormalization', 'Activation', 'SeparableConv2D', 'MaxPooling2D', 'Add', 'GlobalAveragePooling2D', 'Dense'],
  },
];

describe.skipIf(!models.present)(`every step of the real image models has a checked reference${models.skipNote}`, () => {
  it.each(CASES)('$dir', async (c) => {
    const ref = { ...(JSON.parse(readFileSync(models.path(c.dir, 'reference_predictions.json'), 'utf8')) as Record<string, unknown>), model_dir: c.dir };
    const { model } = await openModelFiles([{ name: c.file, bytes: new Uint8Array(readFileSync(models.path(c.dir, c.file))) }]);
    try {
      const trace = createTracer(model);
      const inputs = c.inputs(ref);
      const expected = c.expected(ref);
      const n = Math.min(inputs.length, c.dir === 'keras2-separable-residual' ? 1 : 2); // 256 x 256 is slow on tfjs' cpu backend
      for (let i = 0; i < n; i++) {
        const t = trace(inputs[i]);
        const classes = new Set(t.steps.map((s) => s.className));
        for (const k of c.classes) expect(classes.has(k), `${c.dir} has a ${k}`).toBe(true);
        expectAllChecked(t);
        // values_0 and every feature map read as pictures (1D: strips) along the whole trace.
        const roles = traceAxes(t);
        roles.values.forEach((r, k) => expect(r, `values_${k}`).toHaveLength(t.values[k].shape.length));
        const want = c.dir === 'keras3-h5-ecg-conv1d' ? 'strips' : 'images';
        expect(suggestLayout(roles.values[0], t.values[0].shape).kind).toBe(want);
        t.steps.forEach((s, k) => {
          if (s.output.shape.length === t.values[0].shape.length) expect(suggestLayout(roles.values[k + 1], s.output.shape).kind, s.name).toBe(want);
        });
        if (i === 0) console.log(`${c.dir}: worst max |d| ${t.maxAbsDiff.toExponential(2)} at ${t.steps.reduce((a, s) => ((s.maxAbsDiff ?? 0) > (a.maxAbsDiff ?? 0) ? s : a)).name}, largest |value| ${Math.max(...t.steps.map((s) => s.output.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0))).toFixed(1)}`);
        // The ECG reference lists logits: compare the step before the softmax where there is one.
        const last = c.dir === 'keras3-h5-ecg-conv1d' ? preSoftmax(t) : t.values[t.values.length - 1].values;
        expected[i].forEach((v, k) => expect(Math.abs(last[k] - v), `${c.dir} example ${i} output ${k}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v))));
      }
    } finally {
      model.dispose();
    }
  });
});

/** The last Dense's sums before its softmax (recomputed from its captured input, kernel and bias). */
function preSoftmax(t: Trace): Float32Array {
  const s = t.steps[t.steps.length - 1];
  const k = s.params.find((p) => p.name === 'kernel')!;
  const b = s.params.find((p) => p.name === 'bias')!;
  const [nIn, units] = k.shape;
  return Float32Array.from({ length: units }, (_, u) => {
    let z = b.values[u];
    for (let j = 0; j < nIn; j++) z += s.inputs[0].values[j] * k.values[j * units + u];
    return z;
  });
}
