/**
 * Rewrites a Keras 3 model config into the Keras 2 form that tfjs-layers 4.22 deserializes
 * (tfjs issue #8328). Keras 3 differs in:
 *  - every serialized object is wrapped: {module, class_name, config, registered_name, build_config}
 *  - dtypes are policy objects {class_name: "DTypePolicy", config: {name: "float32"}}
 *  - InputLayer has `batch_shape` where Keras 2 / tfjs has `batch_input_shape`
 *  - a Functional layer's inbound_nodes are [{args: [{class_name: "__keras_tensor__",
 *    config: {keras_history: [layer, node, tensor]}}], kwargs: {}}] instead of
 *    [[[layer, node, tensor, kwargs]]]; input_layers/output_layers may be flat for one tensor
 *  - Sequential lists its InputLayer as the first layer.
 * Then each layer's config is made acceptable to tfjs (`fixLayerConfig`): regularizers by Keras
 * class name (L1, L2, L1L2) become tfjs' L1L2, unknown regularizers/constraints are dropped (they act
 * only in training), unknown initializers become Zeros (the file's weights replace them), Keras 3
 * keys tfjs does not read are removed, and what tfjs cannot compute (groups > 1, keepdims, a
 * quantized layer) is refused with a message. A nested Sequential (keras.io's data_augmentation
 * block) is spliced into the outer model, layer by layer (`flattenNested`).
 * A Keras 2 config passes through unchanged in meaning, so the converter is safe on both.
 */
import { ModelFileError } from './errors';
import { modelsFormats as m } from '../../i18n/messages/models-formats';
import { isPlainObject } from './file-like';

type Json = unknown;
type Dict = Record<string, unknown>;

/** Keys Keras 3 adds around objects or to layer configs that tfjs neither needs nor knows. */
const DROPPED_KEYS = new Set([
  'module', 'registered_name', 'build_config', 'compile_config', 'shared_object_id',
  'lora_rank', 'lora_alpha', 'ragged', 'optional',
]);

/** Class names tfjs 4.22 registers for initializers and constraints. */
const TFJS_INITIALIZERS = new Set([
  'Zeros', 'Ones', 'Constant', 'RandomUniform', 'RandomNormal', 'TruncatedNormal', 'Identity', 'VarianceScaling',
  'GlorotUniform', 'GlorotNormal', 'HeNormal', 'HeUniform', 'LeCunNormal', 'LeCunUniform', 'Orthogonal',
]);
/** Keras spellings tfjs writes differently. */
const INITIALIZER_ALIASES: Record<string, string> = { LecunNormal: 'LeCunNormal', LecunUniform: 'LeCunUniform', IdentityInitializer: 'Identity' };
const TFJS_CONSTRAINTS = new Set(['MaxNorm', 'UnitNorm', 'NonNeg', 'MinMaxNorm']);
const SEPARABLE = new Set(['SeparableConv1D', 'SeparableConv2D']);
const GLOBAL_POOLING = /^Global(Average|Max)Pooling[123]D$/;

const MAX_DEPTH = 64;

/** True when the config shows Keras 3 traits (wrappers, policy dtypes, batch_shape, keras tensors). */
export function isKeras3Config(cfg: Json): boolean {
  const text = safeStringify(cfg);
  return /"(registered_name|batch_shape)"|__keras_tensor__|"DTypePolicy"|"module"\s*:/.test(text);
}

function safeStringify(v: Json): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

/** Keras 3 or Keras 2 model config (the object with class_name and config) -> tfjs-ready config. */
export function toTfjsModelConfig(modelConfig: Json): Dict {
  if (!isPlainObject(modelConfig) || typeof modelConfig.class_name !== 'string') {
    throw new ModelFileError(m.notKerasConfig);
  }
  const converted = fixLayers(convertValue(modelConfig, 0) as Dict, 0);
  const cls = converted.class_name;
  if (cls === 'Sequential') return fixSequential(spliceIntoSequential(converted));
  if (cls === 'Functional' || cls === 'Model') return spliceIntoFunctional(fixFunctional(converted));
  throw new ModelFileError(m.notSequentialOrFunctional(String(cls)));
}

function convertValue(v: Json, depth: number): Json {
  if (depth > MAX_DEPTH) throw new ModelFileError(m.configTooDeep);
  if (Array.isArray(v)) return v.map((x) => convertValue(x, depth + 1));
  if (!isPlainObject(v)) return v;
  if (typeof v.class_name === 'string' && /DTypePolicy$/.test(v.class_name) && isPlainObject(v.config)) {
    return policyToDtype(v.config.name);
  }
  const out: Dict = {};
  for (const [k, val] of Object.entries(v)) {
    if (DROPPED_KEYS.has(k)) continue;
    if (k === 'batch_shape') out.batch_input_shape = convertValue(val, depth + 1);
    else if (k === 'dtype' && isPlainObject(val)) out.dtype = policyToDtype(isPlainObject(val.config) ? val.config.name : undefined);
    else out[k] = convertValue(val, depth + 1);
  }
  return out;
}

