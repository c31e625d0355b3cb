/** The "Reproduce in Python" script runs in python3 + numpy and prints the app's trace within 1e-6. */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { traceModel } from '../../src/inspector/trace';
import { pythonScript, pythonString, pythonFile } from '../../src/inspector/export/python';
import type { Trace } from '../../src/inspector/types';
import { awkwardFloats, buildModel, renameLayers, runPython, tempDir, traceSequential, writeFile } from './export-fixtures';

/** Parses "values_i: [[...]]" blocks (numpy may wrap them over lines) and the last lines. */
function parseOutput(stdout: string): { values: number[][]; rest: string[] } {
  const values: number[][] = [];
  const rest: string[] = [];
  let current: string | null = null;
  const flush = () => {
    if (current === null) return;
    const nums = current.replace(/[[\]]/g, ' ').trim().split(/\s+/).filter(Boolean).map(Number);
    values.push(nums);
    current = null;
  };
  for (const line of stdout.split('\n')) {
    const m = /^values_(\d+): (.*)$/.exec(line);
    if (m) {
      flush();
      expect(Number(m[1])).toBe(values.length);
      current = m[2];
    } else if (current !== null && line.trim() === '') {
      // numpy separates the blocks of a rank-3+ array with blank lines
    } else if (current !== null && /^\s*[-\d.[\] e+naif]+$/i.test(line)) {
      current += ' ' + line;
    } else {
      flush();
      if (line.trim()) rest.push(line);
    }
  }
  flush();
  return { values, rest };
}

function expectTraceMatches(trace: Trace, printed: number[][]): void {
  expect(printed).toHaveLength(trace.values.length);
  trace.values.forEach((t, i) => {
    expect(printed[i]).toHaveLength(t.values.length);
    // Within 1e-6, relative above 1 (a float32 has about 7 significant digits).
    t.values.forEach((v, k) => expect(Math.abs(printed[i][k] - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v))));
  });
}

