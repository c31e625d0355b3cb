/**
 * Keras layer configs that real files carry and tfjs 4.22 refuses as they are: each is accepted the
 * way Keras means it, or refused with a message that says why. And the weight guard sizes each
 * layer from the shape that really reaches it.
 */
import { describe, expect, it } from 'vitest';
import { tf, tfl } from '../../src/models/tf';
import { ModelFileError } from '../../src/models/formats';
import { fixLayerConfig, toTfjsModelConfig } from '../../src/models/formats/keras3-config';
import { buildModel, validateConfig } from '../../src/models/formats/build-model';
import { estimateLayers, layerEstimate } from '../../src/models/formats/shapes';
import { IDENTITY_AT_INFERENCE } from '../../src/models/formats/augmentation-layers';
import { artifactsToModel, modelToArtifacts } from '../../src/models/formats/artifacts';
import { openModelFiles } from '../../src/models/formats';
import { dataset, group, writeHdf5 } from '../../src/models/formats/hdf5-write';
import { strToU8, zipSync } from 'fflate';

const wrap = (class_name: string, config: object) => ({ module: 'keras.regularizers', class_name, config, registered_name: null });
const dense = (name: string, units: number, extra: object = {}) => ({ class_name: 'Dense', config: { name, units, activation: 'linear', ...extra } });
const input = (shape: number[]) => ({ class_name: 'InputLayer', config: { name: 'input', batch_shape: [null, ...shape], dtype: 'float32' } });
const sequential = (layers: object[]) => ({ class_name: 'Sequential', config: { name: 'sequential', layers } });
const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as ModelFileError;
  }
  throw new Error('did not throw');
};

