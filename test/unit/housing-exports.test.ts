/**
 * The housing scaler goes with the exports: the model JSON and the trace JSON carry it, and the
 * Python script scales the raw district itself (checked in python3) and prints the same price.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { housingCourseData, housingRecipe } from '../../src/models/courses/housing';
import { parseHousing } from '../../src/models/data/housing';
import { buildModel, initialWeights } from '../../src/models/recipes';
import { traceModel } from '../../src/inspector/trace';
import { layersFromTrace } from '../../src/inspector/export/layers';
import { modelJsonText } from '../../src/inspector/export/model';
import { traceJsonText } from '../../src/inspector/export/trace';
import { pythonScript } from '../../src/inspector/export/python';
import { runPython, tempDir, writeFile } from './export-fixtures';
import { openModelFiles } from '../../src/models/formats';
import { exportKerasFile } from '../../src/models/formats/keras-export';
import { tfjsModelFiles } from '../../src/inspector/export/tfjsModel';
import type { ModelInfo } from '../../src/models/types';

const data = housingCourseData(parseHousing(readFileSync(join(__dirname, '../../static/data/cal_housing.bin'))));
const scaler = data.scaler!;
const recipe = housingRecipe();
const model = buildModel(recipe, initialWeights(recipe, 2));
/** A district with a negative longitude, typed by a learner. */
const district = [3.2, 25, 5.1, 1.05, 1500, 2.9, 34.05, -118.25];
const trace = traceModel(model, district, scaler);

/** numpy: the model JSON's scaler and weights on the raw district, no Layer Lens numbers used. */
const FROM_MODEL_JSON = `
import json, sys
import numpy as np
m = json.load(open(sys.argv[1]))
raw = np.array(json.loads(sys.argv[2]), dtype=np.float32)
s = m["scaler"]
x = ((raw.astype(np.float64) - np.array(s["mean"])) / np.array(s["scale"])).astype(np.float32)[None, :]
for l in m["layers"]:
    if l["className"] != "Dense":
        continue
    W = {w["name"]: np.array(w["values"], dtype=np.float32) for w in l["weights"]}
    x = x @ W["kernel"] + W["bias"]
    if l["config"].get("activation") == "relu":
        x = np.maximum(x, 0)
print(json.dumps(float(x[0, 0])))
`;

describe('the housing scaler in the exports', () => {
  it('trace: values_0 is (raw - mean) / scale, raw kept', () => {
    expect(Array.from(trace.raw.values)).toEqual(Array.from(Float32Array.from(district)));
    trace.values[0].values.forEach((v, i) => expect(v).toBeCloseTo((district[i] - scaler.mean[i]) / scaler.scale[i], 5));
  });

  it('model JSON and trace JSON carry the scaler (float64, sklearn order)', () => {
    const m = JSON.parse(modelJsonText(layersFromTrace(trace), 'housing', null, [8], scaler));
    expect(m.scaler).toEqual({ kind: 'StandardScaler', formula: 'values_0 = (raw - mean) / scale', mean: scaler.mean, scale: scaler.scale });
    const t = JSON.parse(traceJsonText(trace, 'housing', null, scaler));
    expect(t.scaler.mean).toEqual(scaler.mean);
    expect(JSON.parse(modelJsonText(layersFromTrace(trace), 'iris')).scaler).toBeUndefined();
  });

  it('numpy reproduces the prediction from the raw district with the model JSON alone', () => {
    const tmp = tempDir();
    try {
      const file = writeFile(tmp.dir, 'model.json', modelJsonText(layersFromTrace(trace), 'housing', null, [8], scaler));
      const out = JSON.parse(runPython(tmp.dir, FROM_MODEL_JSON, [file, JSON.stringify(district)]));
      const ours = trace.values[trace.values.length - 1].values[0];
      expect(Math.abs(out - ours)).toBeLessThan(1e-5);
    } finally {
      tmp.cleanup();
    }
  });

  it('the Python script scales the raw input itself, checks values_0 and prints the same output', () => {
    const script = pythonScript(trace, 'housing', null, scaler);
    expect(script).toContain('SCALER_MEAN = np.array([');
    expect(script).toContain('raw_input = np.array(');
    const tmp = tempDir();
    try {
      const out = runPython(tmp.dir, script);
      const last = /prediction: (\S+)/.exec(out);
      expect(last).not.toBeNull();
      expect(Number(last![1])).toBeCloseTo(trace.values[trace.values.length - 1].values[0], 5);
      // A wrong scaler in the script fails its own check.
      const broken = script.replace(/SCALER_MEAN = np\.array\(\[[^\]]*\]/, (m) => m.replace('[', '[1 + '));
      expect(() => runPython(tmp.dir, broken)).toThrow(/AssertionError/);
    } finally {
      tmp.cleanup();
    }
  });

  it('a saved .keras file and the TensorFlow.js files keep the scaler: reopened, the same price from the same raw district', async () => {
    const info: ModelInfo = { title: 'California housing (course model)', featureNames: data.raw!.featureNames, classNames: null, scaler, featureRanges: null };
    const ours = trace.values[trace.values.length - 1].values[0];
    const keras = await openModelFiles([{ name: 'housing.keras', bytes: exportKerasFile({ model, info }) }]);
    expect(keras.info.scaler).toEqual(scaler);
    const k = traceModel(keras.model, district, keras.info.scaler);
    expect(k.values[k.values.length - 1].values[0]).toBeCloseTo(ours, 6);
    const files = await tfjsModelFiles(model, 'housing', info);
    const enc = (d: string | Uint8Array) => (typeof d === 'string' ? new TextEncoder().encode(d) : d);
    const tfjs = await openModelFiles([
      { name: files.modelJson.filename, bytes: enc(files.modelJson.data) },
      { name: files.weights.filename, bytes: enc(files.weights.data) },
    ]);
    expect(tfjs.info.scaler).toEqual(scaler);
    keras.model.dispose();
    tfjs.model.dispose();
  });
});
