/** The HDF5 writer's output reads back with jsfive, and with h5py (real libhdf5) where installed. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hdf5 from 'jsfive';
import { dataset, group, writeHdf5 } from '../../src/models/formats/hdf5-write';
import { H5Reader } from '../../src/models/formats/hdf5-read';
import { pythonWith } from '../fixtures';

function sample() {
  const kernel = Float32Array.from({ length: 12 }, (_, i) => (i - 5) / 7);
  const bias = new Float32Array([0.1, -0.2, Math.fround(1e-30)]);
  const many = Array.from({ length: 20 }, (_, i) => [String(i), dataset([2], new Float32Array([i, -i]))] as [string, ReturnType<typeof dataset>]);
  return group([
    ['layers', group([
      ['dense', group([['vars', group([['0', dataset([4, 3], kernel)], ['1', dataset([3], bias)]], [{ name: 'name', value: 'dense_9' }])]])],
      ['dropout', group([['vars', group([], [{ name: 'name', value: 'dropout_ü' }])]])],
    ])],
    ['many', group(many)],
    ['scalar', dataset([], new Float32Array([3.5]))],
    ['vars', group([], [{ name: 'name', value: 'sequential' }])],
  ]);
}

/** A python3 that has h5py (pyenv's may not; Debian's python3-h5py installs into /usr/bin/python3). */
const H5PY = pythonWith('h5py');
const python = H5PY.python;

describe('HDF5 writer', () => {
  const bytes = writeHdf5(sample());

  it('reads back with jsfive: groups, shapes, bit-identical values, string attributes', () => {
    const r = new H5Reader(bytes, 'test.h5');
    expect(r.keys('').sort()).toEqual(['layers', 'many', 'scalar', 'vars']);
    expect(r.keys('layers').sort()).toEqual(['dense', 'dropout']);
    const k = r.dataset('layers/dense/vars/0');
    expect(k.shape).toEqual([4, 3]);
    expect(Array.from(k.values)).toEqual(Array.from(Float32Array.from({ length: 12 }, (_, i) => (i - 5) / 7)));
    expect(Array.from(r.dataset('layers/dense/vars/1').values)).toEqual(Array.from(new Float32Array([0.1, -0.2, Math.fround(1e-30)])));
    expect(r.attr('layers/dense/vars', 'name')).toBe('dense_9');
    expect(r.attr('layers/dropout/vars', 'name')).toBe('dropout_ü');
    expect(r.keys('layers/dropout/vars')).toEqual([]);
    expect(r.keys('many').length).toBe(20); // more than one symbol table node
    expect(Array.from(r.dataset('many/17').values)).toEqual([17, -17]);
    expect(r.dataset('scalar').shape).toEqual([]);
    const f = new hdf5.File(bytes.buffer.slice(0) as ArrayBuffer, 'x');
    expect((f.get('scalar') as hdf5.Dataset).value).toEqual([3.5]);
  });

  it.skipIf(!python)(`reads back with h5py (libhdf5)${H5PY.skipNote}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'h5w-'));
    const path = join(dir, 'x.h5');
    writeFileSync(path, bytes);
    const script = `
import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
out = {}
def visit(name, obj):
    a = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in obj.attrs.items()}
    if isinstance(obj, h5py.Dataset):
        out[name] = {'shape': list(obj.shape), 'dtype': str(obj.dtype), 'values': obj[()].ravel().tolist() if obj.shape else [float(obj[()])], 'attrs': a}
    else:
        out[name] = {'attrs': a}
f.visititems(visit)
print(json.dumps(out))
`;
    const r = spawnSync(python!, ['-c', script, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out['layers/dense/vars/0'].shape).toEqual([4, 3]);
    expect(out['layers/dense/vars/0'].dtype).toBe('float32');
    expect(out['layers/dense/vars/0'].values).toEqual(Array.from(Float32Array.from({ length: 12 }, (_, i) => (i - 5) / 7)));
    expect(out['layers/dense/vars'].attrs).toEqual({ name: 'dense_9' });
    expect(out['layers/dropout/vars'].attrs).toEqual({ name: 'dropout_ü' });
    expect(out['many/17'].values).toEqual([17, -17]);
    expect(out['scalar'].values).toEqual([3.5]);
    expect(Object.keys(out).filter((k) => k.startsWith('many/')).length).toBe(20);
  });
});
