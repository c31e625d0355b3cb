/**
 * The Keras code written for a model builds the same architecture: it runs in Python against a
 * stand-in for Keras 3 (test/python/keras_stub: each layer takes exactly Keras 3's arguments) and
 * what it builds is compared with the model on screen. Keras itself is not installed here.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tfl, type LayersModel } from '../../src/models/tf';
import { kerasCode, layerCall } from '../../src/inspector/export/kerasCode';
import { openModelFiles } from '../../src/models/formats';
import { fixtures } from '../fixtures';

const CHECKER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'python', 'check_keras_code.py');

interface Built {
  inputs: { name: string | null; shape: (number | null)[] }[];
  models: { kind: string; name: string; layers?: { class: string; args: Record<string, unknown> }[]; outputs?: string[] }[];
  calls: { layer: string; class: string; args: Record<string, unknown>; inputs: string[] }[];
}

function run(code: string): Built {
  return JSON.parse(execFileSync('python3', [CHECKER], { input: code, encoding: 'utf8' })) as Built;
}

type GraphLayer = {
  name: string;
  getClassName(): string;
  layers?: GraphLayer[];
  inboundNodes: { inboundLayers: { name: string }[] }[];
};

/** The layer classes of a model in order, nested Sequentials expanded as [class, [...]]. */
function classes(layers: GraphLayer[]): unknown[] {
  return layers.filter((l) => l.getClassName() !== 'InputLayer').map((l) => (l.layers ? [l.getClassName(), classes(l.layers)] : l.getClassName()));
}

function checkBuilds(model: LayersModel): Built {
  const code = kerasCode(model);
  expect(code).not.toContain('does not know');
  const built = run(code);
  const layers = model.layers as unknown as GraphLayer[];
  const top = built.models.at(-1)!;
  if (top.kind === 'Sequential') {
    expect(top.layers!.map((l) => l.class)).toEqual(classes(layers));
    expect(built.inputs[0].shape).toEqual(model.inputs[0].shape.slice(1));
  } else {
    // Every layer is called on the layers that feed it in the model, by name.
    const expected = layers
      .filter((l) => l.getClassName() !== 'InputLayer')
      .flatMap((l) => l.inboundNodes.filter((n) => n.inboundLayers.length).map((n) => ({ layer: l.name, from: n.inboundLayers.map((s) => s.name) })));
    const got = built.calls.map((c) => ({ layer: c.layer, from: c.inputs }));
    expect(got).toEqual(expected);
    expect(top.outputs).toEqual((model as unknown as { outputLayers: { name: string }[] }).outputLayers.map((l) => l.name));
  }
  return built;
}