describe('Keras 3 layer configs', () => {
  it('regularizers by Keras class name (L1, L2, L1L2, strings) become tfjs L1L2 with the same amounts', () => {
    expect(fixLayerConfig('Dense', { kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } } }).kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.01 } });
    expect(fixLayerConfig('Dense', { bias_regularizer: { class_name: 'L1', config: { l1: 0.3 } } }).bias_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0.3, l2: 0 } });
    expect(fixLayerConfig('Dense', { activity_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0.2 } } }).activity_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0.1, l2: 0.2 } });
    expect(fixLayerConfig('Dense', { kernel_regularizer: 'l2' }).kernel_regularizer).toEqual({ class_name: 'L1L2', config: { l1: 0, l2: 0.01 } });
    // a regularizer tfjs cannot express acts only in training: dropped, never a refusal
    expect(fixLayerConfig('Dense', { kernel_regularizer: { class_name: 'OrthogonalRegularizer', config: { factor: 0.01 } } }).kernel_regularizer).toBeNull();
  });

  it('a Keras 3 model with kernel_regularizer=L2(0.01) builds, and tfjs holds the same regularizer', async () => {
    const cfg = toTfjsModelConfig(sequential([input([3]), dense('d', 2, { kernel_regularizer: wrap('L2', { l2: 0.01 }) })]));
    const model = await buildModel(cfg);
    const reg = (model.layers[0] as unknown as { kernelRegularizer: { getConfig(): object } }).kernelRegularizer;
    expect(reg.getConfig()).toEqual({ l1: 0, l2: 0.01 });
    model.dispose();
  });

  it('constraints tfjs knows stay, unknown ones go; initializers: seeds kept, Keras spellings mapped, unknown ones Zeros', () => {
    const out = fixLayerConfig('Dense', {
      kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } },
      bias_constraint: { class_name: 'Custom', config: {} },
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: 42 } },
      bias_initializer: { class_name: 'LecunNormal', config: { seed: null } },
      embeddings_initializer: { class_name: 'STFTInitializer', config: {} },
    });
    expect(out.kernel_constraint).toEqual({ class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } });
    expect(out.bias_constraint).toBeNull();
    expect(out.kernel_initializer).toEqual({ class_name: 'GlorotUniform', config: { seed: 42 } });
    expect(out.bias_initializer).toEqual({ class_name: 'LeCunNormal', config: { seed: null } });
    expect(out.embeddings_initializer).toEqual({ class_name: 'Zeros', config: {} });
  });

  it('BatchNormalization: synchronized dropped, axis [3] read as 3; several axes refused', () => {
    expect(fixLayerConfig('BatchNormalization', { name: 'bn', axis: [3], synchronized: false })).toEqual({ name: 'bn', axis: 3 });
    expect(err(() => fixLayerConfig('BatchNormalization', { name: 'bn', axis: [1, 2] })).message).toMatch(/"bn" normalizes over several axes/);
  });

  it('groups = 1 is dropped; groups > 1 is refused, naming the layer and saying tfjs cannot run it', () => {
    expect(fixLayerConfig('Conv2D', { name: 'c', groups: 1, data_format: null })).toEqual({ name: 'c' });
    const e = err(() => fixLayerConfig('Conv2D', { name: 'c2', groups: 4 }));
    expect(e).toBeInstanceOf(ModelFileError);
    expect(e.message).toContain('"c2"');
    expect(e.message).toMatch(/groups = 4.*TensorFlow\.js.*cannot compute/);
    expect(e.layer).toBe('c2');
  });

  it('GlobalAveragePooling keepdims=False dropped, keepdims=True refused; quantization_config null dropped, set refused', () => {
    expect(fixLayerConfig('GlobalAveragePooling2D', { name: 'g', keepdims: false })).toEqual({ name: 'g' });
    expect(err(() => fixLayerConfig('GlobalMaxPooling1D', { name: 'g', keepdims: true })).message).toMatch(/keepdims=True/);
    expect(fixLayerConfig('Dense', { name: 'd', quantization_config: null })).toEqual({ name: 'd' });
    expect(err(() => fixLayerConfig('Dense', { name: 'd', quantization_config: { mode: 'int8' } })).message).toMatch(/"d" \(Dense\) is quantized/);
  });

  it('SeparableConv2D loses the kernel_* keys tfjs refuses, and builds', async () => {
    const sep = { class_name: 'SeparableConv2D', config: { name: 's', filters: 4, kernel_size: [3, 3], padding: 'same', kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, kernel_regularizer: null, kernel_constraint: null, depthwise_initializer: { class_name: 'GlorotUniform', config: {} } } };
    const cfg = toTfjsModelConfig(sequential([input([8, 8, 2]), sep]));
    const model = await buildModel(cfg);
    expect(model.outputs[0].shape).toEqual([null, 8, 8, 4]);
    model.dispose();
  });

  it('every augmentation layer is the identity at inference and keeps its class name and config', async () => {
    for (const cls of IDENTITY_AT_INFERENCE) {
      const extra = cls === 'RandomCrop' ? { height: 5, width: 4 } : { factor: 0.2, seed: 3 };
      const cfg = toTfjsModelConfig(sequential([input([5, 4, 3]), { class_name: cls, config: { name: 'aug', ...extra } }]));
      const model = await buildModel(cfg);
      const x = tf.randomUniform([2, 5, 4, 3]);
      const y = model.predict(x) as tf.Tensor;
      expect(Array.from(y.dataSync()), cls).toEqual(Array.from(x.dataSync()));
      expect(model.layers[0].getClassName()).toBe(cls);
      expect(model.layers[0].getConfig()).toMatchObject(cls === 'RandomCrop' ? { height: 5, width: 4 } : { factor: 0.2, seed: 3 });
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  it('a model with augmentation layers is stored and rebuilt (the saved-models path) with the same layers and config', async () => {
    const cfg = toTfjsModelConfig(sequential([input([4, 4, 1]), { class_name: 'RandomZoom', config: { name: 'zoom', height_factor: [-0.4, -0.4], fill_mode: 'reflect' } }, { class_name: 'Flatten', config: { name: 'f' } }, dense('d', 2)]));
    const model = await buildModel(cfg);
    const back = await artifactsToModel(await modelToArtifacts(model));
    expect(back.layers.map((l) => l.getClassName())).toEqual(['RandomZoom', 'Flatten', 'Dense']);
    expect(back.layers[0].getConfig()).toMatchObject({ heightFactor: [-0.4, -0.4], fillMode: 'reflect' });
    const x = tf.randomNormal([1, 4, 4, 1]);
    expect(Array.from((back.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    model.dispose();
    back.dispose();
  });

  it('RandomCrop to another size than the image is refused (Keras crops at inference too)', async () => {
    const cfg = toTfjsModelConfig(sequential([input([6, 6, 1]), { class_name: 'RandomCrop', config: { name: 'crop', height: 4, width: 4 } }]));
    await expect(buildModel(cfg)).rejects.toThrow(/"crop" \(RandomCrop to 4x4\) crops the 6x6 image/);
  });

  it("a nested augmentation Sequential is spliced in; Keras 2's inbound node 1 of the nested model is its first call", async () => {
    const functional = {
      class_name: 'Functional',
      config: {
        name: 'model',
        layers: [
          { class_name: 'InputLayer', name: 'input_1', config: { name: 'input_1', batch_input_shape: [null, 6, 6, 3] }, inbound_nodes: [] },
          {
            class_name: 'Sequential',
            name: 'sequential',
            config: { name: 'sequential', layers: [{ class_name: 'InputLayer', config: { name: 'aug_in', batch_input_shape: [null, 6, 6, 3] } }, { class_name: 'RandomFlip', config: { name: 'random_flip', mode: 'horizontal' } }, { class_name: 'RandomRotation', config: { name: 'random_rotation', factor: 0.1 } }] },
            inbound_nodes: [[['input_1', 0, 0, {}]]],
          },
          { class_name: 'Rescaling', name: 'rescaling', config: { name: 'rescaling', scale: 0.5, offset: 0 }, inbound_nodes: [[['sequential', 1, 0, {}]]] },
        ],
        input_layers: [['input_1', 0, 0]],
        output_layers: [['rescaling', 0, 0]],
      },
    };
    const model = await buildModel(toTfjsModelConfig(functional));
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'RandomFlip', 'RandomRotation', 'Rescaling']);
    const x = tf.ones([1, 6, 6, 3]);
    const y = model.predict(x) as tf.Tensor;
    expect(Array.from(y.dataSync()).every((v) => v === 0.5)).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('a Keras 3 .keras with a nested Sequential finds the inner weights at layers/sequential/layers/dense/vars', async () => {
    const tensor = (history: [string, number, number]) => ({ args: [{ class_name: '__keras_tensor__', config: { shape: [null, 4], dtype: 'float32', keras_history: history } }], kwargs: {} });
    const config = {
      module: 'keras.src.models.functional', class_name: 'Functional', registered_name: 'Functional',
      config: {
        name: 'functional', trainable: true,
        layers: [
          { module: 'keras.layers', class_name: 'InputLayer', name: 'inp', config: { batch_shape: [null, 4], dtype: 'float32', name: 'inp' }, registered_name: null, inbound_nodes: [] },
          { module: 'keras', class_name: 'Sequential', name: 'augment', registered_name: null, inbound_nodes: [tensor(['inp', 0, 0])],
            config: { name: 'augment', layers: [
              { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 4], name: 'augment_in' }, registered_name: null },
              { module: 'keras.layers', class_name: 'Dense', config: { name: 'inner', units: 3, activation: 'relu', kernel_regularizer: { module: 'keras.regularizers', class_name: 'L1', config: { l1: 0.001 }, registered_name: null }, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null } }, registered_name: null },
            ] } },
          { module: 'keras.layers', class_name: 'Dense', name: 'head', config: { name: 'head', units: 2, activation: 'linear', quantization_config: null }, registered_name: null, inbound_nodes: [tensor(['augment', 0, 0])] },
        ],
        input_layers: ['inp', 0, 0],
        output_layers: ['head', 0, 0],
      },
    };
    const w1 = Float32Array.from({ length: 12 }, (_, i) => (i - 5) / 10);
    const b1 = Float32Array.from([0.1, -0.2, 0.3]);
    const w2 = Float32Array.from([1, 0, 0, 1, 1, -1]);
    const b2 = Float32Array.from([0.5, -0.5]);
    const vars = (...ds: ReturnType<typeof dataset>[]) => group([['vars', group(ds.map((d, i) => [String(i), d]))]]);
    const h5 = writeHdf5(group([['layers', group([
      ['sequential', group([['layers', group([['dense', vars(dataset([4, 3], w1), dataset([3], b1))]])]])],
      ['dense', vars(dataset([3, 2], w2), dataset([2], b2))],
    ])]]));
    const bytes = zipSync({ 'config.json': strToU8(JSON.stringify(config)), 'metadata.json': strToU8('{"keras_version": "3.8.0"}'), 'model.weights.h5': h5 });
    const { model } = await openModelFiles([{ name: 'nested.keras', bytes }]);
    expect(model.layers.map((l) => l.name)).toEqual(['inp', 'inner', 'head']);
    const x = [1, 2, -1, 0.5];
    const h = [0, 1, 2].map((j) => Math.max(0, x.reduce((a, xi, i) => a + xi * w1[i * 3 + j], b1[j])));
    const want = [0, 1].map((j) => h.reduce((a, hi, i) => a + hi * w2[i * 2 + j], b2[j]));
    const got = Array.from((model.predict(tf.tensor2d([x])) as tf.Tensor).dataSync());
    got.forEach((g, j) => expect(g).toBeCloseTo(want[j], 5));
    model.dispose();
  });

  it('the Keras 3 numbering (node 0) of a nested model is read as its first call too', async () => {
    const functional = {
      class_name: 'Functional',
      config: {
        name: 'model',
        layers: [
          { class_name: 'InputLayer', name: 'inp', config: { name: 'inp', batch_shape: [null, 4] }, inbound_nodes: [] },
          { class_name: 'Sequential', name: 'block', config: { name: 'block', layers: [{ class_name: 'InputLayer', config: { name: 'bi', batch_shape: [null, 4] } }, dense('inner', 2)] }, inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['inp', 0, 0] } }], kwargs: {} }] },
          { ...dense('out', 1), name: 'out', inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['block', 0, 0] } }], kwargs: {} }] },
        ],
        input_layers: [['inp', 0, 0]],
        output_layers: [['out', 0, 0]],
      },
    };
    const model = await buildModel(toTfjsModelConfig(functional));
    expect(model.layers.map((l) => l.name)).toEqual(['inp', 'inner', 'out']);
    expect(model.outputs[0].shape).toEqual([null, 1]);
    model.dispose();
  });
});

