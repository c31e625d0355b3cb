/**
 * From a tfjs-ready model config and weights to a runnable LayersModel, with the checks a course
 * participant needs: known layer classes, plausible sizes, and every weight of the right shape,
 * finite, named by layer in each message.
 */
import { tf, tfl, type Layer, type LayersModel } from '../tf';
import type { WeightTensor } from '../types';
import { ModelFileError, asModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isPlainObject } from './file-like';
import { estimateLayers } from './shapes';
import './augmentation-layers';

const MAX_LAYERS = 2000;
const MAX_UNITS = 1_000_000;
const MAX_PARAMS = 60_000_000;
/** No trained weight comes near this; a larger one is a damaged file (and overflows float32 sums). */
const MAX_WEIGHT = 1e12;
const NESTED_MODELS = new Set(['Sequential', 'Functional', 'Model']);
/** tfjs 4.22's activations, by the camelCase name it looks them up with ("hard_sigmoid" -> "hardSigmoid"). */
const ACTIVATIONS = new Set(['elu', 'selu', 'relu', 'relu6', 'linear', 'sigmoid', 'hardSigmoid', 'softplus', 'softsign', 'tanh', 'softmax', 'logSoftmax', 'gelu', 'mish', 'swish']);
/** Settings a layer cannot be built without. */
const REQUIRED: Record<string, string[]> = {
  Dense: ['units'],
  Conv1D: ['filters', 'kernel_size'], Conv2D: ['filters', 'kernel_size'], Conv3D: ['filters', 'kernel_size'],
  SeparableConv1D: ['filters', 'kernel_size'], SeparableConv2D: ['filters', 'kernel_size'], Conv2DTranspose: ['filters', 'kernel_size'],
  DepthwiseConv2D: ['kernel_size'], Embedding: ['input_dim', 'output_dim'], Reshape: ['target_shape'], Dropout: ['rate'],
};

type Dict = Record<string, unknown>;

/** The layer configs of a tfjs-ready model config, with their class and name. */
export function configLayers(modelConfig: Dict): { className: string; name: string; config: Dict }[] {
  const cfg = modelConfig.config;
  const list = Array.isArray(cfg) ? cfg : isPlainObject(cfg) && Array.isArray(cfg.layers) ? cfg.layers : null;
  if (!list) throw new ModelFileError(m.noLayerList);
  if (list.length > MAX_LAYERS) throw new ModelFileError(m.tooManyLayers(list.length));
  return list.map((l: unknown, i: number) => {
    if (!isPlainObject(l) || typeof l.class_name !== 'string') {
      throw new ModelFileError(m.layerNoClass(i + 1));
    }
    if (l.config !== undefined && !isPlainObject(l.config)) {
      throw new ModelFileError(m.layerConfigNotDict(i + 1, l.class_name, String(JSON.stringify(l.config)?.slice(0, 40))));
    }
    const config = isPlainObject(l.config) ? l.config : {};
    const name = typeof config.name === 'string' ? config.name : typeof l.name === 'string' ? l.name : `layer ${i + 1}`;
    return { className: l.class_name, name, config };
  });
}

/**
 * Refuses what tfjs cannot build or what would need absurd memory, naming the layer. The weight
 * count of each layer comes from the shape that really reaches it (see shapes.ts), so a Dense after
 * a conv/pool/flatten stack is sized from that stack's output, not from the model's input.
 */
