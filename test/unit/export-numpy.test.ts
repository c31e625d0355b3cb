/** .npy and .npz files load in real numpy (python3) with bit-identical float32 arrays. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { npyBytes } from '../../src/inspector/export/npy';
import { npzBytes, npzKeys, modelNpzFile } from '../../src/inspector/export/model';
import { layersFromTrace, layersFromWeights } from '../../src/inspector/export/layers';
import { paramNpyFile } from '../../src/inspector/export/layerFiles';
import { awkwardFloats, bitsOf, buildModel, runPython, tempDir, traceSequential, writeFile } from './export-fixtures';

/** Loads each named .npy with np.load and checks dtype, shape and bits against the JSON spec. */
const CHECK_NPY = `
import json, sys
import numpy as np
spec = json.load(open(sys.argv[1]))
out = []
for item in spec:
    a = np.load(item["file"], allow_pickle=False)
    out.append({
        "dtype": a.dtype.str,
        "shape": list(a.shape),
        "c_order": bool(a.flags.c_contiguous),
        "bits_equal": bool(np.array_equal(a.view(np.uint32).reshape(-1), np.array(item["bits"], dtype=np.uint32))),
    })
print(json.dumps(out))
`;

const CHECK_NPZ = `
import json, sys
import numpy as np
spec = json.load(open(sys.argv[1]))
z = np.load(sys.argv[2], allow_pickle=False)
out = {"keys": sorted(z.files), "arrays": {}}
for key, item in spec.items():
    a = z[key]
    out["arrays"][key] = {
        "dtype": a.dtype.str,
        "shape": list(a.shape),
        "bits_equal": bool(np.array_equal(a.view(np.uint32).reshape(-1), np.array(item["bits"], dtype=np.uint32))),
    }
print(json.dumps(out))
`;

