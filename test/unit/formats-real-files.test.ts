/**
 * Every real file of test/models.json opens as listed (format, output shape, layer classes, the numpy
 * reference's outputs, logits and per-layer values) or is refused with the listed message.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import { detectFormat, openModelFiles, ModelFileError, type FileLike } from '../../src/models/formats';
import { traceModel } from '../../src/inspector/trace';
import { estimateLayers } from '../../src/models/formats/shapes';
import { fixtures } from '../fixtures';

const FIX = fixtures('models');
const LIST = JSON.parse(readFileSync(join(__dirname, '../models.json'), 'utf8')) as { models: Entry[] };

type FileRef = string | { path: string; name: string };
interface Reference {
  json: string;
  inputs?: string;
  npy?: string;
  csvRows?: string;
  columns?: number;
  scale?: number;
  scaler?: [string, string];
  outputs: string;
  tolerance: number;
  logits?: string;
  logitsTolerance?: number;
  traceTolerance?: number;
}
interface Entry {
  name: string;
  files: FileRef[];
  expect: 'opens' | 'refused';
  format?: string;
  title?: string;
  outputShape?: number[];
  layers?: string[];
  reference?: Reference;
  twin?: FileRef[];
  error?: string[];
}

function load(ref: FileRef): FileLike {
  const path = typeof ref === 'string' ? ref : ref.path;
  return { name: typeof ref === 'string' ? basename(ref) : ref.name, bytes: new Uint8Array(readFileSync(FIX.path(path))) };
}

/** A NumPy .npy (v1/v2, little-endian u1/f4/f8, C order) as rows of the first axis, flattened. */
export function readNpyRows(path: string): number[][] {
  const buf = readFileSync(path);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.subarray(start, start + headerLen).toString('latin1');
  const shape = (header.match(/'shape': \(([^)]*)\)/)![1].match(/\d+/g) ?? []).map(Number);
  const descr = header.match(/'descr': '([^']+)'/)![1];
  const body = buf.subarray(start + headerLen);
  const ab = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
  const flat = descr === '|u1' ? new Uint8Array(ab) : descr === '<f4' ? new Float32Array(ab) : descr === '<f8' ? new Float64Array(ab) : null;
  if (!flat || /True/.test(header.match(/'fortran_order': (\w+)/)![1])) throw new Error(`unsupported npy ${header}`);
  const per = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, i) => Array.from(flat.subarray(i * per, (i + 1) * per)));
}

/** The model's inputs for a reference, flattened per example, before any scaler. */
function referenceInputs(ref: Reference, json: Record<string, unknown>): number[][] {
  const scale = ref.scale ?? 1;
  let rows: number[][];
  if (ref.npy) rows = readNpyRows(FIX.path(ref.npy));
  else if (ref.csvRows) {
    // "mitbih_test_first10.csv row 3": row 3 of that CSV (next to the reference), its first `columns` values
    rows = (json[ref.csvRows] as string[]).map((label) => {
      const [, file, k] = /^(.*) row (\d+)$/.exec(label)!;
      const text = readFileSync(FIX.path(ref.json, '..', file), 'utf8');
      return text.trim().split(/\r?\n/)[Number(k)].split(',').slice(0, ref.columns).map(Number);
    });
  } else rows = (json[ref.inputs!] as unknown[]).map((x) => (x as number[]).flat(4) as number[]);
  if (ref.scaler) {
    const [mean, sd] = ref.scaler.map((k) => json[k] as number[]);
    rows = rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
  }
  return rows.map((r) => r.map((v) => v * scale));
}

function asBatch(model: LayersModel, rows: number[][]): tf.Tensor {
  const shape = model.inputs[0].shape.slice(1) as number[];
  return tf.tensor(rows.flat(), [rows.length, ...shape]);
}

function predict(model: LayersModel, rows: number[][]): number[][] {
  return tf.tidy(() => tf.reshape(model.predict(asBatch(model, rows)) as tf.Tensor, [rows.length, -1]).arraySync() as number[][]);
}

/**
 * One pass for the outputs and the last Dense layer's pre-activation values (its input, from tfjs,
 * times its kernel plus its bias, in float64).
 */
function outputsAndLogits(model: LayersModel, rows: number[][]): { outputs: number[][]; logits: number[][] } {
  const last = model.layers[model.layers.length - 1];
  expect(last.getClassName()).toBe('Dense');
  const both = tfl.model({ inputs: model.inputs, outputs: [last.input as never, model.outputs[0]] });
  const [h, y] = tf.tidy(() => (both.predict(asBatch(model, rows)) as tf.Tensor[]).map((t) => tf.reshape(t, [rows.length, -1]).arraySync() as number[][]));
  const [kernel, bias] = last.getWeights().map((t) => t.arraySync()) as [number[][], number[]];
  return { outputs: y, logits: h.map((x) => bias.map((bj, j) => x.reduce((s, xi, i) => s + xi * kernel[i][j], bj))) };
}

function maxDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  a.forEach((r, i) => {
    expect(r.length).toBe(b[i].length);
    r.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i][j]))));
  });
  return m;
}

const opens = LIST.models.filter((m) => m.expect === 'opens');
const refused = LIST.models.filter((m) => m.expect === 'refused');

describe.skipIf(!FIX.present)(`real model files of test/models.json${FIX.skipNote}`, () => {
  it('the list covers every model folder of the fixtures', async () => {
    const { readdirSync } = await import('node:fs');
    const listed = new Set(LIST.models.flatMap((m) => m.files.map((f) => (typeof f === 'string' ? f : f.path).split('/')[0])));
    expect(readdirSync(FIX.dir).filter((d) => !listed.has(d))).toEqual([]);
  });

  it.each(opens.map((m) => [m.name, m] as const))('opens: %s', async (_, m) => {
    const files = m.files.map(load);
    expect(detectFormat(files)?.id).toBe(m.format);
    const { model, info } = await openModelFiles(files);
    try {
      if (m.title) expect(info.title).toContain(m.title);
      expect(model.outputs[0].shape.slice(1)).toEqual(m.outputShape);
      if (m.layers) expect(model.layers.map((l) => l.getClassName()).slice(0, m.layers.length)).toEqual(m.layers);
      // the weight guard's estimate of every layer (shape and weight count) is what tfjs built
      const estimates = estimateLayers(model.toJSON(null, false) as Record<string, unknown>);
      expect(estimates.map((e) => e.name)).toEqual(model.layers.map((l) => l.name));
      model.layers.forEach((l, i) => {
        expect(estimates[i].params, l.name).toBe(l.countParams());
        expect(estimates[i].output, l.name).toEqual((l.outputShape as number[]).slice(1));
      });
      const report: Record<string, number> = {};
      if (m.twin) {
        const twin = await openModelFiles(m.twin.map(load));
        const x = [[-2], [-0.5], [0], [0.3], [1], [4]];
        report.twin = maxDiff(predict(model, x), predict(twin.model, x));
        expect(report.twin).toBe(0);
        twin.model.dispose();
      }
      const ref = m.reference;
      if (ref) {
        const json = JSON.parse(readFileSync(FIX.path(ref.json), 'utf8'));
        const rows = referenceInputs(ref, json);
        const want = (json[ref.outputs] as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) as number[][];
        const got = ref.logits ? outputsAndLogits(model, rows) : { outputs: predict(model, rows), logits: [] };
        report.outputs = maxDiff(got.outputs, want);
        expect(report.outputs).toBeLessThan(ref.tolerance);
        if (ref.logits) {
          const wantLogits = (json[ref.logits] as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) as number[][];
          report.logits = maxDiff(got.logits, wantLogits);
          expect(report.logits).toBeLessThan(ref.logitsTolerance!);
        }
        if (ref.traceTolerance && Array.isArray(json.layer_trace)) {
          // layer by layer, for the first traced example: shape, min, max and the first values
          const rowIndex = Array.isArray(json.layer_trace_rows) ? json.layer_trace_rows[0] : 0;
          const trace = traceModel(model, rows[rowIndex]);
          let worst = 0;
          let compared = 0;
          for (const want of json.layer_trace[0] as { layer: string; shape: number[]; min: number; max: number; first: number[] }[]) {
            const step = trace.steps.find((s) => s.name === want.layer.split('/').pop());
            if (!step) continue; // a nested model's own row ("sequential"): its layers are steps of their own
            compared++;
            expect(step.output.shape, want.layer).toEqual(want.shape);
            const v = step.output.values;
            const got = [v.reduce((a, b) => Math.min(a, b), Infinity), v.reduce((a, b) => Math.max(a, b), -Infinity), ...Array.from(v.subarray(0, want.first.length))];
            got.forEach((g, i) => (worst = Math.max(worst, Math.abs(g - [want.min, want.max, ...want.first][i]))));
          }
          expect(compared).toBeGreaterThanOrEqual((json.layer_trace[0] as unknown[]).length - 1);
          report.trace = worst;
          expect(worst).toBeLessThan(ref.traceTolerance);
        }
      }
      console.log(`[models.json] ${m.name}: ${JSON.stringify(report)}`);
    } finally {
      model.dispose();
    }
  }, 180_000);

  it.each(refused.map((m) => [m.name, m] as const))('refused: %s', async (_, m) => {
    const err = await openModelFiles(m.files.map(load)).then(
      () => null,
      (e) => e,
    );
    expect(err).toBeInstanceOf(ModelFileError);
    for (const fragment of m.error!) expect(err.message).toContain(fragment);
  });
});