/** Applies `fixLayerConfig` to every layer of a (converted) model config, nested models included. */
function fixLayers(model: Dict, depth: number): Dict {
  if (depth > 8) throw new ModelFileError(m.modelsTooDeep);
  const cfg = model.config;
  const list = Array.isArray(cfg) ? cfg : isPlainObject(cfg) && Array.isArray(cfg.layers) ? cfg.layers : null;
  if (!list) return model;
  const fixed = list.map((l) => {
    if (!isPlainObject(l) || typeof l.class_name !== 'string' || !isPlainObject(l.config)) return l;
    if (NESTED.has(l.class_name)) return fixLayers(l, depth + 1);
    return { ...l, config: fixLayerConfig(l.class_name, l.config) };
  });
  return { ...model, config: Array.isArray(cfg) ? fixed : { ...(cfg as Dict), layers: fixed } };
}

const NESTED = new Set(['Sequential', 'Functional', 'Model']);

/** One layer's config (Keras spelling, already unwrapped by convertValue) -> what tfjs 4.22 accepts. */
export function fixLayerConfig(className: string, config: Dict): Dict {
  const name = typeof config.name === 'string' ? config.name : className;
  const out: Dict = { ...config };
  for (const [k, v] of Object.entries(config)) {
    if (k.endsWith('_regularizer')) out[k] = toTfjsRegularizer(v);
    else if (k.endsWith('_constraint')) out[k] = isPlainObject(v) && TFJS_CONSTRAINTS.has(String(v.class_name)) ? v : null;
    else if (k.endsWith('_initializer')) out[k] = toTfjsInitializer(v);
  }
  if (isPlainObject(out.activation) && out.activation.class_name === 'function' && typeof out.activation.config === 'string') {
    out.activation = out.activation.config; // Keras 3 writes a function passed as activation this way
  }
  if (out.activation === 'silu') out.activation = 'swish';
  if (out.quantization_config != null) {
    throw new ModelFileError(m.quantized(name, className), name);
  }
  delete out.quantization_config;
  if ('groups' in out) {
    if (out.groups != null && out.groups !== 1) {
      throw new ModelFileError(m.grouped(name, className, JSON.stringify(out.groups)), name);
    }
    delete out.groups;
  }
  if (out.data_format == null) delete out.data_format; // Keras' default: channels_last
  if (SEPARABLE.has(className)) {
    // Keras writes these for every SeparableConv; tfjs refuses any of them being set.
    delete out.kernel_initializer;
    delete out.kernel_regularizer;
    delete out.kernel_constraint;
  }
  if (className === 'BatchNormalization') {
    delete out.synchronized;
    if (Array.isArray(out.axis) && out.axis.length === 1) out.axis = out.axis[0];
    else if (Array.isArray(out.axis)) {
      throw new ModelFileError(m.severalAxes(name, JSON.stringify(out.axis)), name);
    }
  }
  if (GLOBAL_POOLING.test(className)) {
    if (out.keepdims === true) {
      throw new ModelFileError(m.keepdims(name, className), name);
    }
    delete out.keepdims;
  }
  return out;
}

/** Keras' regularizers by class name (or string) -> tfjs' L1L2; anything else is dropped (training only). */
function toTfjsRegularizer(v: unknown): unknown {
  if (v == null) return null;
  const cls = typeof v === 'string' ? v : isPlainObject(v) ? v.class_name : undefined;
  const cfg = isPlainObject(v) && isPlainObject(v.config) ? v.config : {};
  const amount = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);
  switch (cls) {
    case 'L1':
    case 'l1':
      return { class_name: 'L1L2', config: { l1: amount(cfg.l1, 0.01), l2: 0 } };
    case 'L2':
    case 'l2':
      return { class_name: 'L1L2', config: { l1: 0, l2: amount(cfg.l2, 0.01) } };
    case 'L1L2':
    case 'l1_l2':
    case 'l1l2':
      return { class_name: 'L1L2', config: { l1: amount(cfg.l1, typeof v === 'string' ? 0.01 : 0), l2: amount(cfg.l2, typeof v === 'string' ? 0.01 : 0) } };
    default:
      return null;
  }
}

