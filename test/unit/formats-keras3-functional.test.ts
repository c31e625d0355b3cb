/**
 * A Keras 3 Functional model as a .keras: made from the Keras-3-written model.json fixture (its
 * model_config IS a Keras 3 Functional config) and its weights, laid out as Keras 3 saves them
 * (Functional.layers includes the InputLayer: layers/input_layer, layers/dense, layers/dense_1).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { tf } from '../../src/models/tf';
import { openModelFiles } from '../../src/models/formats';
import { fixtures } from '../fixtures';
import { dataset, group, writeHdf5 } from '../../src/models/formats/hdf5-write';

const FIX = fixtures('models/keras3-tfjs-json-broken');
const DIR = FIX.dir;

describe.skipIf(!FIX.present)(`Keras 3 Functional .keras${FIX.skipNote}`, () => {
  it('opens with Keras 3 inbound nodes and computes what its weights say (a forward pass worked out here)', async () => {
    const json = JSON.parse(readFileSync(join(DIR, 'model.json'), 'utf8'));
    const bin = new Uint8Array(readFileSync(join(DIR, 'group1-shard1of1.bin')));
    const f = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
    const [k0, b0, k1, b1] = [f.slice(0, 16), f.slice(16, 32), f.slice(32, 48), f.slice(48, 49)];
    const config = { module: 'keras', class_name: 'Functional', config: json.modelTopology.model_config.config, registered_name: 'Functional' };
    const weights = writeHdf5(
      group([
        ['layers', group([
          ['input_layer', group([['vars', group([], [{ name: 'name', value: 'input_layer' }])]])],
          ['dense', group([['vars', group([['0', dataset([1, 16], k0)], ['1', dataset([16], b0)]], [{ name: 'name', value: 'dense' }])]])],
          ['dense_1', group([['vars', group([['0', dataset([16, 1], k1)], ['1', dataset([1], b1)]], [{ name: 'name', value: 'dense_1' }])]])],
        ])],
        ['vars', group([], [{ name: 'name', value: 'functional' }])],
      ]),
    );
    const bytes = zipSync({ 'metadata.json': strToU8('{"keras_version": "3.4.1"}'), 'config.json': strToU8(JSON.stringify(config)), 'model.weights.h5': weights });
    const { model } = await openModelFiles([{ name: 'functional.keras', bytes }]);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense', 'Dense']);
    // Compared with numbers worked out here from the shard's floats, not with another file opened by
    // the same loaders: sigmoid(relu(x * k0 + b0) . k1 + b1), Dense(16, relu) -> Dense(1, sigmoid).
    const inputs = [-1, 0.25, 3];
    const expected = inputs.map((v) => {
      let z = b1[0];
      for (let j = 0; j < 16; j++) z += Math.max(0, v * k0[j] + b0[j]) * k1[j];
      return 1 / (1 + Math.exp(-z));
    });
    const x = tf.tensor2d(inputs.map((v) => [v]));
    const got = Array.from((model.predict(x) as typeof x).dataSync());
    got.forEach((v, i) => expect(Math.abs(v - expected[i]), `x = ${inputs[i]}`).toBeLessThan(1e-6));
    expect(new Set(expected.map((v) => v.toFixed(4))).size).toBe(3);
    x.dispose();
    model.dispose();
  });
});
