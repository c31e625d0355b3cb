/**
 * Download as a Keras 3 `.keras` that Keras can load: the same zip layout (metadata.json,
 * config.json, model.weights.h5, stored uncompressed), config format and weight paths
 * (layers/<snake_case(class)>[_k]/vars/<i>, each vars group with its layer's `name`) as the
 * Keras 3.8 fixture. Models are written as a Keras Sequential, so only chains of layers export.
 * No compile_config and no optimizer state: the model loads uncompiled, ready for predict().
 */
import { zipSync } from 'fflate';
import type { Layer, LayersModel } from '../tf';
import type { ModelBundle } from '../types';
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isPlainObject } from './file-like';
import { dataset, group, writeHdf5, type H5Group } from './hdf5-write';
import { toSnakeCase } from './keras3-config';

type Dict = Record<string, unknown>;

/** The Keras release whose .keras layout this follows (the fixture was written by it). */
export const KERAS_FORMAT_VERSION = '3.8.0';

const policy = (name = 'float32') => ({ module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null });

/** Keras 3 keeps these keys per class (as in the fixture); other classes keep all but tfjs-only ones. */
const KEYS: Record<string, string[]> = {
  Dense: ['name', 'trainable', 'dtype', 'units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'kernel_constraint', 'bias_constraint'],
  Dropout: ['name', 'trainable', 'dtype', 'rate', 'seed', 'noise_shape'],
  Activation: ['name', 'trainable', 'dtype', 'activation'],
};
const TFJS_ONLY = new Set(['batch_input_shape', 'input_shape', 'input_dim', 'batch_size']);

/** Keras 3 initializer classes that take only a seed (tfjs also writes scale/mode/distribution). */
const SEED_ONLY = new Set(['GlorotUniform', 'GlorotNormal', 'HeUniform', 'HeNormal', 'LecunUniform', 'LecunNormal']);

/** tfjs writes Glorot/He/Lecun as VarianceScaling; Keras writes their own names. tfjs' "normal" is truncated. */
function namedVarianceScaling(c: Dict): string | null {
  const normal = c.distribution === 'normal' || c.distribution === 'truncated_normal';
  const uniform = c.distribution === 'uniform';
  if (!normal && !uniform) return null;
  const family = c.scale === 1 && c.mode === 'fan_avg' ? 'Glorot' : c.scale === 2 && c.mode === 'fan_in' ? 'He' : c.scale === 1 && c.mode === 'fan_in' ? 'Lecun' : null;
  return family ? `${family}${uniform ? 'Uniform' : 'Normal'}` : null;
}

function kerasObject(module: string, v: unknown): unknown {
  if (!isPlainObject(v) || typeof v.class_name !== 'string') return v ?? null;
  let className = v.class_name;
  let config: Dict = isPlainObject(v.config) ? { ...v.config } : {};
  if (className === 'VarianceScaling') {
    className = namedVarianceScaling(config) ?? className;
    if (config.distribution === 'normal') config.distribution = 'truncated_normal';
  }
  if (SEED_ONLY.has(className)) config = { seed: config.seed ?? null };
  return { module, class_name: className, config, registered_name: null };
}

function layerConfig(className: string, cfg: Dict): Dict {
  const out: Dict = {};
  const keep = KEYS[className];
  for (const [k, v] of Object.entries(cfg)) {
    if (TFJS_ONLY.has(k) || (keep && !keep.includes(k))) continue;
    if (k === 'dtype') out.dtype = policy(typeof v === 'string' ? v : 'float32');
    else if (k.endsWith('_initializer')) out[k] = kerasObject('keras.initializers', v);
    else if (k.endsWith('_regularizer')) out[k] = kerasObject('keras.regularizers', v);
    else if (k.endsWith('_constraint')) out[k] = kerasObject('keras.constraints', v);
    else out[k] = v;
  }
  if (out.dtype === undefined) out.dtype = policy();
  return out;
}

/** The model's non-input layers, checked to form a single chain. */
function chainLayers(model: LayersModel): Layer[] {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new ModelFileError(m.exportOneInOut);
  }
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  if (model.getClassName() !== 'Sequential') {
    layers.forEach((l, i) => {
      const nodes = l.inboundNodes;
      const from = nodes.length === 1 ? nodes[0].inboundLayers : [];
      const prev = i === 0 ? 'InputLayer' : layers[i - 1].name;
      const ok = from.length === 1 && (i === 0 ? from[0].getClassName() === 'InputLayer' : from[0].name === prev);
      if (!ok) throw new ModelFileError(m.exportChain(l.name), l.name);
    });
  }
  return layers;
}