export function validateConfig(modelConfig: Dict, maxParams = MAX_PARAMS): void {
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  for (const { className, name, config } of configLayers(modelConfig)) {
    if (NESTED_MODELS.has(className)) {
      throw new ModelFileError(m.nestedModel(name, className), name);
    }
    if (!(className in known)) {
      throw new ModelFileError(m.unknownClass(name, className), name);
    }
    if (config.name !== undefined && (typeof config.name !== 'string' || config.name === '' || /[,/\\]/.test(config.name))) {
      throw new ModelFileError(m.badLayerName(className, String(JSON.stringify(config.name)?.slice(0, 40))));
    }
    for (const key of REQUIRED[className] ?? []) {
      if (config[key] == null) throw new ModelFileError(m.missingKey(name, className, key), name);
    }
    if (config.activation != null) {
      const act = config.activation;
      if (typeof act !== 'string' || !ACTIVATIONS.has(act.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()))) {
        throw new ModelFileError(
          m.unknownActivation(name, String(JSON.stringify(act)?.slice(0, 60)), [...ACTIVATIONS].join(', ')),
          name,
        );
      }
    }
    const shape = config.batch_input_shape;
    if (shape !== undefined) {
      if (!Array.isArray(shape) || shape.length < 2 || !shape.every((d) => d === null || (Number.isInteger(d) && d > 0 && d <= MAX_UNITS))) {
        throw new ModelFileError(m.invalidInputShape(name, JSON.stringify(shape)), name);
      }
    }
    for (const key of ['units', 'filters']) {
      const v = config[key];
      if (v !== undefined && !(Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_UNITS)) {
        throw new ModelFileError(m.badUnits(name, key, JSON.stringify(v), MAX_UNITS), name);
      }
    }
  }
  let params = 0;
  for (const { name, className, output, params: p } of estimateLayers(modelConfig)) {
    if (output && output.some((d) => d !== null && !(Number.isInteger(d) && d >= 1))) {
      throw new ModelFileError(m.impossibleShape(name, className, output.map((d) => d ?? 'None').join(', ')), name);
    }
    params += p;
    if (params > maxParams) {
      throw new ModelFileError(
        maxParams < MAX_PARAMS
          ? m.moreThanFile(name, params)
          : m.tooManyParams(MAX_PARAMS),
        name,
      );
    }
  }
}

/** [layer, nodeIndex, tensorIndex, kwargs?] as Keras 2 / tfjs write a connection. */
function isRef(r: unknown): r is [string, number, number, ...unknown[]] {
  return Array.isArray(r) && r.length >= 3 && typeof r[0] === 'string' && Number.isInteger(r[1]) && (r[1] as number) >= 0 && Number.isInteger(r[2]) && (r[2] as number) >= 0 && (r[2] as number) < 64;
}

/**
 * tfjs' Functional.fromConfig re-queues a layer whose inputs are not built yet and loops forever
 * when they never will be (a missing layer, a cycle). So the graph is checked here first: every
 * connection names an existing layer's existing node, and replaying the graph from the inputs
 * reaches every node and every output.
 */
export function validateFunctionalGraph(modelConfig: Dict): void {
  const cfg = modelConfig.config as Dict;
  const layers = configLayers(modelConfig);
  const raw = (cfg.layers as Dict[]) ?? [];
  const nodesOf = new Map<string, unknown[][]>();
  layers.forEach((l, i) => {
    // tfjs connects Functional layers by the outer "name"; Keras writes it equal to config.name.
    if (raw[i].name !== undefined && raw[i].name !== l.name) throw new ModelFileError(m.twoNames(l.name), l.name);
    if (nodesOf.has(l.name)) throw new ModelFileError(m.duplicateName(l.name), l.name);
    const inbound = raw[i].inbound_nodes ?? [];
    if (!Array.isArray(inbound) || !inbound.every(Array.isArray)) throw new ModelFileError(m.malformedInbound(l.name), l.name);
    if (inbound.length > 64) throw new ModelFileError(m.calledTooOften(l.name, inbound.length), l.name);
    nodesOf.set(l.name, inbound as unknown[][]);
  });
  const nodeCount = (name: string) => {
    const cls = layers.find((l) => l.name === name)?.className;
    return cls === 'InputLayer' ? 1 : (nodesOf.get(name)?.length ?? 0);
  };
  for (const [name, nodes] of nodesOf) {
    for (const node of nodes) {
      if (node.length === 0) throw new ModelFileError(m.connectionNoInput(name), name);
      for (const ref of node) {
        if (!isRef(ref)) throw new ModelFileError(m.malformedConnection(name, String(JSON.stringify(ref)?.slice(0, 80))), name);
        if (!nodesOf.has(ref[0])) throw new ModelFileError(m.inputNotALayer(name, ref[0]), name);
        if (ref[1] >= nodeCount(ref[0])) throw new ModelFileError(m.callMissing(name, ref[1], ref[0]), name);
      }
    }
  }
  const refs = (key: string): [string, number, number][] => {
    const v = cfg[key];
    if (!Array.isArray(v) || v.length === 0 || !v.every(isRef)) throw new ModelFileError(m.refsMalformed(key));
    return v as [string, number, number][];
  };
  const inputs = refs('input_layers');
  const outputs = refs('output_layers');
  const done = new Set<string>();
  for (const [name] of inputs) {
    if (layers.find((l) => l.name === name)?.className !== 'InputLayer') throw new ModelFileError(m.inputNotInputLayer(name), name);
    done.add(`${name}#0`);
  }
  // Replay: a node is built once all it reads is built. Bounded: each round must add a node.
  const pending = [...nodesOf].flatMap(([name, nodes]) => nodes.map((node, k) => ({ key: `${name}#${k}`, node })));
  let progress = true;
  while (progress && pending.length > 0) {
    progress = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      if (pending[i].node.every((r) => done.has(`${(r as unknown[])[0]}#${(r as unknown[])[1]}`))) {
        done.add(pending[i].key);
        pending.splice(i, 1);
        progress = true;
      }
    }
  }
  if (pending.length > 0) {
    const name = pending[0].key.split('#')[0];
    throw new ModelFileError(m.unreachable(name), name);
  }
  for (const [name, k] of outputs) {
    if (!done.has(`${name}#${k}`)) throw new ModelFileError(m.outputUnreachable(name), name);
  }
}