describe('Keras code for a model', () => {
  it('writes the course Iris model as the course does', () => {
    const model = tfl.sequential({
      name: 'iris',
      layers: [
        tfl.layers.dense({ units: 8, inputShape: [4], name: 'dense' }),
        tfl.layers.activation({ activation: 'relu', name: 'activation' }),
        tfl.layers.dense({ units: 3, name: 'dense_1' }),
        tfl.layers.activation({ activation: 'softmax', name: 'activation_1' }),
      ],
    });
    expect(kerasCode(model)).toBe(
      [
        'import keras',
        'from keras import layers',
        '',
        'model = keras.Sequential([',
        '    keras.Input(shape=(4,)),',
        '    layers.Dense(8),',
        '    layers.Activation("relu"),',
        '    layers.Dense(3),',
        '    layers.Activation("softmax"),',
        '], name="iris")',
        '',
      ].join('\n'),
    );
    checkBuilds(model);
  });

  it('writes each layer with the arguments that differ from Keras 3 defaults', () => {
    const cfg = (l: { getClassName(): string; getConfig(): object }) => layerCall(l.getClassName(), l.getConfig() as Record<string, unknown>);
    expect(cfg(tfl.layers.dense({ units: 128, activation: 'relu' }))).toBe('layers.Dense(128, activation="relu")');
    expect(cfg(tfl.layers.dense({ units: 1, useBias: false }))).toBe('layers.Dense(1, use_bias=False)');
    expect(cfg(tfl.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }))).toBe('layers.Conv2D(32, 3, activation="relu")');
    expect(cfg(tfl.layers.conv2d({ filters: 8, kernelSize: [3, 5], strides: 2, padding: 'same' }))).toBe(
      'layers.Conv2D(8, (3, 5), strides=2, padding="same")',
    );
    expect(cfg(tfl.layers.maxPooling2d({ poolSize: 2 }))).toBe('layers.MaxPooling2D()');
    expect(cfg(tfl.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }))).toBe('layers.MaxPooling2D(pool_size=3, strides=2, padding="same")');
    expect(cfg(tfl.layers.batchNormalization({ momentum: 0.9 }))).toBe('layers.BatchNormalization(momentum=0.9)');
    expect(cfg(tfl.layers.rescaling({ scale: 1 / 255 }))).toBe('layers.Rescaling(0.00392156862745098)');
    expect(cfg(tfl.layers.leakyReLU({ alpha: 0.1 }))).toBe('layers.LeakyReLU(negative_slope=0.1)');
    expect(cfg(tfl.layers.zeroPadding2d({ padding: 2 }))).toBe('layers.ZeroPadding2D(padding=2)');
    expect(cfg(tfl.layers.reshape({ targetShape: [4] }))).toBe('layers.Reshape((4,))');
    expect(cfg(tfl.layers.globalAveragePooling2d({}))).toBe('layers.GlobalAveragePooling2D()');
    expect(cfg(tfl.layers.dropout({ rate: 0.5 }))).toBe('layers.Dropout(0.5)');
  });

  it('writes a conv net that runs against Keras 3 signatures', () => {
    const model = tfl.sequential({
      name: 'cnn',
      layers: [
        tfl.layers.rescaling({ scale: 1 / 255, inputShape: [28, 28, 1] }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }),
        tfl.layers.batchNormalization(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.separableConv2d({ filters: 8, kernelSize: 3, depthMultiplier: 2 }),
        tfl.layers.depthwiseConv2d({ kernelSize: 3 }),
        tfl.layers.globalMaxPooling2d({}),
        tfl.layers.dropout({ rate: 0.5 }),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const built = checkBuilds(model);
    expect(built.models[0].layers![4]).toEqual({ class: 'SeparableConv2D', name: null, args: { filters: 8, kernel_size: 3, depth_multiplier: 2 } });
  });

  it('writes the functional API with a merge and a layer used twice', () => {
    const input = tfl.input({ shape: [4], name: 'features' });
    const shared = tfl.layers.dense({ units: 4, activation: 'relu', name: 'shared' });
    const a = shared.apply(input) as ReturnType<typeof tfl.input>;
    const b = shared.apply(a) as ReturnType<typeof tfl.input>;
    const sum = tfl.layers.add({ name: 'add' }).apply([a, b]) as ReturnType<typeof tfl.input>;
    const out = tfl.layers.dense({ units: 2, activation: 'softmax', name: 'dense-out' }).apply(sum) as ReturnType<typeof tfl.input>;
    const model = tfl.model({ inputs: input, outputs: out, name: 'functional' });
    const code = kerasCode(model);
    expect(code).toContain('features = keras.Input(shape=(4,), name="features")');
    expect(code).toContain('shared_layer = layers.Dense(4, activation="relu", name="shared")');
    expect(code).toContain('dense_out = layers.Dense(2, activation="softmax", name="dense-out")(add)');
    expect(code).toContain('model = keras.Model(features, dense_out, name="functional")');
    const built = run(code);
    expect(built.calls.map((c) => [c.layer, c.inputs])).toEqual([
      ['shared', ['features']],
      ['shared', ['shared']],
      ['add', ['shared', 'shared']],
      ['dense-out', ['add']],
    ]);
  });

  it('a name cannot inject code', () => {
    const model = tfl.sequential({ name: 'x")\nimport os\n("', layers: [tfl.layers.dense({ units: 1, inputShape: [2], name: 'd' })] });
    const code = kerasCode(model);
    expect(code.split('\n').filter((l) => l.startsWith('import'))).toEqual(['import keras']);
    expect(() => run(code)).not.toThrow();
  });
});

const FIX = fixtures('models');
const LIST = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'models.json'), 'utf8')) as {
  models: { name: string; files: (string | { path: string; name: string })[]; expect: string }[];
};

describe.skipIf(!FIX.present)(`Keras code for every real model file that opens${FIX.skipNote}`, () => {
  for (const entry of LIST.models.filter((m) => m.expect === 'opens')) {
    it(`builds the same architecture: ${entry.name}`, async () => {
      const files = entry.files.map((f) => {
        const ref = typeof f === 'string' ? { path: f, name: f.split('/').pop()! } : f;
        return { name: ref.name, bytes: new Uint8Array(readFileSync(join(FIX.dir, ref.path))) };
      });
      const bundle = await openModelFiles(files);
      try {
        checkBuilds(bundle.model);
      } finally {
        bundle.model.dispose();
      }
    });
  }
});
