/** Bad files get a ModelFileError whose message names the problem (and the layer, where there is one). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { openModelFiles, ModelFileError, type FileLike } from '../../src/models/formats';
import { fixtures } from '../fixtures';
import { MAX_MODEL_BYTES } from '../../src/models/formats/file-like';
import { dataset, group, writeHdf5 } from '../../src/models/formats/hdf5-write';

const FIX = fixtures('models');
const DIR = FIX.dir;
const HAVE = FIX.present;
const read = (rel: string) => new Uint8Array(readFileSync(join(DIR, rel)));

async function failure(files: FileLike[]): Promise<ModelFileError> {
  const err = await openModelFiles(files).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(ModelFileError);
  return err as ModelFileError;
}

/** The .keras fixture with its config.json changed by `edit`. */
function kerasWith(edit: (cfg: any) => void): FileLike {
  const entries = unzipSync(read('keras3-iris-dropout/iris_model.keras'));
  const cfg = JSON.parse(new TextDecoder().decode(entries['config.json']));
  edit(cfg);
  entries['config.json'] = strToU8(JSON.stringify(cfg));
  return { name: 'edited.keras', bytes: zipSync(entries) };
}

describe('bad files without fixtures', () => {
  it('empty file', async () => {
    expect((await failure([{ name: 'model.keras', bytes: new Uint8Array(0) }])).message).toBe('The file "model.keras" is empty (0 bytes): it holds no model.');
  });

  it('no file at all', async () => {
    expect((await failure([])).message).toContain('No file');
  });

  it('a file far too large', async () => {
    const big = new Uint8Array(MAX_MODEL_BYTES + 1);
    expect((await failure([{ name: 'huge.h5', bytes: big }])).message).toMatch(/far too large/);
  });

  it('a zip without config.json', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect((await failure([{ name: 'model.keras', bytes: zip }])).message).toContain('without config.json');
  });

  it('an HDF5 file with no model in it', async () => {
    const h5 = writeHdf5(group([['data', dataset([2], new Float32Array([1, 2]))]]));
    expect((await failure([{ name: 'data.h5', bytes: h5 }])).message).toContain('holds no Keras model');
  });

  it('something that is no model format', async () => {
    const err = await failure([{ name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) }]);
    expect(err.message).toContain('not a model file');
  });

  it('JSON that is not a tfjs model, and broken JSON', async () => {
    expect((await failure([{ name: 'x.json', bytes: strToU8('{"a": 1}') }])).message).toContain('no "modelTopology"');
    expect((await failure([{ name: 'model.json', bytes: strToU8('{"modelTopology": {"class_na') }])).message).toContain('not valid JSON');
  });
});

describe.skipIf(!HAVE)(`bad files made from the fixtures${FIX.skipNote}`, () => {
  it('a truncated .keras', async () => {
    const b = read('keras3-iris-dropout/iris_model.keras');
    const err = await failure([{ name: 'iris_model.keras', bytes: b.slice(0, b.length >> 1) }]);
    expect(err.message).toMatch(/damaged|truncated/);
  });

  it('a truncated .h5', async () => {
    const b = read('keras2-iris-sigmoid16/iris_model.h5');
    const err = await failure([{ name: 'iris_model.h5', bytes: b.slice(0, 3000) }]);
    expect(err.message).toMatch(/damaged|truncated/);
    expect(err.message).toContain('iris_model.h5');
  });

  it('a truncated .bin shard', async () => {
    const err = await failure([
      { name: 'model.json', bytes: read('tfjs-iris-dense100/model.json') },
      { name: 'group1-shard1of1.bin', bytes: read('tfjs-iris-dense100/group1-shard1of1.bin').slice(0, 1000) },
    ]);
    expect(err.message).toContain('truncated');
  });

  it('a weights-only HDF5 (model.weights.h5) says it holds only weights', async () => {
    const weights = unzipSync(read('keras3-iris-dropout/iris_model.keras'))['model.weights.h5'];
    expect((await failure([{ name: 'model.weights.h5', bytes: weights }])).message).toContain('only weights');
  });

  it('a weight of the wrong shape names the layer, the expected and the found shape', async () => {
    const file = kerasWith((cfg) => (cfg.config.layers[3].config.units = 31)); // dense_10: 32 -> 31
    const err = await failure([file]);
    expect(err.layer).toBe('dense_10');
    expect(err.message).toBe('Layer "dense_10": the weight "kernel" should have shape [64, 31], the file has [64, 32].');
  });

  it('an unknown layer class names the class and the layer', async () => {
    const err = await failure([kerasWith((cfg) => (cfg.config.layers[2].class_name = 'MagicDropout'))]);
    expect(err.layer).toBe('dropout_3');
    expect(err.message).toContain('"MagicDropout"');
    expect(err.message).toContain('"dropout_3"');
  });

  it('weights that are NaN are refused, naming the layer', async () => {
    const json = read('tfjs-iris-dense100/model.json');
    const bin = read('tfjs-iris-dense100/group1-shard1of1.bin').slice();
    new DataView(bin.buffer).setFloat32(8, NaN, true);
    const err = await failure([{ name: 'model.json', bytes: json }, { name: 'group1-shard1of1.bin', bytes: bin }]);
    expect(err.message).toContain('Layer "dense_3"');
    expect(err.message).toContain('NaN');
  });

  it('a .keras and an .h5 together are refused with a hint', async () => {
    const err = await failure([
      { name: 'a.keras', bytes: read('keras3-iris-dropout/iris_model.keras') },
      { name: 'b.h5', bytes: read('keras2-iris-sigmoid16/iris_model.h5') },
    ]);
    expect(err.message).toContain('on its own');
  });
});

describe.skipIf(!HAVE)(`tfjs weight names${FIX.skipNote}`, () => {
  it('weights whose names carry a prefix are matched by position', async () => {
    const json = JSON.parse(new TextDecoder().decode(read('tfjs-iris-dense100/model.json')));
    for (const w of json.weightsManifest[0].weights) w.name = `sequential_3/${w.name}`;
    const { model } = await openModelFiles([
      { name: 'model.json', bytes: strToU8(JSON.stringify(json)) },
      { name: 'group1-shard1of1.bin', bytes: read('tfjs-iris-dense100/group1-shard1of1.bin') },
    ]);
    const bin = read('tfjs-iris-dense100/group1-shard1of1.bin');
    const first = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + 16));
    expect(Array.from(model.getLayer('dense_3').getWeights()[0].dataSync().slice(0, 4))).toEqual(Array.from(first));
  });
});
