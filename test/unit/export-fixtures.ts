/**
 * Shared test helpers for the export tests: a small Iris-like tfjs model (dense, activation,
 * dense_1, activation_1), a trace built from it layer by layer (independent of src/inspector/trace),
 * a temp folder, and python3 with numpy run as a child process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tf, tfl, type LayersModel } from '../../src/models/tf';
import type { Trace, TraceStep, Tensor } from '../../src/inspector/types';
import { weightShortName } from '../../src/inspector/export/names';

/** A seeded stream of "awkward" floats: they need all 9 significant digits as float32. */
export function awkwardFloats(n: number, seed = 1): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 3.7;
  }
  return out;
}

export interface ModelOptions {
  names?: [string, string, string, string];
  activations?: [string, string];
  inputs?: number;
  hidden?: number;
  outputs?: number;
}

/** Dense(hidden) - Activation(relu) - Dense(outputs) - Activation(softmax) with awkward weights. */
export function buildModel(opts: ModelOptions = {}): LayersModel {
  const [n0, n1, n2, n3] = opts.names ?? ['dense', 'activation', 'dense_1', 'activation_1'];
  const [a0, a1] = opts.activations ?? ['relu', 'softmax'];
  const inputs = opts.inputs ?? 4;
  const hidden = opts.hidden ?? 8;
  const outputs = opts.outputs ?? 3;
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: hidden, inputShape: [inputs], name: n0 }),
      tfl.layers.activation({ activation: a0 as 'relu', name: n1 }),
      tfl.layers.dense({ units: outputs, name: n2 }),
      tfl.layers.activation({ activation: a1 as 'softmax', name: n3 }),
    ],
  });
  const shapes = [[inputs, hidden], [hidden], [hidden, outputs], [outputs]];
  model.setWeights(shapes.map((s, i) => tf.tensor(awkwardFloats(s.reduce((a, b) => a * b, 1), 7 + i), s)));
  return model;
}

function capture(t: tf.Tensor): Tensor {
  return { shape: t.shape.slice(), values: Float32Array.from(t.dataSync() as Float32Array) };
}

/** A trace of a Sequential model, layer by layer with tfjs (the test's own, not the app's). */
export function traceSequential(model: LayersModel, input: number[], shape = [input.length]): Trace {
  const x0: Tensor = { shape: [1, ...shape], values: Float32Array.from(input) };
  const values: Tensor[] = [x0];
  const steps: TraceStep[] = [];
  let current = tf.tensor(x0.values, x0.shape);
  model.layers.forEach((layer, index) => {
    const out = layer.apply(current) as tf.Tensor;
    const output = capture(out);
    steps.push({
      index,
      name: layer.name,
      className: layer.getClassName(),
      config: layer.getConfig() as Record<string, unknown>,
      paramCount: layer.countParams(),
      inputNames: [index === 0 ? 'values_0' : model.layers[index - 1].name],
      inputs: [values[index]],
      params: layer.weights.map((w) => ({ name: weightShortName(w.originalName), ...capture(w.read()) })),
      output,
      reference: null,
      maxAbsDiff: null,
    });
    values.push(output);
    current.dispose();
    current = out;
  });
  current.dispose();
  return { raw: x0, values, steps, maxAbsDiff: 0 };
}

/** The float32 bit patterns of values, as plain numbers (for JSON hand-over to python). */
export function bitsOf(values: Float32Array): number[] {
  return Array.from(new Uint32Array(Float32Array.from(values).buffer));
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'layer-lens-export-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a python3 program (given as text) in `dir`, with args; returns stdout. Throws with stderr. */
export function runPython(dir: string, program: string, args: string[] = []): string {
  const file = join(dir, `prog_${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, program);
  return execFileSync('python3', [file, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function writeFile(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/**
 * Renames the trace's layers (tfjs itself only accepts tame names, but names from other model
 * formats can hold anything), keeping inputNames consistent.
 */
export function renameLayers(trace: Trace, names: string[]): Trace {
  const map = new Map(trace.steps.map((s, i) => [s.name, names[i]]));
  return {
    ...trace,
    steps: trace.steps.map((s, i) => ({ ...s, name: names[i], inputNames: s.inputNames.map((n) => map.get(n) ?? n) })),
  };
}

/** Loads exported TensorFlow.js files back with tf.io.fromMemory, as a user's tfjs code would. */
export async function loadExportedTfjs(files: { modelJson: { data: string | Uint8Array }; weights: { data: string | Uint8Array } }): Promise<LayersModel> {
  const json = JSON.parse(files.modelJson.data as string);
  const bytes = files.weights.data as Uint8Array;
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    }),
  );
}