function inputShapeOf(layer: Layer): (number | null)[] {
  const shape = layer.inboundNodes[0]?.inputShapes;
  const s = Array.isArray(shape) && Array.isArray(shape[0]) ? shape[0] : shape;
  return (s as (number | null)[]).slice();
}

export interface KerasExportParts {
  config: Dict;
  metadata: Dict;
  weights: H5Group;
}

/** config.json, metadata.json and the model.weights.h5 tree, before zipping (tests look at them). */
export function kerasParts(bundle: ModelBundle, now = new Date()): KerasExportParts {
  const { model } = bundle;
  const layers = chainLayers(model);
  const topology = model.toJSON(null, false) as unknown as Dict;
  const pyLayers = (isPlainObject(topology.config) && Array.isArray(topology.config.layers) ? topology.config.layers : []) as Dict[];
  const pyByName = new Map(pyLayers.map((l) => [String((l.config as Dict)?.name), l]));
  const batchShape = model.inputs[0].shape.slice();
  const inputName = model.layers[0]?.getClassName() === 'InputLayer' ? model.layers[0].name : 'input_layer';

  const kerasLayers: Dict[] = [
    { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: batchShape, dtype: 'float32', sparse: false, name: inputName }, registered_name: null },
  ];
  const used = new Map<string, number>();
  const layerGroups: [string, H5Group][] = [];
  for (const layer of layers) {
    const cls = layer.getClassName();
    const py = pyByName.get(layer.name);
    const entry: Dict = { module: 'keras.layers', class_name: cls, config: layerConfig(cls, (py?.config as Dict) ?? {}), registered_name: null };
    const weights = layer.getWeights();
    if (weights.length > 0) entry.build_config = { input_shape: inputShapeOf(layer) };
    kerasLayers.push(entry);

    const base = toSnakeCase(cls);
    const n = used.get(base);
    used.set(base, n === undefined ? 0 : n + 1);
    const key = n === undefined ? base : `${base}_${n + 1}`;
    const vars = group(
      weights.map((w, i) => [String(i), dataset(w.shape.slice(), Float32Array.from(w.dataSync()))]),
      [{ name: 'name', value: layer.name }],
    );
    layerGroups.push([key, group([['vars', vars]])]);
  }
  const config: Dict = {
    module: 'keras',
    class_name: 'Sequential',
    config: { name: model.name, trainable: true, dtype: policy(), layers: kerasLayers, build_input_shape: batchShape },
    registered_name: null,
    build_config: { input_shape: batchShape },
  };
  const pad = (x: number) => String(x).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}@${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  const metadata: Dict = { keras_version: KERAS_FORMAT_VERSION, date_saved: date, layer_lens: bundle.info };
  const weights = group([
    ['layers', group(layerGroups)],
    ['vars', group([], [{ name: 'name', value: model.name }])],
  ]);
  return { config, metadata, weights };
}

/** The .keras file's bytes. */
export function exportKerasFile(bundle: ModelBundle, now = new Date()): Uint8Array {
  const { config, metadata, weights } = kerasParts(bundle, now);
  const enc = new TextEncoder();
  return zipSync(
    {
      'metadata.json': enc.encode(JSON.stringify(metadata)),
      'config.json': enc.encode(JSON.stringify(config)),
      'model.weights.h5': writeHdf5(weights),
    },
    { level: 0, mtime: now },
  );
}