/** Initializers tfjs knows stay (a non-numeric seed dropped); others become Zeros: the file's weights replace them. */
function toTfjsInitializer(v: unknown): unknown {
  const zeros = { class_name: 'Zeros', config: {} };
  if (v == null) return v;
  if (typeof v === 'string') return INITIALIZER_STRINGS.has(v) ? v : zeros;
  if (!isPlainObject(v)) return zeros;
  const cls = INITIALIZER_ALIASES[String(v.class_name)] ?? String(v.class_name);
  if (!TFJS_INITIALIZERS.has(cls)) return zeros;
  const cfg = isPlainObject(v.config) ? { ...v.config } : {};
  if ('seed' in cfg && cfg.seed != null && typeof cfg.seed !== 'number') delete cfg.seed;
  if (cls === 'VarianceScaling') {
    if (cfg.distribution === 'untruncated_normal') cfg.distribution = 'normal'; // Keras 3's name for tfjs' normal
    const modeOk = cfg.mode == null || ['fan_in', 'fan_out', 'fan_avg'].includes(cfg.mode as string);
    const distOk = cfg.distribution == null || ['normal', 'uniform', 'truncated_normal'].includes(cfg.distribution as string);
    if (!modeOk || !distOk || (cfg.scale != null && !(typeof cfg.scale === 'number' && cfg.scale > 0))) return zeros;
  }
  for (const [k, x] of Object.entries(cfg)) if (k !== 'seed' && x != null && typeof x !== 'number' && typeof x !== 'string') return zeros;
  return { class_name: cls, config: cfg };
}

/** Keras' initializer strings ("glorot_uniform") that tfjs also reads. */
const INITIALIZER_STRINGS = new Set([
  'zeros', 'ones', 'constant', 'random_uniform', 'random_normal', 'truncated_normal', 'identity', 'variance_scaling',
  'glorot_uniform', 'glorot_normal', 'he_normal', 'he_uniform', 'lecun_normal', 'lecun_uniform', 'orthogonal',
]);

/** tfjs computes in float32; mixed-precision policies run in float32 here. */
function policyToDtype(name: unknown): string {
  if (name === 'int32') return 'int32';
  return 'float32';
}

function layerList(config: unknown): Dict[] {
  if (Array.isArray(config)) return config.filter(isPlainObject);
  if (isPlainObject(config) && Array.isArray(config.layers)) return config.layers.filter(isPlainObject);
  throw new ModelFileError(m.noLayerList);
}

function fixSequential(model: Dict): Dict {
  const cfg: Dict = Array.isArray(model.config) ? { name: 'sequential', layers: model.config } : { ...(model.config as Dict) };
  const layers: Dict[] = layerList(cfg).map((l) => ({ ...l, config: { ...(l.config as Dict) } }));
  let batchShape: unknown = cfg.build_input_shape ?? undefined;
  let inputDtype: unknown;
  if (layers.length > 0 && layers[0].class_name === 'InputLayer') {
    const input = layers.shift() as Dict;
    const ic = input.config as Dict;
    batchShape = ic.batch_input_shape ?? batchShape;
    inputDtype = ic.dtype;
  }
  if (layers.length === 0) throw new ModelFileError(m.noLayers);
  const first = layers[0].config as Dict;
  if (first.batch_input_shape == null && Array.isArray(batchShape)) {
    first.batch_input_shape = batchShape;
    if (inputDtype != null && first.dtype == null) first.dtype = inputDtype;
  }
  delete cfg.build_input_shape;
  cfg.layers = layers;
  return { class_name: 'Sequential', config: cfg };
}

function fixFunctional(model: Dict): Dict {
  const cfg = { ...(model.config as Dict) };
  cfg.layers = layerList(cfg).map((l) => {
    const out: Dict = { ...l };
    if (Array.isArray(l.inbound_nodes)) out.inbound_nodes = l.inbound_nodes.map(convertNode);
    return out;
  });
  cfg.input_layers = nestRefs(cfg.input_layers);
  cfg.output_layers = nestRefs(cfg.output_layers);
  return { class_name: 'Functional', config: cfg };
}

/** The layers of a nested Sequential without its own InputLayer, each without an input shape. */
function innerLayers(nested: Dict): Dict[] {
  const inner = spliceIntoSequential(nested);
  return layerList(inner.config)
    .filter((l) => l.class_name !== 'InputLayer')
    .map((l) => {
      const c = { ...(l.config as Dict) };
      delete c.batch_input_shape;
      delete c.input_shape;
      return { ...l, config: c };
    });
}

/**
 * A Sequential whose layers include a Sequential (keras.io's `data_augmentation` block): the inner
 * layers take its place, so each one is a step of its own (tfjs would otherwise need the nested
 * model as one layer, and the trace would hide what is inside). The first layer's input shape
 * (from the inner InputLayer when the nested model comes first) is kept.
 */