/** Builds the model from its config (random initial weights, replaced by `assignWeights`). */
/** `weightBytes`: the size of the file(s) the weights come from; a model cannot need more numbers than that. */
export async function buildModel(modelConfig: Dict, weightBytes = Infinity): Promise<LayersModel> {
  validateConfig(modelConfig, Math.min(MAX_PARAMS, Math.floor(weightBytes / 4) + 1024));
  if (modelConfig.class_name !== 'Sequential') validateFunctionalGraph(modelConfig);
  try {
    const topology = JSON.parse(JSON.stringify(modelConfig)) as Dict;
    return await tfl.models.modelFromJSON({ modelTopology: topology } as never);
  } catch (err) {
    throw asModelFileError(err, m.buildFailed);
  }
}

/** The short name of a tfjs weight: "dense_1/kernel" -> "kernel". */
export function weightShortName(originalName: string): string {
  const i = originalName.lastIndexOf('/');
  return i >= 0 ? originalName.slice(i + 1) : originalName;
}

export type WeightLookup = (layer: Layer, index: number) => WeightTensor[] | null;

/**
 * Sets every layer's weights from `lookup` (called for each layer that has weights, with its
 * position among them), after checking count, shape and finiteness. Nothing is set unless all pass.
 */
export function assignWeights(model: LayersModel, lookup: WeightLookup): void {
  const plan: { layer: Layer; values: WeightTensor[] }[] = [];
  let index = 0;
  for (const layer of model.layers) {
    const expected = layer.weights;
    if (expected.length === 0) continue;
    const found = lookup(layer, index++);
    const cls = layer.getClassName();
    const names = expected.map((w) => weightShortName(w.originalName));
    if (!found) {
      throw new ModelFileError(m.noWeightsFor(layer.name, cls, names), layer.name);
    }
    if (found.length !== expected.length) {
      throw new ModelFileError(
        m.weightCount(layer.name, cls, expected.length, names, found.length),
        layer.name,
      );
    }
    expected.forEach((w, i) => {
      const want = w.shape as number[];
      const got = found[i].shape;
      const count = got.reduce((a, b) => a * b, 1);
      if (want.length !== got.length || want.some((d, j) => d !== got[j]) || count !== found[i].values.length) {
        throw new ModelFileError(
          m.weightShape(layer.name, names[i], want.join(', '), got.join(', ')),
          layer.name,
        );
      }
      const bad = found[i].values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) {
        throw new ModelFileError(m.weightNonFinite(layer.name, names[i], found[i].values[bad], bad), layer.name);
      }
      const huge = found[i].values.findIndex((v) => Math.abs(v) > MAX_WEIGHT);
      if (huge >= 0) {
        throw new ModelFileError(
          m.weightHuge(layer.name, names[i], found[i].values[huge].toExponential(2), huge),
          layer.name,
        );
      }
      if (names[i] === 'moving_variance') {
        const neg = found[i].values.findIndex((v) => v < 0);
        if (neg >= 0) {
          throw new ModelFileError(m.negativeVariance(layer.name, found[i].values[neg], neg), layer.name);
        }
      }
    });
    plan.push({ layer, values: found });
  }
  for (const { layer, values } of plan) {
    const tensors = values.map((w) => tf.tensor(w.values, w.shape, 'float32'));
    layer.setWeights(tensors);
    tf.dispose(tensors);
  }
}
