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
 * A Keras 2 config passes through unchanged in meaning, so the converter is safe on both.
 */
import { ModelFileError } from './errors';
import { isPlainObject } from './file-like';

type Json = unknown;
type Dict = Record<string, unknown>;

/** Keys Keras 3 adds around objects or to layer configs that tfjs neither needs nor knows. */
const DROPPED_KEYS = new Set([
  'module', 'registered_name', 'build_config', 'compile_config', 'shared_object_id',
  'lora_rank', 'lora_alpha', 'quantization_config', 'ragged', 'optional',
]);

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
    throw new ModelFileError('The model configuration is not a Keras model config (it lacks "class_name").');
  }
  const converted = convertValue(modelConfig, 0) as Dict;
  const cls = converted.class_name;
  if (cls === 'Sequential') return fixSequential(converted);
  if (cls === 'Functional' || cls === 'Model') return fixFunctional(converted);
  throw new ModelFileError(`The file holds a "${String(cls)}", not a Sequential or Functional Keras model.`);
}

function convertValue(v: Json, depth: number): Json {
  if (depth > MAX_DEPTH) throw new ModelFileError('The model configuration is nested too deeply to be a Keras model.');
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
  if (out.activation === 'silu') out.activation = 'swish';
  return out;
}

/** tfjs computes in float32; mixed-precision policies run in float32 here. */
function policyToDtype(name: unknown): string {
  if (name === 'int32') return 'int32';
  return 'float32';
}

function layerList(config: unknown): Dict[] {
  if (Array.isArray(config)) return config.filter(isPlainObject);
  if (isPlainObject(config) && Array.isArray(config.layers)) return config.layers.filter(isPlainObject);
  throw new ModelFileError('The model configuration has no list of layers.');
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
  if (layers.length === 0) throw new ModelFileError('The model has no layers besides its input.');
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

/** One Keras 3 node {args, kwargs} -> Keras 2's list of [layer, node, tensor, kwargs]. */
function convertNode(node: unknown): unknown {
  if (Array.isArray(node)) return node; // already Keras 2 form
  if (!isPlainObject(node)) throw new ModelFileError('A layer connection (inbound node) in the model configuration is malformed.');
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
