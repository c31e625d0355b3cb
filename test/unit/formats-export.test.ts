/** Exported .keras and tfjs files re-open with bit-identical weights; the .keras has the fixture's structure. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { LayersModel } from '../../src/models/tf';
import { openModelFiles, type FileLike } from '../../src/models/formats';
import { exportKerasFile } from '../../src/models/formats/keras-export';
import { tfjsModelFiles } from '../../src/inspector/export/tfjsModel';
import { H5Reader } from '../../src/models/formats/hdf5-read';
import { fixtures, pythonWith } from '../fixtures';

const FIX = fixtures('models');
const DIR = FIX.dir;
const HAVE = FIX.present;
const KERAS = 'keras3-iris-dropout/iris_model.keras';

function file(rel: string): FileLike {
  return { name: rel.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(DIR, rel))) };
}

function weightsOf(model: LayersModel): { name: string; shape: number[]; bits: number[] }[] {
  return model.layers.flatMap((l) =>
    l.getWeights().map((w, i) => ({ name: `${l.name}/${i}`, shape: w.shape, bits: Array.from(new Uint32Array(Float32Array.from(w.dataSync()).buffer)) })),
  );
}

/** Every dataset path in an HDF5 file below `root`, and the `name` attribute of each group. */
function h5Tree(r: H5Reader, root: string): string[] {
  const out: string[] = [];
  const walk = (p: string, depth: number) => {
    if (depth > 8) return;
    for (const k of r.keys(p)) {
      const child = p ? `${p}/${k}` : k;
      if (r.isGroup(child)) {
        const name = r.attr(child, 'name');
        out.push(`${child}/${name === undefined ? '' : `@name`}`);
        walk(child, depth + 1);
      } else out.push(child);
    }
  };
  walk(root, 0);
  return out.sort();
}

const H5PY = pythonWith('h5py');
const python = H5PY.python;

