/** Model and trace JSON round-trip float32-exactly; the trace CSV parses in both styles; tfjs files load back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { layersFromTrace } from '../../src/inspector/export/layers';
import { modelJsonFile, modelJsonText } from '../../src/inspector/export/model';
import { traceCsvFile, traceJsonFile, traceJsonText } from '../../src/inspector/export/trace';
import { tfjsModelFiles } from '../../src/inspector/export/tfjsModel';
import { awkwardFloats, bitsOf, buildModel, loadExportedTfjs, renameLayers, runPython, tempDir, traceSequential, writeFile } from './export-fixtures';

function flat(v: unknown): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [typeof v === 'string' ? Number(v) : (v as number)];
}

describe('model JSON', () => {
  it('lists layers with classes, configs, shapes and float32-exact values', () => {
    const model = buildModel();
    const trace = traceSequential(model, [5.1, 3.5, 1.4, 0.2]);
    const file = modelJsonFile(layersFromTrace(trace), 'Iris (course)', ['setosa', 'versicolor', 'virginica'], [4]);
    expect(file.filename).toBe('Iris (course)-model.json');
    const doc = JSON.parse(file.data as string);
    expect(doc.format).toBe('layer-lens-model');
    expect(doc.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(doc.inputShape).toEqual([4]);
    expect(doc.layers.map((l: { name: string }) => l.name)).toEqual(['dense', 'activation', 'dense_1', 'activation_1']);
    expect(doc.layers.map((l: { className: string }) => l.className)).toEqual(['Dense', 'Activation', 'Dense', 'Activation']);
    expect(doc.layers[0].config.units).toBe(8);
    expect(doc.layers[1].config.activation).toBe('relu');
    expect(doc.layers[1].weights).toEqual([]);
    const kernel = doc.layers[2].weights[0];
    expect(kernel.name).toBe('kernel');
    expect(kernel.shape).toEqual([8, 3]);
    expect(kernel.values).toHaveLength(8);
    expect(kernel.values[0]).toHaveLength(3);
    for (const [i, step] of trace.steps.entries()) {
      step.params.forEach((p, j) => {
        const parsed = Float32Array.from(flat(doc.layers[i].weights[j].values));
        expect(bitsOf(parsed)).toEqual(bitsOf(p.values));
      });
    }
    model.dispose();
  });

  it('keeps -0, subnormals and extremes exact and writes NaN/Infinity as strings numpy accepts', () => {
    const values = Float32Array.of(-0, 1e-45, 3.4028234663852886e38, NaN, -Infinity, Math.fround(0.1));
    const text = modelJsonText([{ name: 'x', className: 'Dense', config: {}, params: [{ name: 'kernel', shape: [2, 3], values }] }], 't');
    const doc = JSON.parse(text);
    expect(doc.layers[0].weights[0].values).toEqual([[-0, 1e-45, 3.4028235e38], ['NaN', '-Infinity', 0.1]]);
    expect(Object.is(doc.layers[0].weights[0].values[0][0], -0)).toBe(true);
    const parsed = Float32Array.from(flat(doc.layers[0].weights[0].values));
    expect(bitsOf(parsed)).toEqual(bitsOf(values));
    const tmp = tempDir();
    try {
      const path = writeFile(tmp.dir, 'm.json', text);
      const out = runPython(
        tmp.dir,
        'import json, sys\nimport numpy as np\nd = json.load(open(sys.argv[1]))\nw = d["layers"][0]["weights"][0]\na = np.array(w["values"], dtype=np.float32)\nprint(json.dumps(a.view(np.uint32).reshape(-1).tolist()))',
        [path],
      );
      expect(JSON.parse(out)).toEqual(bitsOf(values));
    } finally {
      tmp.cleanup();
    }
  });

  it('escapes hostile names as JSON strings', () => {
    const text = modelJsonText(
      [{ name: '"}], "evil": 1, "x": [{"', className: '</script><img src=x onerror=alert(1)>', config: {}, params: [] }],
      '../evil\u0000',
    );
    const doc = JSON.parse(text);
    expect(doc.layers[0].name).toBe('"}], "evil": 1, "x": [{"');
    expect(doc.evil).toBeUndefined();
    expect(doc.title).toBe('../evil\u0000');
  });
});

describe('trace JSON and CSV', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('JSON: values_0 .. values_n with names, layers, shapes and exact values, and the prediction', () => {
    const model = buildModel();
    const trace = traceSequential(model, [6.7, 3.0, 5.2, 2.3]);
    const file = traceJsonFile(trace, 'Iris (course)', ['setosa', 'versicolor', 'virginica']);
    expect(file.filename).toBe('Iris (course)-trace.json');
    const doc = JSON.parse(file.data as string);
    expect(doc.format).toBe('layer-lens-trace');
    expect(doc.layers).toEqual(['dense', 'activation', 'dense_1', 'activation_1']);
    expect(doc.values.map((v: { name: string }) => v.name)).toEqual(['values_0', 'values_1', 'values_2', 'values_3', 'values_4']);
    expect(doc.values.map((v: { layer: string }) => v.layer)).toEqual(['input', 'dense', 'activation', 'dense_1', 'activation_1']);
    expect(doc.values[1].shape).toEqual([1, 8]);
    trace.values.forEach((t, i) => expect(bitsOf(Float32Array.from(flat(doc.values[i].values)))).toEqual(bitsOf(t.values)));
    const probs = trace.values[4].values;
    const best = probs.indexOf(Math.max(...probs));
    expect(doc.prediction).toEqual({ index: best, name: ['setosa', 'versicolor', 'virginica'][best] });
    model.dispose();
  });

  const READ = `
import csv, json, sys
import numpy as np
delimiter, decimal, path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=delimiter))
values = [float(r[4].replace(decimal, ".")) for r in rows[1:]]
print(json.dumps({"header": rows[0], "keys": [r[:4] for r in rows[1:]],
                  "bits": np.array(values).astype(np.float32).view(np.uint32).tolist()}))
`;

  for (const style of ['comma', 'semicolon'] as const) {
    it(`CSV (${style}): long format step, values, layer, index, value, exact, hostile names escaped`, () => {
      const model = buildModel();
      const trace = renameLayers(traceSequential(model, [6.7, 3.0, 5.2, 2.3]), ['=cmd', 'a"b;c,d', '<img src=x onerror=alert(1)>', '../evil']);
      const file = traceCsvFile(trace, style, 'Iris');
      expect(file.filename).toBe(`Iris-trace-${style === 'comma' ? 'en' : 'de'}.csv`);
      const path = writeFile(tmp.dir, file.filename, file.data);
      const out = JSON.parse(runPython(tmp.dir, READ, style === 'comma' ? [',', '.', path] : [';', ',', path]));
      expect(out.header).toEqual(['step', 'values', 'layer', 'index', 'value']);
      const expectedKeys: string[][] = [];
      const expectedValues: number[] = [];
      const layers = ['input', "'=cmd", 'a"b;c,d', '<img src=x onerror=alert(1)>', '../evil'];
      trace.values.forEach((t, step) =>
        t.values.forEach((v, i) => {
          expectedKeys.push([String(step), `values_${step}`, layers[step], String(i)]);
          expectedValues.push(v);
        }),
      );
      expect(out.keys).toEqual(expectedKeys);
      expect(out.bits).toEqual(bitsOf(Float32Array.from(expectedValues)));
      model.dispose();
    });
  }

  it('a trace JSON of a model with NaN output stays valid JSON', () => {
    const model = buildModel();
    const trace = traceSequential(model, [1, 2, 3, 4]);
    trace.values[4] = { shape: [1, 3], values: Float32Array.of(NaN, 0.5, 0.5) };
    const doc = JSON.parse(traceJsonText(trace, 't', null));
    expect(doc.values[4].values).toEqual([['NaN', 0.5, 0.5]]);
    model.dispose();
  });
});

describe('TensorFlow.js files', () => {
  it('model.json + weights .bin load back with tf.loadLayersModel and predict the same', async () => {
    const model = buildModel();
    const { modelJson, weights } = await tfjsModelFiles(model, 'Iris (course)');
    expect(modelJson.filename).toBe('Iris (course).json');
    expect(weights.filename).toBe('Iris (course).weights.bin');
    const json = JSON.parse(modelJson.data as string);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['./Iris (course).weights.bin']);
    const bin = weights.data as Uint8Array;
    expect(bin.byteLength).toBe((4 * 8 + 8 + 8 * 3 + 3) * 4);

    // A custom IOHandler that serves the two files the way a browser fetch would.
    const files = new Map<string, Uint8Array>([[json.weightsManifest[0].paths[0], bin]]);
    const handler: tf.io.IOHandler = {
      load: async () => {
        const specs = json.weightsManifest.flatMap((g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights);
        const data = json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths.map((p) => files.get(p)!));
        const joined = new Uint8Array(data.reduce((n: number, d: Uint8Array) => n + d.byteLength, 0));
        let off = 0;
        for (const d of data) {
          joined.set(d, off);
          off += d.byteLength;
        }
        return { modelTopology: json.modelTopology, format: json.format, weightSpecs: specs, weightData: joined.buffer };
      },
    };
    const loaded = await tfl.loadLayersModel(handler);
    expect(loaded.layers.map((l) => l.name)).toEqual(['dense', 'activation', 'dense_1', 'activation_1']);
    const x = tf.tensor2d([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3], ...[0, 1, 2].map((s) => Array.from(awkwardFloats(4, 40 + s)))]);
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    const wa = model.getWeights().map((w) => bitsOf(w.dataSync() as Float32Array));
    const wb = loaded.getWeights().map((w) => bitsOf(w.dataSync() as Float32Array));
    expect(wb).toEqual(wa);
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });

  it('also loads through tf.io.fromMemory', async () => {
    const model = buildModel({ activations: ['tanh', 'sigmoid'] });
    const loaded = await loadExportedTfjs(await tfjsModelFiles(model, 'm'));
    const x = tf.tensor2d([[1, -2, 3, -4]]);
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    model.dispose();
    loaded.dispose();
  });
});