describe('the weight guard reads the shape that reaches each layer', () => {
  const photoCnn = () =>
    toTfjsModelConfig(
      sequential([
        input([150, 150, 3]),
        { class_name: 'Conv2D', config: { name: 'c1', filters: 32, kernel_size: [3, 3], padding: 'valid' } },
        { class_name: 'MaxPooling2D', config: { name: 'p1', pool_size: [2, 2] } },
        { class_name: 'Conv2D', config: { name: 'c2', filters: 64, kernel_size: 3, strides: 2, padding: 'same' } },
        { class_name: 'Flatten', config: { name: 'f' } },
        dense('d', 128),
      ]),
    );

  it('Conv/Pool/Flatten shapes follow Keras, and Dense is sized from the flattened conv output', () => {
    const est = estimateLayers(photoCnn());
    expect(est.map((e) => e.output)).toEqual([[148, 148, 32], [74, 74, 32], [37, 37, 64], [87616], [128]]);
    expect(est.map((e) => e.params)).toEqual([3 * 3 * 3 * 32 + 32, 0, 3 * 3 * 32 * 64 + 64, 0, 87616 * 128 + 128]);
  });

  it('a file holding all those weights opens; one holding far fewer is refused, naming the layer', () => {
    const need = 896 + 18496 + 87616 * 128 + 128;
    expect(() => validateConfig(photoCnn(), need)).not.toThrow();
    const e = err(() => validateConfig(photoCnn(), need - 1000));
    expect(e.message).toMatch(/Layer "d" makes the model need \d+ weights, more than the file holds/);
  });

  it('other kinds: separable, depthwise, pooling same, global pooling, BN, padding, merge', () => {
    expect(layerEstimate('SeparableConv2D', { filters: 8, kernel_size: [3, 3], padding: 'same', depth_multiplier: 1 }, [[10, 10, 4]])).toEqual({ output: [10, 10, 8], params: 9 * 4 + 4 * 8 + 8 });
    expect(layerEstimate('DepthwiseConv2D', { kernel_size: 3, depth_multiplier: 2 }, [[10, 10, 4]])).toEqual({ output: [8, 8, 8], params: 9 * 8 + 8 });
    expect(layerEstimate('MaxPooling2D', { pool_size: 3, strides: 2, padding: 'same' }, [[128, 128, 32]]).output).toEqual([64, 64, 32]);
    expect(layerEstimate('Conv1D', { filters: 64, kernel_size: 6 }, [[186, 1]])).toEqual({ output: [181, 64], params: 6 * 64 + 64 });
    expect(layerEstimate('GlobalAveragePooling2D', {}, [[7, 7, 256]]).output).toEqual([256]);
    expect(layerEstimate('BatchNormalization', { axis: 3 }, [[7, 7, 256]]).params).toBe(1024);
    expect(layerEstimate('ZeroPadding2D', { padding: [[1, 2], [3, 4]] }, [[7, 7, 2]]).output).toEqual([10, 14, 2]);
    expect(layerEstimate('Concatenate', { axis: -1 }, [[4, 3], [4, 5]]).output).toEqual([4, 8]);
    expect(layerEstimate('Dense', { units: 5 }, [[10, 7]])).toEqual({ output: [10, 5], params: 40 });
  });

  it('a kernel larger than what reaches it is refused with the impossible shape', () => {
    const cfg = toTfjsModelConfig(sequential([input([4, 4, 1]), { class_name: 'Conv2D', config: { name: 'big', filters: 2, kernel_size: [5, 5] } }]));
    expect(err(() => validateConfig(cfg)).message).toMatch(/"big" \(Conv2D\) would produce the impossible shape \(0, 0, 2\)/);
  });

  it('a Reshape whose target does not divide what reaches it is refused with the impossible shape', () => {
    const cfg = toTfjsModelConfig(sequential([input([10]), { class_name: 'Reshape', config: { name: 'r', target_shape: [4, -1] } }]));
    expect(err(() => validateConfig(cfg)).message).toMatch(/"r" \(Reshape\) would produce the impossible shape \(4, 2\.5\)/);
  });

  it('the real tfjs models agree with the estimates (each layer, params and shape)', async () => {
    const cfg = photoCnn();
    const model = await buildModel(cfg);
    const est = estimateLayers(cfg);
    model.layers.forEach((l, i) => {
      expect(est[i].params, l.name).toBe(l.countParams());
      expect(est[i].output, l.name).toEqual((l.outputShape as number[]).slice(1));
    });
    model.dispose();
    void tfl;
  });
});