describe.skipIf(!HAVE)(`export${FIX.skipNote}`, () => {
  it('an exported .keras re-opens with bit-identical weights and the same predictions', async () => {
    const original = await openModelFiles([file(KERAS)]);
    const bytes = exportKerasFile(original);
    const again = await openModelFiles([{ name: 'export.keras', bytes }]);
    expect(weightsOf(again.model)).toEqual(weightsOf(original.model));
    expect(again.model.layers.map((l) => l.name)).toEqual(original.model.layers.map((l) => l.name));
    expect(again.info.featureNames).toEqual(original.info.featureNames);
  });

  it('carries the app\'s knowledge (feature names, classes, scaler) in metadata.json', async () => {
    const original = await openModelFiles([file(KERAS)]);
    original.info = { ...original.info, featureNames: ['sl', 'sw', 'pl', 'pw'], classNames: ['setosa', 'versicolor', 'virginica'], scaler: { mean: [1, 2, 3, 4], scale: [1, 1, 2, 2] } };
    const again = await openModelFiles([{ name: 'x.keras', bytes: exportKerasFile(original) }]);
    expect(again.info.featureNames).toEqual(['sl', 'sw', 'pl', 'pw']);
    expect(again.info.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(again.info.scaler).toEqual({ mean: [1, 2, 3, 4], scale: [1, 1, 2, 2] });
  });

  it('has the fixture\'s structure: files in the zip, config keys, weight paths', async () => {
    const fixture = unzipSync(file(KERAS).bytes);
    const original = await openModelFiles([file(KERAS)]);
    const ours = unzipSync(exportKerasFile(original));
    expect(Object.keys(ours)).toEqual(Object.keys(fixture));

    const fc = JSON.parse(new TextDecoder().decode(fixture['config.json']));
    const oc = JSON.parse(new TextDecoder().decode(ours['config.json']));
    // compile_config belongs to a compiled model; an export here is uncompiled (no optimizer state).
    expect(Object.keys(oc).sort()).toEqual(Object.keys(fc).filter((k) => k !== 'compile_config').sort());
    expect(Object.keys(oc.config).sort()).toEqual(Object.keys(fc.config).sort());
    expect(oc.config.layers.length).toBe(fc.config.layers.length);
    fc.config.layers.forEach((fl: any, i: number) => {
      const ol = oc.config.layers[i];
      expect(ol.class_name).toBe(fl.class_name);
      expect(Object.keys(ol).sort()).toEqual(Object.keys(fl).sort());
      expect(Object.keys(ol.config).sort()).toEqual(Object.keys(fl.config).sort());
      // the input's own name is not kept by tfjs' Sequential; every other layer keeps its name
      if (fl.class_name !== 'InputLayer') expect(ol.config.name).toBe(fl.config.name);
      expect(ol.config.dtype).toEqual(typeof fl.config.dtype === 'string' ? fl.config.dtype : { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null });
      if (fl.build_config) expect(ol.build_config).toEqual(fl.build_config);
      if (fl.config.kernel_initializer) expect(ol.config.kernel_initializer).toEqual(fl.config.kernel_initializer);
    });
    const fm = JSON.parse(new TextDecoder().decode(fixture['metadata.json']));
    const om = JSON.parse(new TextDecoder().decode(ours['metadata.json']));
    expect(Object.keys(om)).toEqual(expect.arrayContaining(Object.keys(fm)));
    expect(om.date_saved).toMatch(/^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$/);

    const fw = new H5Reader(fixture['model.weights.h5'], 'fixture');
    const ow = new H5Reader(ours['model.weights.h5'], 'ours');
    expect(h5Tree(ow, 'layers')).toEqual(h5Tree(fw, 'layers'));
    expect(h5Tree(ow, 'layers')).toContain('layers/dense_2/vars/1');
    expect(ow.attr('layers/dense_1/vars', 'name')).toBe(fw.attr('layers/dense_1/vars', 'name'));
    expect(ow.attr('vars', 'name')).toBe('sequential_3');
  });

  it.skipIf(!python)(`libhdf5 (h5py) reads the exported weights like the fixture's${H5PY.skipNote}`, async () => {
    const original = await openModelFiles([file(KERAS)]);
    const ours = unzipSync(exportKerasFile(original));
    const fixture = unzipSync(file(KERAS).bytes);
    const dir = mkdtempSync(join(tmpdir(), 'kexp-'));
    writeFileSync(join(dir, 'ours.h5'), ours['model.weights.h5']);
    writeFileSync(join(dir, 'fixture.h5'), fixture['model.weights.h5']);
    const script = `
import h5py, json, sys
def tree(p):
    out = {}
    with h5py.File(p, 'r') as f:
        def v(name, obj):
            if not name.startswith('layers') and name != 'vars': return
            out[name] = {'attrs': {k: str(x) for k, x in obj.attrs.items()}, 'shape': list(obj.shape) if isinstance(obj, h5py.Dataset) else None,
                         'dtype': str(obj.dtype) if isinstance(obj, h5py.Dataset) else None, 'sum': float(obj[()].sum()) if isinstance(obj, h5py.Dataset) else None}
        f.visititems(v)
    return out
print(json.dumps([tree(sys.argv[1]), tree(sys.argv[2])]))
`;
    const r = spawnSync(python!, ['-c', script, join(dir, 'ours.h5'), join(dir, 'fixture.h5')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [o, f] = JSON.parse(r.stdout);
    expect(o).toEqual(f);
  });

  it('exports Keras 2 and tfjs fixtures as .keras too, re-opening bit-identically', async () => {
    for (const files of [[file('keras2-iris-sigmoid16/iris_model.h5')], [file('tfjs-iris-dense100/model.json'), file('tfjs-iris-dense100/group1-shard1of1.bin')]]) {
      const original = await openModelFiles(files);
      const again = await openModelFiles([{ name: 'x.keras', bytes: exportKerasFile(original) }]);
      expect(weightsOf(again.model)).toEqual(weightsOf(original.model));
      expect(again.model.layers.map((l) => l.getClassName())).toEqual(original.model.layers.map((l) => l.getClassName()));
    }
  });

  it('exported TensorFlow.js files re-open bit-identically', async () => {
    const original = await openModelFiles([file(KERAS)]);
    original.info = { ...original.info, featureNames: ['a', 'b', 'c', 'd'] };
    // The app's one TensorFlow.js exporter (the Export menu's): <name>.json + <name>.weights.bin.
    const { modelJson, weights } = await tfjsModelFiles(original.model, 'iris model', original.info);
    const files: FileLike[] = [
      { name: modelJson.filename, bytes: new TextEncoder().encode(modelJson.data as string) },
      { name: weights.filename, bytes: weights.data as Uint8Array },
    ];
    expect(files.map((f) => f.name)).toEqual(['iris model.json', 'iris model.weights.bin']);
    const again = await openModelFiles(files);
    expect(weightsOf(again.model)).toEqual(weightsOf(original.model));
    expect(again.info.featureNames).toEqual(['a', 'b', 'c', 'd']);
  });
});