function spliceIntoSequential(model: Dict): Dict {
  const cfg: Dict = Array.isArray(model.config) ? { name: 'sequential', layers: model.config } : { ...(model.config as Dict) };
  const layers = layerList(cfg);
  if (!layers.some((l) => l.class_name === 'Sequential')) return model;
  const out: Dict[] = [];
  for (const l of layers) {
    if (l.class_name !== 'Sequential') {
      out.push(l);
      continue;
    }
    const inner = layerList(spliceIntoSequential(l).config);
    const shapeGiver = inner.find((x) => isPlainObject(x.config) && Array.isArray(x.config.batch_input_shape));
    const rest = innerLayers(l);
    if (out.length === 0 && shapeGiver && rest.length > 0) {
      rest[0] = { ...rest[0], config: { ...(rest[0].config as Dict), batch_input_shape: (shapeGiver.config as Dict).batch_input_shape } };
    }
    out.push(...rest);
  }
  return { ...model, config: { ...cfg, layers: out } };
}

type Ref = [string, number, number, ...unknown[]];
const isRefLike = (r: unknown): r is Ref => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'number';

/**
 * A Functional model with a nested Sequential: its layers are chained in its place, the first one
 * taking each call's input, and every reference to the nested model points at its last layer.
 * Keras 2 numbers a nested model's calls from 1 when the model has its own Input (node 0 is that
 * Input's), e.g. ["sequential", 1, 0]; Keras 3 numbers them from 0. The references tell which.
 */
function spliceIntoFunctional(model: Dict): Dict {
  const cfg = { ...(model.config as Dict) };
  const layers = layerList(cfg);
  if (!layers.some((l) => l.class_name === 'Sequential')) return model;
  const names = new Set(layers.map((l) => String((l.config as Dict)?.name ?? l.name)));
  const renamed = new Map<string, { last: string; calls: number }>();
  const out: Dict[] = [];
  for (const l of layers) {
    if (l.class_name !== 'Sequential') {
      out.push(l);
      continue;
    }
    const outer = String((l.config as Dict)?.name ?? l.name);
    const calls = Array.isArray(l.inbound_nodes) ? l.inbound_nodes : [];
    const inner = innerLayers(l);
    if (inner.length === 0) throw new ModelFileError(m.nestedEmpty(outer), outer);
    let prev = '';
    inner.forEach((x, i) => {
      const name = String((x.config as Dict).name ?? '');
      if (!name || names.has(name)) {
        throw new ModelFileError(m.nestedNameClash(outer, name), outer);
      }
      names.add(name);
      out.push({ ...x, name, inbound_nodes: i === 0 ? calls : calls.map((_, k) => [[prev, k, 0, {}]]) });
      prev = name;
    });
    renamed.set(outer, { last: prev, calls: calls.length });
  }
  const allRefs: Ref[] = [];
  const collect = (v: unknown) => {
    if (isRefLike(v)) allRefs.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
  };
  out.forEach((l) => collect(l.inbound_nodes));
  collect(cfg.output_layers);
  const skip = new Map<string, number>();
  for (const [outer, { calls }] of renamed) {
    const idx = allRefs.filter((r) => r[0] === outer).map((r) => r[1]);
    skip.set(outer, idx.length > 0 && Math.min(...idx) >= 1 && Math.max(...idx) >= calls ? 1 : 0);
  }
  const rewrite = (v: unknown): unknown => {
    if (isRefLike(v) && renamed.has(v[0])) {
      const r = v.slice() as Ref;
      r[1] = v[1] - (skip.get(v[0]) ?? 0);
      r[0] = renamed.get(v[0])!.last;
      return r;
    }
    return Array.isArray(v) ? v.map(rewrite) : v;
  };
  cfg.layers = out.map((l) => ({ ...l, inbound_nodes: rewrite(l.inbound_nodes) }));
  cfg.output_layers = rewrite(cfg.output_layers);
  return { ...model, config: cfg };
}

/** One Keras 3 node {args, kwargs} -> Keras 2's list of [layer, node, tensor, kwargs]. */
function convertNode(node: unknown): unknown {
  if (Array.isArray(node)) return node; // already Keras 2 form
  if (!isPlainObject(node)) throw new ModelFileError(m.inboundMalformed);
  const refs: unknown[] = [];
  collectTensors(node.args, refs, 0);
  return refs;
}

function collectTensors(v: unknown, out: unknown[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(v)) {
    for (const x of v) collectTensors(x, out, depth + 1);
    return;
  }
  if (!isPlainObject(v)) return;
  if (v.class_name === '__keras_tensor__' && isPlainObject(v.config) && Array.isArray(v.config.keras_history)) {
    const [layer, nodeIndex, tensorIndex] = v.config.keras_history as unknown[];
    out.push([layer, nodeIndex, tensorIndex, {}]);
  }
}

/** [["in", 0, 0]] stays; a flat ["in", 0, 0] becomes [["in", 0, 0]]. */
function nestRefs(v: unknown): unknown {
  if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'string') return [v];
  return v;
}

/** Keras' naming.to_snake_case: the names Keras 3 gives layers in model.weights.h5 ("Dense" -> "dense"). */
export function toSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