describe('Reproduce in Python', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('prints values_0 .. values_4 equal to the trace and the predicted class name', () => {
    const model = buildModel();
    const trace = traceSequential(model, [5.9, 3.0, 5.1, 1.8]);
    const file = pythonFile(trace, 'Iris (course)', ['setosa', 'versicolor', 'virginica']);
    expect(file.filename).toBe('Iris (course)-reproduce.py');
    const script = file.data as string;
    expect(script).toMatch(/^[\x20-\x7e\n]*$/); // ASCII only
    expect(script).toContain('dtype=np.float32');
    const out = execFileSync('python3', [writeFile(tmp.dir, file.filename, script)], { encoding: 'utf8' });
    const { values, rest } = parseOutput(out);
    expectTraceMatches(trace, values);
    const last = trace.values[4].values;
    const best = last.indexOf(Math.max(...last));
    expect(rest).toEqual([`predicted class: ${best} ${['setosa', 'versicolor', 'virginica'][best]}`]);
    model.dispose();
  });

  it('holds the weights as exact float32 literals', () => {
    const model = buildModel();
    const trace = traceSequential(model, [1, 2, 3, 4]);
    const script = pythonScript(trace, 'm', null);
    const check = `
import json, runpy, sys
import numpy as np
ns = runpy.run_path(sys.argv[1], run_name="not_main")
out = {layer["name"]: {k: v.view(np.uint32).reshape(-1).tolist() for k, v in layer["weights"].items()} for layer in ns["LAYERS"]}
out["values_0"] = {"x": ns["values_0"].view(np.uint32).reshape(-1).tolist()}
print(json.dumps(out))
`;
    const got = JSON.parse(runPython(tmp.dir, check, [writeFile(tmp.dir, 'weights.py', script)]));
    const bits = (a: Float32Array) => Array.from(new Uint32Array(Float32Array.from(a).buffer));
    for (const step of trace.steps) {
      for (const p of step.params) expect(got[step.name][p.name]).toEqual(bits(p.values));
    }
    expect(got.values_0.x).toEqual(bits(trace.values[0].values));
    model.dispose();
  });

  it.each(['relu6', 'elu', 'selu', 'softplus', 'softsign', 'swish', 'mish'])('reproduces the activation %s', (act) => {
    const model = buildModel({ activations: [act, 'softmax'] });
    const trace = traceSequential(model, [5.9, -3.0, 5.1, 1.8]);
    const { values } = parseOutput(runPython(tmp.dir, pythonScript(trace, act, null)));
    expectTraceMatches(trace, values);
    model.dispose();
  });

  it('reproduces sigmoid, tanh, linear, Dropout and Flatten; prints the class index without names', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [2, 3], name: 'flatten' }),
        tfl.layers.dense({ units: 5, activation: 'tanh', name: 'dense' }),
        tfl.layers.dropout({ rate: 0.5, name: 'dropout' }),
        tfl.layers.dense({ units: 4, activation: 'sigmoid', name: 'dense_1' }),
        tfl.layers.dense({ units: 3, name: 'dense_2' }),
        tfl.layers.activation({ activation: 'linear', name: 'activation' }),
      ],
    });
    const trace = traceSequential(model, [0.5, -1.25, 2, 0.1, 0.7, -0.3], [2, 3]);
    expect(trace.values[0].shape).toEqual([1, 2, 3]);
    const out = runPython(tmp.dir, pythonScript(trace, 'mixed', null));
    const { values, rest } = parseOutput(out);
    expectTraceMatches(trace, values);
    expect(rest[0]).toMatch(/^predicted class: [0-2]$/);
    model.dispose();
  });

  it('reproduces a functional model with Rescaling, BatchNormalization, Add and Concatenate (traced by the app)', () => {
    const input = tfl.input({ shape: [4], name: 'features' });
    const scaled = tfl.layers.rescaling({ scale: 0.5, offset: -1, name: 'rescaling' }).apply(input) as tfl.SymbolicTensor;
    const a = tfl.layers.dense({ units: 6, activation: 'relu', name: 'dense' }).apply(scaled) as tfl.SymbolicTensor;
    const bnLayer = tfl.layers.batchNormalization({ name: 'batch_normalization' });
    const bn = bnLayer.apply(a) as tfl.SymbolicTensor;
    const b = tfl.layers.dense({ units: 6, activation: 'tanh', name: 'dense_1' }).apply(scaled) as tfl.SymbolicTensor;
    const sum = tfl.layers.add({ name: 'add' }).apply([bn, b]) as tfl.SymbolicTensor;
    const joined = tfl.layers.concatenate({ name: 'concatenate' }).apply([sum, scaled]) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 3, activation: 'softmax', name: 'dense_2' }).apply(joined) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out });
    bnLayer.setWeights([
      tf.tensor1d(awkwardFloats(6, 50)),
      tf.tensor1d(awkwardFloats(6, 51)),
      tf.tensor1d(awkwardFloats(6, 52)),
      tf.tensor1d(awkwardFloats(6, 53).map((v) => Math.abs(v) + 0.1)),
    ]);
    const trace = traceModel(model, [5.1, 3.5, 1.4, 0.2]);
    expect(trace.steps.map((s) => s.className)).toEqual(
      expect.arrayContaining(['Rescaling', 'BatchNormalization', 'Add', 'Concatenate']),
    );
    const { values, rest } = parseOutput(runPython(tmp.dir, pythonScript(trace, 'dag', ['a', 'b', 'c'])));
    expectTraceMatches(trace, values);
    expect(rest[0]).toMatch(/^predicted class: [0-2] [abc]$/);
    model.dispose();
  });

  it('reproduces a small CNN: Rescaling, Conv2D same stride 2, BatchNormalization, ReLU, pooling, separable and depthwise convs, padding, Conv1D, Reshape (traced by the app)', () => {
    const input = tfl.input({ shape: [9, 8, 2], name: 'image' });
    let x = tfl.layers.rescaling({ scale: 1 / 255, name: 'rescaling' }).apply(input) as tfl.SymbolicTensor;
    x = tfl.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', name: 'conv2d' }).apply(x) as tfl.SymbolicTensor;
    const bn = tfl.layers.batchNormalization({ name: 'batch_normalization' });
    x = bn.apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU({ name: 're_lu' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.zeroPadding2d({ padding: [[1, 0], [0, 2]], name: 'zero_padding2d' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.upSampling2d({ size: [2, 1], name: 'up_sampling2d' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.cropping2D({ cropping: [[2, 1], [1, 0]], name: 'cropping2d' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.separableConv2d({ filters: 4, kernelSize: 2, depthMultiplier: 2, padding: 'same', activation: 'relu', name: 'separable_conv2d' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same', name: 'max_pooling2d' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.depthwiseConv2d({ kernelSize: 2, padding: 'same', name: 'depthwise_conv2d' }).apply(x) as tfl.SymbolicTensor;
    const pooled = tfl.layers.averagePooling2d({ poolSize: 2, padding: 'same', name: 'average_pooling2d' }).apply(x) as tfl.SymbolicTensor;
    const seq = tfl.layers.reshape({ targetShape: [-1, 4], name: 'reshape' }).apply(pooled) as tfl.SymbolicTensor;
    const c1 = tfl.layers.conv1d({ filters: 3, kernelSize: 2, padding: 'same', activation: 'tanh', name: 'conv1d' }).apply(seq) as tfl.SymbolicTensor;
    const g1 = tfl.layers.globalMaxPooling1d({ name: 'global_max_pooling1d' }).apply(c1) as tfl.SymbolicTensor;
    const g2 = tfl.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as tfl.SymbolicTensor;
    const joined = tfl.layers.concatenate({ name: 'concatenate' }).apply([g1, g2]) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 2, activation: 'softmax', name: 'dense' }).apply(joined) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out });
    const variance = model.weights.map((w) => w.name.includes('moving_variance'));
    expect(variance.filter(Boolean)).toHaveLength(1);
    model.setWeights(model.getWeights().map((w, i) => tf.tensor(awkwardFloats(w.size, 60 + i).map((v) => (variance[i] ? Math.abs(v) + 0.1 : v)), w.shape)));
    const pixels = Array.from(awkwardFloats(9 * 8 * 2, 99), (v) => Math.round(Math.abs(v) * 68));
    const trace = traceModel(model, pixels);
    expect(trace.steps.filter((s) => !(s.reference !== null && (s.maxAbsDiff ?? 1) < 1e-5)).map((s) => `${s.name} ${s.maxAbsDiff} ${s.failure ?? ''}`)).toEqual([]);
    const script = pythonScript(trace, 'cnn', ['cat', 'dog']);
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
    const { values, rest } = parseOutput(runPython(tmp.dir, script));
    expectTraceMatches(trace, values);
    expect(rest[0]).toMatch(/^predicted class: [01] (cat|dog)$/);
    model.dispose();
  });

  it('names cannot inject code: hostile layer, class and title names are plain strings', () => {
    const evil = '"); import os; print("PWNED"); ("';
    const model = buildModel();
    const trace = renameLayers(traceSequential(model, [5.1, 3.5, 1.4, 0.2]), ['../evil', '<img src=x onerror=alert(1)>', 'a"b\\\n', '=cmd']);
    const classNames = [evil, "x'''\"\"\"\nprint('PWNED')", '\u001b[31mred 🌸'];
    const script = pythonScript(trace, `${evil}\n# title`, classNames);
    expect(pythonString('a"b\\\n\u00e4🌸')).toBe('"a\\"b\\\\\\n\\xe4\\U0001f338"');
    const out = runPython(tmp.dir, script);
    expect(out).not.toContain('PWNED\n');
    expect(out).not.toContain('\u001b');
    const { values, rest } = parseOutput(out);
    expectTraceMatches(trace, values);
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^predicted class: [0-2] /);
    const names = JSON.parse(
      runPython(tmp.dir, 'import json, runpy, sys\nns = runpy.run_path(sys.argv[1], run_name="x")\nprint(json.dumps([ns["TITLE"], ns["CLASS_NAMES"], [l["name"] for l in ns["LAYERS"]]]))', [
        writeFile(tmp.dir, 'evil.py', script),
      ]),
    );
    expect(names).toEqual([`${evil}\n# title`, classNames, ['../evil', '<img src=x onerror=alert(1)>', 'a"b\\\n', '=cmd']]);
    model.dispose();
  });

  it('wires layers by value index, so a layer named "values_0" cannot confuse it', () => {
    const model = buildModel();
    const trace = renameLayers(traceModel(model, [5.1, 3.5, 1.4, 0.2]), ['values_0', 'values_1', 'values_0', 'x']);
    expect(trace.steps[1].inputValues).toEqual([1]);
    const { values } = parseOutput(runPython(tmp.dir, pythonScript(trace, 'm', null)));
    expectTraceMatches(trace, values);
    model.dispose();
  });

  it('a layer kind it cannot reproduce raises NotImplementedError naming the layer', () => {
    const model = buildModel();
    const trace = traceSequential(model, [5.1, 3.5, 1.4, 0.2]);
    trace.steps[2] = { ...trace.steps[2], className: 'LSTM', name: 'conv "x"' };
    let stderr = '';
    try {
      runPython(tmp.dir, pythonScript(trace, 'm', null));
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('NotImplementedError');
    expect(stderr).toContain(`layer 'conv "x"' of class 'LSTM' is not reproduced by this script`);
    model.dispose();
  });

  it('an activation it cannot reproduce raises NotImplementedError naming it', () => {
    const model = buildModel({ activations: ['hardSigmoid', 'softmax'] });
    const trace = traceSequential(model, [5.1, 3.5, 1.4, 0.2]);
    let stderr = '';
    try {
      runPython(tmp.dir, pythonScript(trace, 'm', null));
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain(`NotImplementedError: activation 'hardSigmoid' of layer 'activation' is not reproduced`);
    model.dispose();
  });

  it('keeps the raw input beside values_0 when a scaler changed it', () => {
    const model = buildModel();
    const trace = traceSequential(model, [0.1, -0.2, 0.3, 1.5]);
    trace.raw = { shape: [1, 4], values: Float32Array.of(5.1, 3.5, 1.4, 0.2) };
    const script = pythonScript(trace, 'm', null);
    expect(script).toContain('raw_input = np.array([[5.1, 3.5, 1.4, 0.2]], dtype=np.float32)');
    expect(script).toContain('values_0 = np.array([[0.1, -0.2, 0.3, 1.5]], dtype=np.float32)');
    model.dispose();
  });
});