describe('NumPy exports', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('writes a format 1.0 header, 64-byte aligned, little-endian float32 in C order', () => {
    const bytes = npyBytes([2, 3], Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect(Array.from(bytes.slice(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8] | (bytes[9] << 8);
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.slice(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    const data = new DataView(bytes.buffer, 10 + headerLength);
    expect(data.getFloat32(4 * 4, true)).toBe(5);
    expect(bytes.length).toBe(10 + headerLength + 24);
  });

  it('rejects a shape that does not match the number of values', () => {
    expect(() => npyBytes([2, 2], new Float32Array(3))).toThrow(/needs 4 values but there are 3/);
  });

  it('np.load reads every shape back bit for bit (awkward, special and subnormal values)', () => {
    const special = new Float32Array(12);
    special.set([0, -0, 1e-45, -3.4028234663852886e38, Infinity, -Infinity, NaN, 0.1, 1 / 3, 16777217, 1e-7, 123456.789]);
    // A NaN with a payload: its bits must survive too.
    new Uint32Array(special.buffer)[11] = 0x7fc12345;
    const cases: { shape: number[]; values: Float32Array }[] = [
      { shape: [4, 8], values: awkwardFloats(32, 3) },
      { shape: [8], values: awkwardFloats(8, 4) },
      { shape: [], values: Float32Array.of(2.5) },
      { shape: [3, 4], values: special },
      { shape: [2, 3, 2, 2], values: awkwardFloats(24, 5) },
      { shape: [0, 3], values: new Float32Array(0) },
    ];
    const spec = cases.map((c, i) => {
      const file = writeFile(tmp.dir, `case${i}.npy`, npyBytes(c.shape, c.values));
      return { file, bits: bitsOf(c.values) };
    });
    const result = JSON.parse(runPython(tmp.dir, CHECK_NPY, [writeFile(tmp.dir, 'spec.json', JSON.stringify(spec))]));
    expect(result).toEqual(
      cases.map((c) => ({ dtype: '<f4', shape: c.shape, c_order: true, bits_equal: true })),
    );
  });

  it('per-layer kernel and bias .npy files of a model load bit-identically', () => {
    const model = buildModel();
    const trace = traceSequential(model, [5.1, 3.5, 1.4, 0.2]);
    const layers = layersFromTrace(trace).filter((l) => l.params.length > 0);
    const spec = layers.flatMap((l) =>
      l.params.map((p) => {
        const file = paramNpyFile({ layer: l.name, param: p }, 'Iris (course)');
        expect(file.filename).toBe(`Iris (course)-${l.name}-${p.name}.npy`);
        return { file: writeFile(tmp.dir, file.filename, file.data), bits: bitsOf(p.values), shape: p.shape };
      }),
    );
    expect(spec.map((s) => s.shape)).toEqual([[4, 8], [8], [8, 3], [3]]);
    const result = JSON.parse(runPython(tmp.dir, CHECK_NPY, [writeFile(tmp.dir, 'spec2.json', JSON.stringify(spec))]));
    expect(result).toEqual(spec.map((s) => ({ dtype: '<f4', shape: s.shape, c_order: true, bits_equal: true })));
    model.dispose();
  });

  it('the .npz holds every weight under "layer/param" and np.load reads them bit for bit', () => {
    const model = buildModel();
    const trace = traceSequential(model, [6.3, 2.9, 5.6, 1.8]);
    const layers = layersFromTrace(trace);
    const file = modelNpzFile(layers, 'Iris (course)');
    expect(file.filename).toBe('Iris (course)-weights.npz');
    const path = writeFile(tmp.dir, file.filename, file.data);
    const spec: Record<string, { bits: number[] }> = {};
    for (const l of layers) for (const p of l.params) spec[`${l.name}/${p.name}`] = { bits: bitsOf(p.values) };
    const result = JSON.parse(runPython(tmp.dir, CHECK_NPZ, [writeFile(tmp.dir, 'npz.json', JSON.stringify(spec)), path]));
    expect(result.keys).toEqual(['dense/bias', 'dense/kernel', 'dense_1/bias', 'dense_1/kernel']);
    expect(result.arrays['dense/kernel']).toEqual({ dtype: '<f4', shape: [4, 8], bits_equal: true });
    expect(result.arrays['dense/bias']).toEqual({ dtype: '<f4', shape: [8], bits_equal: true });
    expect(result.arrays['dense_1/kernel']).toEqual({ dtype: '<f4', shape: [8, 3], bits_equal: true });
    expect(result.arrays['dense_1/bias']).toEqual({ dtype: '<f4', shape: [3], bits_equal: true });
    model.dispose();
  });

  it('hostile layer names cannot escape the archive and keys stay unique', () => {
    const w = (layer: string, name: string, v: number) => ({ layer, name, shape: [1], values: Float32Array.of(v) });
    const layers = layersFromWeights([
      w('../evil', 'kernel', 1),
      w('/abs', 'bias:0', 2),
      w('a\\b', 'kernel', 3),
      w('..', 'kernel', 4),
      w('dense', 'x/y/kernel:0', 5),
      w('dense', 'kernel', 6),
    ]);
    const keys = npzKeys(layers).flat();
    expect(keys).toEqual(['_evil/kernel', '_abs/bias', 'a_b/kernel', '_/kernel', 'dense/kernel', 'dense/kernel_2']);
    const names = Object.keys(unzipSync(npzBytes(layers)));
    for (const n of names) {
      expect(n.split('/').every((seg) => seg !== '..' && seg !== '.' && seg !== '')).toBe(true);
      expect(n).not.toMatch(/^[/\\]|\\/);
    }
    expect(names).toHaveLength(6);
  });

  it('gives the same bytes for the same weights (fixed zip timestamps)', () => {
    const layers = layersFromWeights([{ layer: 'dense', name: 'kernel', shape: [2], values: Float32Array.of(1, 2) }]);
    expect(Array.from(npzBytes(layers))).toEqual(Array.from(npzBytes(layers)));
  });
});
